// `npm run check:lighthouse`: Lighthouse on the built app (dist/, served by vite preview on a free port) in the installed Chromium.
// Fails when accessibility or best practices score below 100 on any checked page, printing the failing audits; performance and
// SEO are printed, not gated (they depend on the machine's speed and load).
// Usage: npm run build && npm run check:lighthouse [-- --dist <dir>]

import { findChromium, missingBrowserMessage } from './find-chromium.ts';
import { formatScore, runLighthouse, type LighthouseResult } from './perf/lighthouse.ts';
import { freePort, startPreview } from './perf/server.ts';
import { ms, table } from './perf/stats.ts';

/** The default view (what a visitor sees first) and the image lab (canvases, a worker, file input). */
const PAGES = ['?v=1', '?v=1&p=kernels'];
const GATED = ['accessibility', 'best-practices'] as const;

const args = process.argv.slice(2);
const distIndex = args.indexOf('--dist');
const dist = distIndex >= 0 ? (args[distIndex + 1] ?? 'dist') : 'dist';

async function main(): Promise<number> {
  const browser = findChromium();
  if (!browser) {
    console.error(missingBrowserMessage(true));
    return 1;
  }
  const started = Date.now();
  const server = await startPreview(dist, await freePort());
  const results: LighthouseResult[] = [];
  try {
    for (const page of PAGES) results.push(await runLighthouse(new URL(page, server.url).toString(), 'mobile', browser.path));
  } finally {
    await server.stop();
  }

  const rows = [['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'TBT']];
  for (const r of results) {
    rows.push([
      new URL(r.url).search,
      formatScore(r.scores.performance),
      formatScore(r.scores.accessibility),
      formatScore(r.scores['best-practices']),
      formatScore(r.scores.seo),
      ms(r.metrics.lcp ?? Number.NaN, 0),
      ms(r.metrics.tbt ?? Number.NaN, 0),
    ]);
  }
  console.log(`Lighthouse ${results[0]?.lighthouseVersion ?? ''} (mobile preset, simulated throttling) on ${dist}/:\n`);
  console.log(table(rows));
  console.log('\nGated: accessibility and best practices must be 100. Performance and SEO are reported only.');

  let failed = false;
  for (const r of results) {
    for (const category of GATED) {
      if (r.scores[category] === 1) continue;
      failed = true;
      console.error(`\n${new URL(r.url).search}: ${category} is ${formatScore(r.scores[category])}, not 100. Failing audits:`);
      for (const audit of r.failing.filter((a) => a.category === category)) {
        console.error(`  - ${audit.id}: ${audit.title}${audit.items.length ? `\n      ${audit.items.join('\n      ')}` : ''}`);
      }
    }
  }
  console.log(`\ncheck:lighthouse ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error('check:lighthouse could not run:', error);
    process.exitCode = 1;
  },
);
