// The Dilation panel's configuration: the convolution lab plus a stack of dilation rates for the gridding view.

import { integerListField } from '../../url/fields.ts';
import type { PanelConfigSpec } from '../../url/panelSpec.ts';
import { convLabSpec, patternInput, patternKernel, type ConvLabConfig } from '../convLab/convLabConfig.ts';

export interface DilationConfig extends ConvLabConfig {
  /** Dilation rates of a stack of 3×3 layers (2–4 layers), for the gridding view. */
  stack: readonly number[];
}

export const STACK_LIMITS = { minLayers: 2, maxLayers: 4, maxRate: 3 } as const;

const base = { paddingMode: 'zeros', padding: [0, 0, 0, 0], stride: [1, 1] } as const;

export interface DilationPreset {
  id: string;
  config: DilationConfig;
}

export const DILATION_PRESETS: readonly DilationPreset[] = [
  { id: 'spread', config: { ...base, input: patternInput(7, 7), kernel: patternKernel(3, 3), dilation: [2, 2], stack: [2, 2, 2] } },
  { id: 'perAxis', config: { ...base, input: patternInput(7, 9), kernel: patternKernel(3, 3), dilation: [1, 3], stack: [2, 2, 2] } },
  { id: 'hybrid', config: { ...base, input: patternInput(7, 7), kernel: patternKernel(3, 3), dilation: [2, 2], stack: [1, 2, 3] } },
];

const convLab = convLabSpec((DILATION_PRESETS[0] as DilationPreset).config);

export const DILATION_SPEC: PanelConfigSpec<DilationConfig> = {
  defaults: (DILATION_PRESETS[0] as DilationPreset).config,
  url: { ...convLab.url, stack: { key: 'stack', field: integerListField(STACK_LIMITS.minLayers, STACK_LIMITS.maxLayers, 1, STACK_LIMITS.maxRate) } },
  problems: (config) => convLab.problems(config),
};
