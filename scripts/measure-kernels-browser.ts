// Measures the Image kernels lab in Chromium while a weight of a 5×5 kernel is dragged on a 1024×768 RGB picture:
// the engine time per recompute (as the panel reports it), main-thread long tasks (PerformanceObserver 'longtask'), the
// main thread's tasks from a performance trace in wall time and in CPU time (on a busy machine a task waits for a core, so
// its wall time overstates its own work: the CPU time is what an idle machine would take), the worker's CPU time per job,
// how often the output canvas shows a new result during the drag, and how long after the last change the final one appears. Runs twice: with the Web Worker, and with workers switched off
// (everything on the main thread), to show what the worker buys.
// Usage: build and serve the app (e.g. npx vite build --outDir /tmp/kernels-dist && npx vite preview --outDir /tmp/kernels-dist --port 4205),
// then: npx tsx scripts/measure-kernels-browser.ts [http://localhost:4205/]

import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { imageKernel } from '../src/engine/index.ts';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.ts';
import { encodePng } from './png.ts';

const BASE = process.argv[2] ?? 'http://localhost:4205/';
const WIDTH = 1024;
const HEIGHT = 768;

/** A photo-like test picture: smooth colour fields, a few hard-edged shapes and some grain. */
function photo(): Uint8Array {
  const rgb = new Uint8Array(WIDTH * HEIGHT * 3);
  let seed = 12345;
  const grain = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return ((seed >>> 16) % 21) - 10;
  };
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const inDisc = Math.hypot(x - 300, y - 380) < 170;
      const inBox = x > 600 && x < 900 && y > 150 && y < 450;
      const base = inDisc ? [210, 70, 60] : inBox ? [40, 90, 170] : [120 + (x / WIDTH) * 100, 150 - (y / HEIGHT) * 80, 140];
      for (let c = 0; c < 3; c++) rgb[(y * WIDTH + x) * 3 + c] = Math.max(0, Math.min(255, Math.round((base[c] as number) + grain())));
    }
  }
  return rgb;
}

interface Run {
  engineMs: number[];
  longTasks: number[];
  /** Time between two new outputs on screen while dragging, and from the last weight change to the final output. */
  refreshIntervals: number[];
  settleMs: number;
  changes: number;
  /** Main-thread tasks during the drag: wall time and CPU time (ms), from the trace. */
  mainWall: number[];
  mainCpu: number[];
  /** Worker-thread tasks longer than 5 ms of CPU: the jobs. */
  workerCpu: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** RunTask durations of the threads named `threadName` (wall and CPU, in ms). */
function taskTimes(events: TraceEvent[], threadName: string): { wall: number[]; cpu: number[] } {
  const tids = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === threadName).map((e) => e.tid));
  const tasks = events.filter((e) => tids.has(e.tid) && e.name === 'RunTask' && e.ph === 'X');
  return { wall: tasks.map((e) => (e.dur ?? 0) / 1000), cpu: tasks.map((e) => (e.tdur ?? 0) / 1000) };
}

async function measure(browser: Browser, page: Page, file: string): Promise<Run> {
  const kernel = imageKernel('gaussian5');
  const k = kernel.weights.map((row) => row.join(',')).join(';');
  await page.goto(`${BASE}?v=1&p=kernels&color=rgb&k=${k}&div=256&pad=same&lens=384,512`);
  await page.getByTestId('image-file').setInputFiles(file);
  await page.getByTestId('canvas-output').getByText(`${HEIGHT}×${WIDTH}`).waitFor({ timeout: 60_000 });
  await page
    .getByTestId('lab-status')
    .getByText(/conv2d took/)
    .waitFor({ timeout: 60_000 });
  // Start counting now: the drag alone.
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    (w.__longTasks as number[]).length = 0;
    const inputs: number[] = [];
    const paints: number[] = [];
    w.__inputs = inputs;
    w.__paints = paints;
    document.querySelector('[data-testid=selected-weight] input[type=range]')?.addEventListener('input', () => inputs.push(performance.now()), true);
    // ImageCanvas marks every new picture it puts on screen.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'convscope:canvas-output') paints.push(entry.startTime);
    }).observe({ type: 'mark' });
  });
  const slider = page.getByTestId('selected-weight').locator('input[type=range]');
  // Drag weight (0, 0) from one end of its slider to the other and back, as a student would.
  await page.getByLabel('Weight row 0, column 0').focus();
  const box = await slider.boundingBox();
  if (!box) throw new Error('no slider');
  const y = box.y + box.height / 2;
  const engineMs: number[] = [];
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let i = 0; i <= 60; i++) {
    const t = i <= 30 ? i / 30 : (60 - i) / 30;
    await page.mouse.move(box.x + 2 + t * (box.width - 4), y);
    await page.waitForTimeout(40);
    const text = (await page.getByTestId('lab-status').textContent()) ?? '';
    const match = /conv2d took ([\d.]+) ms/.exec(text);
    if (match) engineMs.push(Number(match[1]));
  }
  await page.mouse.up();
  await page.waitForTimeout(1500);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const main = taskTimes(events, 'CrRendererMain');
  const worker = taskTimes(events, 'DedicatedWorker thread');
  const stats = await page.evaluate(() => {
    const w = window as unknown as Record<string, number[]>;
    const inputs = w.__inputs as number[];
    const paints = w.__paints as number[];
    const first = inputs[0] ?? 0;
    const last = inputs[inputs.length - 1] ?? 0;
    const during = paints.filter((t) => t > first && t <= last);
    const refreshIntervals = during.slice(1).map((t, i) => t - (during[i] as number));
    const settleMs = (paints[paints.length - 1] ?? last) - last;
    return { longTasks: w.__longTasks as number[], refreshIntervals, settleMs, changes: inputs.length };
  });
  return { engineMs, ...stats, mainWall: main.wall, mainCpu: main.cpu, workerCpu: worker.cpu.filter((t) => t > 5) };
}

function summary(values: number[]): string {
  if (values.length === 0) return 'none';
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${(sorted[Math.floor(sorted.length / 2)] as number).toFixed(1)} ms, max ${(sorted[sorted.length - 1] as number).toFixed(1)} ms (n = ${values.length})`;
}

const browserPath = findChromium();
if (!browserPath) throw new Error('no Chromium found (apt-get install chromium, or set CHROME_PATH)');
const dir = mkdtempSync(join(tmpdir(), 'kernels-measure-'));
const file = join(dir, 'photo-1024x768.png');
writeFileSync(file, encodePng(WIDTH, HEIGHT, photo()));
const browser = await chromium.launch({ executablePath: browserPath.path, args: CHROMIUM_ARGS });
console.log(
  `Chromium ${browser.version()}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (wall times stretch when the machine is busy)`,
);
for (const workers of [true, false]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript((keepWorkers: boolean) => {
    const w = window as unknown as Record<string, unknown>;
    if (!keepWorkers) delete w.Worker;
    const longTasks: number[] = [];
    w.__longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  }, workers);
  const run = await measure(browser, page, file);
  const longest = (values: number[]) => Math.max(0, ...values).toFixed(1);
  console.log(`\n${workers ? 'With the Web Worker' : 'Workers switched off (main thread)'}: ${run.changes} weight changes while dragging`);
  console.log(`  engine time per recompute as the panel reports it (wall, 5×5, 1024×768 RGB): ${summary(run.engineMs)}`);
  if (workers) console.log(`  worker CPU time per job (conv2d + painting the output): ${summary(run.workerCpu)}`);
  console.log(`  main-thread long tasks seen by PerformanceObserver (> 50 ms wall): ${run.longTasks.length === 0 ? 'none' : summary(run.longTasks)}`);
  console.log(
    `  main-thread tasks: longest ${longest(run.mainWall)} ms wall, longest ${longest(run.mainCpu)} ms CPU; ${run.mainCpu.filter((t) => t > 50).length} over 50 ms of CPU`,
  );
  console.log(
    `  a new output on screen every: ${summary(run.refreshIntervals)} while dragging; the final one ${run.settleMs.toFixed(0)} ms after the last change`,
  );
  await page.close();
}
await browser.close();
