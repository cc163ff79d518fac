// Several input channels: each channel ⋆ its own kernel slice gives a partial map; the partial maps are summed, plus the bias, step by step.

import { useMemo } from 'react';
import { channelPartials, channelSumPerChannel, channelSumTex, clampStep, type ConvFrame, type ConvTrace } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useAppStore } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid, cellKey, type HighlightKind } from '../../ui/Grid.tsx';
import { Narration } from '../../ui/Narration.tsx';
import { StepPlayer } from '../../ui/StepPlayer.tsx';
import { formatFactor, formatNumber } from '../../ui/formatNumber.ts';
import { maxAbsOf } from '../../ui/theme.ts';
import { layerTrace, type LayerTensors } from './channelsLayer.ts';
import { CHANNELS_MESSAGES } from './messages.ts';

/** Products of one input channel's taps in the frame, for the written-out sums. */
export function channelProducts(frame: ConvFrame, channel: number) {
  return frame.taps.filter((tap) => tap.channel === channel).map((tap) => ({ a: tap.inputValue, b: tap.weightValue }));
}

/** The window of one channel in a frame: highlighted input cells and their "×w" annotations. */
export function windowOf(frame: ConvFrame, channel: number) {
  const highlights = new Map<string, HighlightKind>();
  const annotations = new Map<string, string>();
  for (const tap of frame.taps) {
    if (tap.channel !== channel) continue;
    highlights.set(cellKey(tap.y, tap.x), 'window');
    annotations.set(cellKey(tap.y, tap.x), `×${formatNumber(tap.weightValue)}`);
  }
  return { highlights, annotations };
}

export function useLayerFrame(trace: ConvTrace) {
  const rawStep = useAppStore((s) => s.step);
  return trace.frame(clampStep(rawStep, trace.length));
}

export function InputChannelsView({ layer }: { layer: LayerTensors }) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const trace = useMemo(() => layerTrace(layer), [layer]);
  const split = useMemo(() => channelPartials(layer.input, layer.weight, { bias: layer.bias, groups: layer.groups }), [layer]);
  const frame = useLayerFrame(trace);
  const { height, width } = trace.plan.geometry;
  const [, inH, inW] = layer.input.shape as [number, number, number];
  const [, , kH, kW] = layer.weight.shape as [number, number, number, number];
  const cell = frame.outY * width.output + frame.outX;
  const plane = height.output * width.output;
  const parts = split.partials[frame.outChannel] ?? [];
  const current = new Map<string, HighlightKind>([[cellKey(frame.outY, frame.outX), 'output']]);
  const later = (y: number, x: number) => y * width.output + x > cell;
  const allKernel = new Map<string, HighlightKind>();
  for (let y = 0; y < kH; y++) for (let x = 0; x < kW; x++) allKernel.set(cellKey(y, x), 'window');
  const inputScale = maxAbsOf(layer.input.data);
  const partialScale = maxAbsOf(parts.flatMap((part) => Array.from(part.map.data)));
  const output = frame.output.data;

  const partValues = parts.map((part) => t('inputs.part', { c: part.inChannel, value: formatNumber(part.map.data[cell] ?? 0) })).join(t('separator'));
  const narration = t(frame.bias !== 0 ? 'inputs.narrationBias' : 'inputs.narration', {
    o: frame.outChannel,
    row: frame.outY,
    col: frame.outX,
    parts: partValues,
    bias: formatFactor(frame.bias),
    value: formatNumber(frame.value),
  });
  const products = parts.map((part) => channelProducts(frame, part.inChannel));
  const writtenPerChannel = channelSumPerChannel(products);
  const sumTex = `y_{${frame.outChannel},${frame.outY},${frame.outX}} = ${channelSumTex(products, frame.bias, frame.value)}`;

  return (
    <section className="ch-view" aria-labelledby="ch-inputs-title">
      <h2 id="ch-inputs-title">{t('inputs.title')}</h2>
      <p className="secondary">{t('inputs.intro')}</p>
      <StepPlayer length={trace.length} />
      <Narration text={narration} />
      <div className="ch-rows">
        {parts.map((part) => {
          const window = windowOf(frame, part.inChannel);
          return (
            <div className="grids ch-row" key={part.inChannel} data-testid={`ch-row-${part.inChannel}`}>
              <Grid
                label={t('grid.inputChannel', { c: part.inChannel })}
                rows={inH}
                cols={inW}
                valueAt={(y, x) => layer.input.data[(part.inChannel * inH + y) * inW + x] ?? 0}
                highlights={window.highlights}
                annotations={window.annotations}
                scaleMax={inputScale}
                showLegend={false}
                testId={`ch-input-${part.inChannel}`}
              />
              <span className="grid-operator" aria-hidden="true">
                ⋆
              </span>
              <Grid
                label={t('grid.kernelSlice', { o: frame.outChannel, c: part.groupInChannel })}
                rows={kH}
                cols={kW}
                valueAt={(y, x) => layer.weight.data[((frame.outChannel * parts.length + part.groupInChannel) * kH + y) * kW + x] ?? 0}
                highlights={allKernel}
                showLegend={false}
                testId={`ch-kernel-${part.inChannel}`}
              />
              <span className="grid-operator" aria-hidden="true">
                =
              </span>
              <Grid
                label={t('grid.partial', { c: part.inChannel })}
                rows={height.output}
                cols={width.output}
                valueAt={(y, x) => part.map.data[y * width.output + x] ?? 0}
                pending={later}
                highlights={current}
                scaleMax={partialScale}
                showLegend={false}
                testId={`ch-partial-${part.inChannel}`}
              />
            </div>
          );
        })}
      </div>
      <div className="grids ch-sum">
        <span className="ch-sum-sign" aria-hidden="true">
          Σ{frame.bias !== 0 ? ' + b' : ''} =
        </span>
        <Grid
          label={t('grid.outputChannel', { o: frame.outChannel })}
          rows={height.output}
          cols={width.output}
          valueAt={(y, x) => output[frame.outChannel * plane + y * width.output + x] ?? 0}
          pending={later}
          highlights={current}
          testId="ch-output"
        />
      </div>
      <section className="formulas" aria-label={t('sumFormula')}>
        <div className="formula-row">
          <span className="formula-label">{t('sumFormula')}</span>
          <Formula tex="y_{o,r,c} = \sum_{c_{in}} \sum_{i}\sum_{j} x_{c_{in}}(r+i,\,c+j)\,w_{o,c_{in}}(i,j) + b_o" />
        </div>
        <div className="formula-row formula-current">
          <Formula tex={sumTex} />
        </div>
        {writtenPerChannel !== null && <p className="secondary">{t('inputs.perChannelSum', { n: writtenPerChannel })}</p>}
      </section>
    </section>
  );
}
