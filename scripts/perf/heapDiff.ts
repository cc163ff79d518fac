// What the JS heap gains over N steps of a view: heap snapshots (after GC) at the first paint and after the steps, compared by
// constructor. Tells a leak (growth that keeps coming) from React's second fiber tree and compiled code (growth that stops).
//
// Usage: npx tsx scripts/perf/heapDiff.ts "<query>" [steps=40] [--port 4306]   (serves the build of `npm run perf`)

import { chromium } from '@playwright/test';
import type { CDPSession } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.ts';
import { startPreview } from './server.ts';

const OUT_DIR = 'test/artifacts/dist-perf';

interface Totals {
  count: number;
  bytes: number;
}

/** Heap snapshot totals by constructor name (objects) or by node type in parentheses (strings, code, arrays…). */
async function snapshotTotals(cdp: CDPSession): Promise<{ byName: Map<string, Totals>; used: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field)) as [number, number, number];
  const types = snapshot.snapshot.meta.node_types[0];
  const byName = new Map<string, Totals>();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt] as number] ?? '?';
    const name = type === 'object' || type === 'native' ? (snapshot.strings[snapshot.nodes[i + nameAt] as number] ?? '?') : `(${type})`;
    const totals = byName.get(name) ?? { count: 0, bytes: 0 };
    totals.count++;
    totals.bytes += snapshot.nodes[i + sizeAt] as number;
    byName.set(name, totals);
  }
  return { byName, used: usedSize };
}

const args = process.argv.slice(2);
const query = args.find((arg) => arg.startsWith('?')) ?? '?v=1';
const steps = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 40);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : 4306;
const browserPath = findChromium();
if (!browserPath) throw new Error('no Chromium found (set CHROME_PATH)');

const server = await startPreview(OUT_DIR, port);
const browser = await chromium.launch({ executablePath: browserPath.path, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('[data-testid=step-count]');
  await page.locator('.player').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const before = await snapshotTotals(cdp);
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(500);
  const after = await snapshotTotals(cdp);
  const mib = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;
  console.log(`${query.slice(0, 80)}${query.length > 80 ? '…' : ''}: heap ${mib(before.used)} → ${mib(after.used)} after ${steps} steps`);
  console.log('growth by constructor (minified names are React’s: FiberNode shows as a short name), largest first:');
  const rows = [...after.byName.entries()]
    .map(([name, totals]) => ({ name, count: totals.count - (before.byName.get(name)?.count ?? 0), bytes: totals.bytes - (before.byName.get(name)?.bytes ?? 0) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 15);
  for (const row of rows) console.log(`${(row.bytes / 1024).toFixed(0).padStart(8)} KiB ${String(row.count).padStart(8)} objects  ${row.name.slice(0, 70)}`);
} finally {
  await browser.close();
  await server.stop();
}
