// Shared fixtures of the browser suite: every page is watched for console errors and warnings, uncaught errors, dialogs and crashes,
// and the test fails at its end if any appeared. Plus helpers that read the app's grids, narration and step counter.

import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** Every panel in the navigation, in order (mirrors PANEL_IDS in src/app/panels.ts; a test checks the nav against it). */
export const PANEL_IDS = ['basics', 'padding', 'stride', 'dilation', 'transposed', 'receptive', 'pooling', 'channels', 'kernels'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Problems seen on the watched pages of one test. */
export class PageProblems {
  readonly messages: string[] = [];
  private readonly allowed: RegExp[] = [];
  private readonly watched = new WeakSet<Page>();

  /** Lets a test expect a message (e.g. the CSP refusing an inline script on purpose). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  watch(page: Page): void {
    if (this.watched.has(page)) return;
    this.watched.add(page);
    const record = (text: string) => {
      if (!this.allowed.some((pattern) => pattern.test(text))) this.messages.push(text);
    };
    page.on('console', (message) => {
      const type = message.type();
      if (type === 'error' || type === 'warning') record(`console.${type}: ${message.text()} (${page.url().slice(0, 200)})`);
    });
    page.on('pageerror', (error) => record(`uncaught: ${error.message}`));
    page.on('crash', () => record('page crashed'));
    page.on('dialog', (dialog) => {
      record(`dialog (${dialog.type()}): ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  }

  watchContext(context: BrowserContext): void {
    for (const page of context.pages()) this.watch(page);
    context.on('page', (page) => this.watch(page));
  }
}

export const test = base.extend<{ problems: PageProblems }>({
  // The fixture callback is named `provide`, not Playwright's usual `use`, which the React hooks lint rule would mistake for React's.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  problems: async ({}, provide) => {
    await provide(new PageProblems());
  },
  context: async ({ context, problems }, provide) => {
    problems.watchContext(context);
    await provide(context);
    expect(problems.messages, 'console errors, uncaught errors or dialogs on the page').toEqual([]);
  },
});

export { expect };

/** Opens the app at a query string (e.g. '?p=padding') and waits until the panel (or its placeholder) is on screen. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await waitForPanel(page);
}

export async function waitForPanel(page: Page): Promise<void> {
  await expect(page.locator('header.app-header')).toBeVisible();
  await expect(page.locator('main#panel h1, main#panel [role=alert]').first()).toBeVisible();
}

export function grid(page: Page, name: 'input' | 'kernel' | 'output'): Locator {
  return page.getByTestId(`grid-${name}`);
}

export interface CellState {
  key: string;
  value: string;
  highlight: string | null;
}

/** Every cell of a grid: its key ("row,col"), shown value and highlight. */
export async function cells(page: Page, name: 'input' | 'kernel' | 'output'): Promise<CellState[]> {
  return grid(page, name)
    .locator('[data-cell]')
    .evaluateAll((nodes) =>
      nodes.map((node) => ({
        key: node.getAttribute('data-cell') ?? '',
        value: node.querySelector('text:not(.grid-annotation)')?.textContent ?? '',
        highlight: node.getAttribute('data-highlight'),
      })),
    );
}

/** Keys of the highlighted cells of a grid, with their kind, e.g. ["0,0:window", …]. */
export async function highlights(page: Page, name: 'input' | 'kernel' | 'output'): Promise<string[]> {
  return (await cells(page, name)).filter((cell) => cell.highlight !== null).map((cell) => `${cell.key}:${cell.highlight}`);
}

/** The values of all three grids and their shapes, for comparing two views. */
export async function gridSnapshot(page: Page): Promise<Record<string, unknown>> {
  const snapshot: Record<string, unknown> = {};
  for (const name of ['input', 'kernel', 'output'] as const) {
    snapshot[`${name}Caption`] = (await grid(page, name).locator('figcaption').textContent())?.trim();
    snapshot[name] = (await cells(page, name)).map((cell) => `${cell.key}=${cell.value}${cell.highlight ? `[${cell.highlight}]` : ''}`);
  }
  return snapshot;
}

export function narration(page: Page): Locator {
  return page.getByTestId('narration');
}

export function stepCount(page: Page): Locator {
  return page.getByTestId('step-count');
}

/** Moves focus off any control, so the page's keyboard shortcuts receive the keys. */
export async function focusPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
}

/** The id of the first panel in the nav that is not built yet ("coming soon"), or null when all are built. */
export async function comingSoonPanel(page: Page): Promise<string | null> {
  const href = await page
    .getByRole('navigation')
    .locator('a.is-soon')
    .first()
    .getAttribute('href', { timeout: 1000 })
    .catch(() => null);
  return href === null ? null : new URLSearchParams(href.replace(/^[^?]*/, '')).get('p');
}
