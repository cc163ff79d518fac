// The Channels panel's settings column: the layer on screen (presets, channel counts, bias, sizes, values), the cost view's shape, the 3-D view's volume.

import { useState } from 'react';
import { usePanelT } from '../../i18n/panelMessages.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { MatrixEditor } from '../../ui/MatrixEditor.tsx';
import { NumberControl, PairControl } from '../../ui/NumberControl.tsx';
import { PresetSelect } from '../../ui/PresetSelect.tsx';
import { resizeMatrix } from '../../ui/matrix.ts';
import type { Matrix } from '../../url/fields.ts';
import {
  CHANNELS_LIMITS,
  COST_PRESETS,
  EDITOR_LIMITS,
  LAYER_PRESETS,
  VOLUME_PRESETS,
  layerShape,
  matrixShape,
  type ChannelsConfig,
  type ChannelsView,
  type CostFields,
  type LayerFields,
  type Pair,
  type Triple,
  type VolumeFields,
} from './channelsConfig.ts';
import { resizeLayer } from './channelsLayer.ts';
import { CHANNELS_MESSAGES } from './messages.ts';

type Update = (patch: Partial<ChannelsConfig>, intent?: HistoryIntent) => void;

export interface ControlsProps {
  config: ChannelsConfig;
  update: Update;
  /** Shows a view from its first step. */
  showView(view: ChannelsView): void;
}

function pick<T extends object, K extends keyof T>(config: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, config[key]])) as Pick<T, K>;
}

const LAYER_KEYS = ['input', 'weight', 'bias', 'groups', 'pointwise'] as const;
const COST_KEYS = ['costIn', 'costOut', 'costKernel', 'costSize', 'costPadding', 'costStride', 'costBias'] as const;
const VOLUME_KEYS = ['volume', 'volumeKernel', 'volumeStride', 'volumePadding', 'volumeChannels'] as const;

export function layerFields(config: ChannelsConfig): LayerFields {
  return pick(config, LAYER_KEYS);
}
export function costFields(config: ChannelsConfig): CostFields {
  return pick(config, COST_KEYS);
}
export function volumeFields(config: ChannelsConfig): VolumeFields {
  return pick(config, VOLUME_KEYS);
}

/** Channel pickers for the editors: which input channel, which output channel and slice. */
function IndexSelect({ label, count, value, onChange }: { label: string; count: number; value: number; onChange(value: number): void }) {
  return (
    <label className="preset-select">
      <span>{label}</span>
      <select value={Math.min(value, count - 1)} onChange={(event) => onChange(Number(event.target.value))}>
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LayerControls({ config, update, showView }: ControlsProps) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const layer = layerFields(config);
  const { cin, cout, slices, h, w, kh, kw } = layerShape(layer);
  const [channel, setChannel] = useState(0);
  const [book, setBook] = useState(0);
  const [slice, setSlice] = useState(0);
  const shownChannel = Math.min(channel, cin - 1);
  const shownBook = Math.min(book, cout - 1);
  const shownSlice = Math.min(slice, slices - 1);

  const replaceInput = (matrix: Matrix) => {
    const [rows, cols] = matrixShape(matrix);
    const resized = resizeLayer(layer, { h: rows, w: cols });
    update({ ...resized, input: resized.input.map((m, c) => (c === shownChannel ? matrix : m)) });
  };
  const replaceSlice = (matrix: Matrix) => {
    const [rows, cols] = matrixShape(matrix);
    const resized = resizeLayer(layer, { kh: rows, kw: cols });
    update({ weight: resized.weight.map((b, o) => (o === shownBook ? b.map((m, i) => (i === shownSlice ? matrix : m)) : b)) });
  };

  return (
    <>
      <div className="panel-controls">
        <PresetSelect
          label={t('controls.presets')}
          presets={LAYER_PRESETS.map((preset) => ({
            id: preset.id,
            label: t(`preset.${preset.id}` as Parameters<typeof t>[0]),
            config: preset.config,
          }))}
          current={layer}
          onSelect={(chosen) => {
            const preset = LAYER_PRESETS.find((p) => p.config === chosen);
            update(chosen);
            if (preset?.view && preset.view !== config.view) showView(preset.view);
          }}
        />
        <NumberControl
          label={t('controls.inChannels')}
          value={cin}
          min={1}
          max={CHANNELS_LIMITS.channels}
          onChange={(value, intent) => update(resizeLayer(layer, { cin: value }), intent)}
          testId="cin-control"
        />
        <NumberControl
          label={t('controls.outChannels')}
          value={cout}
          min={1}
          max={CHANNELS_LIMITS.channels}
          onChange={(value, intent) => update(resizeLayer(layer, { cout: value }), intent)}
          testId="cout-control"
        />
        <label className="ch-checkbox">
          <input
            type="checkbox"
            checked={config.bias.length > 0}
            onChange={(event) => update({ bias: event.target.checked ? new Array<number>(cout).fill(0) : [] })}
          />
          {t('controls.bias')}
        </label>
        {config.bias.length > 0 && (
          <MatrixEditor
            label="b"
            value={[config.bias]}
            limits={{ maxRows: 1, maxCols: CHANNELS_LIMITS.channels, maxAbs: CHANNELS_LIMITS.maxAbs }}
            onChange={(matrix) => update({ bias: Array.from({ length: cout }, (_, o) => matrix[0]?.[o] ?? 0) })}
            testId="bias-editor"
          />
        )}
      </div>
      <div className="panel-controls secondary-controls">
        <PairControl
          label={t('controls.inputSize')}
          value={[h, w]}
          min={1}
          max={[CHANNELS_LIMITS.size, CHANNELS_LIMITS.size]}
          onChange={([rows, cols], intent) => update(resizeLayer(layer, { h: rows, w: cols }), intent)}
          testId="input-size"
        />
        <PairControl
          label={t('controls.kernelSize')}
          value={[kh, kw]}
          min={1}
          max={[Math.min(CHANNELS_LIMITS.kernel, h), Math.min(CHANNELS_LIMITS.kernel, w)]}
          onChange={([rows, cols], intent) => update(resizeLayer(layer, { kh: rows, kw: cols }), intent)}
          testId="kernel-size"
        />
        <fieldset className="ch-editor">
          <legend>{t('controls.editInput')}</legend>
          <IndexSelect label={t('controls.channel')} count={cin} value={shownChannel} onChange={setChannel} />
          <MatrixEditor
            label={`X[${shownChannel}]`}
            value={layer.input[shownChannel] ?? []}
            limits={EDITOR_LIMITS.map}
            onChange={replaceInput}
            testId="input-editor"
          />
        </fieldset>
        <fieldset className="ch-editor">
          <legend>{t('controls.editKernel')}</legend>
          <IndexSelect label={t('controls.outChannel')} count={cout} value={shownBook} onChange={setBook} />
          <IndexSelect label={t('controls.slice')} count={slices} value={shownSlice} onChange={setSlice} />
          <MatrixEditor
            label={`W[${shownBook}, ${shownSlice}]`}
            value={layer.weight[shownBook]?.[shownSlice] ?? []}
            limits={{ ...EDITOR_LIMITS.kernel, maxRows: Math.min(CHANNELS_LIMITS.kernel, h), maxCols: Math.min(CHANNELS_LIMITS.kernel, w) }}
            onChange={replaceSlice}
            testId="kernel-editor"
          />
        </fieldset>
        {config.view === 'groups' && config.groups === cin && (
          <MatrixEditor
            label={t('controls.pointwise')}
            value={config.pointwise}
            limits={EDITOR_LIMITS.pointwise}
            onChange={(matrix) => update({ pointwise: resizeMatrix(matrix, matrix.length, cout) })}
            testId="pointwise-editor"
          />
        )}
      </div>
    </>
  );
}

function TripleControl({
  label,
  value,
  min,
  max,
  onChange,
  testId,
}: {
  label: string;
  value: Triple;
  min: number;
  max: Triple;
  onChange(value: Triple, intent: HistoryIntent): void;
  testId: string;
}) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const axes = [t('controls.depth'), t('controls.height'), t('controls.width')];
  return (
    <fieldset className="pair-control" data-testid={testId}>
      <legend>{label}</legend>
      {axes.map((axis, i) => (
        <NumberControl
          key={axis}
          label={`${label}: ${axis}`}
          value={value[i] as number}
          min={min}
          max={max[i] as number}
          onChange={(entry, intent) => onChange(value.map((old, j) => (j === i ? entry : old)) as unknown as Triple, intent)}
        />
      ))}
    </fieldset>
  );
}

/** Kernel sizes clamped so the kernel still fits the padded input along every axis. */
function fitKernel<T extends readonly number[]>(kernel: T, size: readonly number[], padding: readonly number[]): T {
  return kernel.map((k, i) => Math.min(k, (size[i] as number) + 2 * (padding[i] as number))) as unknown as T;
}

export function CostControls({ config, update }: ControlsProps) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const cost = costFields(config);
  const limits = CHANNELS_LIMITS.cost;
  const setShape = (patch: Partial<CostFields>, intent: HistoryIntent) => {
    const next = { ...cost, ...patch };
    update({ ...patch, costKernel: fitKernel(next.costKernel, next.costSize, next.costPadding) }, intent);
  };
  const onScreen = layerShape(layerFields(config));
  return (
    <>
      <div className="panel-controls">
        <PresetSelect
          label={t('controls.costPresets')}
          presets={COST_PRESETS.map((preset) => ({
            id: preset.id,
            label: t(`costPreset.${preset.id}` as Parameters<typeof t>[0]),
            config: preset.config,
          }))}
          current={cost}
          onSelect={(chosen) => update(chosen)}
        />
        <NumberControl
          label={t('controls.inChannels')}
          value={cost.costIn}
          min={1}
          max={limits.channels}
          onChange={(v, i) => setShape({ costIn: v }, i)}
          testId="cost-cin"
        />
        <NumberControl
          label={t('controls.outChannels')}
          value={cost.costOut}
          min={1}
          max={limits.channels}
          onChange={(v, i) => setShape({ costOut: v }, i)}
          testId="cost-cout"
        />
        <PairControl
          label={t('controls.kernelSize')}
          value={cost.costKernel}
          min={1}
          max={fitKernel([limits.kernel, limits.kernel] as const, cost.costSize, cost.costPadding)}
          onChange={(v, i) => setShape({ costKernel: v }, i)}
          testId="cost-kernel"
        />
        <label className="ch-checkbox">
          <input type="checkbox" checked={cost.costBias} onChange={(event) => update({ costBias: event.target.checked })} />
          {t('controls.bias')}
        </label>
      </div>
      <div className="panel-controls secondary-controls">
        <PairControl
          label={t('controls.inputSize')}
          value={cost.costSize}
          min={1}
          max={[limits.size, limits.size]}
          onChange={(v, i) => setShape({ costSize: v }, i)}
          testId="cost-size"
        />
        <PairControl
          label={t('controls.padding')}
          value={cost.costPadding}
          min={0}
          max={[limits.padding, limits.padding]}
          onChange={(v, i) => setShape({ costPadding: v }, i)}
          testId="cost-padding"
        />
        <PairControl
          label={t('controls.stride')}
          value={cost.costStride}
          min={1}
          max={[limits.stride, limits.stride]}
          onChange={(v, i) => setShape({ costStride: v as Pair }, i)}
          testId="cost-stride"
        />
        <button
          type="button"
          onClick={() =>
            update({
              costIn: onScreen.cin,
              costOut: onScreen.cout,
              costKernel: [onScreen.kh, onScreen.kw],
              costSize: [onScreen.h, onScreen.w],
              costPadding: [0, 0],
              costStride: [1, 1],
              costBias: config.bias.length > 0,
            })
          }
        >
          {t('controls.useLayer', { cin: onScreen.cin, cout: onScreen.cout, kh: onScreen.kh, kw: onScreen.kw })}
        </button>
      </div>
    </>
  );
}

export function VolumeControls({ config, update }: ControlsProps) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const volume = volumeFields(config);
  const limits = CHANNELS_LIMITS.volume;
  const setShape = (patch: Partial<VolumeFields>, intent: HistoryIntent) => {
    const next = { ...volume, ...patch };
    update({ ...patch, volumeKernel: fitKernel(next.volumeKernel, next.volume, next.volumePadding) }, intent);
  };
  return (
    <>
      <div className="panel-controls">
        <PresetSelect
          label={t('controls.volumePresets')}
          presets={VOLUME_PRESETS.map((preset) => ({
            id: preset.id,
            label: t(`volumePreset.${preset.id}` as Parameters<typeof t>[0]),
            config: preset.config,
          }))}
          current={volume}
          onSelect={(chosen) => update(chosen)}
        />
        <TripleControl
          label={t('controls.volumeSize')}
          value={volume.volume}
          min={1}
          max={[limits.depth, limits.size, limits.size]}
          onChange={(v, i) => setShape({ volume: v }, i)}
          testId="volume-size"
        />
        <TripleControl
          label={t('controls.kernelSize')}
          value={volume.volumeKernel}
          min={1}
          max={fitKernel([limits.kernel, limits.kernel, limits.kernel] as const, volume.volume, volume.volumePadding)}
          onChange={(v, i) => setShape({ volumeKernel: v }, i)}
          testId="volume-kernel"
        />
      </div>
      <div className="panel-controls secondary-controls">
        <TripleControl
          label={t('controls.stride')}
          value={volume.volumeStride}
          min={1}
          max={[limits.stride, limits.stride, limits.stride]}
          onChange={(v, i) => setShape({ volumeStride: v }, i)}
          testId="volume-stride"
        />
        <TripleControl
          label={t('controls.padding')}
          value={volume.volumePadding}
          min={0}
          max={[limits.padding, limits.padding, limits.padding]}
          onChange={(v, i) => setShape({ volumePadding: v }, i)}
          testId="volume-padding"
        />
        <fieldset className="pair-control" data-testid="volume-channels">
          <legend>{t('controls.volumeChannels')}</legend>
          <NumberControl
            label={t('controls.inChannels')}
            value={volume.volumeChannels[0]}
            min={1}
            max={limits.channels}
            onChange={(v, i) => update({ volumeChannels: [v, volume.volumeChannels[1]] }, i)}
          />
          <NumberControl
            label={t('controls.filters')}
            value={volume.volumeChannels[1]}
            min={1}
            max={limits.channels}
            onChange={(v, i) => update({ volumeChannels: [volume.volumeChannels[0], v] }, i)}
          />
        </fieldset>
      </div>
    </>
  );
}
