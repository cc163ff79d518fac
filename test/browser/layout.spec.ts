// Screenshots of Basics at phone, laptop and projector sizes, normal and presentation mode, English and Chinese, saved to
// test/artifacts/screenshots/ (look at them), no horizontal page scroll at any size, on any panel, the phone's panel strip
// scrolled to the current panel's tab, and legends and the receptive field's tags that fit a phone.

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, openApp, PANEL_IDS } from './fixtures.ts';

const SCREENSHOT_DIR = fileURLToPath(new URL('../artifacts/screenshots', import.meta.url));
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'projector', width: 1920, height: 1080 },
] as const;

/** Widest content of the page: must fit the viewport, so nothing needs scrolling sideways. */
async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const measured = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    widest: [...document.querySelectorAll('body *')]
      .map((element) => ({ element, right: element.getBoundingClientRect().right }))
      .filter(({ right }) => right > window.innerWidth + 1)
      .slice(0, 5)
      .map(({ element, right }) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''} right=${Math.round(right)}`),
  }));
  expect(measured.document, `page wider than ${width}px; overflowing: ${measured.widest.join('; ')}`).toBeLessThanOrEqual(width);
  expect(measured.body, `body wider than ${width}px; overflowing: ${measured.widest.join('; ')}`).toBeLessThanOrEqual(width);
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect(page.locator('.katex').first()).toBeVisible();
}

test.beforeAll(() => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

for (const size of SIZES) {
  for (const presentation of [false, true]) {
    for (const lang of ['en', 'zh'] as const) {
      const name = `basics-${size.width}x${size.height}-${presentation ? 'presentation' : 'normal'}-${lang}`;
      test(`screenshot ${name}`, async ({ page }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await openApp(page, `?v=1&lang=${lang}&s=1${presentation ? '&pm=1' : ''}`);
        await settle(page);
        await expectNoHorizontalScroll(page, size.width);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
        // The grids and the narration are on screen without scrolling sideways, and in presentation mode without hovering.
        await expect(page.getByTestId('narration')).toBeInViewport();
        await expect(page.getByTestId('grid-input')).toBeVisible();
      });
    }
  }
}

// Every other panel: each size, once in English and once in presentation mode in Chinese (placeholders of unbuilt panels included).
for (const panel of PANEL_IDS.filter((id) => id !== 'basics')) {
  for (const size of SIZES) {
    for (const [presentation, lang] of [
      [false, 'en'],
      [true, 'zh'],
    ] as const) {
      const name = `${panel}-${size.width}x${size.height}-${presentation ? 'presentation' : 'normal'}-${lang}`;
      test(`screenshot ${name}`, async ({ page }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await openApp(page, `?v=1&p=${panel}&lang=${lang}&s=1${presentation ? '&pm=1' : ''}`);
        await expect(page.locator('article.panel, .coming-soon').first()).toBeVisible();
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await expectNoHorizontalScroll(page, size.width);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
      });
    }
  }
}

test.describe('on a touch phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  for (const presentation of [false, true]) {
    test(`the largest Basics configuration fits${presentation ? ' in presentation mode' : ''}`, async ({ page }) => {
      const input = Array.from({ length: 10 }, (_, r) => Array.from({ length: 10 }, (_, c) => ((r * 7 + c * 3) % 19) - 9).join(',')).join(';');
      const kernel = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => (r === c ? -12.5 : 0.25)).join(',')).join(';');
      await openApp(page, `?v=1&x=${input}&k=${kernel}&b=-0.5${presentation ? '&pm=1' : ''}`);
      await settle(page);
      await expect(page.getByTestId('link-notice')).toHaveCount(0);
      await expectNoHorizontalScroll(page, 390);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/basics-390x844-largest${presentation ? '-presentation' : ''}.png`, fullPage: true });
    });

    test(`the edge preset fits${presentation ? ' in presentation mode' : ''}`, async ({ page }) => {
      await openApp(page, `?v=1${presentation ? '&pm=1' : ''}`);
      await page.getByLabel('Presets').selectOption('edge');
      await settle(page);
      await expectNoHorizontalScroll(page, 390);
    });
  }

  test('every colour legend keeps its scale on one line with a readable bar, and each swatch with its words, in Chinese', async ({ page }) => {
    for (const panel of ['stride', 'channels', 'pooling'] as const) {
      await openApp(page, `?v=1&p=${panel}&lang=zh`);
      const legends = page.locator('.legend');
      expect(await legends.count(), panel).toBeGreaterThan(0);
      const measured = await legends.evaluateAll((elements) =>
        elements.map((legend) => {
          const lineHeight = (element: Element) => parseFloat(getComputedStyle(element).lineHeight) || 16;
          const scale = legend.querySelector('.legend-scale')!;
          const entries = [scale, ...legend.querySelectorAll('.legend-padding')];
          return {
            bar: legend.querySelector('.legend-bar')!.getBoundingClientRect().width,
            // An entry broken over two lines is about twice its line height.
            tallest: Math.max(...entries.map((entry) => entry.getBoundingClientRect().height / lineHeight(entry))),
          };
        }),
      );
      for (const { bar, tallest } of measured) {
        expect(bar, panel).toBeGreaterThanOrEqual(20);
        expect(tallest, panel).toBeLessThan(1.5);
      }
    }
  });

  test('the receptive field stack’s size tags end inside its drawing, in Chinese', async ({ page }) => {
    await openApp(page, '?v=1&p=receptive&lang=zh');
    const overflow = await page
      .locator('.stack-svg')
      .first()
      .evaluate((svg: SVGSVGElement) => {
        const right = svg.viewBox.baseVal.x + svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll<SVGTextElement>('.stack-rf')].map((tag) => tag.getBBox().x + tag.getBBox().width - right);
      });
    expect(overflow.length).toBeGreaterThan(0);
    for (const pastTheEdge of overflow) expect(pastTheEdge).toBeLessThanOrEqual(0);
  });

  test('tapping an output cell lights up the cells it used', async ({ page }) => {
    await openApp(page, '?v=1');
    await page.getByTestId('grid-output').locator('[data-cell="1,1"]').tap();
    await expect(page.getByTestId('grid-input').locator('[data-highlight=linked]')).toHaveCount(4);
    await expect(page.getByTestId('grid-input').locator('[data-cell="2,2"]')).toHaveAttribute('data-highlight', 'linked');
  });
});

for (const size of SIZES) {
  test(`no horizontal scroll on any panel at ${size.width}×${size.height}, both modes`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const panel of PANEL_IDS) {
      for (const pm of ['', '&pm=1']) {
        await openApp(page, `?v=1&p=${panel}${pm}&lang=zh`);
        await expectNoHorizontalScroll(page, size.width);
      }
    }
  });
}

test('presentation mode at 1280×720: the grids are large and the secondary text is hidden', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '?v=1');
  const normalCell = await page.getByTestId('grid-input').locator('.grid-bands').boundingBox();
  await openApp(page, '?v=1&pm=1');
  await settle(page);
  const bigCell = await page.getByTestId('grid-input').locator('.grid-bands').boundingBox();
  expect(bigCell!.width).toBeGreaterThan(normalCell!.width);
  await expect(page.locator('.brand-tagline')).toBeHidden();
  await expectNoHorizontalScroll(page, 1280);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/basics-1280x720-presentation-en.png` });
});

test.describe('the phone’s panel strip shows the current panel', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  /** Where the current tab lies against the visible part of the sideways-scrolling tab list, and how far the page has scrolled. */
  async function currentTabPlacement(page: Page) {
    return page.locator('nav.panel-nav ul').evaluate((strip) => {
      const tab = strip.querySelector('[aria-current="page"]')!;
      const stripBox = strip.getBoundingClientRect();
      const tabBox = tab.getBoundingClientRect();
      const visibleLeft = stripBox.left + strip.clientLeft;
      return {
        tab: tab.getAttribute('href'),
        visibleLeft,
        visibleRight: visibleLeft + strip.clientWidth,
        tabLeft: tabBox.left,
        tabRight: tabBox.right,
        scrollLeft: strip.scrollLeft,
        scrolls: strip.scrollWidth > strip.clientWidth,
        pageScrollY: window.scrollY,
      };
    });
  }

  async function expectCurrentTabVisible(page: Page, href: string): Promise<void> {
    await expect(page.locator('nav.panel-nav a[aria-current="page"]')).toHaveAttribute('href', href);
    await expect
      .poll(async () => {
        const placement = await currentTabPlacement(page);
        // Half a pixel of slack for layout's sub-pixel positions.
        const inside = placement.tabLeft >= placement.visibleLeft - 0.5 && placement.tabRight <= placement.visibleRight + 0.5;
        return inside ? 'fully visible' : placement;
      })
      .toBe('fully visible');
  }

  for (const lang of ['en', 'zh'] as const) {
    test(`a link to a late panel opens with its tab in view, without scrolling the page (${lang})`, async ({ page }) => {
      for (const panel of ['receptive', 'pooling', 'channels', 'kernels'] as const) {
        await openApp(page, `?v=1&p=${panel}&lang=${lang}`);
        const placement = await currentTabPlacement(page);
        // Otherwise the test would prove nothing: the strip is too narrow for all the tabs.
        expect(placement.scrolls, 'the tab strip overflows at 390px').toBe(true);
        await expectCurrentTabVisible(page, `?v=1&p=${panel}`);
        expect(placement.pageScrollY, 'the page did not scroll').toBe(0);
      }
    });
  }

  test('a tab chosen in the strip, or reached with back and forward, is brought fully into view', async ({ page }) => {
    await openApp(page, '?v=1');
    await expectCurrentTabVisible(page, '?v=1');
    // Tapped on its visible part, as a student would, a tab cut off at the strip's right edge scrolls fully into view.
    const { visibleRight } = await currentTabPlacement(page);
    const cutOff = await page.locator('nav.panel-nav a').evaluateAll(
      (tabs, right) =>
        tabs
          .map((tab) => {
            const { left, right: tabRight, top, height } = tab.getBoundingClientRect();
            return { href: tab.getAttribute('href')!, left, right: tabRight, middle: top + height / 2 };
          })
          .find((tab) => tab.left < right - 8 && tab.right > right),
      visibleRight,
    );
    if (!cutOff) throw new Error('no tab is cut off at the strip’s right edge at 390px');
    await page.touchscreen.tap((cutOff.left + visibleRight) / 2, cutOff.middle);
    await expectCurrentTabVisible(page, cutOff.href);
    // Chosen without Playwright scrolling it into view first (a click on the element itself would).
    await page.locator('nav.panel-nav a[href="?v=1&p=kernels"]').dispatchEvent('click');
    await expectCurrentTabVisible(page, '?v=1&p=kernels');
    await page.goBack();
    await expectCurrentTabVisible(page, cutOff.href);
    await page.goBack();
    await expectCurrentTabVisible(page, '?v=1');
    await page.goForward();
    await page.goForward();
    await expectCurrentTabVisible(page, '?v=1&p=kernels');
    expect((await currentTabPlacement(page)).pageScrollY, 'the page did not scroll').toBe(0);
  });
});
