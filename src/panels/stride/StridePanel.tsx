// The Stride panel: separate height/width strides, the windows visited and the cells the floor leaves unread, both notations.

import { useMemo } from 'react';
import { axisCoverage, convOutputSizeGeneral, convOutputSizeNotes, convOutputSizeTotalPadding } from '../../engine/index.ts';
import { usePanelConfig } from '../../state/usePanelConfig.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { ConvStage } from '../../ui/ConvStage.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { Formula } from '../../ui/Formula.tsx';
import { PairControl } from '../../ui/NumberControl.tsx';
import { CONV_LAB_LIMITS } from '../convLab/convLabConfig.ts';
import { convLabTrace } from '../convLab/convLabTrace.ts';
import { ConvLabPresetSelect, SizeControls, StrideControl } from '../convLab/ConvLabControls.tsx';
import { CONV_LAB_MESSAGES } from '../convLab/messages.ts';
import { STRIDE_PRESETS } from './strideConfig.ts';
import { STRIDE_MESSAGES } from './messages.ts';

export default function StridePanel() {
  const t = usePanelT(STRIDE_MESSAGES);
  const lt = usePanelT(CONV_LAB_MESSAGES);
  const { config, update } = usePanelConfig('stride');
  const trace = useMemo(() => convLabTrace(config), [config]);
  const { height, width } = trace.plan.geometry;
  const unread = [axisCoverage(height), axisCoverage(width)].some((axis) => axis.read.some((read) => !read));
  // The notes' per-side form needs equal padding on both sides; a link may set them unequal, then PyTorch's general form stands in.
  const notesH = convOutputSizeNotes(height, { showFloor: true }) ?? convOutputSizeGeneral(height);
  const notesW = convOutputSizeNotes(width, { showFloor: true }) ?? convOutputSizeGeneral(width);
  const max = CONV_LAB_LIMITS.padding;

  return (
    <PanelFrame
      id="stride"
      title={t('title')}
      intro={t('intro')}
      controlsLabel={lt('settings')}
      controls={
        <>
          <ConvLabPresetSelect
            presets={STRIDE_PRESETS}
            labelOf={(id) => t(`preset.${id}` as Parameters<typeof t>[0])}
            config={config}
            update={update}
          />
          <StrideControl config={config} update={update} />
          <PairControl
            label={t('paddingPerAxis')}
            value={[config.padding[0], config.padding[2]]}
            min={0}
            max={[max, max]}
            onChange={([ph, pw], intent) => update({ padding: [ph, ph, pw, pw] }, intent)}
            testId="padding-pair"
          />
          <div className="secondary-controls panel-controls">
            <SizeControls config={config} update={update} />
          </div>
        </>
      }
    >
      <ConvStage trace={trace} showUnread>
        <p className="note">{unread ? t('unreadNote') : t('allRead')}</p>
        <p className="secondary">{t('visited', { rows: height.output, cols: width.output })}</p>
      </ConvStage>
      <section className="formulas" aria-label={lt('outputSize')}>
        <div className="formula-row">
          <span className="formula-label">{t('perSide')}</span>
          <Formula tex={`h_{out} = ${notesH.tex}`} />
          <Formula tex={`w_{out} = ${notesW.tex}`} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('totalPadding')}</span>
          <Formula tex={`h_{out} = ${convOutputSizeTotalPadding(height, { showFloor: true }).tex}`} />
          <Formula tex={`w_{out} = ${convOutputSizeTotalPadding(width, { showFloor: true }).tex}`} />
        </div>
        <p className="secondary">{t('notationNote')}</p>
      </section>
    </PanelFrame>
  );
}
