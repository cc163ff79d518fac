// Bundle budget: the gzipped JavaScript the first screen loads must stay within 250 kB.
// Counted: the entry script(s) of dist/index.html, its modulepreload links, their static imports (transitively), and the lazy
// chunk of the default panel (Basics) with its static imports, since the first screen shows it. Not counted: CSS and fonts
// (KaTeX's included), source maps, and the other panels' chunks.
// Usage: npm run build && npm run check:bundle [-- --dist <dir>] [-- --budget <kB>]

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
function option(name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

const DIST = resolve(option('--dist', 'dist'));
/** kB as Vite prints them: 1 kB = 1000 bytes. */
const BUDGET_BYTES = Number(option('--budget', '250')) * 1000;
/** The default panel, whose lazy chunk the first screen loads: its source file and the chunk name Vite derives from it. */
const DEFAULT_PANEL_SOURCE = /(^|\/)src\/panels\/basics\/BasicsPanel\.tsx$/;
const DEFAULT_PANEL_CHUNK = /(^|\/)BasicsPanel[-.][^/]*\.js$/;

function fail(message: string): never {
  console.error(`check-bundle: ${message}`);
  process.exit(1);
}

const indexPath = join(DIST, 'index.html');
if (!existsSync(indexPath)) fail(`${relative(process.cwd(), indexPath)} not found: run \`npm run build\` first.`);
const indexHtml = readFileSync(indexPath, 'utf8');

/** Resolves a URL of index.html or of a chunk to a file inside dist, or null for anything else (other origins, data:). */
function toDistFile(specifier: string, fromFile: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(specifier) || specifier.startsWith('//')) return null;
  const clean = specifier.split(/[?#]/)[0] as string;
  const file = clean.startsWith('/') ? join(DIST, clean) : resolve(dirname(fromFile), clean);
  return file.startsWith(DIST) && existsSync(file) ? file : null;
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    result[(match[1] as string).toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return result;
}

/** Entry scripts and modulepreload links of index.html. */
const roots = new Set<string>();
for (const [tag] of indexHtml.matchAll(/<script\b[^>]*>/gi)) {
  const attrs = attributes(tag.slice(7, -1));
  if (attrs.src) {
    const file = toDistFile(attrs.src, indexPath);
    if (file) roots.add(file);
  }
}
for (const [tag] of indexHtml.matchAll(/<link\b[^>]*>/gi)) {
  const attrs = attributes(tag.slice(5, -1));
  if (attrs.rel?.split(/\s+/).includes('modulepreload') && attrs.href) {
    const file = toDistFile(attrs.href, indexPath);
    if (file) roots.add(file);
  }
}
if (roots.size === 0) fail('no entry script found in dist/index.html.');

const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]([^"'`\n]+)["'`]/g;
const DYNAMIC_IMPORT = /(?:^|[^\w$.])import\s*\(\s*["'`]([^"'`\n]+)["'`]\s*\)/g;

function importsOf(file: string, pattern: RegExp): string[] {
  const code = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of code.matchAll(pattern)) {
    const target = toDistFile(match[1] as string, file);
    if (target && target.endsWith('.js')) found.push(target);
  }
  return found;
}

/** The files and their static imports, transitively. */
function closure(start: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file, STATIC_IMPORT));
  }
  return seen;
}

const firstScreen = closure(roots);
const reasons = new Map<string, string>([...firstScreen].map((file) => [file, roots.has(file) ? 'entry' : 'static import']));

// The default panel's lazy chunk: from Vite's manifest when the build writes one, else from the entry's dynamic imports.
let panelChunk: string | null = null;
const manifestPath = join(DIST, '.vite', 'manifest.json');
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; src?: string }>;
  const entry = Object.entries(manifest).find(([key, chunk]) => DEFAULT_PANEL_SOURCE.test(chunk.src ?? key));
  if (entry) panelChunk = toDistFile(entry[1].file, indexPath);
}
if (!panelChunk) {
  const dynamic = [...firstScreen].flatMap((file) => importsOf(file, DYNAMIC_IMPORT));
  panelChunk = dynamic.find((file) => DEFAULT_PANEL_CHUNK.test(file)) ?? null;
  if (!panelChunk) {
    fail(
      `could not find the default panel's lazy chunk (BasicsPanel-*.js) among the entry's dynamic imports: ${dynamic.map((f) => relative(DIST, f)).join(', ') || 'none'}.`,
    );
  }
}
for (const file of closure([panelChunk])) {
  if (!reasons.has(file)) reasons.set(file, file === panelChunk ? 'default panel (lazy)' : 'default panel import');
}

const rows = [...reasons.entries()].map(([file, reason]) => {
  const bytes = readFileSync(file);
  return { file: relative(process.cwd(), file), reason, raw: bytes.length, gzip: gzipSync(bytes).length };
});
rows.sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
const totalRaw = rows.reduce((sum, row) => sum + row.raw, 0);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

console.log('JavaScript loaded for the first screen (CSS and fonts excluded):');
for (const row of rows)
  console.log(`  ${row.file.padEnd(48)} ${row.reason.padEnd(22)} ${kB(row.raw).padStart(11)}  gzip ${kB(row.gzip).padStart(10)}`);
console.log(`  ${'total'.padEnd(48)} ${''.padEnd(22)} ${kB(totalRaw).padStart(11)}  gzip ${kB(total).padStart(10)}`);
const verdict = `first-screen JavaScript: ${kB(total)} gzipped, budget ${kB(BUDGET_BYTES)} (${((100 * total) / BUDGET_BYTES).toFixed(0)}% used)`;
if (total > BUDGET_BYTES) fail(`OVER BUDGET: ${verdict}.`);
console.log(`check-bundle: OK, ${verdict}.`);
