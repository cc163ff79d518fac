// useCurrentTabInView: keeps the current tab of a sideways-scrolling tab strip (the phone's panel nav) fully on screen.

import { useLayoutEffect, type RefObject } from 'react';

/**
 * Scrolls `strip` sideways, as little as needed, so its child marked aria-current="page" is fully visible. Only the strip's own
 * scrollLeft is written: element.scrollIntoView would also scroll the page down to the header's tab. A strip that does not
 * overflow (wide screens, where the tabs wrap) ignores the write.
 */
function bringCurrentTabIntoView(strip: HTMLElement): void {
  const tab = strip.querySelector<HTMLElement>('[aria-current="page"]');
  if (!tab) return;
  const stripBox = strip.getBoundingClientRect();
  const tabBox = tab.getBoundingClientRect();
  const visibleLeft = stripBox.left + strip.clientLeft;
  const visibleRight = visibleLeft + strip.clientWidth;
  // Rounded away from the tab: the browser keeps whole pixels of scrollLeft, and rounding towards it would leave a sliver cut off.
  // A tab wider than the strip shows its start, where its name begins.
  if (tabBox.left < visibleLeft || tabBox.width > strip.clientWidth) strip.scrollLeft = Math.floor(strip.scrollLeft + tabBox.left - visibleLeft);
  else if (tabBox.right > visibleRight) strip.scrollLeft = Math.ceil(strip.scrollLeft + tabBox.right - visibleRight);
}

/**
 * Brings the current tab into view on mount and whenever `current` changes (a tab chosen, back/forward, another language).
 * Also when the strip or the tab changes size (a phone turned, presentation mode's larger type), which happens after this
 * component's effects have run, so a ResizeObserver catches it; scrolling the strip by hand changes no size and is left alone.
 */
export function useCurrentTabInView(stripRef: RefObject<HTMLElement | null>, current: string): void {
  useLayoutEffect(() => {
    const strip = stripRef.current;
    if (!strip) return;
    bringCurrentTabIntoView(strip);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => bringCurrentTabIntoView(strip));
    observer.observe(strip);
    const tab = strip.querySelector('[aria-current="page"]');
    if (tab) observer.observe(tab);
    return () => observer.disconnect();
  }, [stripRef, current]);
}
