// The lab's kernel: a preset list, the size, one typed field per weight, a slider for the chosen weight, the divisor, and paste/random.

import { useDeferredValue, useState } from 'react';
import { IMAGE_KERNELS, kernelTex } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { MatrixEditor } from '../../ui/MatrixEditor.tsx';
import { clampTyped, NumberControl, PairControl } from '../../ui/NumberControl.tsx';
import { PresetSelect } from '../../ui/PresetSelect.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import type { Matrix } from '../../url/fields.ts';
import { KERNELS_LIMITS, type KernelsConfig } from './kernelsConfig.ts';
import { KERNELS_MESSAGES, type KernelsMessageKey } from './messages.ts';

/** The slider of the chosen weight covers −WEIGHT_SLIDER…WEIGHT_SLIDER; the typed field takes any value within ±999. */
const WEIGHT_SLIDER = 10;

/** A copy of `weights` at a new size: kept values where the old and new kernels overlap, 0 elsewhere. */
export function resizeWeights(weights: Matrix, rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => weights[r]?.[c] ?? 0));
}

function setWeight(weights: Matrix, row: number, col: number, value: number): Matrix {
  return weights.map((line, r) => (r === row ? line.map((v, c) => (c === col ? value : v)) : line));
}

interface WeightFieldProps {
  row: number;
  col: number;
  value: number;
  selected: boolean;
  label: string;
  onSelect(): void;
  onCommit(value: number): void;
  onInvalid(): void;
}

function WeightField({ value, selected, label, onSelect, onCommit, onInvalid }: WeightFieldProps) {
  const [draft, setDraft] = useState(formatNumber(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(formatNumber(value));
  }
  const commit = () => {
    if (draft === formatNumber(value)) return;
    const { value: typed } = clampTyped(draft, -KERNELS_LIMITS.weights.maxAbs, KERNELS_LIMITS.weights.maxAbs, 4);
    if (typed === null) {
      onInvalid();
      setDraft(formatNumber(value));
      return;
    }
    setDraft(formatNumber(typed));
    if (typed !== value) onCommit(typed);
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      className={`kernels-weight${selected ? ' is-selected' : ''}`}
      aria-label={label}
      value={draft}
      onFocus={onSelect}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}

export interface KernelEditorProps {
  config: KernelsConfig;
  update(patch: Partial<KernelsConfig>, intent?: HistoryIntent): void;
}

export function KernelEditor({ config, update }: KernelEditorProps) {
  const t = usePanelT(KERNELS_MESSAGES);
  const { weights, divisor } = config;
  const rows = weights.length;
  const cols = weights[0]?.length ?? 1;
  const [selected, setSelected] = useState<[number, number]>([0, 0]);
  const [message, setMessage] = useState<string | null>(null);
  const [selRow, selCol] = [Math.min(selected[0], rows - 1), Math.min(selected[1], cols - 1)];
  const selectedValue = weights[selRow]?.[selCol] ?? 0;
  // The typeset kernel follows a drag at lower priority than the fields and the slider.
  const shownWeights = useDeferredValue(weights);
  const shownDivisor = useDeferredValue(divisor);

  return (
    <fieldset className="kernels-kernel" data-testid="kernel-editor">
      <legend>{t('kernel')}</legend>
      <PresetSelect
        label={t('kernelPreset')}
        presets={IMAGE_KERNELS.map((kernel) => ({
          id: kernel.id,
          label: t(`kernel.${kernel.id}` as KernelsMessageKey),
          config: { weights: kernel.weights as Matrix, divisor: kernel.divisor },
        }))}
        current={{ weights, divisor }}
        onSelect={(kernel) => update(kernel)}
      />
      <Formula tex={`K = ${kernelTex(shownWeights, shownDivisor)}`} label={t('kernel')} />
      <PairControl
        label={t('kernelSize')}
        value={[rows, cols]}
        min={1}
        max={[KERNELS_LIMITS.weights.maxRows, KERNELS_LIMITS.weights.maxCols]}
        onChange={([r, c], intent) => update({ weights: resizeWeights(weights, r, c) }, intent)}
        testId="kernel-size"
      />
      <div className="kernels-weights" role="group" aria-label={t('weights')} style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 3.6rem))` }}>
        {weights.map((line, r) =>
          line.map((value, c) => (
            <WeightField
              key={`${r},${c}`}
              row={r}
              col={c}
              value={value}
              selected={r === selRow && c === selCol}
              label={t('weightAt', { row: r, col: c })}
              onSelect={() => setSelected([r, c])}
              onCommit={(next) => {
                setMessage(null);
                update({ weights: setWeight(weights, r, c, next) });
              }}
              onInvalid={() => setMessage(t('weightInvalid', { max: KERNELS_LIMITS.weights.maxAbs }))}
            />
          )),
        )}
      </div>
      {message && (
        <p className="control-message" role="status">
          {message}
        </p>
      )}
      <NumberControl
        label={t('selectedWeight', { row: selRow, col: selCol })}
        value={selectedValue}
        min={Math.min(-WEIGHT_SLIDER, Math.floor(selectedValue))}
        max={Math.max(WEIGHT_SLIDER, Math.ceil(selectedValue))}
        decimals={4}
        onChange={(value, intent) => update({ weights: setWeight(weights, selRow, selCol, value) }, intent)}
        testId="selected-weight"
      />
      <NumberControl
        label={t('divisor')}
        value={divisor}
        min={1}
        max={KERNELS_LIMITS.divisor}
        onChange={(value, intent) => update({ divisor: value }, intent)}
        testId="divisor"
      />
      <div className="secondary-controls">
        <MatrixEditor
          label="K"
          value={weights}
          limits={KERNELS_LIMITS.weights}
          onChange={(next) => update({ weights: next })}
          testId="kernel-matrix"
        />
      </div>
    </fieldset>
  );
}
