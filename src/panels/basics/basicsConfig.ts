// The Basics panel's configuration: input, kernel, flip and bias, its URL table, limits and the notes' presets.

import { booleanField, matrixField, numberField, type Matrix } from '../../url/fields.ts';
import type { PanelConfigSpec } from '../../url/panelSpec.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export interface BasicsConfig {
  input: Matrix;
  kernel: Matrix;
  /** true = true convolution (kernel rotated 180°), false = cross-correlation. */
  flip: boolean;
  bias: number;
}

export const BASICS_LIMITS = {
  input: { maxRows: 10, maxCols: 10, maxAbs: 999 },
  kernel: { maxRows: 5, maxCols: 5, maxAbs: 999 },
  bias: 999,
} as const;

/** The notes' example (d2l 5.1): X 3×3, K 2×2 → 19, 25, 37, 43. */
export const NOTES_INPUT: Matrix = [
  [0, 1, 2],
  [3, 4, 5],
  [6, 7, 8],
];
export const NOTES_KERNEL: Matrix = [
  [0, 1],
  [2, 3],
];

/** The notes' edge image: 6×8 of ones with columns 2–5 set to zero. */
export const EDGE_INPUT: Matrix = Array.from({ length: 6 }, () => Array.from({ length: 8 }, (_, c) => (c >= 2 && c <= 5 ? 0 : 1)));

/** 1/9 to the 4 decimals the URL keeps, so a shared blur preset reopens exactly. */
const NINTH = 0.1111;

export const BASICS_DEFAULTS: BasicsConfig = { input: NOTES_INPUT, kernel: NOTES_KERNEL, flip: false, bias: 0 };

export interface BasicsPreset {
  id: string;
  label: MessageKey;
  config: BasicsConfig;
}

export const BASICS_PRESETS: readonly BasicsPreset[] = [
  { id: 'notes', label: 'basics.preset.notes', config: BASICS_DEFAULTS },
  { id: 'edge', label: 'basics.preset.edge', config: { input: EDGE_INPUT, kernel: [[1, -1]], flip: false, bias: 0 } },
  {
    id: 'asymmetric',
    label: 'basics.preset.asymmetric',
    config: {
      input: [
        [1, 2, 0, 1],
        [0, 1, 3, 2],
        [2, 0, 1, 1],
        [1, 3, 2, 0],
      ],
      kernel: [
        [1, 0],
        [0, -1],
      ],
      flip: true,
      bias: 0,
    },
  },
  {
    id: 'identity',
    label: 'basics.preset.identity',
    config: {
      input: [
        [3, 1, 4, 1, 5],
        [9, 2, 6, 5, 3],
        [5, 8, 9, 7, 9],
        [3, 2, 3, 8, 4],
        [6, 2, 6, 4, 3],
      ],
      kernel: [
        [0, 0, 0],
        [0, 1, 0],
        [0, 0, 0],
      ],
      flip: false,
      bias: 0,
    },
  },
  {
    id: 'blur',
    label: 'basics.preset.blur',
    config: {
      input: [
        [0, 0, 0, 0, 0],
        [0, 9, 9, 9, 0],
        [0, 9, 9, 9, 0],
        [0, 9, 9, 9, 0],
        [0, 0, 0, 0, 0],
      ],
      kernel: Array.from({ length: 3 }, () => [NINTH, NINTH, NINTH]),
      flip: false,
      bias: 0,
    },
  },
];

export const BASICS_SPEC: PanelConfigSpec<BasicsConfig> = {
  defaults: BASICS_DEFAULTS,
  url: {
    input: { key: 'x', field: matrixField(BASICS_LIMITS.input) },
    kernel: { key: 'k', field: matrixField(BASICS_LIMITS.kernel) },
    flip: { key: 'flip', field: booleanField() },
    bias: { key: 'b', field: numberField(BASICS_LIMITS.bias) },
  },
  problems(config) {
    const kernelRows = config.kernel.length;
    const kernelCols = config.kernel[0]?.length ?? 0;
    const inputRows = config.input.length;
    const inputCols = config.input[0]?.length ?? 0;
    return kernelRows > inputRows || kernelCols > inputCols ? ['kernel', 'input'] : [];
  },
};
