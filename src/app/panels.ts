// The panel registry: every panel in navigation order, its title, and (once built) its config spec and lazy component.

import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n/messages.ts';
import type { PanelConfigSpec } from '../url/panelSpec.ts';
import { BASICS_SPEC, type BasicsConfig } from '../panels/basics/basicsConfig.ts';
import type { ConvLabConfig } from '../panels/convLab/convLabConfig.ts';
import { PADDING_SPEC } from '../panels/padding/paddingConfig.ts';
import { STRIDE_SPEC } from '../panels/stride/strideConfig.ts';
import { DILATION_SPEC, type DilationConfig } from '../panels/dilation/dilationConfig.ts';
import { TRANSPOSED_SPEC, type TransposedConfig } from '../panels/transposed/transposedConfig.ts';
import { POOLING_SPEC, type PoolingConfig } from '../panels/pooling/poolingConfig.ts';
import { RECEPTIVE_SPEC, type ReceptiveConfig } from '../panels/receptive/receptiveConfig.ts';
import { CHANNELS_SPEC, type ChannelsConfig } from '../panels/channels/channelsConfig.ts';
import { KERNELS_SPEC, type KernelsConfig } from '../panels/kernels/kernelsConfig.ts';

export const PANEL_IDS = ['basics', 'padding', 'stride', 'dilation', 'transposed', 'receptive', 'pooling', 'channels', 'kernels'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Configurations of the panels that are built; the URL and the store hold exactly these. */
export interface PanelConfigs {
  basics: BasicsConfig;
  padding: ConvLabConfig;
  stride: ConvLabConfig;
  dilation: DilationConfig;
  transposed: TransposedConfig;
  pooling: PoolingConfig;
  receptive: ReceptiveConfig;
  channels: ChannelsConfig;
  kernels: KernelsConfig;
}
export type BuiltPanelId = keyof PanelConfigs;

export const PANEL_SPECS: { readonly [P in BuiltPanelId]: PanelConfigSpec<PanelConfigs[P]> } = {
  basics: BASICS_SPEC,
  padding: PADDING_SPEC,
  stride: STRIDE_SPEC,
  dilation: DILATION_SPEC,
  transposed: TRANSPOSED_SPEC,
  pooling: POOLING_SPEC,
  receptive: RECEPTIVE_SPEC,
  channels: CHANNELS_SPEC,
  kernels: KERNELS_SPEC,
};

export const PANEL_COMPONENTS: { readonly [P in BuiltPanelId]: LazyExoticComponent<ComponentType> } = {
  basics: lazy(() => import('../panels/basics/BasicsPanel.tsx')),
  padding: lazy(() => import('../panels/padding/PaddingPanel.tsx')),
  stride: lazy(() => import('../panels/stride/StridePanel.tsx')),
  dilation: lazy(() => import('../panels/dilation/DilationPanel.tsx')),
  transposed: lazy(() => import('../panels/transposed/TransposedPanel.tsx')),
  pooling: lazy(() => import('../panels/pooling/PoolingPanel.tsx')),
  receptive: lazy(() => import('../panels/receptive/ReceptivePanel.tsx')),
  channels: lazy(() => import('../panels/channels/ChannelsPanel.tsx')),
  kernels: lazy(() => import('../panels/kernels/KernelsPanel.tsx')),
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
  return {
    basics: BASICS_SPEC.defaults,
    padding: PADDING_SPEC.defaults,
    stride: STRIDE_SPEC.defaults,
    dilation: DILATION_SPEC.defaults,
    transposed: TRANSPOSED_SPEC.defaults,
    pooling: POOLING_SPEC.defaults,
    receptive: RECEPTIVE_SPEC.defaults,
    channels: CHANNELS_SPEC.defaults,
    kernels: KERNELS_SPEC.defaults,
  };
}
