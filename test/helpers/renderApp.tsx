// Test helpers that speak the app's language: open the app at a link, reset the store, step the player, read grids.
import type { JSXElementConstructor, ReactNode } from 'react';
import { act, render, screen, waitFor, type RenderResult } from '@testing-library/react';
import { App } from '../../src/app/App.tsx';
import { useAppStore, type AppState } from '../../src/state/store.ts';
import { loadViewFromLocation } from '../../src/url/useUrlSync.ts';

/** The store exactly as it was created, before any test touched it. */
const INITIAL_STATE: AppState = useAppStore.getState();

/** Puts the store back to its initial state (actions included). */
export function resetStore(): void {
  useAppStore.setState(INITIAL_STATE, true);
}

/** Sets the page's query string (e.g. '?v=1&b=2') without a history entry. */
export function setLocation(search: string): void {
  const query = search === '' || search.startsWith('?') ? search : `?${search}`;
  window.history.replaceState(null, '', `${window.location.pathname}${query}`);
}

export interface RenderAppOptions {
  /** The link's query string, e.g. '?v=1&flip=1'; '' for none. */
  url?: string;
  /** Wraps the app, e.g. in a context provider that a test supplies (an image decoder where jsdom has none). */
  wrapper?: JSXElementConstructor<{ children: ReactNode }>;
}

/** Opens the real app at a link: the URL is set, the store reset, the link read as on page load, and <App/> rendered. */
export function renderApp({ url = '?v=1', wrapper }: RenderAppOptions = {}): RenderResult {
  setLocation(url);
  resetStore();
  document.documentElement.className = '';
  loadViewFromLocation();
  return render(<App />, wrapper ? { wrapper } : undefined);
}

/** Waits for the lazy Basics panel to appear. */
export async function findBasicsPanel(): Promise<HTMLElement> {
  return screen.findByRole('article');
}

/**
 * Waits until the panel's step player (if the view has one) has run its mount effects; one of them registers the step count.
 * On a panel's first, lazy load, findBy… resolves as soon as the heading is in the DOM, before the panel's effects have run
 * (its store subscriptions among them): a step set in that moment is drawn only by a re-render scheduled outside act, after
 * the test has read the screen.
 */
export async function playerReady(): Promise<void> {
  await waitFor(() => {
    if (document.querySelector('.player') !== null && useAppStore.getState().stepCount === 0) throw new Error('the step player has not mounted yet');
  });
}

/** Jumps the player to step n, as the scrubber would. */
export function stepTo(n: number): void {
  act(() => useAppStore.getState().setStep(n));
}

/** The narration line's text. */
export function narration(): string {
  return screen.getByTestId('narration').textContent ?? '';
}

/** A grid's cell <g> element by its (row, column) key. */
export function gridCell(testId: string, y: number, x: number): SVGGElement {
  const cell = screen.getByTestId(testId).querySelector<SVGGElement>(`[data-cell="${y},${x}"]`);
  if (!cell) throw new Error(`no cell ${y},${x} in ${testId}`);
  return cell;
}

/** The value written in a cell ('' when pending). */
export function cellText(cell: Element): string {
  return cell.querySelector('text')?.textContent ?? '';
}

/** A grid's cell values, row by row ('' for pending cells). */
export function gridValues(testId: string): string[][] {
  const grid = screen.getByTestId(testId);
  const rows = new Map<number, string[]>();
  for (const cell of grid.querySelectorAll('[data-cell]')) {
    const [y = 0] = (cell.getAttribute('data-cell') ?? '').split(',').map(Number);
    if (!rows.has(y)) rows.set(y, []);
    rows.get(y)?.push(cellText(cell));
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, values]) => values);
}

/** The (row, column) keys of a grid's cells with the given highlight. */
export function highlighted(testId: string, kind: string): string[] {
  return [...screen.getByTestId(testId).querySelectorAll(`[data-highlight="${kind}"]`)].map((cell) => cell.getAttribute('data-cell') ?? '').sort();
}
