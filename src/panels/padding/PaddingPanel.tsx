// The Padding panel: per-side padding, the valid/same/full presets, padding modes, and the output-size formula with the numbers.

import { useMemo } from 'react';
import { convOutputSizeGeneral, convOutputSizeNotes, type AxisGeometry } from '../../engine/index.ts';
import { usePanelConfig } from '../../state/usePanelConfig.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { ConvStage } from '../../ui/ConvStage.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { Formula } from '../../ui/Formula.tsx';
import { convLabTrace } from '../convLab/convLabTrace.ts';
import {
  ConvLabPresetSelect,
  DilationControl,
  PaddingControls,
  PaddingModeControl,
  SizeControls,
  StrideControl,
} from '../convLab/ConvLabControls.tsx';
import { CONV_LAB_MESSAGES } from '../convLab/messages.ts';
import { PADDING_PRESETS } from './paddingConfig.ts';
import { PADDING_MESSAGES } from './messages.ts';

function axisTex(symbol: string, axis: AxisGeometry) {
  return `${symbol} = ${convOutputSizeGeneral(axis).tex}`;
}

export default function PaddingPanel() {
  const t = usePanelT(PADDING_MESSAGES);
  const lt = usePanelT(CONV_LAB_MESSAGES);
  const { config, update } = usePanelConfig('padding');
  const trace = useMemo(() => convLabTrace(config), [config]);
  const { height, width } = trace.plan.geometry;
  const notesH = convOutputSizeNotes(height);
  const notesW = convOutputSizeNotes(width);
  const dilated = height.dilation > 1 || width.dilation > 1;
  const evenKernels = [height, width].filter((axis) => axis.kernel % 2 === 0 && axis.padBefore !== axis.padAfter);

  return (
    <PanelFrame
      id="padding"
      title={t('title')}
      intro={t('intro')}
      controlsLabel={lt('settings')}
      controls={
        <>
          <ConvLabPresetSelect
            presets={PADDING_PRESETS}
            labelOf={(id) => t(`preset.${id}` as Parameters<typeof t>[0])}
            config={config}
            update={update}
          />
          <PaddingControls config={config} update={update} />
          <PaddingModeControl config={config} update={update} />
          <div className="secondary-controls panel-controls">
            <StrideControl config={config} update={update} />
            <DilationControl config={config} update={update} />
            <SizeControls config={config} update={update} />
          </div>
        </>
      }
    >
      <ConvStage trace={trace}>
        <p className="note secondary">{config.paddingMode === 'zeros' ? t('zerosNote') : t('modeNote', { mode: config.paddingMode })}</p>
        {evenKernels.length > 0 && <p className="note">{t('evenKernel', { k: `${height.kernel}×${width.kernel}` })}</p>}
      </ConvStage>
      <section className="formulas" aria-label={lt('outputSize')}>
        <div className="formula-row">
          <span className="formula-label">{t('general')}</span>
          <Formula tex={axisTex('h_{out}', height)} />
          <Formula tex={axisTex('w_{out}', width)} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{dilated ? t('notesFormDilated') : t('notesForm')}</span>
          {notesH && <Formula tex={`h_{out} = ${notesH.tex}`} />}
          {notesW && <Formula tex={`w_{out} = ${notesW.tex}`} />}
          {(!notesH || !notesW) && <span className="secondary">{t('notesNotApplicable')}</span>}
        </div>
      </section>
    </PanelFrame>
  );
}
