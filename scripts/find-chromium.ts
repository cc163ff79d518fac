// Finds a Chromium or Chrome for the browser tests: CHROME_PATH, else the usual install paths. Never a test tool's own download.

import { accessSync, constants, statSync } from 'node:fs';

/** Where Debian, Ubuntu and Google's packages put the browser, in the order tried after CHROME_PATH. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for running as root on this closed network: no sandbox, no GPU, and no background connections that would be refused. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface FoundBrowser {
  path: string;
  /** 'CHROME_PATH' or 'default path'. */
  source: string;
}

/** The browser to use, or null when none is installed. A CHROME_PATH that is set but not executable counts as none (and says so). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundBrowser | null {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return { path: fromEnv, source: 'CHROME_PATH' };
    console.warn(`CHROME_PATH is set to ${fromEnv}, which is not an executable file; trying the usual install paths.`);
  }
  for (const candidate of CHROMIUM_CANDIDATES) {
    if (isExecutableFile(candidate)) return { path: candidate, source: 'default path' };
  }
  return null;
}

/** The loud message printed when no browser is found. */
export function missingBrowserMessage(ci: boolean): string {
  const line = '!'.repeat(78);
  return [
    '',
    line,
    ci ? '!!  BROWSER TESTS FAILED: no Chromium or Chrome found, and CI is set.' : '!!  BROWSER TESTS SKIPPED: no Chromium or Chrome found.',
    `!!  Looked at CHROME_PATH and ${CHROMIUM_CANDIDATES.join(', ')}.`,
    '!!  Install one:   sudo apt-get install chromium',
    '!!  or point at one: CHROME_PATH=/path/to/chrome npm test',
    '!!  (A test tool\'s own browser download, e.g. "npx playwright install", does not work here.)',
    line,
    '',
  ].join('\n');
}
