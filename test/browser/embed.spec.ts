// Embed mode in a course page: an iframe of `?embed=1` at 320 and 600 px shows only the visualization, its player and its formula,
// fits the frame without sideways scrolling, steps with the keyboard, and links back to the full view; and the "Embed in a course
// page" tool's copied snippet, pasted into a page, shows the same view.

import type { FrameLocator, Page } from '@playwright/test';
import { test, expect, stepCount, waitForPanel } from './fixtures.ts';
import { startStaticHost, type StaticHost } from './staticHost.ts';

const PREFIX = '/course/convscope/';
const FRAME_HEIGHT = 700;
/** The stride panel's embedded view at step 3 (s=2) with a 2-row kernel and stride 2,1, so the link carries a real configuration. */
const EMBED_QUERY = '?v=1&p=stride&embed=1&s=2&k=1,0,-1;2,0,-2&st=2,1';

function coursePage(src: string, width: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Week 3: stride</title></head>
<body style="margin:16px;font-family:sans-serif">
  <h1>Week 3: stride</h1>
  <p>Step through the stride example below.</p>
  <div style="width:${width}px">
    <iframe id="convscope" src="${src}" title="ConvScope: Stride" width="100%" height="${FRAME_HEIGHT}" style="border:0" loading="lazy" allow="clipboard-write; fullscreen"></iframe>
  </div>
</body></html>`;
}

let host: StaticHost;
test.beforeAll(async () => {
  const src = `${PREFIX}${EMBED_QUERY.replace(/&/g, '&amp;')}`;
  host = await startStaticHost({
    prefix: PREFIX,
    pages: { '/week-3-320.html': coursePage(src, 320), '/week-3-600.html': coursePage(src, 600) },
  });
});
test.afterAll(async () => {
  await host.close();
});

async function openCoursePage(page: Page, width: number): Promise<FrameLocator> {
  await page.goto(`${host.origin}/week-3-${width}.html`);
  const frame = page.frameLocator('#convscope');
  await expect(frame.locator('main#panel .player').first()).toBeVisible();
  return frame;
}

for (const width of [320, 600]) {
  test(`in a ${width} px iframe only the visualization, the player and the formula show, without sideways scrolling`, async ({ page }) => {
    const frame = await openCoursePage(page, width);
    await expect(frame.locator('html')).toHaveClass(/\bembed\b/);
    await expect(frame.locator('header.app-header')).toHaveCount(0);
    await expect(frame.getByRole('navigation')).toHaveCount(0);
    // The panel's settings, header and the tools under it are not shown (they exist in the DOM and are hidden).
    const settings = frame.locator('.controls-column, .panel-header, .panel-tools');
    expect(await settings.count()).toBeGreaterThan(0);
    expect(await settings.evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null).length)).toBe(0);
    for (const name of ['input', 'kernel', 'output'] as const) await expect(frame.getByTestId(`grid-${name}`)).toBeVisible();
    await expect(frame.getByTestId('grid-kernel').locator('figcaption')).toContainText('2×3');
    await expect(frame.getByTestId('step-count')).toHaveText(/^Step 3 of \d+$/);
    await expect(frame.getByRole('button', { name: 'Next step' })).toBeVisible();
    await expect(frame.locator('.katex').first()).toBeVisible();
    await expect(frame.locator('.embed-bar')).toContainText('Stride');

    const metrics = await frame.locator('html').evaluate((html) => ({
      scrollWidth: html.scrollWidth,
      clientWidth: html.clientWidth,
      bodyScrollWidth: document.body.scrollWidth,
    }));
    expect(metrics.clientWidth).toBeLessThanOrEqual(width);
    expect(metrics.scrollWidth).toBeLessThanOrEqual(metrics.clientWidth);
    expect(metrics.bodyScrollWidth).toBeLessThanOrEqual(metrics.clientWidth);
    // The course page itself does not grow sideways either.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });
}

test('keyboard stepping works inside the frame once it has focus', async ({ page }) => {
  const frame = await openCoursePage(page, 600);
  const count = frame.getByTestId('step-count');
  await expect(count).toHaveText(/^Step 3 of/);
  // A click on the narration (not a control) gives the frame focus, as a student clicking into it would.
  await frame.getByTestId('narration').click();
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(/^Step 4 of/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(count).toHaveText(/^Step 2 of/);
  await page.keyboard.press('Home');
  await expect(count).toHaveText(/^Step 1 of/);
  // The course page around the frame did not scroll or react.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('"Open in ConvScope" opens the same view, without embed, in a new tab', async ({ page, context }) => {
  const frame = await openCoursePage(page, 320);
  const link = frame.getByRole('link', { name: 'Open in ConvScope' });
  await expect(link).toHaveAttribute('target', '_blank');
  const frameUrl = new URL(`${host.origin}${PREFIX}${EMBED_QUERY}`);
  const target = new URL((await link.getAttribute('href')) ?? '', frameUrl);
  expect(target.origin + target.pathname).toBe(`${host.origin}${PREFIX}`);
  const expected = new URLSearchParams(frameUrl.search);
  expected.delete('embed');
  expect([...target.searchParams].sort()).toEqual([...expected].sort());

  const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await waitForPanel(opened);
  await expect(opened.locator('html')).not.toHaveClass(/\bembed\b/);
  await expect(opened.getByRole('heading', { level: 1 })).toContainText('Stride');
  await expect(stepCount(opened)).toHaveText(/^Step 3 of/);
  await expect(opened.getByTestId('grid-kernel').locator('figcaption')).toContainText('2×3');
});

test.describe('the "Embed in a course page" tool', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('its copied snippet, pasted into a course page, shows the same view', async ({ page, context }) => {
    await page.goto(`${host.origin}${PREFIX}?v=1&p=dilation&lang=zh`);
    await waitForPanel(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    const step = await stepCount(page).textContent();
    const tool = page.getByTestId('embed-code');
    await tool.locator('summary').click();
    await expect(tool.locator('summary')).toHaveText('嵌入课程页面');
    const shown = await tool.locator('textarea').inputValue();
    await tool.getByRole('button', { name: '复制嵌入代码' }).click();
    await expect(tool.locator('.embed-copy-status')).toHaveText('嵌入代码已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);

    // The snippet is one well-formed iframe with the attributes a course page needs.
    const attributes = await page.evaluate((html) => {
      const template = document.createElement('template');
      template.innerHTML = html;
      const frames = template.content.querySelectorAll('iframe');
      const iframe = frames[0];
      return iframe
        ? { count: frames.length, ...Object.fromEntries([...iframe.attributes].map((attribute) => [attribute.name, attribute.value])) }
        : { count: 0 };
    }, copied);
    expect(attributes).toMatchObject({
      count: 1,
      width: '100%',
      style: 'border:0',
      loading: 'lazy',
      allow: 'clipboard-write; fullscreen',
      title: 'ConvScope：空洞卷积',
    });
    const src = new URL((attributes as { src?: string }).src ?? '');
    expect(src.origin + src.pathname).toBe(`${host.origin}${PREFIX}`);
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('p')).toBe('dilation');
    expect(src.searchParams.get('lang')).toBe('zh');
    expect(src.searchParams.get('s')).toBe('2');

    const course = await context.newPage();
    await course.goto(`${host.origin}/week-3-600.html`);
    await course.setContent(`<!doctype html><html><body><h1>Week 4</h1><div style="width:600px">${copied}</div></body></html>`);
    const frame = course.frameLocator('iframe');
    await expect(frame.locator('html')).toHaveClass(/\bembed\b/);
    await expect(frame.getByTestId('step-count')).toHaveText(step ?? '');
    await expect(frame.locator('.embed-bar')).toContainText('空洞卷积');
  });
});
