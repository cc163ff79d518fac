// The panel registry: every panel in navigation order, its title, and (once built) its config spec and lazy component.

import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n/messages.ts';
import type { PanelConfigSpec } from '../url/panelSpec.ts';
import { BASICS_SPEC, type BasicsConfig } from '../panels/basics/basicsConfig.ts';

export const PANEL_IDS = ['basics', 'padding', 'stride', 'dilation', 'transposed', 'receptive', 'pooling', 'channels', 'kernels'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Configurations of the panels that are built; the URL and the store hold exactly these. */
export interface PanelConfigs {
  basics: BasicsConfig;
}
export type BuiltPanelId = keyof PanelConfigs;

export const PANEL_SPECS: { readonly [P in BuiltPanelId]: PanelConfigSpec<PanelConfigs[P]> } = {
  basics: BASICS_SPEC,
};

export const PANEL_COMPONENTS: { readonly [P in BuiltPanelId]: LazyExoticComponent<ComponentType> } = {
  basics: lazy(() => import('../panels/basics/BasicsPanel.tsx')),
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
  return { basics: PANEL_SPECS.basics.defaults };
}
