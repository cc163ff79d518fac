// Renders the app icons (public/icons/*.png: favicon 32, 192, 512, maskable 512, Apple touch 180) from public/favicon.svg in Chromium.
// Run: npx tsx scripts/make-icons.ts   (needs Chromium: CHROME_PATH or the usual install paths)

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, missingBrowserMessage } from './find-chromium.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'public', 'icons');
/** The header's colour (src/styles.css .app-header), also the manifest's theme colour and the maskable icon's full-bleed background. */
const BACKGROUND = '#1f2a44';

interface IconSpec {
  file: string;
  size: number;
  /** Maskable: the background fills the square and the drawing sits inside the central 80 % safe zone the launcher may crop to. */
  maskable: boolean;
}

const ICONS: IconSpec[] = [
  { file: 'icon-32.png', size: 32, maskable: false },
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
];

function pageFor(svg: string, icon: IconSpec): string {
  const drawn = icon.maskable ? Math.round(icon.size * 0.7) : icon.size;
  const svgSized = svg.replace('<svg ', `<svg width="${drawn}" height="${drawn}" `);
  const background = icon.maskable ? BACKGROUND : 'transparent';
  return `<!doctype html><html><body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${background}">${svgSized}</body></html>`;
}

async function main(): Promise<void> {
  const browser = findChromium();
  if (!browser) throw new Error(missingBrowserMessage(true));
  const svg = readFileSync(join(ROOT, 'public', 'favicon.svg'), 'utf8');
  mkdirSync(OUT, { recursive: true });
  const instance = await chromium.launch({ executablePath: browser.path, args: CHROMIUM_ARGS });
  try {
    for (const icon of ICONS) {
      const page = await instance.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
      await page.setContent(pageFor(svg, icon));
      await page.screenshot({ path: join(OUT, icon.file), omitBackground: !icon.maskable });
      await page.close();
      console.log(`wrote public/icons/${icon.file} (${icon.size}×${icon.size}${icon.maskable ? ', maskable' : ''})`);
    }
  } finally {
    await instance.close();
  }
}

await main();
