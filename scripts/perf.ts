// `npm run perf`: measures the built app in Debian's Chromium and prints the figures: Lighthouse scores, render time of every panel's
// largest link, step latency of every step player, and a long autoplay run (long tasks, heap growth). Benchmarks, not tests: it reports
// which bars are met and exits 0 unless a measurement could not run.
// Usage: npm run perf [-- --quick] [--no-build] [--bench] [--port 4305] [--skip lighthouse,render,steps,autoplay] [--only basics,pooling]
//                      [--no-vsync] [--json file]
//   --quick     a smoke run: 1 Lighthouse page, 2 render runs, 40 steps per panel, 10 s of autoplay
//   --no-build  serve the existing build in test/artifacts/dist-perf
//   --bench     also run `npm run bench` (engine vs tfjs-cpu) and print its table
//   --only      measure only these views (names as printed by `npx tsx scripts/perf/largestConfigs.ts`)
//   --no-vsync  Chromium draws frames as soon as they are ready (no 60 Hz cadence): step latency without the wait for the next frame

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';
import { SPEEDS } from '../src/state/store.ts';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.ts';
import {
  measureAutoplay,
  measureRenderTime,
  measureFrameFloor,
  measureStepLatency,
  type AutoplayRun,
  type RenderTime,
  type StepLatency,
} from './perf/browserMeasures.ts';
import { largestConfigs } from './perf/largestConfigs.ts';
import { formatScore, runLighthouse, type LighthousePreset, type LighthouseResult } from './perf/lighthouse.ts';
import { buildApp, startPreview } from './perf/server.ts';
import { ms, table } from './perf/stats.ts';

const BARS = { lighthousePerformance: 0.95, renderMs: 1000, stepP95Ms: 16, longTaskMs: 50, heapGrowthPercent: 10 } as const;
const PARTS = ['lighthouse', 'render', 'steps', 'autoplay'] as const;
type Part = (typeof PARTS)[number];

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}
const quick = args.includes('--quick');
const build = !args.includes('--no-build');
const withBench = args.includes('--bench');
const port = Number(option('--port') ?? 4305);
const skipped = new Set((option('--skip') ?? '').split(',').filter(Boolean));
const only = (option('--only') ?? '').split(',').filter(Boolean);
/** Frames as soon as they are ready instead of at 60 Hz: the latency is then the app's work and paint, without the wait for the next vsync. */
const noVsync = args.includes('--no-vsync');
const unknownParts = [...skipped].filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknownParts.length > 0 || !Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`perf: bad option (--skip takes ${PARTS.join(', ')}; --port a port number)`);
  process.exit(2);
}
const runs = (part: Part) => !skipped.has(part);
const OUT_DIR = 'test/artifacts/dist-perf';
const JSON_FILE = option('--json') ?? 'test/artifacts/perf/results.json';
const SETTINGS = quick
  ? { lighthousePages: 1, renderRuns: 2, steps: 40, autoplaySeconds: 10, warmUpSeconds: 3 }
  : { lighthousePages: 3, renderRuns: 5, steps: 200, autoplaySeconds: 60, warmUpSeconds: 10 };
/** Lighthouse's pages: the default view, then the two heaviest panels by bundle (channels) and by work (kernels). */
const LIGHTHOUSE_QUERIES = ['?v=1', '?v=1&p=kernels', '?v=1&p=channels'].slice(0, SETTINGS.lighthousePages);

const verdict = (ok: boolean) => (ok ? 'yes' : 'NO');

function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return {
    date: new Date().toString(),
    cpu: `${cpu} × ${cpus().length} logical cores`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    loadAverage: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    node: process.version,
  };
}

function printLighthouse(results: LighthouseResult[]): void {
  console.log('\n1. Lighthouse (scores 0–100; bar: performance ≥ 95, accessibility and best practices 100)\n');
  const rows = [['page', 'preset', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'perf ≥ 95']];
  for (const r of results) {
    rows.push([
      new URL(r.url).search || '/',
      r.preset,
      formatScore(r.scores.performance),
      formatScore(r.scores.accessibility),
      formatScore(r.scores['best-practices']),
      formatScore(r.scores.seo),
      ms(r.metrics.fcp ?? Number.NaN, 0),
      ms(r.metrics.lcp ?? Number.NaN, 0),
      ms(r.metrics.tbt ?? Number.NaN, 0),
      (r.metrics.cls ?? Number.NaN).toFixed(3),
      verdict((r.scores.performance ?? 0) >= BARS.lighthousePerformance),
    ]);
  }
  console.log(table(rows));
  for (const r of results) {
    for (const audit of r.failing) {
      console.log(
        `  ${r.preset} ${new URL(r.url).search || '/'}: ${audit.category} · ${audit.id} (${audit.score}) ${audit.title}${audit.items.length ? `: ${audit.items.join(', ')}` : ''}`,
      );
    }
    for (const warning of r.warnings) console.log(`  ${r.preset} ${new URL(r.url).search || '/'}: Lighthouse warning: ${warning}`);
  }
  if (results[0]) console.log(`  Lighthouse ${results[0].lighthouseVersion}, ${results[0].userAgent}`);
}

function printRender(results: RenderTime[]): void {
  console.log(
    `\n2. Render time of each panel's largest link: navigation start → stage painted, median of ${SETTINGS.renderRuns} cold loads (bar ${BARS.renderMs} ms)\n`,
  );
  const rows = [['view', 'median', 'runs', '≤ 1 s']];
  for (const r of results) rows.push([r.name, ms(r.median, 0), r.runs.map((t) => t.toFixed(0)).join(' '), verdict(r.median <= BARS.renderMs)]);
  console.log(table(rows));
}

function printSteps(results: StepLatency[], floor: StepLatency): void {
  console.log(
    `\n3. Step latency at the largest configuration: ArrowRight keydown (event.timeStamp) → the task after the next painted frame, ${SETTINGS.steps} presses (bar p95 ≤ ${BARS.stepP95Ms} ms)\n`,
  );
  const rows = [['view', 'p50', 'p95', 'max', 'work p50', 'work p95', 'ET ≥ 16 ms', 'ET max', 'wraps', 'p95 ≤ 16']];
  for (const r of [...results, floor]) {
    rows.push([
      r.name,
      ms(r.latency.p50),
      ms(r.latency.p95),
      ms(r.latency.max),
      ms(r.work.p50),
      ms(r.work.p95),
      `${r.eventTimingOver16}/${r.steps}`,
      ms(r.eventTimingMax, 0),
      String(r.wraps),
      verdict(r.latency.p95 <= BARS.stepP95Ms),
    ]);
  }
  console.log(table(rows));
  console.log('  work = keydown → DOM changed (store update, React render and commit); ET = Event Timing keydown entries (durationThreshold 16).');
  console.log(`  floor = the same probe on a page that changes one number per key: no app can step faster than this in this browser.`);
}

function printAutoplay(run: AutoplayRun, speed: number): void {
  console.log(
    `\n4. Autoplay at ${speed}× (the fastest speed) for ${run.seconds} s on ${run.name} (the view with the slowest step), restarting at the end\n`,
  );
  console.log(
    table([
      [
        'steps shown',
        'restarts',
        'long tasks',
        'longest',
        'heap before',
        'heap after',
        'growth',
        'no task > 50 ms',
        'growth < 10 %',
        `after ${run.warmUpSeconds} s`,
        'growth from there',
      ],
      [
        String(run.stepsShown),
        String(run.restarts),
        String(run.longTasks),
        run.longTasks ? ms(run.longestTask, 0) : '–',
        `${(run.heapBefore / 2 ** 20).toFixed(2)} MiB`,
        `${(run.heapAfter / 2 ** 20).toFixed(2)} MiB`,
        `${run.growthPercent.toFixed(1)} %`,
        verdict(run.longTasks === 0 || run.longestTask <= BARS.longTaskMs),
        verdict(run.growthPercent < BARS.heapGrowthPercent),
        `${(run.heapWarm / 2 ** 20).toFixed(2)} MiB`,
        `${run.growthAfterWarmUpPercent.toFixed(1)} %`,
      ],
    ]),
  );
  console.log(
    `  heap before = after the first paint; "after ${run.warmUpSeconds} s" = while playing, once the first steps have filled the caches: growth from there is what a leak adds.`,
  );
}

function runBench(): { status: number; output: string } {
  console.log('\n5. Engine benchmark (npm run bench, engine vs tfjs-cpu)\n');
  const result = spawnSync('npm', ['run', '--silent', 'bench'], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim();
  console.log(output);
  return { status: result.status ?? 1, output };
}

async function main(): Promise<void> {
  const browserPath = findChromium();
  if (!browserPath) throw new Error('no Chromium found (apt-get install chromium, or set CHROME_PATH)');
  const chromiumVersion = spawnSync(browserPath.path, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const configs = largestConfigs().filter((c) => only.length === 0 || only.includes(c.name));
  if (configs.length === 0) throw new Error(`--only ${only.join(',')} names no view (see: npx tsx scripts/perf/largestConfigs.ts)`);
  const about = { ...machine(), chromium: chromiumVersion, quick: String(quick), vsync: String(!noVsync) };
  console.log(`ConvScope performance, ${about.date}`);
  console.log(
    `${about.cpu}, ${about.memory}, load average ${about.loadAverage}; Node ${about.node}; ${chromiumVersion}${quick ? '; QUICK run' : ''}`,
  );

  if (build) {
    console.log(`Building into ${OUT_DIR} …`);
    buildApp(OUT_DIR);
  }
  const server = await startPreview(OUT_DIR, port);
  const results: Record<string, unknown> = { about };
  try {
    if (runs('lighthouse')) {
      const lighthouse: LighthouseResult[] = [];
      for (const query of LIGHTHOUSE_QUERIES) {
        for (const preset of ['mobile', 'desktop'] as LighthousePreset[])
          lighthouse.push(await runLighthouse(new URL(query, server.url).toString(), preset, browserPath.path));
      }
      results.lighthouse = lighthouse;
      printLighthouse(lighthouse);
    }

    const extraArgs = noVsync ? ['--disable-frame-rate-limit', '--disable-gpu-vsync'] : [];
    const browser = await chromium.launch({ executablePath: browserPath.path, args: [...CHROMIUM_ARGS, ...extraArgs] });
    try {
      if (runs('render')) {
        const render: RenderTime[] = [];
        for (const config of configs) render.push(await measureRenderTime(browser, server.url, config, SETTINGS.renderRuns));
        results.render = render;
        printRender(render);
      }
      const stepped = configs.filter((c) => c.stepped);
      const steps: StepLatency[] = [];
      if (runs('steps')) {
        for (const config of stepped) steps.push(await measureStepLatency(browser, server.url, config, SETTINGS.steps));
        const floor = await measureFrameFloor(browser, server.url, SETTINGS.steps);
        results.steps = steps;
        results.stepFloor = floor;
        printSteps(steps, floor);
      }
      if (runs('autoplay')) {
        // The heaviest player: the one whose step took longest to paint (without step figures: pooling, or the first measured player).
        const heaviestName = [...steps].sort((a, b) => b.latency.p50 - a.latency.p50)[0]?.name ?? 'pooling';
        const heaviest = stepped.find((c) => c.name === heaviestName) ?? stepped[0];
        if (!heaviest) throw new Error('autoplay: none of the measured views has a step player');
        const speed = Math.max(...SPEEDS);
        const autoplay = await measureAutoplay(browser, server.url, heaviest, SETTINGS.autoplaySeconds, speed, SETTINGS.warmUpSeconds);
        results.autoplay = autoplay;
        printAutoplay(autoplay, speed);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }

  const errors = ['render', 'steps'].flatMap((part) =>
    ((results[part] as { name: string; errors: string[] }[] | undefined) ?? []).flatMap((r) => r.errors.map((e) => `${r.name}: ${e}`)),
  );
  const autoplayErrors = (results.autoplay as AutoplayRun | undefined)?.errors ?? [];
  if (errors.length + autoplayErrors.length > 0) {
    console.log('\nErrors on the measured pages:');
    for (const error of [...new Set([...errors, ...autoplayErrors])]) console.log(`  ${error}`);
  }
  if (withBench) results.bench = runBench();

  mkdirSync(dirname(JSON_FILE), { recursive: true });
  writeFileSync(JSON_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nAll figures as JSON: ${JSON_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
