// Entry point: reads the link into the store, then renders the app.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './app/App.tsx';
import { loadViewFromLocation } from './url/useUrlSync.ts';

loadViewFromLocation();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
