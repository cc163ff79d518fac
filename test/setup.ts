// Test setup shared by every vitest file: jest-dom matchers, DOM cleanup, KaTeX loaded, and a patient wait for lazily loaded panels.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadKatex } from '../src/ui/katexLoader.ts';

// KaTeX loads after the first paint in the app; loaded here once, formulas typeset on their first render as they did before.
await loadKatex();

// A panel's first lazy import compiles its module; on a loaded two-core machine that can take more than the default 1 s.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
});
