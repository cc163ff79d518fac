// The Pooling panel's settings: presets, max/average, kernel, stride (default = kernel), padding, dilation, ceil mode, count_include_pad, inputs, gradient.

import { usePanelT } from '../../i18n/panelMessages.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { MatrixEditor } from '../../ui/MatrixEditor.tsx';
import { resizeMatrix } from '../../ui/matrix.ts';
import { NumberControl, PairControl } from '../../ui/NumberControl.tsx';
import { PresetSelect } from '../../ui/PresetSelect.tsx';
import type { Matrix } from '../../url/fields.ts';
import { POOLING_MESSAGES } from './messages.ts';
import {
  channelPattern,
  effectiveStride,
  inputSize,
  layerSettings,
  POOL_PRESETS,
  POOLING_LIMITS,
  type GradientFill,
  type PoolingConfig,
} from './poolingConfig.ts';

export interface PoolingControlsProps {
  config: PoolingConfig;
  update(patch: Partial<PoolingConfig>, intent?: HistoryIntent): void;
}

/** Every channel resized to rows × cols, keeping the values that still fit and filling new cells with the channel's pattern. */
function resizeChannels(channels: readonly Matrix[], rows: number, cols: number): Matrix[] {
  return channels.map((channel, c) => {
    const fill = channelPattern(rows, cols, c);
    return resizeMatrix(channel, rows, cols, (r, x) => fill[r]?.[x] ?? 0);
  });
}

function Checkbox({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange(checked: boolean): void; testId: string }) {
  return (
    <label className="pool-check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}

export function PoolingControls({ config, update }: PoolingControlsProps) {
  const t = usePanelT(POOLING_MESSAGES);
  const [rows, cols] = inputSize(config);
  const stride = effectiveStride(config);
  const isMax = config.kind === 'max';
  return (
    <>
      <PresetSelect
        label={t('presets')}
        presets={POOL_PRESETS.map((preset) => ({
          id: preset.id,
          label: t(`preset.${preset.id}` as Parameters<typeof t>[0]),
          config: preset.settings,
        }))}
        current={layerSettings(config)}
        onSelect={(settings) => update(settings)}
      />
      <fieldset className="toggle-group pool-kind" data-testid="pool-kind">
        <legend>{t('kind')}</legend>
        {(['max', 'avg'] as const).map((kind) => (
          <label key={kind}>
            <input type="radio" name="pool-kind" value={kind} checked={config.kind === kind} onChange={() => update({ kind })} />
            {t(`kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <PairControl
        label={t('kernel')}
        value={config.kernel}
        min={1}
        max={[Math.min(POOLING_LIMITS.kernel, rows + 2 * config.padding[0]), Math.min(POOLING_LIMITS.kernel, cols + 2 * config.padding[1])]}
        onChange={(kernel, intent) => update({ kernel }, intent)}
        testId="pool-kernel"
      />
      <div className="pool-stride">
        <PairControl
          label={config.stride === null ? t('strideDefault') : t('stride')}
          value={stride}
          min={1}
          max={[POOLING_LIMITS.stride, POOLING_LIMITS.stride]}
          onChange={(value, intent) => update({ stride: value }, intent)}
          testId="pool-stride"
        />
        <Checkbox
          label={t('strideFollowsKernel')}
          checked={config.stride === null}
          onChange={(follows) => update({ stride: follows ? null : config.kernel })}
          testId="stride-default"
        />
      </div>
      <PairControl
        label={t('padding')}
        value={config.padding}
        min={0}
        max={[Math.floor(config.kernel[0] / 2), Math.floor(config.kernel[1] / 2)]}
        onChange={(padding, intent) => update({ padding }, intent)}
        testId="pool-padding"
      />
      <p className="secondary hint">{t('paddingRule')}</p>
      {isMax ? (
        <PairControl
          label={t('dilation')}
          value={config.dilation}
          min={1}
          max={[POOLING_LIMITS.dilation, POOLING_LIMITS.dilation]}
          onChange={(dilation, intent) => update({ dilation }, intent)}
          testId="pool-dilation"
        />
      ) : (
        <p className="secondary hint">{t('dilationMaxOnly')}</p>
      )}
      <Checkbox label={t('ceilMode')} checked={config.ceilMode} onChange={(ceilMode) => update({ ceilMode })} testId="ceil-mode" />
      {!isMax && (
        <Checkbox
          label={t('countIncludePad')}
          checked={config.countIncludePad}
          onChange={(countIncludePad) => update({ countIncludePad })}
          testId="count-include-pad"
        />
      )}
      <label className="preset-select">
        <span>{t('gradient')}</span>
        <select value={config.gradient} onChange={(event) => update({ gradient: event.target.value as GradientFill })} data-testid="gradient-fill">
          {(['ones', 'count', 'seeded'] as const).map((fill) => (
            <option key={fill} value={fill}>
              {t(`gradient.${fill}`)}
            </option>
          ))}
        </select>
      </label>
      {config.gradient === 'seeded' && (
        <NumberControl
          label={t('gradientSeed')}
          value={config.gradientSeed}
          min={0}
          max={POOLING_LIMITS.seed}
          onChange={(gradientSeed, intent) => update({ gradientSeed }, intent)}
          testId="gradient-seed"
        />
      )}
      <div className="secondary-controls panel-controls">
        <PairControl
          label={t('inputSize')}
          value={[rows, cols]}
          min={1}
          max={[POOLING_LIMITS.input.maxRows, POOLING_LIMITS.input.maxCols]}
          onChange={([r, c], intent) => update({ input: resizeChannels(config.input, r, c) }, intent)}
          testId="pool-input-size"
        />
        {config.input.map((channel, c) => (
          <MatrixEditor
            key={c}
            label={config.input.length > 1 ? `X${c}` : 'X'}
            value={channel}
            limits={POOLING_LIMITS.input}
            onChange={(matrix) => {
              // A pasted matrix of another size resizes every channel to it.
              const edited = config.input.map((old, i) => (i === c ? matrix : old));
              update({ input: resizeChannels(edited, matrix.length, matrix[0]?.length ?? cols) });
            }}
            testId={`pool-input-editor-${c}`}
          />
        ))}
      </div>
    </>
  );
}
