// Test setup shared by every vitest file: jest-dom matchers, DOM cleanup, and a patient wait for lazily loaded panels.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// A panel's first lazy import compiles its module; on a loaded two-core machine that can take more than the default 1 s.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
});
