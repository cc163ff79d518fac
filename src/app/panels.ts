// The panel registry: every panel in navigation order, its title, and (once built) its config spec and lazy component.

import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n/messages.ts';
import type { PanelConfigSpec } from '../url/panelSpec.ts';
import { BASICS_SPEC, type BasicsConfig } from '../panels/basics/basicsConfig.ts';
import type { ConvLabConfig } from '../panels/convLab/convLabConfig.ts';
import { PADDING_SPEC } from '../panels/padding/paddingConfig.ts';
import { STRIDE_SPEC } from '../panels/stride/strideConfig.ts';
import { DILATION_SPEC, type DilationConfig } from '../panels/dilation/dilationConfig.ts';

export const PANEL_IDS = ['basics', 'padding', 'stride', 'dilation', 'transposed', 'receptive', 'pooling', 'channels', 'kernels'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Configurations of the panels that are built; the URL and the store hold exactly these. */
export interface PanelConfigs {
  basics: BasicsConfig;
  padding: ConvLabConfig;
  stride: ConvLabConfig;
  dilation: DilationConfig;
}
export type BuiltPanelId = keyof PanelConfigs;

export const PANEL_SPECS: { readonly [P in BuiltPanelId]: PanelConfigSpec<PanelConfigs[P]> } = {
  basics: BASICS_SPEC,
  padding: PADDING_SPEC,
  stride: STRIDE_SPEC,
  dilation: DILATION_SPEC,
};

export const PANEL_COMPONENTS: { readonly [P in BuiltPanelId]: LazyExoticComponent<ComponentType> } = {
  basics: lazy(() => import('../panels/basics/BasicsPanel.tsx')),
  padding: lazy(() => import('../panels/padding/PaddingPanel.tsx')),
  stride: lazy(() => import('../panels/stride/StridePanel.tsx')),
  dilation: lazy(() => import('../panels/dilation/DilationPanel.tsx')),
};

export const PANEL_TITLES: { readonly [P in PanelId]: MessageKey } = {
  basics: 'panel.basics',
  padding: 'panel.padding',
  stride: 'panel.stride',
  dilation: 'panel.dilation',
  transposed: 'panel.transposed',
  receptive: 'panel.receptive',
  pooling: 'panel.pooling',
  channels: 'panel.channels',
  kernels: 'panel.kernels',
};

export function isBuilt(panel: PanelId): panel is BuiltPanelId {
  return panel in PANEL_SPECS;
}

export function defaultConfigs(): PanelConfigs {
  return { basics: BASICS_SPEC.defaults, padding: PADDING_SPEC.defaults, stride: STRIDE_SPEC.defaults, dilation: DILATION_SPEC.defaults };
}
