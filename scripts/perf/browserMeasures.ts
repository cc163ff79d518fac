// The in-browser measurements of `npm run perf`: render time of a link, step latency of the player, and a long autoplay run.

import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { LargestConfig, StageReady } from './largestConfigs.ts';
import { max, median, percentile } from './stats.ts';

/** What the init script keeps on `window.__perf`. */
interface PagePerf {
  longTasks: { start: number; duration: number }[];
  stageReadyAt: number | null;
  steps: StepRecord[];
  /** Event Timing entries of keydown events (only those of 16 ms or more are reported by the browser). */
  keydownTimings: { start: number; duration: number; processing: number }[];
  stepTexts: number;
}

interface StepRecord {
  key: string;
  /** keydown event.timeStamp, ms since the page's time origin. */
  t0: number;
  /** When the DOM changed (React's commit), the rAF of the frame after it, and the task after that frame (its paint). */
  commitAt: number;
  rafAt: number;
  paintAt: number;
  changed: boolean;
}

/**
 * Installed before the page's scripts: records long tasks, when the stage named by `ready` is in the DOM and painted, and, for each
 * ArrowRight/Home keydown, when the DOM changed and the next frame after it was painted.
 */
export function installProbes(ready: StageReady): void {
  const perf: PagePerf = { longTasks: [], stageReadyAt: null, steps: [], keydownTimings: [], stepTexts: 0 };
  (window as unknown as { __perf: PagePerf }).__perf = perf;
  // The task that runs after the frame following `then`: a rAF callback runs just before that frame's paint, and a message posted
  // from it is handled once the frame is done (the usual "after next paint" probe).
  const afterNextPaint = (then: (rafAt: number, paintAt: number) => void) =>
    requestAnimationFrame(() => {
      const rafAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(rafAt, performance.now());
      channel.port2.postMessage(0);
    });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) perf.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (entry.name === 'keydown')
        perf.keydownTimings.push({ start: entry.startTime, duration: entry.duration, processing: entry.processingEnd - entry.processingStart });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);

  let seen = false;
  const isReady = () => document.querySelector(ready.selector) !== null && (!ready.mark || performance.getEntriesByName(ready.mark).length > 0);
  const check = () => {
    if (seen || !isReady()) return;
    seen = true;
    domWatch.disconnect();
    afterNextPaint((_raf, paintAt) => (perf.stageReadyAt = paintAt));
  };
  const domWatch = new MutationObserver(check);
  domWatch.observe(document, { childList: true, subtree: true });
  if (ready.mark) new PerformanceObserver(check).observe({ type: 'mark' });

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'Home') return;
      const record: StepRecord = { key: event.key, t0: event.timeStamp, commitAt: -1, rafAt: -1, paintAt: -1, changed: false };
      const watch = new MutationObserver(() => {
        watch.disconnect();
        record.changed = true;
        record.commitAt = performance.now();
        afterNextPaint((rafAt, paintAt) => {
          record.rafAt = rafAt;
          record.paintAt = paintAt;
          perf.steps.push(record);
        });
      });
      // Only the step counter is watched: React commits the whole step in one pass, so the counter changes with everything else,
      // and watching every attribute of thousands of grid cells would make the probe itself part of the cost it measures.
      const counter = document.querySelector('[data-testid=step-count]');
      if (counter) watch.observe(counter, { childList: true, subtree: true, characterData: true });
      else watch.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      setTimeout(() => {
        if (record.changed) return;
        watch.disconnect();
        perf.steps.push(record);
      }, 2000);
    },
    true,
  );
}

async function openMeasured(context: BrowserContext, baseUrl: string, config: LargestConfig): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  // tsx (esbuild with keepNames) wraps named functions in `__name(...)` calls, which the page must resolve too.
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((target) => target);' });
  await page.addInitScript(installProbes, config.ready);
  await page.goto(new URL(config.query, baseUrl).toString());
  try {
    await page.waitForFunction(() => (window as unknown as { __perf?: PagePerf }).__perf?.stageReadyAt != null, null, { timeout: 30_000 });
  } catch (error) {
    const state = await page.evaluate(() => JSON.stringify((window as unknown as { __perf?: PagePerf }).__perf ?? null)).catch(() => 'unreadable');
    throw new Error(
      `${config.name}: the stage (${config.ready.selector}) was not painted within 30 s; probes: ${state}; page errors: ${errors.join(' | ') || 'none'}`,
      {
        cause: error,
      },
    );
  }
  return { page, errors };
}

export interface RenderTime {
  name: string;
  runs: number[];
  median: number;
  errors: string[];
}

/** Time from navigation start to the painted stage of `config`'s link, in a fresh browser context (cold cache) per run. */
export async function measureRenderTime(browser: Browser, baseUrl: string, config: LargestConfig, runs: number): Promise<RenderTime> {
  const times: number[] = [];
  const errors: string[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', serviceWorkers: 'block' });
    try {
      const { page, errors: pageErrors } = await openMeasured(context, baseUrl, config);
      times.push(await page.evaluate(() => (window as unknown as { __perf: PagePerf }).__perf.stageReadyAt as number));
      errors.push(...pageErrors);
    } finally {
      await context.close();
    }
  }
  return { name: config.name, runs: times, median: median(times), errors: [...new Set(errors)] };
}

export interface StepLatency {
  name: string;
  steps: number;
  /** Key press (event.timeStamp) to the task after the next painted frame. */
  latency: { p50: number; p95: number; max: number };
  /** Key press to the DOM change (the app's own work: store update, React render and commit). */
  work: { p50: number; p95: number; max: number };
  /** Event Timing: keydowns whose duration (to the next paint, rounded to 8 ms) was 16 ms or more, and the longest. */
  eventTimingOver16: number;
  eventTimingMax: number;
  /** Wraps back to the first step (Home) when the trace ran out, not counted. */
  wraps: number;
  noChange: number;
  errors: string[];
}

interface PlayerPosition {
  value: number;
  max: number;
}

async function playerPosition(page: Page): Promise<PlayerPosition> {
  return page.evaluate(() => {
    const slider = document.querySelector<HTMLInputElement>('.player input[type=range]');
    if (!slider) throw new Error('no step player on the page');
    return { value: Number(slider.value), max: Number(slider.max) };
  });
}

/** Presses `key` and waits until the page has recorded it (its paint, or that nothing changed). */
async function pressAndWait(page: Page, key: string): Promise<StepRecord> {
  const before = await page.evaluate(() => (window as unknown as { __perf: PagePerf }).__perf.steps.length);
  await page.keyboard.press(key);
  await page.waitForFunction((n) => (window as unknown as { __perf: PagePerf }).__perf.steps.length > n, before, { timeout: 10_000 });
  return page.evaluate((n) => (window as unknown as { __perf: PagePerf }).__perf.steps[n] as StepRecord, before);
}

const summary = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: max(values) });

/** `count` ArrowRight presses on the link's player, each waited for until painted; Home (not counted) when the last step is reached. */
export async function measureStepLatency(
  browser: Browser,
  baseUrl: string,
  config: LargestConfig,
  count: number,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<StepLatency> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', serviceWorkers: 'block' });
  try {
    await prepare?.(context);
    const { page, errors } = await openMeasured(context, baseUrl, config);
    // The player in view, as for a student stepping it (the image lab's learning player is below the first screen).
    await page.locator('.player').first().scrollIntoViewIfNeeded();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitForTimeout(300);
    const latencies: number[] = [];
    const work: number[] = [];
    let wraps = 0;
    let noChange = 0;
    while (latencies.length + noChange < count) {
      const position = await playerPosition(page);
      if (position.value >= position.max) {
        await pressAndWait(page, 'Home');
        wraps++;
        continue;
      }
      const record = await pressAndWait(page, 'ArrowRight');
      if (!record.changed) {
        noChange++;
        continue;
      }
      latencies.push(record.paintAt - record.t0);
      work.push(record.commitAt - record.t0);
    }
    // Event Timing entries carry no key: match them to the counted ArrowRight presses by their start (the event's timeStamp).
    const { timings, counted } = await page.evaluate(() => {
      const perf = (window as unknown as { __perf: PagePerf }).__perf;
      return { timings: perf.keydownTimings, counted: perf.steps.filter((r) => r.key === 'ArrowRight' && r.changed).map((r) => r.t0) };
    });
    const ownTimings = timings.filter((t) => counted.some((t0) => Math.abs(t.start - t0) < 1));
    return {
      name: config.name,
      steps: latencies.length,
      latency: summary(latencies),
      work: summary(work),
      eventTimingOver16: ownTimings.length,
      eventTimingMax: max(ownTimings.map((t) => t.duration)),
      wraps,
      noChange,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** A page whose "player" changes one number per key and nothing else: what the browser's own frame pipeline costs. */
const FLOOR_PAGE = `<!doctype html><html lang="en"><title>frame floor</title>
<div class="player"><input type="range" min="0" max="100000" value="0" aria-label="step"><span data-testid="step-count">0</span></div>
<script>
const slider = document.querySelector('input');
const counter = document.querySelector('[data-testid=step-count]');
addEventListener('keydown', (event) => {
  if (event.key === 'ArrowRight') slider.value = String(Number(slider.value) + 1);
  else if (event.key === 'Home') slider.value = '0';
  else return;
  counter.textContent = slider.value;
});
</script>`;

/**
 * The same step probe on FLOOR_PAGE: the part of every view's figure that no app code can remove (the wait for the next frame,
 * and the browser's input and paint pipeline). Served from a route, so it runs in the same browser, flags and load.
 */
export function measureFrameFloor(browser: Browser, baseUrl: string, count: number): Promise<StepLatency> {
  const floor: LargestConfig = {
    name: 'floor (empty page)',
    panel: 'basics',
    description: 'one number changed per key, nothing else',
    query: '/__frame-floor.html',
    ready: { selector: '[data-testid=step-count]' },
    stepped: true,
  };
  return measureStepLatency(browser, baseUrl, floor, count, async (context) => {
    await context.route('**/__frame-floor.html', (route) => route.fulfill({ contentType: 'text/html', body: FLOOR_PAGE }));
  });
}

export interface AutoplayRun {
  name: string;
  seconds: number;
  stepsShown: number;
  restarts: number;
  longTasks: number;
  longestTask: number;
  heapBefore: number;
  heapAfter: number;
  growthPercent: number;
  /** Heap after the first `warmUpSeconds` of playing, and the growth from there to the end: what a leak would add. */
  warmUpSeconds: number;
  heapWarm: number;
  growthAfterWarmUpPercent: number;
  errors: string[];
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Plays the link's player at the fastest speed for `seconds`, restarting at the end; long tasks and heap growth (after GC). */
export async function measureAutoplay(
  browser: Browser,
  baseUrl: string,
  config: LargestConfig,
  seconds: number,
  speed: number,
  warmUpSeconds: number,
): Promise<AutoplayRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', serviceWorkers: 'block' });
  try {
    const { page, errors } = await openMeasured(context, baseUrl, config);
    await page.locator('.player').first().scrollIntoViewIfNeeded();
    await page.locator('.player-speed select').selectOption(String(speed));
    await page.waitForTimeout(1000);
    const heapBefore = await heapAfterGc(page);
    const start = await page.evaluate(() => {
      const perf = (window as unknown as { __perf: PagePerf }).__perf;
      const counter = document.querySelector('[data-testid=step-count]');
      if (counter) new MutationObserver(() => perf.stepTexts++).observe(counter, { childList: true, characterData: true, subtree: true });
      return performance.now();
    });
    const play = page.locator('.player-play');
    await play.click();
    let restarts = 0;
    let heapWarm = 0;
    const warmAt = Date.now() + warmUpSeconds * 1000;
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      if (heapWarm === 0 && Date.now() >= warmAt) heapWarm = await heapAfterGc(page);
      await page.waitForTimeout(Math.min(250, Math.max(0, end - Date.now())));
      const position = await playerPosition(page);
      const playing = (await play.getAttribute('aria-label')) === 'Pause';
      if (!playing && position.value >= position.max && Date.now() < end) {
        await play.click();
        restarts++;
      }
    }
    if ((await play.getAttribute('aria-label')) === 'Pause') await play.click();
    await page.waitForTimeout(1000);
    const heapAfter = await heapAfterGc(page);
    const { tasks, stepsShown } = await page.evaluate((since) => {
      const perf = (window as unknown as { __perf: PagePerf }).__perf;
      return { tasks: perf.longTasks.filter((t) => t.start >= since), stepsShown: perf.stepTexts };
    }, start);
    return {
      name: config.name,
      seconds,
      stepsShown,
      restarts,
      longTasks: tasks.length,
      longestTask: max(tasks.map((t) => t.duration)),
      heapBefore,
      heapAfter,
      growthPercent: ((heapAfter - heapBefore) / heapBefore) * 100,
      warmUpSeconds,
      heapWarm,
      growthAfterWarmUpPercent: heapWarm > 0 ? ((heapAfter - heapWarm) / heapWarm) * 100 : Number.NaN,
      errors,
    };
  } finally {
    await context.close();
  }
}
