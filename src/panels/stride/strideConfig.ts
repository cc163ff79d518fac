// The Stride panel's defaults and the notes' presets (001: d2l 5.2).

import { convLabSpec, NOTES_K, NOTES_X, patternInput, patternKernel } from '../convLab/convLabConfig.ts';
import type { ConvLabPreset } from '../padding/paddingConfig.ts';

const base = { paddingMode: 'zeros', dilation: [1, 1] } as const;

export const STRIDE_PRESETS: readonly ConvLabPreset[] = [
  { id: 'half', config: { ...base, input: patternInput(8, 8), kernel: patternKernel(3, 3), padding: [1, 1, 1, 1], stride: [2, 2] } },
  { id: 'rect', config: { ...base, input: patternInput(8, 8), kernel: patternKernel(3, 5), padding: [0, 0, 1, 1], stride: [3, 4] } },
  { id: 'figure', config: { ...base, input: NOTES_X, kernel: NOTES_K, padding: [1, 1, 1, 1], stride: [3, 2] } },
  { id: 'floor', config: { ...base, input: patternInput(7, 7), kernel: patternKernel(3, 3), padding: [0, 0, 0, 0], stride: [3, 3] } },
];

export const STRIDE_SPEC = convLabSpec((STRIDE_PRESETS[0] as ConvLabPreset).config);
