// The Padding panel's defaults and the notes' presets (000, 001, 004).

import { convLabSpec, NOTES_K, NOTES_X, patternInput, patternKernel, type ConvLabConfig } from '../convLab/convLabConfig.ts';

export interface ConvLabPreset {
  id: string;
  config: ConvLabConfig;
}

const base = { paddingMode: 'zeros', stride: [1, 1], dilation: [1, 1] } as const;

export const PADDING_PRESETS: readonly ConvLabPreset[] = [
  { id: 'notes3x3', config: { ...base, input: NOTES_X, kernel: NOTES_K, padding: [1, 1, 1, 1] } },
  { id: 'keep8', config: { ...base, input: patternInput(8, 8), kernel: patternKernel(3, 3), padding: [1, 1, 1, 1] } },
  { id: 'keep8rect', config: { ...base, input: patternInput(8, 8), kernel: patternKernel(5, 3), padding: [2, 2, 1, 1] } },
  { id: 'evenSame', config: { ...base, input: patternInput(5, 5), kernel: NOTES_K, padding: [0, 1, 0, 1] } },
  { id: 'reflect', config: { ...base, paddingMode: 'reflect', input: patternInput(5, 5), kernel: patternKernel(3, 3), padding: [2, 2, 2, 2] } },
];

export const PADDING_SPEC = convLabSpec((PADDING_PRESETS[0] as ConvLabPreset).config);
