// @vitest-environment jsdom
// Parts of the Image kernels panel below the component: painting maps into canvas bytes, fitting pictures, reading files,
// and the worker client's "latest request wins, one job in flight per kind" scheduling.
import { tensor } from '../../src/engine/index.ts';
import { paintTensor } from '../../src/panels/kernels/imagePaint.ts';
import { boundedSize, ImageFileError, readImageFile, type LabImage } from '../../src/panels/kernels/imageSource.ts';
import { createWorkerClient } from '../../src/panels/kernels/filterClient.ts';
import type { FilterRequest, JobResult } from '../../src/panels/kernels/filterJob.ts';
import type { WorkerMessage, WorkerReply } from '../../src/panels/kernels/filterWorker.ts';
import { divergingScale } from '../../src/ui/theme.ts';

const rgbOf = (css: string) => (css.match(/\d+/g) ?? []).map(Number);

describe('paintTensor', () => {
  it('a grey signed map uses the theme’s diverging scale: −max blue, 0 white, +max red (negatives are not clipped)', () => {
    const bytes = paintTensor(tensor([-2, 0, 2], [1, 1, 3]), 'signed', { range: 255, maxAbs: 2 });
    const scale = divergingScale(1);
    expect(Array.from(bytes.subarray(0, 3))).toEqual(rgbOf(scale(-1)));
    expect(Array.from(bytes.subarray(4, 7))).toEqual(rgbOf(scale(0)));
    expect(Array.from(bytes.subarray(8, 11))).toEqual(rgbOf(scale(1)));
    expect([bytes[3], bytes[7], bytes[11]]).toEqual([255, 255, 255]);
  });

  it('RGB signed puts zero at mid-grey; magnitude shows |v|; clipped and picture map 0…range to 0…255', () => {
    const t = tensor([-4, 4, 0, 2, 300, -1], [3, 1, 2]);
    expect(Array.from(paintTensor(t, 'signed', { range: 255, maxAbs: 4 }).subarray(0, 4))).toEqual([0, 128, 255, 255]);
    expect(Array.from(paintTensor(t, 'magnitude', { range: 255, maxAbs: 4 }).subarray(0, 3))).toEqual([255, 0, 255]);
    expect(Array.from(paintTensor(t, 'clipped', { range: 255, maxAbs: 4 }).subarray(4, 7))).toEqual([4, 2, 0]);
    expect(Array.from(paintTensor(tensor([0.5], [1, 1, 1]), 'picture', { range: 1, maxAbs: 1 }).subarray(0, 4))).toEqual([128, 128, 128, 255]);
  });
});

describe('pictures', () => {
  it('boundedSize keeps the aspect ratio within the longest side and never enlarges', () => {
    expect(boundedSize(4000, 3000, 1024)).toEqual({ width: 1024, height: 768 });
    expect(boundedSize(300, 2000, 1024)).toEqual({ width: 154, height: 1024 });
    expect(boundedSize(10, 5, 1024)).toEqual({ width: 10, height: 5 });
  });

  it('readImageFile refuses a non-image before decoding, a huge file by its size, and reports a decoder failure', async () => {
    let calls = 0;
    const decode = async () => {
      calls += 1;
      throw new Error('bad bytes');
    };
    await expect(readImageFile(new File(['x'], 'a.txt', { type: 'text/plain' }), decode)).rejects.toMatchObject({ problem: 'notImage' });
    const huge = new File(['x'], 'big.png', { type: 'image/png' });
    Object.defineProperty(huge, 'size', { value: 50 * 1024 * 1024 });
    await expect(readImageFile(huge, decode)).rejects.toMatchObject({ problem: 'tooLarge' });
    expect(calls).toBe(0);
    const error = await readImageFile(new File(['x'], 'c.png', { type: 'image/png' }), decode).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageFileError);
    expect(error).toMatchObject({ problem: 'unreadable', message: 'bad bytes' });
  });
});

describe('the worker client', () => {
  class FakeWorker {
    posted: WorkerMessage[] = [];
    onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    terminated = false;
    postMessage(message: WorkerMessage) {
      this.posted.push(message);
    }
    terminate() {
      this.terminated = true;
    }
    reply(id: number) {
      this.onmessage?.({ data: { id, imageKey: 'img', outcome: null, error: null, engineMs: 1 } } as MessageEvent<WorkerReply>);
    }
    jobs() {
      return this.posted.filter((m): m is Extract<WorkerMessage, { type: 'job' }> => m.type === 'job');
    }
  }

  const frames: FrameRequestCallback[] = [];
  const runFrame = () => frames.splice(0).forEach((f) => f(0));
  beforeEach(() => {
    frames.length = 0;
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  const image: LabImage = {
    key: 'img',
    name: 'x',
    origin: 'sample',
    rgb: tensor([1, 2, 3], [3, 1, 1]),
    range: 255,
    width: 1,
    height: 1,
    sourceWidth: 1,
    sourceHeight: 1,
  };
  const request = (divisor: number): FilterRequest => ({
    kind: 'filter',
    weights: [[1]],
    divisor,
    options: { padding: 'valid', paddingMode: 'zeros', stride: 1, dilation: 1 },
    color: 'gray',
    paint: { display: 'signed', range: 255 },
  });

  it('sends the picture once, at most one job per frame, and while a job runs keeps only the newest request', () => {
    const worker = new FakeWorker();
    const client = createWorkerClient(worker as unknown as Worker);
    const results: JobResult[] = [];
    client.setImage(image);
    client.setImage(image);
    expect(worker.posted.filter((m) => m.type === 'image')).toHaveLength(1);
    client.run(request(1), (r) => results.push(r));
    client.run(request(2), (r) => results.push(r));
    expect(worker.jobs()).toHaveLength(0);
    runFrame();
    expect(worker.jobs().map((j) => (j.request as FilterRequest).divisor)).toEqual([2]);
    for (const d of [3, 4, 5]) client.run(request(d), (r) => results.push(r));
    runFrame();
    expect(worker.jobs()).toHaveLength(1);
    worker.reply(worker.jobs()[0]?.id ?? -1);
    expect(results.map((r) => (r.request as FilterRequest).divisor)).toEqual([2]);
    expect(results[0]?.inWorker).toBe(true);
    runFrame();
    expect(worker.jobs().map((j) => (j.request as FilterRequest).divisor)).toEqual([2, 5]);
    client.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('when the worker cannot start, queued jobs run on the main thread instead', () => {
    const worker = new FakeWorker();
    const client = createWorkerClient(worker as unknown as Worker);
    const results: JobResult[] = [];
    client.setImage(image);
    client.run(request(1), (r) => results.push(r));
    worker.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
    expect(results).toHaveLength(1);
    expect(results[0]?.inWorker).toBe(false);
    expect(results[0]?.outcome?.kind).toBe('filter');
    client.run(request(2), (r) => results.push(r));
    expect(results).toHaveLength(2);
  });
});
