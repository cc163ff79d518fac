// Runs the lab's filtering jobs in a Web Worker (latest request wins, sent at most once per animation frame), or on the
// main thread where there are no workers (tests); results come back through callbacks.

import { JobImage, runJob, type JobRequest, type JobResult } from './filterJob.ts';
import type { WorkerMessage, WorkerReply } from './filterWorker.ts';
import type { LabImage } from './imageSource.ts';

export interface FilterClient {
  readonly usesWorker: boolean;
  setImage(image: LabImage): void;
  /** Runs a job; a newer job of the same kind replaces one that has not started yet. */
  run(request: JobRequest, onResult: (result: JobResult) => void): void;
  dispose(): void;
}

type Kind = JobRequest['kind'];
interface Waiting {
  request: JobRequest;
  onResult: (result: JobResult) => void;
}

/** On the main thread: each job runs at once (fine for the small pictures of tests and for browsers without workers). */
function createSyncClient(): FilterClient {
  let image: JobImage | null = null;
  return {
    usesWorker: false,
    setImage(next) {
      if (image?.key !== next.key) image = new JobImage(next.key, next.rgb);
    },
    run(request, onResult) {
      if (image) onResult(runJob(image, request));
    },
    dispose() {
      image = null;
    },
  };
}

/** The worker-backed client (exported for tests, which hand it a stand-in worker). */
export function createWorkerClient(worker: Worker): FilterClient {
  let imageKey: string | null = null;
  let lastImage: LabImage | null = null;
  let nextId = 1;
  let frame = 0;
  let fallback: FilterClient | null = null;
  const queued = new Map<Kind, Waiting>();
  const inFlight = new Map<Kind, Waiting & { id: number }>();

  const flush = () => {
    frame = 0;
    for (const [kind, waiting] of queued) {
      if (inFlight.has(kind) || imageKey === null) continue;
      queued.delete(kind);
      const id = nextId++;
      inFlight.set(kind, { ...waiting, id });
      const message: WorkerMessage = { type: 'job', id, imageKey, request: waiting.request };
      worker.postMessage(message);
    }
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(flush);
  };

  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    for (const [kind, waiting] of inFlight) {
      if (waiting.id !== reply.id) continue;
      inFlight.delete(kind);
      waiting.onResult({
        imageKey: reply.imageKey,
        request: waiting.request,
        outcome: reply.outcome,
        error: reply.error,
        engineMs: reply.engineMs,
        inWorker: true,
      });
      if (queued.has(kind)) schedule();
    }
  };
  // A worker that cannot start (an old browser, a blocked script) hands every job to the main thread instead.
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    fallback = createSyncClient();
    if (lastImage) fallback.setImage(lastImage);
    for (const waiting of [...inFlight.values(), ...queued.values()]) fallback.run(waiting.request, waiting.onResult);
    inFlight.clear();
    queued.clear();
  };

  return {
    usesWorker: true,
    setImage(image) {
      lastImage = image;
      if (fallback) return fallback.setImage(image);
      if (imageKey === image.key) return;
      imageKey = image.key;
      const message: WorkerMessage = { type: 'image', key: image.key, shape: image.rgb.shape, data: image.rgb.data };
      worker.postMessage(message);
    },
    run(request, onResult) {
      if (fallback) return fallback.run(request, onResult);
      queued.set(request.kind, { request, onResult });
      schedule();
    },
    dispose() {
      if (frame !== 0) cancelAnimationFrame(frame);
      worker.terminate();
      fallback?.dispose();
      queued.clear();
      inFlight.clear();
    },
  };
}

export function createFilterClient(): FilterClient {
  if (typeof Worker === 'undefined') return createSyncClient();
  try {
    return createWorkerClient(new Worker(new URL('./filterWorker.ts', import.meta.url), { type: 'module', name: 'kernels-filter' }));
  } catch {
    return createSyncClient();
  }
}
