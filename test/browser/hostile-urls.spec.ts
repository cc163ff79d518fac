// Hostile and garbage links: each opens the app (never a blank page), runs no script, opens no dialog, throws nothing,
// and shows the link notice when a known key was bad. Payloads set window.__pwned, which must stay undefined (hand-written cases)
// or 0 (the 200 generated ones, whose page sets it to 0 before any script runs).

import { test, expect, focusPage, openApp, waitForPanel } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { PANEL_IDS, PANEL_SPECS, type BuiltPanelId } from '../../src/app/panels.ts';
import { APP_KEYS, decodeView } from '../../src/url/codec.ts';
import { seededRandom } from '../../src/engine/index.ts';
import { BASICS_LIMITS } from '../../src/panels/basics/basicsConfig.ts';
import { CHANNELS_LIMITS } from '../../src/panels/channels/channelsConfig.ts';
import { CONV_LAB_LIMITS } from '../../src/panels/convLab/convLabConfig.ts';
import { STACK_LIMITS } from '../../src/panels/dilation/dilationConfig.ts';
import { KERNELS_LIMITS } from '../../src/panels/kernels/kernelsConfig.ts';
import { POOLING_LIMITS } from '../../src/panels/pooling/poolingConfig.ts';
import { RECEPTIVE_LIMITS } from '../../src/panels/receptive/receptiveConfig.ts';
import { TRANSPOSED_LIMITS } from '../../src/panels/transposed/transposedConfig.ts';

interface HostileCase {
  name: string;
  query: string;
  /** A known key was bad, so the notice must be visible. */
  notice: boolean;
}

const enc = encodeURIComponent;
const PWN = 'window.__pwned=1';

export const HOSTILE_CASES: HostileCase[] = [
  { name: 'script tag in the input', query: `?x=${enc(`<script>${PWN}</script>`)}`, notice: true },
  { name: 'img onerror in the input (unescaped)', query: '?x=<img src=x onerror=alert(1)>', notice: true },
  { name: 'img onerror in the kernel', query: `?k=${enc(`<img src=x onerror="${PWN}">`)}`, notice: true },
  { name: 'javascript: URL as the panel', query: `?p=${enc(`javascript:${PWN}`)}`, notice: true },
  { name: 'javascript: URL as the language', query: '?lang=javascript:alert(document.domain)', notice: true },
  { name: 'svg onload as presentation mode', query: `?pm=${enc(`<svg onload="${PWN}">`)}`, notice: true },
  { name: 'huge step', query: '?s=99999999999999999999999', notice: true },
  { name: 'negative step', query: '?s=-3', notice: true },
  { name: 'huge bias', query: '?b=1e308', notice: true },
  { name: 'non-finite values', query: '?x=Infinity,NaN;1,2', notice: true },
  { name: 'negative and zero sizes as keys and a one-row kernel of -1', query: '?h=-3&w=0&k=-1', notice: false },
  { name: 'ragged matrix', query: '?x=1,2,3;4,5', notice: true },
  { name: 'oversized matrix (11×11)', query: `?x=${Array.from({ length: 11 }, () => Array(11).fill(1).join(',')).join(';')}`, notice: true },
  { name: 'kernel larger than the input', query: '?x=1,2;3,4&k=1,2,3;4,5,6;7,8,9', notice: true },
  { name: 'broken UTF-8 percent escape', query: '?p=%E0%A4%A&lang=%E0%A4%A', notice: true },
  { name: 'lone percent signs and nulls', query: '?x=%&k=%00%01&b=%ZZ', notice: true },
  { name: 'unknown panel', query: '?p=nonexistent-panel', notice: true },
  { name: 'unknown version', query: '?v=999', notice: true },
  { name: 'unknown keys only, with markup', query: `?${enc('<b>')}=${enc(`<script>${PWN}</script>`)}&__proto__=1&constructor=x`, notice: false },
  { name: 'prototype keys as values', query: '?p=__proto__&lang=constructor&pm=toString', notice: true },
  { name: 'duplicate keys, first one bad', query: '?s=abc&s=2', notice: true },
  { name: 'a 100 kB value', query: `?x=${'1,'.repeat(50_000)}1`, notice: true },
  { name: 'a 100 kB key', query: `?${'a'.repeat(100_000)}=1`, notice: true },
  {
    // Found by test/url/fuzz.test.ts: the groups view's 1×1 layer could not run and the panel showed its error card.
    name: 'four output channels without matching pointwise weights',
    query: `?p=channels&view=groups&x=${Array(4).fill('1,2,3,4;5,6,7,8;9,0,1,2;3,4,5,6').join('_')}&w=${Array(4).fill('0,1;2,3_1,2;3,4').join('*')}&g=2`,
    notice: true,
  },
  { name: 'markup in the hash', query: `?v=1#${enc(`<img src=x onerror="${PWN}">`)}`, notice: false },
];

/** The built index.html, to answer links too long for the preview server's request-line limit (as a static host with a larger limit would). */
let indexHtml: string | null = null;
async function serveLongLinks(page: Page, baseURL: string): Promise<void> {
  await page.route(
    (url) => url.href.length > 4000 && url.pathname === '/',
    async (route) => {
      indexHtml ??= await (await fetch(`${baseURL}/`)).text();
      await route.fulfill({ status: 200, contentType: 'text/html', body: indexHtml });
    },
  );
}

/** Opens one hand-written hostile link and checks it; every failure names the case. */
async function checkHostileCase(page: Page, hostile: HostileCase): Promise<void> {
  const label = `hostile link: ${hostile.name}`;
  await openApp(page, hostile.query);
  // A non-blank page: the header and a panel (Basics, or a placeholder), not the error card.
  await expect(page.getByRole('navigation').getByRole('link'), label).not.toHaveCount(0);
  await expect(page.locator('main#panel .error-card'), label).toHaveCount(0);
  expect((await page.locator('main#panel').innerText()).length, label).toBeGreaterThan(20);
  if (hostile.notice) await expect(page.getByTestId('link-notice'), label).toBeVisible();
  else await expect(page.getByTestId('link-notice'), label).toHaveCount(0);
  // Give any injected handler (onerror, onload) time to fire, then check nothing ran.
  await page.waitForTimeout(150);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), label).toBeUndefined();
  // Nothing from the link became markup.
  expect(await page.locator('img[src=x], script:not([src]), svg[onload], [onerror]').count(), label).toBe(0);
  // The app still works: End jumps to the last step.
  if (await page.getByTestId('narration').count()) {
    await focusPage(page);
    await page.keyboard.press('End');
    await expect(page.getByTestId('step-count'), label).toHaveText(/^Step (\d+) of \1$/);
  }
}

// Two tests of one page each: a fresh browser context per case would cost more than the checks themselves.
const HALF = Math.ceil(HOSTILE_CASES.length / 2);
for (const [part, cases] of [HOSTILE_CASES.slice(0, HALF), HOSTILE_CASES.slice(HALF)].entries()) {
  test(`hand-written hostile links, part ${part + 1} of 2 (${cases.length} links)`, async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    await serveLongLinks(page, baseURL ?? '');
    for (const hostile of cases) await checkHostileCase(page, hostile);
  });
}

test('the notice names the bad keys as text and can be dismissed', async ({ page }) => {
  await openApp(page, `?v=1&s=-1&x=${enc('<b id=bold>1</b>')}`);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('s');
  await expect(notice).toContainText('x');
  await expect(page.locator('#bold')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('narration')).toContainText('= 19');
});

test('a link whose input is smaller than the default kernel opens without crashing', async ({ page }) => {
  await openApp(page, '?v=1&x=5');
  await expect(page.locator('main#panel .error-card')).toHaveCount(0);
  await expect(page.getByTestId('narration')).toBeVisible();
  await expect(page.getByTestId('grid-output')).toBeVisible();
});

test('a good link after a bad one clears the notice', async ({ page }) => {
  await openApp(page, '?v=1&s=zzz');
  await expect(page.getByTestId('link-notice')).toBeVisible();
  await openApp(page, '?v=1&s=1');
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  await waitForPanel(page);
});

// Guards the helper itself: the long-link route must answer with the real app.
test('the long-link helper serves the built page', async ({ page, baseURL }) => {
  await serveLongLinks(page, baseURL ?? '');
  await openApp(page, `?v=1&zz=${'y'.repeat(5000)}`);
  await expect(page.getByTestId('narration')).toContainText('= 19');
});

// ---------------------------------------------------------------------------------------------------------------------
// 200 generated links: a seeded generator (the same links every run) spreads eight kinds of hostile value over every panel's keys.

const GENERATED_COUNT = 200;
const GENERATED_GROUPS = 8;

/** Each payload would bump window.__pwned or open a dialog if the app ever ran or inserted it. */
const SCRIPT_PAYLOADS = [
  '<script>__pwned++</script>',
  '<script>alert(1)</script>',
  '"><img src=x onerror=__pwned++>',
  "'><svg onload=alert(1)>",
  '<iframe srcdoc="<script>parent.__pwned++</script>">',
  '<img src=x onerror="import(\'data:text/javascript,__pwned++\')">',
  '</title><script>__pwned++</script>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
];
const JAVASCRIPT_PAYLOADS = [
  'javascript:__pwned++',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  "javascript:import('data:text/javascript,__pwned++')",
  'data:text/html,<script>__pwned++</script>',
  'vbscript:msgbox(1)',
  '\\u006aavascript:__pwned++',
  '${__pwned++}',
  '{{constructor.constructor("__pwned++")()}}',
];
const HUGE_NUMBERS = ['1e308', '1e999', '-1e999', '9'.repeat(40), '4294967296', '9007199254740993', 'Infinity', 'NaN', '0x7fffffff', '99999999'];
const NEGATIVE_SIZES = ['-1', '-3', '-0', '-99', '-1,-1', '-2,3', '0,-5', '-1;-1', 'c-3', 'c3s-1p-1', '-1e3'];
const BROKEN_ESCAPES = ['%E0%A4%A', '%', '%%', '%zz', '%C0%AF', '%ED%A0%80', '%F0%9F%98', '%FF%FE%00', '%E2%88', '1%2C%ZZ', '%u0031', '%EF%BC%91'];
const ODD_TEXT = [
  '１,２;３,４',
  '٣,٤',
  '³',
  '\u{1F600}',
  '\u202E1,2',
  '1\u00A02',
  '1,,2;;3',
  '[[1,2],[3,4]]]',
  '1_2*3_4*',
  ';;;',
  '...',
  '__proto__',
  'constructor',
  '\u0000',
  'c3.'.repeat(30),
  Array.from({ length: 13 }, () => '1').join(','),
];
const KINDS = ['script', 'javascript', 'huge', 'negative', 'long', 'escapes', 'odd', 'mixed'] as const;
type Kind = (typeof KINDS)[number];

const BUILT = PANEL_IDS.filter((id): id is BuiltPanelId => id in PANEL_SPECS);
const panelKeys = (panel: BuiltPanelId): string[] =>
  Object.values(PANEL_SPECS[panel].url as Record<string, { key: string | null }>).flatMap((entry) => (entry.key === null ? [] : [entry.key]));
const APP_KEY_VALUES: string[] = Object.values(APP_KEYS).filter((key) => key !== APP_KEYS.panel);

interface GeneratedLink {
  index: number;
  kind: Kind;
  panel: BuiltPanelId;
  /** The query as typed (may hold raw markup, spaces and broken escapes). */
  query: string;
}

function generateLinks(): GeneratedLink[] {
  const random = seededRandom(20_240_601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const payload = (kind: Kind): string => {
    switch (kind) {
      case 'script':
        return pick(SCRIPT_PAYLOADS);
      case 'javascript':
        return pick(JAVASCRIPT_PAYLOADS);
      case 'huge':
        return pick(HUGE_NUMBERS);
      case 'negative':
        return pick(NEGATIVE_SIZES);
      case 'long':
        // 100 kB (the whole link is refused) or just past one value's limit of 2 000 characters.
        return random() < 0.5 ? pick(['1,', '9;', 'ab', '<>']).repeat(50_000) : `${'1,'.repeat(1000)}1`;
      case 'escapes':
        return pick(BROKEN_ESCAPES);
      case 'odd':
        return pick(ODD_TEXT);
      case 'mixed':
        return payload(pick(KINDS.filter((k) => k !== 'mixed' && k !== 'long')));
    }
  };
  return Array.from({ length: GENERATED_COUNT }, (_, index) => {
    // 8 kinds and 9 panels share no factor, so every 72 links hold every (kind, panel) pair once.
    const kind = KINDS[index % KINDS.length] as Kind;
    const panel = BUILT[index % BUILT.length] as BuiltPanelId;
    const keys = [...panelKeys(panel), ...panelKeys(panel), ...APP_KEY_VALUES];
    const pairs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const value = payload(kind);
      // Raw (as a person might paste it) or percent-encoded (as another tool would write it).
      return `${pick(keys)}=${random() < 0.5 || value.length > 50_000 ? value : encodeURIComponent(value)}`;
    });
    // p= is sometimes left out (Basics keys then), sometimes itself hostile, mostly the panel.
    const roll = random();
    const panelPair = roll < 0.1 ? [] : roll < 0.2 ? [`p=${payload(kind === 'long' ? 'script' : kind)}`] : [`p=${panel}`];
    return { index, kind, panel, query: `?${[...panelPair, ...pairs].join('&')}` };
  });
}

const GENERATED_LINKS = generateLinks();

/** What the app's own decoder makes of the query the browser hands it: the keys the notice must name, and whether the header shows. */
function expectedPage(href: string): { notice: string | null; navLinks: number } {
  const { view, ignored } = decodeView(new URL(href).search);
  return { notice: ignored.length === 0 ? null : ignored.map((field) => field.key).join(', '), navLinks: view.embed ? 0 : PANEL_IDS.length };
}

test('the generated links are 200, deterministic, and cover every kind of value and every panel', () => {
  expect(GENERATED_LINKS).toHaveLength(GENERATED_COUNT);
  expect(generateLinks()).toEqual(GENERATED_LINKS);
  for (const kind of KINDS) expect(GENERATED_LINKS.filter((link) => link.kind === kind).length).toBeGreaterThanOrEqual(20);
  for (const panel of BUILT) expect(GENERATED_LINKS.filter((link) => link.panel === panel).length).toBeGreaterThanOrEqual(20);
  expect(GENERATED_LINKS.some((link) => link.query.length > 100_000)).toBe(true);
});

for (let group = 0; group < GENERATED_GROUPS; group++) {
  const size = Math.ceil(GENERATED_COUNT / GENERATED_GROUPS);
  const links = GENERATED_LINKS.slice(group * size, (group + 1) * size);
  test(`generated hostile links, group ${group + 1} of ${GENERATED_GROUPS} (${links.length} links)`, async ({ page, baseURL, problems }) => {
    test.setTimeout(90_000);
    await serveLongLinks(page, baseURL ?? '');
    // The sentinel each payload tries to bump; set before any of the page's own scripts run.
    await page.addInitScript(() => {
      (window as unknown as { __pwned: number }).__pwned = 0;
    });
    for (const link of links) {
      const href = new URL(`/${link.query}`, baseURL).href;
      const label = `link #${link.index} (${link.kind}, ${link.panel}): ${link.query.slice(0, 160)}`;
      const before = problems.messages.length;
      const started = Date.now();
      await page.goto(href, { waitUntil: 'commit' });
      await expect(page.locator('main#panel h1').first(), label).toBeVisible();
      // One round trip for the rest (200 links): the page's state once the panel is up.
      const seen = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        header: document.querySelectorAll('header.app-header nav a').length,
        errorCard: document.querySelectorAll('main#panel .error-card').length,
        panelText: (document.querySelector('main#panel') as HTMLElement | null)?.innerText.length ?? 0,
        notice: document.querySelector('[data-testid=link-notice] .link-notice-keys')?.textContent ?? null,
        injected: document.querySelectorAll('img[src=x], iframe, script:not([src]), svg[onload], [onerror], [onload]').length,
      }));
      // The notice names exactly the keys the app's decoder rejects in the query the browser handed it.
      const expected = expectedPage(page.url());
      expect(seen, label).toEqual({
        pwned: 0,
        header: expected.navLinks,
        errorCard: 0,
        panelText: seen.panelText,
        notice: expected.notice,
        injected: 0,
      });
      expect(seen.panelText, label).toBeGreaterThan(40);
      expect(problems.messages.slice(before), label).toEqual([]);
      if (process.env.HOSTILE_TIMING) console.log(`${Date.now() - started} ms ${label.slice(0, 90)}`);
    }
    // Still alive after all of them: the keyboard steps the player.
    await page.goto(new URL('/?v=1', baseURL).href);
    await waitForPanel(page);
    await focusPage(page);
    await page.keyboard.press('End');
    await expect(page.getByTestId('step-count')).toHaveText(/^Step (\d+) of \1$/);
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Links at every panel's limits (built from the limits in the code, so raising a limit is checked here): each opens without
// a long freeze, and the player still answers at once (docs/limits.md lists the figures).

const filled = (rows: number, cols: number, value = 9) => Array.from({ length: rows }, () => Array(cols).fill(value).join(',')).join(';');
const repeated = (count: number, text: string, separator: string) => Array(count).fill(text).join(separator);

const LIMIT_LINKS: { name: string; query: string; hasPlayer: boolean }[] = [
  { name: 'basics', query: `?x=${filled(BASICS_LIMITS.input.maxRows, BASICS_LIMITS.input.maxCols)}&k=1`, hasPlayer: true },
  {
    name: 'padding',
    query: `?p=padding&x=${filled(CONV_LAB_LIMITS.input.maxRows, CONV_LAB_LIMITS.input.maxCols)}&k=1&pad=${CONV_LAB_LIMITS.padding}`,
    hasPlayer: true,
  },
  {
    name: 'dilation',
    query: `?p=dilation&x=${filled(CONV_LAB_LIMITS.input.maxRows, CONV_LAB_LIMITS.input.maxCols)}&k=${filled(CONV_LAB_LIMITS.kernel.maxRows, CONV_LAB_LIMITS.kernel.maxCols, 1)}&pad=${CONV_LAB_LIMITS.padding}&dl=1&stack=${repeated(STACK_LIMITS.maxLayers, String(STACK_LIMITS.maxRate), ',')}`,
    hasPlayer: true,
  },
  {
    name: 'transposed',
    query: `?p=transposed&x=${filled(TRANSPOSED_LIMITS.input.maxRows, TRANSPOSED_LIMITS.input.maxCols, 1)}&k=${filled(TRANSPOSED_LIMITS.kernel.maxRows, TRANSPOSED_LIMITS.kernel.maxCols, 1)}&st=${TRANSPOSED_LIMITS.stride}&dl=${TRANSPOSED_LIMITS.dilation}&op=${TRANSPOSED_LIMITS.outputPadding}&ly=${TRANSPOSED_LIMITS.layers.max}`,
    hasPlayer: true,
  },
  {
    name: 'receptive',
    query: `?p=receptive&n=${RECEPTIVE_LIMITS.maxInput}&layers=${repeated(RECEPTIVE_LIMITS.maxLayers, `c${RECEPTIVE_LIMITS.kernel}s1p${RECEPTIVE_LIMITS.padding}d3`, '.')}`,
    hasPlayer: true,
  },
  {
    name: 'pooling',
    query: `?p=pooling&x=${repeated(POOLING_LIMITS.channels, filled(POOLING_LIMITS.input.maxRows, POOLING_LIMITS.input.maxCols, 5), '_')}&k=1&st=1&dir=backward&ai=${POOLING_LIMITS.region}&ao=${POOLING_LIMITS.adaptiveOutput}&spp=${repeated(POOLING_LIMITS.pyramid.maxLevels, String(POOLING_LIMITS.pyramid.maxSize), ',')}`,
    hasPlayer: true,
  },
  {
    name: 'channels',
    query: `?p=channels&view=outputs&x=${repeated(CHANNELS_LIMITS.channels, filled(CHANNELS_LIMITS.size, CHANNELS_LIMITS.size), '_')}&w=${repeated(CHANNELS_LIMITS.channels, repeated(CHANNELS_LIMITS.channels, '1', '_'), '*')}&pw=${filled(8, CHANNELS_LIMITS.channels, 1)}`,
    hasPlayer: true,
  },
  {
    name: 'channels cost',
    query: `?p=channels&view=cost&cin=${CHANNELS_LIMITS.cost.channels}&cout=${CHANNELS_LIMITS.cost.channels}&ck=${CHANNELS_LIMITS.cost.kernel}&cs=${CHANNELS_LIMITS.cost.size}`,
    hasPlayer: false,
  },
  {
    name: 'kernels',
    query: `?p=kernels&img=shapes&color=rgb&k=${filled(KERNELS_LIMITS.weights.maxRows, KERNELS_LIMITS.weights.maxCols, 1)}&pad=full&mode=circular&lt=lab&lx=image&ln=${KERNELS_LIMITS.learnSteps}`,
    hasPlayer: true,
  },
];

test('links at every panel’s limits open without a long freeze, and the player answers at once', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const longTasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = longTasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  const figures: string[] = [];
  for (const link of LIMIT_LINKS) {
    await openApp(page, link.query);
    // The link is valid: nothing was replaced, and the panel (not its error card) is on screen.
    await expect(page.getByTestId('link-notice'), link.name).toHaveCount(0);
    await expect(page.locator('main#panel .error-card'), link.name).toHaveCount(0);
    let endMs = 0;
    if (link.hasPlayer) {
      // The player can appear after the panel (the image lab's learning waits for its picture): a key pressed before it is lost.
      await expect(page.getByTestId('step-count'), link.name).toBeVisible();
      await focusPage(page);
      await page.keyboard.press('Home');
      const started = Date.now();
      await page.keyboard.press('End');
      await expect(page.getByTestId('step-count'), link.name).toHaveText(/^Step (\d+) of \1$/);
      endMs = Date.now() - started;
    }
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));
    figures.push(`${link.name}: longest task ${Math.round(longest)} ms, End ${endMs} ms`);
    // Generous bounds for a busy 2-core machine; a limit raised too far shows up as seconds, not hundreds of milliseconds.
    expect(longest, `${link.name}: longest main-thread task`).toBeLessThan(2000);
    expect(endMs, `${link.name}: End key`).toBeLessThan(1000);
  }
  test.info().annotations.push({ type: 'limits', description: figures.join('; ') });
});
