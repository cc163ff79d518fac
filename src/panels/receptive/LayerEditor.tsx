// The stack's controls: the layer list (select, move up/down, remove, add), the selected layer's settings, the input size and the output unit.

import type { StackLayer, StackLayerKind } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { NumberControl } from '../../ui/NumberControl.tsx';
import { RECEPTIVE_MESSAGES } from './messages.ts';
import { NEW_LAYER, RECEPTIVE_LIMITS, type ReceptiveConfig } from './receptiveConfig.ts';
import { insertLayer, moveLayer, removeLayer, replaceLayer, stackRuns, validRange, withStack } from './stackEdits.ts';

const KINDS: readonly StackLayerKind[] = ['conv', 'max', 'avg'];

export function useLayerSummary(): (layer: StackLayer) => string {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  return (layer) =>
    t('layerSummary', {
      kind: t(`kind.${layer.kind}`),
      k: layer.kernel,
      s: layer.stride,
      p: layer.padding,
      d: layer.dilation > 1 ? ` d${layer.dilation}` : '',
    });
}

export interface StackEditorProps {
  config: ReceptiveConfig;
  update(patch: Partial<ReceptiveConfig>, intent?: HistoryIntent): void;
  /** Layer (0-based) being shown and edited. */
  current: number;
  selectLayer(index: number): void;
}

/** The list of layers with their buttons, and "add a layer". */
export function LayerList({ config, update, current, selectLayer }: StackEditorProps) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const summary = useLayerSummary();
  const { layers, inputSize } = config;
  const apply = (next: StackLayer[], shown: number) => {
    update(withStack(config, { layers: next, inputSize }));
    selectLayer(shown);
  };
  return (
    <fieldset className="layer-list-controls">
      <legend>{t('layers', { count: layers.length })}</legend>
      <ol className="layer-list" data-testid="layer-list">
        {layers.map((layer, i) => {
          const up = moveLayer(layers, i, -1);
          const down = moveLayer(layers, i, 1);
          const without = removeLayer(layers, i);
          return (
            <li key={i} className={i === current ? 'is-current' : undefined}>
              <button
                type="button"
                className="layer-select"
                aria-pressed={i === current}
                onClick={() => selectLayer(i)}
                title={t('selectLayer', { n: i + 1, summary: summary(layer) })}
              >
                <span className="layer-number">{i + 1}</span> {summary(layer)}
              </button>
              <span className="layer-buttons">
                <button
                  type="button"
                  aria-label={t('moveUp', { n: i + 1 })}
                  title={t('moveUp', { n: i + 1 })}
                  disabled={i === 0 || !stackRuns(inputSize, up)}
                  onClick={() => apply(up, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('moveDown', { n: i + 1 })}
                  title={t('moveDown', { n: i + 1 })}
                  disabled={i === layers.length - 1 || !stackRuns(inputSize, down)}
                  onClick={() => apply(down, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t('remove', { n: i + 1 })}
                  title={t('remove', { n: i + 1 })}
                  disabled={layers.length <= RECEPTIVE_LIMITS.minLayers || !stackRuns(inputSize, without)}
                  onClick={() => apply(without, Math.min(i, without.length - 1))}
                >
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        disabled={layers.length >= RECEPTIVE_LIMITS.maxLayers}
        onClick={() => apply(insertLayer(layers, current, NEW_LAYER), current + 1)}
        data-testid="add-layer"
      >
        {t('addLayer', { n: current + 1 })}
      </button>
      {layers.length >= RECEPTIVE_LIMITS.maxLayers && <p className="hint secondary">{t('maxLayers', { max: RECEPTIVE_LIMITS.maxLayers })}</p>}
    </fieldset>
  );
}

/** The settings of the layer being shown: type, kernel, stride, padding, dilation, each limited to values that keep the stack running. */
export function LayerSettings({ config, update, current }: Omit<StackEditorProps, 'selectLayer'>) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const { layers, inputSize } = config;
  const layer = layers[current] as StackLayer;
  const withLayer = (patch: Partial<StackLayer>) => replaceLayer(layers, current, { ...layer, ...patch });
  const fits = (patch: Partial<StackLayer>) => stackRuns(inputSize, withLayer(patch));
  const set = (patch: Partial<StackLayer>, intent: HistoryIntent) => update(withStack(config, { layers: withLayer(patch), inputSize }), intent);
  const field = (name: 'kernel' | 'stride' | 'padding' | 'dilation', min: number, max: number) => {
    const [low, high] = validRange(layer[name], min, max, (value) => fits({ [name]: value }));
    return (
      <NumberControl
        label={t(`field.${name}`)}
        value={layer[name]}
        min={low}
        max={high}
        onChange={(value, intent) => set({ [name]: value }, intent)}
        testId={`layer-${name}`}
      />
    );
  };
  return (
    <fieldset className="layer-settings" data-testid="layer-settings">
      <legend>{t('editLayer', { n: current + 1 })}</legend>
      <label className="preset-select">
        <span>{t('field.kind')}</span>
        <select value={layer.kind} onChange={(event) => set({ kind: event.target.value as StackLayerKind }, 'push')} data-testid="layer-kind">
          {KINDS.map((kind) => (
            <option key={kind} value={kind} disabled={kind !== layer.kind && !fits({ kind })}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {field('kernel', 1, RECEPTIVE_LIMITS.kernel)}
      {field('stride', 1, RECEPTIVE_LIMITS.stride)}
      {field('padding', 0, RECEPTIVE_LIMITS.padding)}
      {layer.kind === 'avg' ? <p className="hint secondary">{t('avgNoDilation')}</p> : field('dilation', 1, RECEPTIVE_LIMITS.dilation)}
    </fieldset>
  );
}

/** Input size, and the selected output unit (row, column) of the last layer, or the centre. */
export function InputAndUnit({
  config,
  update,
  outputSize,
  unit,
}: {
  config: ReceptiveConfig;
  update(patch: Partial<ReceptiveConfig>, intent?: HistoryIntent): void;
  outputSize: number;
  unit: readonly [number, number];
}) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const { layers, inputSize } = config;
  const [low, high] = validRange(inputSize, RECEPTIVE_LIMITS.minInput, RECEPTIVE_LIMITS.maxInput, (n) => stackRuns(n, layers));
  return (
    <>
      <NumberControl
        label={t('inputSize')}
        value={inputSize}
        min={low}
        max={high}
        onChange={(n, intent) => update(withStack(config, { layers, inputSize: n }), intent)}
        testId="input-size"
      />
      <fieldset className="unit-controls" data-testid="unit-controls">
        <legend>{t('unitLegend', { n: layers.length, size: outputSize })}</legend>
        <NumberControl
          label={t('unitRow')}
          value={unit[0]}
          min={0}
          max={outputSize - 1}
          onChange={(row, intent) => update({ unit: [row, unit[1]] }, intent)}
          testId="unit-row"
        />
        <NumberControl
          label={t('unitCol')}
          value={unit[1]}
          min={0}
          max={outputSize - 1}
          onChange={(col, intent) => update({ unit: [unit[0], col] }, intent)}
          testId="unit-col"
        />
        <button type="button" aria-pressed={config.unit === null} onClick={() => update({ unit: null })}>
          {t('centreUnit')}
        </button>
      </fieldset>
    </>
  );
}
