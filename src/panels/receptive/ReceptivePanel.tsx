// The Receptive field panel: build a conv/pool stack, pick an output unit, and watch its field grow layer by layer, theoretical and effective.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  clampStep,
  convOutputSizeNotes,
  effectiveKernelFormula,
  effectiveReceptiveField,
  effectiveReceptiveFieldCost,
  INPUT_RECEPTIVE_FIELD,
  layerStackGeometry,
  nearestUnit,
  poolOutputSize,
  receptiveFieldStep,
  stackReceptiveField,
  strideProductFormula,
  unitCentre,
  type AxisGeometry,
  type ReceptiveFieldEntry,
  type StackLayer,
} from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useT } from '../../i18n/useT.ts';
import { useAppStore, type HistoryIntent } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { Narration } from '../../ui/Narration.tsx';
import { PresetSelect } from '../../ui/PresetSelect.tsx';
import { StepPlayer } from '../../ui/StepPlayer.tsx';
import { useAfterPaint } from '../../ui/useAfterPaint.ts';
import { GrowthChart } from './GrowthChart.tsx';
import { FieldViews } from './InputFieldView.tsx';
import { InputAndUnit, LayerList, LayerSettings } from './LayerEditor.tsx';
import { LayerTable } from './LayerTable.tsx';
import { RECEPTIVE_MESSAGES } from './messages.ts';
import { RECEPTIVE_PRESETS, selectedUnit, type ReceptiveConfig } from './receptiveConfig.ts';
import { RulesDemo, SameFieldComparison } from './RulesDemo.tsx';
import { StackDiagram } from './StackDiagram.tsx';
import { receptiveQuizSource } from '../../quiz/quizSources.ts';
import { useQuizOn } from '../../quiz/useQuiz.ts';

/** Preset names that give the sizes away ("… (RF 3, 5, 9)"), without that part: in quiz mode they are the questions. */
function withoutFieldSizes(label: string): string {
  return label.replace(/\s*[(（](?:RF|感受野)[^)）]*[)）]/, '');
}

/** Largest backward pass (multiply-adds) computed on every change; bigger stacks show a note instead of the heatmap. */
const ERF_BUDGET = 20_000_000;

function outputSizeTex(layer: StackLayer, axis: AxisGeometry): string {
  if (layer.kind === 'conv') return (convOutputSizeNotes(axis) as { tex: string }).tex;
  return poolOutputSize({
    input: axis.input,
    kernel: axis.kernel,
    stride: axis.stride,
    padding: axis.padBefore,
    dilation: axis.dilation,
    ceilMode: false,
  }).tex;
}

export default function ReceptivePanel() {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const appT = useT();
  const { config, updateConfig, rawStep, setStep, resetPanel } = useAppStore(
    useShallow((s) => ({ config: s.configs.receptive, updateConfig: s.updateConfig, rawStep: s.step, setStep: s.setStep, resetPanel: s.resetPanel })),
  );
  const update = (patch: Partial<ReceptiveConfig>, intent: HistoryIntent = 'push') => updateConfig('receptive', patch, intent);
  const { layers, inputSize } = config;
  const geometry = useMemo(() => layerStackGeometry(inputSize, layers), [inputSize, layers]);
  const fields = useMemo(() => stackReceptiveField(layers), [layers]);
  const current = clampStep(rawStep, layers.length);
  const quiz = useMemo(() => (geometry.issue === null ? receptiveQuizSource(layers, fields) : undefined), [geometry, layers, fields]);
  // In quiz mode the layers after the one shown are not drawn in the table and chart, and the sections that quote
  // their sizes wait: those sizes are the next questions.
  const quizOn = useQuizOn(quiz);
  const shown = quizOn ? current + 1 : layers.length;

  const axes = geometry.axes;
  const finalAxis = axes[layers.length - 1];
  const finalUnit = selectedUnit(config.unit, finalAxis?.output ?? 1);
  const axis = axes[current];
  const field = fields[current] as ReceptiveFieldEntry;
  // The unit of the layer being shown that sits nearest the selected output unit's centre.
  const unitAtLayer = (index: number): [number, number] => {
    const final = fields[layers.length - 1] as ReceptiveFieldEntry;
    const size = (axes[index] as AxisGeometry).output;
    const entry = fields[index] as ReceptiveFieldEntry;
    return [nearestUnit(entry, size, unitCentre(final, finalUnit[0])), nearestUnit(entry, size, unitCentre(final, finalUnit[1]))];
  };
  const [unitRow, unitCol] = axis ? unitAtLayer(current) : finalUnit;
  const unit = useMemo((): [number, number] => [unitRow, unitCol], [unitRow, unitCol]);
  const erfCost = axis ? effectiveReceptiveFieldCost(inputSize, layers, current + 1) : 0;
  const erfShown = geometry.issue === null && erfCost <= ERF_BUDGET;
  // Up to ERF_BUDGET multiply-adds (tens of milliseconds): worked out after the step is painted, not before.
  const erfResult = useAfterPaint(`${inputSize}|${JSON.stringify(layers)}|${unitRow},${unitCol}|${current + 1}|${erfShown}`, () =>
    erfShown ? effectiveReceptiveField(inputSize, layers, unit, current + 1) : null,
  );
  const erf = erfShown ? erfResult.value : null;

  const presetPicker = (
    <PresetSelect
      label={t('presets')}
      presets={RECEPTIVE_PRESETS.map((preset) => ({
        id: preset.id,
        label: quizOn ? withoutFieldSizes(t(`preset.${preset.id}` as Parameters<typeof t>[0])) : t(`preset.${preset.id}` as Parameters<typeof t>[0]),
        config: preset.config,
      }))}
      current={{ ...config, unit: null }}
      onSelect={(preset) => {
        update(preset);
        setStep(preset.layers.length - 1);
      }}
    />
  );

  if (geometry.issue !== null || !axis || !finalAxis) {
    return (
      <article className="panel" aria-labelledby="receptive-title">
        <header className="panel-header">
          <h1 id="receptive-title">{t('title')}</h1>
        </header>
        <p className="note" role="alert">
          {t('stackIssue', { n: inputSize, reason: geometry.issue?.message ?? '' })}
        </p>
        {presetPicker}
        <button type="button" onClick={() => resetPanel('receptive')}>
          {appT('error.reset')}
        </button>
      </article>
    );
  }

  const layer = layers[current] as StackLayer;
  const previous = current === 0 ? INPUT_RECEPTIVE_FIELD : (fields[current - 1] as ReceptiveFieldEntry);
  const step = receptiveFieldStep(previous.size, layer.kernel, layer.dilation, previous.jump);
  const n = current + 1;
  const strides = strideProductFormula(layers.slice(0, current).map((l) => l.stride));

  return (
    <article className="panel receptive-panel" aria-labelledby="receptive-title">
      <header className="panel-header">
        <h1 id="receptive-title">{t('title')}</h1>
        <p className="secondary">{t('intro')}</p>
      </header>
      <div className="panel-layout">
        <div className="stage">
          <StepPlayer length={layers.length} quiz={quiz} />
          <Narration
            text={t('narration', {
              layer: n,
              total: layers.length,
              kind: t(`kind.${layer.kind}`),
              k: layer.kernel,
              s: layer.stride,
              previous: formatNumber(previous.size),
              kp: axis.effectiveKernel,
              jump: formatNumber(previous.jump),
              size: formatNumber(step.value),
              nextJump: formatNumber(field.jump),
            })}
          />
          <StackDiagram
            axes={axes}
            fields={fields}
            current={current}
            currentUnit={unit[1]}
            finalUnit={finalUnit[1]}
            onSelectFinal={(col) => update({ unit: [finalUnit[0], col] })}
          />
          <section className="formulas" aria-label={t('formulaRf')} data-testid="receptive-formulas">
            <div className="formula-row">
              <span className="formula-label">{t('formulaRule')}</span>
              <Formula tex="RF_{l} = RF_{l-1} + (k'_{l} - 1)\cdot S_{l-1}" />
            </div>
            <div className="formula-row formula-current">
              <span className="formula-label">{t('formulaRf')}</span>
              <Formula tex={`RF_{${n}} = ${step.tex}`} />
            </div>
            <div className="formula-row">
              <span className="formula-label">{t('formulaJump')}</span>
              <Formula tex={`S_{${n - 1}} = ${strides.tex}`} />
            </div>
            <div className="formula-row">
              <span className="formula-label">{t('formulaK')}</span>
              <Formula tex={`k'_{${n}} = ${effectiveKernelFormula(layer.kernel, layer.dilation).tex}`} />
            </div>
            <div className="formula-row">
              <span className="formula-label">{t('formulaOut')}</span>
              <Formula tex={`n_{${n}} = ${outputSizeTex(layer, axis)}`} />
            </div>
            <p className="secondary formula-note">{t('notation')}</p>
          </section>
          <FieldViews
            inputSize={inputSize}
            padding={(axes[0] as AxisGeometry).padBefore}
            layer={n}
            entry={field}
            outputSize={axis.output}
            unit={unit}
            erf={erf}
            erfPending={erfResult.pending}
            erfCostMillions={Math.ceil(erfCost / 1e6)}
            hasMaxPool={layers.slice(0, n).some((l) => l.kind === 'max')}
          />
          <div className="table-and-chart">
            <LayerTable
              layers={layers.slice(0, shown)}
              axes={axes.slice(0, shown)}
              fields={fields.slice(0, shown)}
              inputSize={inputSize}
              current={current}
              onSelectLayer={setStep}
            />
            <GrowthChart fields={fields.slice(0, shown)} inputSize={inputSize} current={current} />
          </div>
          {!quizOn && <RulesDemo config={config} update={update} current={current} />}
          {!quizOn && <SameFieldComparison layers={layers} size={(fields[layers.length - 1] as ReceptiveFieldEntry).size} />}
        </div>
        <aside className="controls-column" aria-label={t('settings')}>
          {presetPicker}
          <LayerList config={config} update={update} current={current} selectLayer={setStep} />
          <LayerSettings config={config} update={update} current={current} />
          <InputAndUnit config={config} update={update} outputSize={finalAxis.output} unit={finalUnit} />
        </aside>
      </div>
    </article>
  );
}
