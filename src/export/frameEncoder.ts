// Hands GIF frames to the encoding worker one at a time (the next frame is drawn while the last is encoded), or encodes them
// here when the browser cannot start the worker.

import { GifWriter, sharedPalette } from './gifEncoding.ts';
import type { GifWorkerMessage, GifWorkerReply } from './gifWorker.ts';

export interface FrameEncoder {
  /** Sets the size and builds the palette from sample frames. */
  start(width: number, height: number, samples: Uint8ClampedArray[]): Promise<void>;
  /** Resolves when the frame is encoded; its pixels may be handed over (not to be used afterwards). */
  add(rgba: Uint8ClampedArray, delayMs: number): Promise<void>;
  finish(): Promise<Uint8Array>;
  close(): void;
}

function mainThreadEncoder(): FrameEncoder {
  let writer: GifWriter | null = null;
  return {
    async start(width, height, samples) {
      writer = new GifWriter(width, height, sharedPalette(samples));
    },
    async add(rgba, delayMs) {
      if (!writer) throw new Error('GIF: a frame before the start');
      writer.addFrame(rgba, delayMs);
    },
    async finish() {
      if (!writer) throw new Error('GIF: finished before the start');
      return writer.finish();
    },
    close() {
      writer = null;
    },
  };
}

function workerEncoder(worker: Worker): FrameEncoder {
  // Replies come in the order of the messages, so one queue of waiting promises is enough.
  const waiting: { resolve: (reply: GifWorkerReply) => void; reject: (error: Error) => void }[] = [];
  const fail = (error: Error) => {
    for (const entry of waiting.splice(0)) entry.reject(error);
  };
  worker.onmessage = (event: MessageEvent<GifWorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'error') fail(new Error(reply.message));
    else waiting.shift()?.resolve(reply);
  };
  worker.onerror = () => fail(new Error('the GIF encoder stopped'));
  const send = (message: GifWorkerMessage, transfer: Transferable[] = []) =>
    new Promise<GifWorkerReply>((resolve, reject) => {
      waiting.push({ resolve, reject });
      worker.postMessage(message, transfer);
    });
  return {
    async start(width, height, samples) {
      await send({ type: 'start', width, height, samples });
    },
    async add(rgba, delay) {
      await send({ type: 'frame', rgba, delay }, [rgba.buffer]);
    },
    async finish() {
      const reply = await send({ type: 'finish' });
      if (reply.type !== 'done') throw new Error('the GIF encoder gave no file');
      return reply.bytes;
    },
    close() {
      worker.terminate();
      fail(new Error('the GIF encoder was closed'));
    },
  };
}

export function createFrameEncoder(): FrameEncoder {
  if (typeof Worker === 'undefined') return mainThreadEncoder();
  try {
    return workerEncoder(new Worker(new URL('./gifWorker.ts', import.meta.url), { type: 'module', name: 'gif-encoder' }));
  } catch {
    return mainThreadEncoder();
  }
}
