// Playwright: the real-browser suite (test/browser) against the built app, served by `vite preview`, in the installed Chromium.
// Run it through `npm run test:browser` (scripts/test-browser.ts), which finds the browser or says loudly that it skipped.

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, missingBrowserMessage } from './scripts/find-chromium.ts';

/** Not vite's default preview port (4173), so a preview someone left running is never mistaken for this build. */
const PORT = Number(process.env.BROWSER_TEST_PORT ?? 4183);
/** The suite builds into its own folder, so it never races `npm run build` or a preview of dist/ (BROWSER_TEST_BUILD_DIR for parallel runs). */
const BUILD_DIR = process.env.BROWSER_TEST_BUILD_DIR ?? 'test/artifacts/dist';

const browser = findChromium();
if (!browser) throw new Error(missingBrowserMessage(Boolean(process.env.CI)));

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.spec.ts',
  outputDir: 'test/artifacts/results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // No retries: a test that fails once is reported, not hidden.
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    // Traces cost about a third of the run time; PW_TRACE=1 records them (kept for failed tests only).
    trace: process.env.PW_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: browser.path, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite build --outDir ${BUILD_DIR} --emptyOutDir --logLevel warn && npx vite preview --outDir ${BUILD_DIR} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
