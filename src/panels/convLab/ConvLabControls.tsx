// Controls shared by the Padding, Stride and Dilation panels: sizes, values, per-side padding, padding mode, stride, dilation.

import { PADDING_MODES, presetPadding, type PaddingMode, type PaddingPreset } from '../../engine/index.ts';
import { useT } from '../../i18n/useT.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { MatrixEditor } from '../../ui/MatrixEditor.tsx';
import { NumberControl, PairControl } from '../../ui/NumberControl.tsx';
import { useAppStore, type HistoryIntent } from '../../state/store.ts';
import { presetLabel } from '../../quiz/presetLabel.ts';
import { CONV_LAB_LIMITS, patternInput, patternKernel, type ConvLabConfig } from './convLabConfig.ts';
import { resizeMatrix } from '../../ui/matrix.ts';
import { PresetSelect } from '../../ui/PresetSelect.tsx';
import { CONV_LAB_MESSAGES } from './messages.ts';

export interface ConvLabControlsProps {
  config: ConvLabConfig;
  update(patch: Partial<ConvLabConfig>, intent?: HistoryIntent): void;
}

function sizes(config: ConvLabConfig) {
  return { inH: config.input.length, inW: config.input[0]?.length ?? 0, kH: config.kernel.length, kW: config.kernel[0]?.length ?? 0 };
}

/** Input and kernel sizes and values. */
export function SizeControls({ config, update }: ConvLabControlsProps) {
  const t = useT();
  const lt = usePanelT(CONV_LAB_MESSAGES);
  const { inH, inW, kH, kW } = sizes(config);
  return (
    <>
      <PairControl
        label={lt('inputSize')}
        value={[inH, inW]}
        min={1}
        max={[CONV_LAB_LIMITS.input.maxRows, CONV_LAB_LIMITS.input.maxCols]}
        onChange={([rows, cols], intent) =>
          update({ input: resizeMatrix(config.input, rows, cols, (r, c) => patternInput(rows, cols)[r]?.[c] ?? 0) }, intent)
        }
        testId="input-size"
      />
      <PairControl
        label={lt('kernelSize')}
        value={[kH, kW]}
        min={1}
        max={[CONV_LAB_LIMITS.kernel.maxRows, CONV_LAB_LIMITS.kernel.maxCols]}
        onChange={([rows, cols], intent) => update({ kernel: patternKernel(rows, cols) }, intent)}
        testId="kernel-size"
      />
      <MatrixEditor label="X" value={config.input} limits={CONV_LAB_LIMITS.input} onChange={(input) => update({ input })} testId="input-editor" />
      <MatrixEditor
        label="K"
        value={config.kernel}
        limits={CONV_LAB_LIMITS.kernel}
        onChange={(kernel) => update({ kernel })}
        testId="kernel-editor"
      />
      <span className="visually-hidden">{t('matrix.help')}</span>
    </>
  );
}

/** Padding per side with a "same on all sides" shortcut and the valid / same / full presets. */
export function PaddingControls({ config, update }: ConvLabControlsProps) {
  const lt = usePanelT(CONV_LAB_MESSAGES);
  const [top, bottom, left, right] = config.padding;
  const { inH, inW, kH, kW } = sizes(config);
  const max = CONV_LAB_LIMITS.padding;
  const setSide = (index: number, value: number, intent: HistoryIntent) => {
    const next = [...config.padding] as [number, number, number, number];
    next[index] = value;
    update({ padding: next }, intent);
  };
  const applyPreset = (preset: PaddingPreset) => {
    const [t, b] = presetPadding(preset, inH, kH, config.stride[0], config.dilation[0]);
    const [l, r] = presetPadding(preset, inW, kW, config.stride[1], config.dilation[1]);
    update({ padding: [Math.min(t, max), Math.min(b, max), Math.min(l, max), Math.min(r, max)] });
  };
  return (
    <fieldset className="padding-controls" data-testid="padding-controls">
      <legend>{lt('padding')}</legend>
      <div className="preset-buttons" role="group" aria-label={lt('paddingPresets')}>
        {(['valid', 'same', 'full'] as const).map((preset) => (
          <button key={preset} type="button" onClick={() => applyPreset(preset)}>
            {lt(`preset.${preset}`)}
          </button>
        ))}
      </div>
      <NumberControl
        label={lt('allSides')}
        value={top}
        min={0}
        max={max}
        onChange={(p, intent) => update({ padding: [p, p, p, p] }, intent)}
        testId="padding-all"
      />
      <div className="side-controls">
        <NumberControl label={lt('top')} value={top} min={0} max={max} onChange={(p, intent) => setSide(0, p, intent)} testId="padding-top" />
        <NumberControl
          label={lt('bottom')}
          value={bottom}
          min={0}
          max={max}
          onChange={(p, intent) => setSide(1, p, intent)}
          testId="padding-bottom"
        />
        <NumberControl label={lt('left')} value={left} min={0} max={max} onChange={(p, intent) => setSide(2, p, intent)} testId="padding-left" />
        <NumberControl label={lt('right')} value={right} min={0} max={max} onChange={(p, intent) => setSide(3, p, intent)} testId="padding-right" />
      </div>
    </fieldset>
  );
}

export function PaddingModeControl({ config, update }: ConvLabControlsProps) {
  const lt = usePanelT(CONV_LAB_MESSAGES);
  return (
    <label className="preset-select">
      <span>{lt('paddingMode')}</span>
      <select value={config.paddingMode} onChange={(event) => update({ paddingMode: event.target.value as PaddingMode })} data-testid="padding-mode">
        {PADDING_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {lt(`mode.${mode}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function StrideControl({ config, update }: ConvLabControlsProps) {
  const lt = usePanelT(CONV_LAB_MESSAGES);
  const max = CONV_LAB_LIMITS.stride;
  return (
    <PairControl
      label={lt('stride')}
      value={config.stride}
      min={1}
      max={[max, max]}
      onChange={(stride, intent) => update({ stride }, intent)}
      testId="stride"
    />
  );
}

export function DilationControl({ config, update }: ConvLabControlsProps) {
  const lt = usePanelT(CONV_LAB_MESSAGES);
  const max = CONV_LAB_LIMITS.dilation;
  return (
    <PairControl
      label={lt('dilation')}
      value={config.dilation}
      min={1}
      max={[max, max]}
      onChange={(dilation, intent) => update({ dilation }, intent)}
      testId="dilation"
    />
  );
}

/** The presets list of a Padding/Stride/Dilation panel; `labelOf` gives each preset's words from the panel's own messages. */
export function ConvLabPresetSelect<C extends ConvLabConfig>({
  presets,
  labelOf,
  config,
  update,
}: {
  presets: readonly { id: string; config: C }[];
  labelOf(id: string): string;
  config: C;
  update(patch: Partial<C>): void;
}) {
  const lt = usePanelT(CONV_LAB_MESSAGES);
  // In quiz mode a name's "→ 4×4" is the answer to the first question.
  const quiz = useAppStore((s) => s.quiz);
  return (
    <PresetSelect
      label={lt('presets')}
      presets={presets.map((preset) => ({
        id: preset.id,
        label: presetLabel(labelOf(preset.id), quiz),
        config: preset.config,
      }))}
      current={config}
      onSelect={(preset) => update(preset)}
    />
  );
}
