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

const PANEL_LOADERS: { readonly [P in BuiltPanelId]: () => Promise<{ default: ComponentType }> } = {
  basics: () => import('../panels/basics/BasicsPanel.tsx'),
  padding: () => import('../panels/padding/PaddingPanel.tsx'),
  stride: () => import('../panels/stride/StridePanel.tsx'),
  dilation: () => import('../panels/dilation/DilationPanel.tsx'),
  transposed: () => import('../panels/transposed/TransposedPanel.tsx'),
  pooling: () => import('../panels/pooling/PoolingPanel.tsx'),
  receptive: () => import('../panels/receptive/ReceptivePanel.tsx'),
  channels: () => import('../panels/channels/ChannelsPanel.tsx'),
  kernels: () => import('../panels/kernels/KernelsPanel.tsx'),
};

/**
 * Starts downloading a panel's code before React asks for it: called as the app starts, so the panel of the link arrives while
 * the shell renders. A failed download is not reported here; `lazy` asks again and reports it.
 */
export function preloadPanel(panel: BuiltPanelId): void {
  PANEL_LOADERS[panel]().catch(() => undefined);
}

const failedPanels = new Set<BuiltPanelId>();

function lazyPanel(panel: BuiltPanelId): LazyExoticComponent<ComponentType> {
  return lazy(() =>
    PANEL_LOADERS[panel]().catch((error: unknown) => {
      failedPanels.add(panel);
      throw error;
    }),
  );
}

/** Each panel's lazy component; an entry is replaced only by `retryFailedPanel`. */
export const PANEL_COMPONENTS: { [P in BuiltPanelId]: LazyExoticComponent<ComponentType> } = {
  basics: lazyPanel('basics'),
  padding: lazyPanel('padding'),
  stride: lazyPanel('stride'),
  dilation: lazyPanel('dilation'),
  transposed: lazyPanel('transposed'),
  pooling: lazyPanel('pooling'),
  receptive: lazyPanel('receptive'),
  channels: lazyPanel('channels'),
  kernels: lazyPanel('kernels'),
};

/**
 * React.lazy keeps a failed load for good; after a failure (the network dropped during a panel switch) this swaps in a new
 * lazy component, so "Reset this panel" tries the download again instead of showing the same error until a reload.
 */
export function retryFailedPanel(panel: BuiltPanelId): void {
  if (!failedPanels.delete(panel)) return;
  PANEL_COMPONENTS[panel] = lazyPanel(panel);
}

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
