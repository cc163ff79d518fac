// The GIF export's Web Worker: builds the shared palette, maps each frame to it and compresses it, off the main thread.

import { GifWriter, sharedPalette } from './gifEncoding.ts';

export type GifWorkerMessage =
  | { type: 'start'; width: number; height: number; samples: Uint8ClampedArray[] }
  | { type: 'frame'; rgba: Uint8ClampedArray; delay: number }
  | { type: 'finish' };

export type GifWorkerReply =
  { type: 'ready' } | { type: 'frame'; count: number } | { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<GifWorkerMessage>) => void) | null;
  postMessage(message: GifWorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let writer: GifWriter | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message.type === 'start') {
      writer = new GifWriter(message.width, message.height, sharedPalette(message.samples));
      scope.postMessage({ type: 'ready' });
    } else if (message.type === 'frame') {
      if (!writer) throw new Error('GIF worker: a frame before the start');
      writer.addFrame(message.rgba, message.delay);
      scope.postMessage({ type: 'frame', count: writer.frameCount });
    } else {
      if (!writer) throw new Error('GIF worker: finished before the start');
      const bytes = writer.finish();
      writer = null;
      scope.postMessage({ type: 'done', bytes }, [bytes.buffer]);
    }
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
