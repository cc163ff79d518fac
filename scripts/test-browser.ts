// Runs the Playwright browser suite (test/browser) in the installed Chromium, or says loudly that it skipped (fails under CI).

import { spawnSync } from 'node:child_process';
import { findChromium, missingBrowserMessage } from './find-chromium.ts';

const ci = Boolean(process.env.CI);
const browser = findChromium();
if (!browser) {
  console.error(missingBrowserMessage(ci));
  process.exit(ci ? 1 : 0);
}

console.log(`Browser tests in ${browser.path} (from ${browser.source}).`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: browser.path },
});
if (result.error) {
  console.error(`Could not start Playwright: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
