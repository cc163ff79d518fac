// Benchmark (`npm run bench`): times the ConvScope engine against tfjs-cpu on four fixed cases, checks that both give the same answer, and fails unless the engine is at least 2× faster on every case.
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { tensor, conv2d, convTranspose2d, maxPool2d } from '../src/engine/index.ts';

type EngineTensor = ReturnType<typeof tensor>;
type Shape3 = [channels: number, height: number, width: number];

const WARMUP_RUNS = 2;
const TIMED_RUNS = parseTimedRuns(process.env.BENCH_RUNS);
const REQUIRED_SPEEDUP = 2;
/** Largest allowed |engine − tfjs| / max(|tfjs|, 1), per element. */
const RELATIVE_TOLERANCE = 1e-3;
const SEED = 20240501;

function parseTimedRuns(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 5;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`BENCH_RUNS must be a positive integer, got "${raw}"`);
    process.exit(1);
  }
  return runs;
}

// ---------------------------------------------------------------------------
// Deterministic inputs
// ---------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG returning numbers in [0, 1). */
function makeRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform values in [-1, 1). */
function randomData(length: number, rng: () => number): Float32Array {
  const data = new Float32Array(length);
  for (let i = 0; i < length; i++) data[i] = rng() * 2 - 1;
  return data;
}

// ---------------------------------------------------------------------------
// Layout conversions between the engine (PyTorch layouts) and tfjs (NHWC)
// ---------------------------------------------------------------------------

/** [C, H, W] → [H, W, C] (the tfjs NHWC layout with batch 1). */
function chwToHwc(data: Float32Array, [channels, height, width]: Shape3): Float32Array {
  const out = new Float32Array(data.length);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        out[(y * width + x) * channels + c] = data[(c * height + y) * width + x]!;
      }
    }
  }
  return out;
}

/** [H, W, C] → [C, H, W]. */
function hwcToChw(data: Float32Array, [channels, height, width]: Shape3): Float32Array {
  const out = new Float32Array(data.length);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        out[(c * height + y) * width + x] = data[(y * width + x) * channels + c]!;
      }
    }
  }
  return out;
}

/** Reorders a 4-D row-major array: out index [a,b,c,d] in the new order `perm` of the source axes. */
function permute4(data: Float32Array, shape: readonly number[], perm: readonly number[]): Float32Array {
  const srcStrides = [shape[1]! * shape[2]! * shape[3]!, shape[2]! * shape[3]!, shape[3]!, 1];
  const outShape = perm.map((axis) => shape[axis]!);
  const strides = perm.map((axis) => srcStrides[axis]!);
  const out = new Float32Array(data.length);
  let o = 0;
  for (let i0 = 0; i0 < outShape[0]!; i0++) {
    for (let i1 = 0; i1 < outShape[1]!; i1++) {
      for (let i2 = 0; i2 < outShape[2]!; i2++) {
        for (let i3 = 0; i3 < outShape[3]!; i3++) {
          out[o++] = data[i0 * strides[0]! + i1 * strides[1]! + i2 * strides[2]! + i3 * strides[3]!]!;
        }
      }
    }
  }
  return out;
}

/** Engine conv weight [C_out, C_in, kH, kW] → tfjs conv2d filter [kH, kW, C_in, C_out]. */
function convWeightToTfjs(data: Float32Array, shape: readonly number[]): Float32Array {
  return permute4(data, shape, [2, 3, 1, 0]);
}

/** Engine transposed-conv weight [C_in, C_out, kH, kW] → tfjs conv2dTranspose filter [kH, kW, C_out, C_in]. */
function transposedWeightToTfjs(data: Float32Array, shape: readonly number[]): Float32Array {
  return permute4(data, shape, [2, 3, 1, 0]);
}

/** Symmetric explicit padding for tfjs, NHWC. */
function explicitPadding(pad: number): [[number, number], [number, number], [number, number], [number, number]] {
  return [[0, 0], [pad, pad], [pad, pad], [0, 0]];
}

// ---------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------

interface TfjsResult {
  /** NHWC shape, e.g. [1, H, W, C]. */
  shape: number[];
  data: Float32Array;
}

interface BenchCase {
  name: string;
  settings: string;
  /** The engine's output shape must be exactly this, [C, H, W]. */
  expectedShape: Shape3;
  runEngine: () => EngineTensor;
  /** Runs the op, reads the result with dataSync() and disposes the output tensor. */
  runTfjs: () => TfjsResult;
  disposeInputs: () => void;
}

function makeCases(rng: () => number): BenchCase[] {
  const cases: BenchCase[] = [];

  // 1. conv2d [1,512,512], 3×3, 1 → 1 channel, stride 1, padding 1.
  {
    const inShape: Shape3 = [1, 512, 512];
    const wShape = [1, 1, 3, 3];
    const inData = randomData(1 * 512 * 512, rng);
    const wData = randomData(1 * 1 * 3 * 3, rng);
    const engineIn = tensor(inData, inShape);
    const engineW = tensor(wData, wShape);
    const tfIn = tf.tensor4d(chwToHwc(inData, inShape), [1, 512, 512, 1]);
    const tfW = tf.tensor4d(convWeightToTfjs(wData, wShape), [3, 3, 1, 1]);
    cases.push({
      name: 'conv2d 1×512×512 → 1, 3×3',
      settings: 'stride 1, padding 1',
      expectedShape: [1, 512, 512],
      runEngine: () => conv2d(engineIn, engineW, { stride: 1, padding: 1 }),
      runTfjs: () => readAndDispose(tf.conv2d(tfIn, tfW, 1, explicitPadding(1))),
      disposeInputs: () => tf.dispose([tfIn, tfW]),
    });
  }

  // 2. conv2d [3,256,256] → 16 channels, 3×3, stride 1, padding 1.
  {
    const inShape: Shape3 = [3, 256, 256];
    const wShape = [16, 3, 3, 3];
    const inData = randomData(3 * 256 * 256, rng);
    const wData = randomData(16 * 3 * 3 * 3, rng);
    const engineIn = tensor(inData, inShape);
    const engineW = tensor(wData, wShape);
    const tfIn = tf.tensor4d(chwToHwc(inData, inShape), [1, 256, 256, 3]);
    const tfW = tf.tensor4d(convWeightToTfjs(wData, wShape), [3, 3, 3, 16]);
    cases.push({
      name: 'conv2d 3×256×256 → 16, 3×3',
      settings: 'stride 1, padding 1',
      expectedShape: [16, 256, 256],
      runEngine: () => conv2d(engineIn, engineW, { stride: 1, padding: 1 }),
      runTfjs: () => readAndDispose(tf.conv2d(tfIn, tfW, 1, explicitPadding(1))),
      disposeInputs: () => tf.dispose([tfIn, tfW]),
    });
  }

  // 3. convTranspose2d [16,128,128] → [3,256,256], stride 2.
  //    k=3, padding=1, outputPadding=1: H_out = (128−1)·2 − 2·1 + (3−1) + 1 + 1 = 256.
  //    In tfjs this is conv2dTranspose with the forward conv's explicit padding 1 on each side
  //    and the output shape given as 256×256 (the forward conv maps 256 → ⌊(256+2−3)/2⌋+1 = 128);
  //    PyTorch's outputPadding row/column is the bottom/right one, which tfjs gives the same way.
  {
    const inShape: Shape3 = [16, 128, 128];
    const wShape = [16, 3, 3, 3]; // [C_in, C_out, kH, kW]
    const inData = randomData(16 * 128 * 128, rng);
    const wData = randomData(16 * 3 * 3 * 3, rng);
    const engineIn = tensor(inData, inShape);
    const engineW = tensor(wData, wShape);
    const tfIn = tf.tensor4d(chwToHwc(inData, inShape), [1, 128, 128, 16]);
    const tfW = tf.tensor4d(transposedWeightToTfjs(wData, wShape), [3, 3, 3, 16]); // [kH, kW, C_out, C_in]
    cases.push({
      name: 'convTranspose2d 16×128×128 → 3×256×256',
      settings: 'k 3, stride 2, padding 1, outputPadding 1',
      expectedShape: [3, 256, 256],
      runEngine: () => convTranspose2d(engineIn, engineW, { stride: 2, padding: 1, outputPadding: 1 }),
      runTfjs: () => readAndDispose(tf.conv2dTranspose(tfIn, tfW, [1, 256, 256, 3], 2, explicitPadding(1))),
      disposeInputs: () => tf.dispose([tfIn, tfW]),
    });
  }

  // 4. maxPool2d [16,256,256], 2×2 windows, stride 2.
  {
    const inShape: Shape3 = [16, 256, 256];
    const inData = randomData(16 * 256 * 256, rng);
    const engineIn = tensor(inData, inShape);
    const tfIn = tf.tensor4d(chwToHwc(inData, inShape), [1, 256, 256, 16]);
    cases.push({
      name: 'maxPool2d 16×256×256, 2×2',
      settings: 'stride 2, padding 0',
      expectedShape: [16, 128, 128],
      runEngine: () => maxPool2d(engineIn, { kernelSize: 2, stride: 2 }),
      runTfjs: () => readAndDispose(tf.maxPool(tfIn, 2, 2, 'valid')),
      disposeInputs: () => tf.dispose(tfIn),
    });
  }

  return cases;
}

/** Forces tfjs to finish the computation (dataSync) and releases the output tensor. */
function readAndDispose(output: tf.Tensor): TfjsResult {
  const data = output.dataSync() as Float32Array;
  const shape = output.shape.slice();
  output.dispose();
  return { shape, data };
}

// ---------------------------------------------------------------------------
// Correctness check
// ---------------------------------------------------------------------------

interface Comparison {
  ok: boolean;
  maxAbsDiff: number;
  maxRelDiff: number;
  problem?: string;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function compareOutputs(benchCase: BenchCase, engineOut: EngineTensor, tfjsOut: TfjsResult): Comparison {
  const [channels, height, width] = benchCase.expectedShape;
  const fail = (problem: string): Comparison => ({ ok: false, maxAbsDiff: NaN, maxRelDiff: NaN, problem });
  if (!sameShape(engineOut.shape, benchCase.expectedShape)) {
    return fail(`engine output shape [${engineOut.shape.join(',')}], expected [${benchCase.expectedShape.join(',')}]`);
  }
  if (!sameShape(tfjsOut.shape, [1, height, width, channels])) {
    return fail(`tfjs output shape [${tfjsOut.shape.join(',')}] (NHWC) does not match the engine's [${engineOut.shape.join(',')}]`);
  }
  if (engineOut.data.length !== channels * height * width) {
    return fail(`engine output has ${engineOut.data.length} values for shape [${engineOut.shape.join(',')}]`);
  }
  const reference = hwcToChw(tfjsOut.data, benchCase.expectedShape);
  let maxAbsDiff = 0;
  let maxRelDiff = 0;
  for (let i = 0; i < reference.length; i++) {
    const got = engineOut.data[i]!;
    const want = reference[i]!;
    if (!Number.isFinite(got)) return fail(`engine output has a non-finite value (${got}) at flat index ${i}`);
    const absDiff = Math.abs(got - want);
    const relDiff = absDiff / Math.max(Math.abs(want), 1);
    if (absDiff > maxAbsDiff) maxAbsDiff = absDiff;
    if (relDiff > maxRelDiff) maxRelDiff = relDiff;
  }
  const ok = maxRelDiff <= RELATIVE_TOLERANCE;
  return ok
    ? { ok, maxAbsDiff, maxRelDiff }
    : { ok, maxAbsDiff, maxRelDiff, problem: `max relative difference ${maxRelDiff.toExponential(2)} > ${RELATIVE_TOLERANCE}` };
}

// ---------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------

const memoryPeak = { rss: 0, heapUsed: 0, arrayBuffers: 0 };

function sampleMemory(): void {
  const usage = process.memoryUsage();
  memoryPeak.rss = Math.max(memoryPeak.rss, usage.rss);
  memoryPeak.heapUsed = Math.max(memoryPeak.heapUsed, usage.heapUsed);
  memoryPeak.arrayBuffers = Math.max(memoryPeak.arrayBuffers, usage.arrayBuffers);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A value derived from every result, so no run can be skipped as dead code. */
let sink = 0;

interface Timing {
  engineMs: number;
  tfjsMs: number;
}

/** Warm-up runs, then timed runs; engine and tfjs alternate so drift affects both alike. */
function timeCase(benchCase: BenchCase): Timing {
  for (let i = 0; i < WARMUP_RUNS; i++) {
    sink += benchCase.runEngine().data[0]!;
    sink += benchCase.runTfjs().data[0]!;
  }
  const engineTimes: number[] = [];
  const tfjsTimes: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const engineStart = performance.now();
    const engineOut = benchCase.runEngine();
    engineTimes.push(performance.now() - engineStart);
    sink += engineOut.data[0]!;
    sampleMemory();

    const tfjsStart = performance.now();
    const tfjsOut = benchCase.runTfjs(); // includes dataSync()
    tfjsTimes.push(performance.now() - tfjsStart);
    sink += tfjsOut.data[0]!;
    sampleMemory();
  }
  return { engineMs: median(engineTimes), tfjsMs: median(tfjsTimes) };
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

interface CaseResult {
  benchCase: BenchCase;
  comparison?: Comparison;
  timing?: Timing;
  error?: string;
}

function formatMs(ms: number): string {
  return ms.toFixed(ms < 10 ? 2 : 1);
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

async function main(): Promise<void> {
  tf.enableProdMode(); // tfjs's fastest mode; also silences its "install tfjs-node" notice
  await tf.setBackend('cpu');
  await tf.ready();

  console.log('ConvScope engine vs tfjs-cpu');
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} logical CPUs), ` +
      `tfjs-core ${tf.version_core}, backend ${tf.getBackend()}`,
  );
  console.log(`${WARMUP_RUNS} warm-up runs, then the median of ${TIMED_RUNS} timed runs (BENCH_RUNS to change)`);
  console.log('Inputs: seeded uniform random data in [-1, 1), identical for both; layout conversion is not timed.\n');

  const cases = makeCases(makeRng(SEED));
  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    const result: CaseResult = { benchCase };
    try {
      result.comparison = compareOutputs(benchCase, benchCase.runEngine(), benchCase.runTfjs());
      result.timing = timeCase(benchCase);
    } catch (err) {
      result.error = err instanceof Error ? err.message : String(err);
    }
    benchCase.disposeInputs();
    results.push(result);
  }

  console.log('Correctness (engine vs tfjs, transposed back to [C, H, W]):');
  for (const { benchCase, comparison, error } of results) {
    let status: string;
    if (error !== undefined) status = `ERROR: ${error}`;
    else if (comparison === undefined) status = 'not checked';
    else if (Number.isNaN(comparison.maxAbsDiff)) status = `FAIL: ${comparison.problem}`;
    else {
      status =
        `max abs diff ${comparison.maxAbsDiff.toExponential(2)}, max rel diff ${comparison.maxRelDiff.toExponential(2)}` +
        (comparison.ok ? '  ok' : `  FAIL: ${comparison.problem}`);
    }
    console.log(`  ${benchCase.name} (${benchCase.settings}): ${status}`);
  }
  console.log();

  const rows: string[][] = [['case', 'engine ms', 'tfjs-cpu ms', 'speed-up (tfjs/engine)']];
  for (const { benchCase, timing } of results) {
    if (timing === undefined) {
      rows.push([benchCase.name, '—', '—', '—']);
    } else {
      const speedUp = timing.tfjsMs / timing.engineMs;
      rows.push([
        benchCase.name,
        formatMs(timing.engineMs),
        formatMs(timing.tfjsMs),
        `${speedUp.toFixed(2)}×${speedUp >= REQUIRED_SPEEDUP ? '' : '  < 2×'}`,
      ]);
    }
  }
  printTable(rows);
  console.log();

  sampleMemory();
  const usage = process.memoryUsage();
  const peakRssBytes = process.resourceUsage().maxRSS * 1024; // maxRSS is in KiB
  console.log(
    `Memory: peak RSS ${formatMiB(peakRssBytes)}; peak sampled heap used ${formatMiB(memoryPeak.heapUsed)}, ` +
      `peak sampled array buffers ${formatMiB(memoryPeak.arrayBuffers)}; at exit RSS ${formatMiB(usage.rss)}, ` +
      `heap used ${formatMiB(usage.heapUsed)}; tfjs tensors still alive: ${tf.memory().numTensors}`,
  );

  const allCorrect = results.every((r) => r.error === undefined && r.comparison?.ok === true);
  const allFastEnough = results.every(
    (r) => r.timing !== undefined && r.timing.tfjsMs / r.timing.engineMs >= REQUIRED_SPEEDUP,
  );
  console.log(allCorrect ? 'Correctness: every case agrees with tfjs.' : 'Correctness: FAILED (see above).');
  console.log(
    allFastEnough
      ? `Speed: every case is at least ${REQUIRED_SPEEDUP}× faster than tfjs-cpu.`
      : `Speed: FAILED, not every case is at least ${REQUIRED_SPEEDUP}× faster than tfjs-cpu.`,
  );
  if (!Number.isFinite(sink)) console.log('Note: a timed result contained a non-finite value.');
  process.exitCode = allCorrect && allFastEnough ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
