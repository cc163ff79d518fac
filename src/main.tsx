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

loadViewFromLocation();

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

// The dev server has no service worker (this is a no-op there); a browser without service workers simply stays online-only.
if (import.meta.env.PROD && 'serviceWorker' in navigator) registerSW({ immediate: true });
