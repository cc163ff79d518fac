// Benchmark of the Image kernels lab's heaviest case: a 5×5 kernel on a 1024×768 RGB picture (conv2d, groups = 3), as the
// lab's worker runs it, plus neighbours for comparison. Run: npx tsx scripts/bench-image.ts  (BENCH_RUNS=n for more runs)

import * as os from 'node:os';
import {
  filterImage,
  imageKernel,
  luminance,
  separableComparison,
  uniformTensor,
  type ImageFilterOptions,
  type KernelMatrix,
} from '../src/engine/index.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SAME: ImageFilterOptions = { padding: 'same', paddingMode: 'zeros', stride: 1, dilation: 1 };
const picture = uniformTensor([3, 768, 1024], 127.5, 20240501);
const shifted = { shape: picture.shape, data: picture.data.map((v) => v + 127.5) };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(label: string, run: () => unknown): void {
  run();
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  console.log(
    `${label.padEnd(58)} median ${median(times).toFixed(1).padStart(7)} ms   min ${Math.min(...times)
      .toFixed(1)
      .padStart(7)} ms   max ${Math.max(...times)
      .toFixed(1)
      .padStart(7)} ms`,
  );
}

const gaussian5 = imageKernel('gaussian5');
const sobel = imageKernel('sobelX');
const box7: KernelMatrix = Array.from({ length: 7 }, () => Array.from({ length: 7 }, () => 1));

console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${RUNS} timed runs each`,
);
time('5×5 Gaussian, 1024×768 RGB, same, zeros (the brief’s case)', () => filterImage(shifted, gaussian5.weights, gaussian5.divisor, SAME));
time('5×5 Gaussian, 1024×768 RGB, same, reflect', () =>
  filterImage(shifted, gaussian5.weights, gaussian5.divisor, { ...SAME, paddingMode: 'reflect' }),
);
time('5×5 Gaussian, 1024×768 grey (luminance included)', () => filterImage(luminance(shifted), gaussian5.weights, gaussian5.divisor, SAME));
time('3×3 Sobel x, 1024×768 RGB (conv2d’s 3×3 fast path)', () => filterImage(shifted, sobel.weights, 1, SAME));
time('7×7 box, 1024×768 RGB', () => filterImage(shifted, box7, 49, SAME));
time('Sobel x as one 3×3 pass and as 3×1 + 1×3 (separable view)', () =>
  separableComparison(shifted, { column: [1, 2, 1], row: [1, 0, -1] }, 1, SAME),
);
