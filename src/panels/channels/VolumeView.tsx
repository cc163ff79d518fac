// 3-D convolution: a volume drawn as a row of depth slices, a (d, h, w) kernel sliding in depth as well, its output volume and its size per axis.

import { useId, useMemo } from 'react';
import { clampStep, conv3dParameters, convOutputSizeNotes, type Conv3dFrame } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { useAppStore } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { Grid, PaddingHatch, cellKey, type HighlightKind } from '../../ui/Grid.tsx';
import { Narration } from '../../ui/Narration.tsx';
import { StepPlayer } from '../../ui/StepPlayer.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { CELL_SIZE, COLORS, maxAbsOf } from '../../ui/theme.ts';
import type { VolumeFields } from './channelsConfig.ts';
import { volumeTrace } from './channelsLayer.ts';
import { CHANNELS_MESSAGES } from './messages.ts';

const SLICE_CELL_PX = 32;

/** A slice's box is as wide as its cells, so the row of slices packs tightly and captions wrap inside it. */
function sliceWidth(cols: number, cellPx = SLICE_CELL_PX) {
  return { width: `${cols * cellPx + 12}px` };
}

/** The cells of input depth slice z that the current window covers. */
function windowInSlice(frame: Conv3dFrame, z: number): Map<string, HighlightKind> {
  const cells = new Map<string, HighlightKind>();
  for (const tap of frame.taps) if (tap.z === z) cells.set(cellKey(tap.y, tap.x), 'window');
  return cells;
}

/** A depth slice that lies wholly in the zero padding: hatched cells, with the window outlined when the kernel is on it. */
function DepthPaddingSlice({
  rows,
  cols,
  padTop,
  padLeft,
  window,
  label,
}: {
  rows: number;
  cols: number;
  padTop: number;
  padLeft: number;
  window: Map<string, HighlightKind>;
  label: string;
}) {
  const pattern = `${useId().replace(/:/g, '')}-pad`;
  const size = CELL_SIZE;
  return (
    <figure className="grid-figure">
      <figcaption className="grid-caption">{label}</figcaption>
      <svg
        className="grid-svg"
        role="img"
        aria-label={label}
        viewBox={`-2 -2 ${cols * size + 4} ${rows * size + 4}`}
        style={{ maxWidth: `${cols * SLICE_CELL_PX}px` }}
      >
        <defs>
          <PaddingHatch id={pattern} />
        </defs>
        {Array.from({ length: rows * cols }, (_, i) => {
          const y = Math.floor(i / cols);
          const x = i % cols;
          const inWindow = window.has(cellKey(y - padTop, x - padLeft));
          return (
            <rect
              key={i}
              x={x * size}
              y={y * size}
              width={size}
              height={size}
              fill={`url(#${pattern})`}
              stroke={inWindow ? COLORS.window : COLORS.grid}
              strokeWidth={inWindow ? 4 : 1}
              strokeDasharray={inWindow ? undefined : '4 3'}
            />
          );
        })}
      </svg>
    </figure>
  );
}

export function VolumeView({ config }: { config: VolumeFields }) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const trace = useMemo(() => volumeTrace(config), [config]);
  const rawStep = useAppStore((s) => s.step);
  const frame = trace.frame(clampStep(rawStep, trace.length));
  const [depth, height, width] = trace.plan.axes;
  const input = trace.input.data;
  const output = frame.output.data;
  const inputScale = maxAbsOf(input);
  const outputScale = maxAbsOf(trace.frame(trace.length - 1).output.data);
  const plane = height.input * width.input;
  const outPlane = height.output * width.output;
  const [cin, cout] = config.volumeChannels;
  const parameters = conv3dParameters(config.volumeKernel, cin, cout);
  const depths = Array.from({ length: depth.input + depth.padBefore + depth.padAfter }, (_, i) => i - depth.padBefore);
  const allKernel = new Map<string, HighlightKind>();
  for (let y = 0; y < height.kernel; y++) for (let x = 0; x < width.kernel; x++) allKernel.set(cellKey(y, x), 'window');
  const current = new Map<string, HighlightKind>([[cellKey(frame.outY, frame.outX), 'output']]);
  const sizeTex = (symbol: string, axis: typeof depth) => `${symbol} = ${(convOutputSizeNotes(axis) ?? { tex: '' }).tex}`;

  const narration = t('volume.narration', {
    z: frame.outZ,
    row: frame.outY,
    col: frame.outX,
    depths: frame.sliceDepths.map((z) => (z < 0 || z >= depth.input ? t('volume.paddingDepth', { z: formatNumber(z) }) : String(z))).join(', '),
    sums: frame.sliceSums.map(formatNumber).join(' + '),
    value: formatNumber(frame.value),
  });

  return (
    <section className="ch-view" aria-labelledby="ch-volume-title">
      <h2 id="ch-volume-title">{t('volume.title')}</h2>
      <p className="secondary">{t('volume.intro')}</p>
      <StepPlayer length={trace.length} />
      <Narration text={narration} />
      <h3 className="ch-subtitle">{t('volume.input', { d: depth.input, h: height.input, w: width.input })}</h3>
      <div className="grids ch-slices" data-testid="volume-input-row">
        {depths.map((z) => {
          const k = frame.sliceDepths.indexOf(z);
          const under = k >= 0;
          const label = under ? t('volume.sliceUnder', { z: formatNumber(z), k }) : t('volume.slice', { z: formatNumber(z) });
          const window = windowInSlice(frame, z);
          const padded = z < 0 || z >= depth.input;
          return (
            <div
              key={z}
              className={`ch-slice${under ? ' is-under-kernel' : ''}`}
              style={sliceWidth(width.input + width.padBefore + width.padAfter)}
              data-testid={`volume-slice-${z}`}
              data-under={under ? k : undefined}
            >
              {padded ? (
                <DepthPaddingSlice
                  rows={height.input + 2 * height.padBefore}
                  cols={width.input + 2 * width.padBefore}
                  padTop={height.padBefore}
                  padLeft={width.padBefore}
                  window={window}
                  label={`${label} · ${t('volume.zeroSlice')}`}
                />
              ) : (
                <Grid
                  label={label}
                  rows={height.input}
                  cols={width.input}
                  valueAt={(y, x) => input[z * plane + y * width.input + x] ?? 0}
                  padding={{ top: height.padBefore, bottom: height.padAfter, left: width.padBefore, right: width.padAfter, valueAt: () => 0 }}
                  highlights={window}
                  scaleMax={inputScale}
                  showLegend={false}
                  maxCellPx={SLICE_CELL_PX}
                  testId={`volume-grid-${z}`}
                />
              )}
            </div>
          );
        })}
      </div>
      <h3 className="ch-subtitle">{t('volume.kernel', { d: depth.kernel, h: height.kernel, w: width.kernel })}</h3>
      <div className="grids ch-slices" data-testid="volume-kernel-row">
        {Array.from({ length: depth.kernel }, (_, k) => (
          <div key={k} className="ch-slice is-under-kernel" style={sliceWidth(Math.max(width.kernel, 3))}>
            <Grid
              label={t('volume.kernelSlice', { k, z: formatNumber(frame.sliceDepths[k] ?? 0) })}
              rows={height.kernel}
              cols={width.kernel}
              valueAt={() => 1}
              highlights={allKernel}
              showLegend={false}
              maxCellPx={SLICE_CELL_PX}
              testId={`volume-kernel-${k}`}
            />
          </div>
        ))}
      </div>
      <h3 className="ch-subtitle">{t('volume.output', { d: depth.output, h: height.output, w: width.output })}</h3>
      <div className="grids ch-slices" data-testid="volume-output-row">
        {Array.from({ length: depth.output }, (_, z) => (
          <div
            key={z}
            className={`ch-slice${z === frame.outZ ? ' is-current' : ''}`}
            style={sliceWidth(Math.max(width.output, 3), SLICE_CELL_PX + 6)}
          >
            <Grid
              label={t('volume.outputSlice', { z })}
              rows={height.output}
              cols={width.output}
              valueAt={(y, x) => output[z * outPlane + y * width.output + x] ?? 0}
              pending={(y, x) => z * outPlane + y * width.output + x > frame.step}
              highlights={z === frame.outZ ? current : undefined}
              scaleMax={outputScale}
              showLegend={false}
              maxCellPx={SLICE_CELL_PX + 6}
              testId={`volume-output-${z}`}
            />
          </div>
        ))}
      </div>
      <section className="formulas" aria-label={t('volume.sizeLabel')}>
        <div className="formula-row">
          <span className="formula-label">{t('volume.sizeLabel')}</span>
          <span className="formula-lines">
            <Formula tex={sizeTex('d_{out}', depth)} />
            <Formula tex={sizeTex('h_{out}', height)} />
            <Formula tex={sizeTex('w_{out}', width)} />
          </span>
        </div>
        <div className="formula-row" data-testid="volume-parameters">
          <span className="formula-label">{t('volume.parameters')}</span>
          <Formula tex={parameters.tex} />
        </div>
        <p className="secondary">{t('volume.parametersNote', { cin, cout })}</p>
      </section>
      <p className="note">{t('volume.mri')}</p>
      <p className="secondary">{t('volume.versus2d')}</p>
    </section>
  );
}
