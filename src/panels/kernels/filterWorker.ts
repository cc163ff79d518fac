// The lab's Web Worker: keeps the current picture and runs filtering jobs off the main thread, so dragging a weight never blocks it.

import { tensor } from '../../engine/index.ts';
import { JobImage, runJob, type JobOutcome, type JobRequest } from './filterJob.ts';

export type WorkerMessage =
  { type: 'image'; key: string; shape: readonly number[]; data: Float32Array } | { type: 'job'; id: number; imageKey: string; request: JobRequest };

export interface WorkerReply {
  id: number;
  imageKey: string;
  outcome: JobOutcome | null;
  error: string | null;
  engineMs: number;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let image: JobImage | null = null;

/**
 * The outcome to send, and its big arrays to hand over without copying. The filter output is kept here for repainting,
 * so the main thread gets a copy of it (made on this thread).
 */
function sendable(outcome: JobOutcome | null): { outcome: JobOutcome | null; transfer: Transferable[] } {
  if (!outcome) return { outcome, transfer: [] };
  if (outcome.kind === 'filter') {
    const output = { shape: outcome.output.shape, data: outcome.output.data.slice() };
    return { outcome: { ...outcome, output }, transfer: [output.data.buffer, outcome.pixels.buffer] };
  }
  return { outcome, transfer: [outcome.full.data.buffer, outcome.separable.data.buffer, outcome.fullPixels.buffer, outcome.separablePixels.buffer] };
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'image') {
    image = new JobImage(message.key, tensor(message.data, message.shape));
    return;
  }
  if (!image) return;
  const result = runJob(image, message.request);
  const { outcome, transfer } = sendable(result.outcome);
  scope.postMessage({ id: message.id, imageKey: result.imageKey, outcome, error: result.error, engineMs: result.engineMs }, transfer);
};
