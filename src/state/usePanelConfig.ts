// usePanelConfig: a panel's configuration from the store and its update function, the wiring every panel needs.

import { useCallback } from 'react';
import type { BuiltPanelId, PanelConfigs } from '../app/panels.ts';
import { useAppStore, type HistoryIntent } from './store.ts';

export function usePanelConfig<P extends BuiltPanelId>(panel: P) {
  const config = useAppStore((s) => s.configs[panel]) as PanelConfigs[P];
  const updateConfig = useAppStore((s) => s.updateConfig);
  /** 'push' (the default) for deliberate changes, 'replace' for slider drags. */
  const update = useCallback(
    (patch: Partial<PanelConfigs[P]>, intent: HistoryIntent = 'push') => updateConfig(panel, patch, intent),
    [panel, updateConfig],
  );
  return { config, update };
}
