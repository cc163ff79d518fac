// Entry point: reads the link into the store, renders the app, and registers the offline service worker (in the build only).
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import './styles.css';
import './embed/embed.css';
import { App } from './app/App.tsx';
import { loadViewFromLocation } from './url/useUrlSync.ts';
import { isBuilt, preloadPanel } from './app/panels.ts';
import { useAppStore } from './state/store.ts';

loadViewFromLocation();
const linkedPanel = useAppStore.getState().panel;
if (isBuilt(linkedPanel)) preloadPanel(linkedPanel);

const root = document.getElementById('root');
if (root) {
  // A transition: React renders the first screen in slices of a few milliseconds instead of one long task, so the page
  // answers input (and the static header stays painted) while the panel is built.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

// The offline copy downloads every panel, sample and font; it starts once the page has loaded and the browser is idle, so that it
// does not compete with the first screen for the network and the processor. The dev server has no service worker; a browser
// without service workers simply stays online-only.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => registerSW({ immediate: true });
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 1000));
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
