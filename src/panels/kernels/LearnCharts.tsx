// Charts of a learning run, drawn by React in SVG over d3 scales: the loss per step (log scale) and each weight's path to its target.

import { useId, useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { schemeTableau10 } from 'd3-scale-chromatic';
import { formatNumber } from '../../ui/formatNumber.ts';
import { COLORS } from '../../ui/theme.ts';

const WIDTH = 520;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 38, left: 62 };
/** Width a weight's label needs beside its point ("w0,1" at 14 px). */
const LABEL_ROOM = 48;
/** Losses below this are drawn at it: a log scale has no zero. */
const LOSS_FLOOR = 1e-10;

function linePath(points: readonly [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

/**
 * Clips a chart's paths to the steps taken so far. The paths are drawn whole once per run, and a step only moves this clip's
 * edge: rebuilding 49 paths of up to 200 points on every step cost more than the rest of the step together.
 */
function StepsSoFarClip({ id, right }: { id: string; right: number }) {
  return (
    <clipPath id={id}>
      {/* Half the widest stroke (3) past the current point, so the line meets the marker drawn over the current point. */}
      <rect x={0} y={0} width={right + 1.5} height={HEIGHT} />
    </clipPath>
  );
}

/** 10^k written as a student reads it: 1, 0.01, 1e−6. */
function powerLabel(value: number): string {
  const exponent = Math.round(Math.log10(value));
  if (exponent >= -3 && exponent <= 4) return formatNumber(10 ** exponent);
  return `1e${exponent}`.replace('-', '\u2212');
}

function StepAxis({ x, last, label }: { x: (step: number) => number; last: number; label: string }) {
  const ticks = scaleLinear().domain([0, last]).ticks(Math.min(last, 8)).filter(Number.isInteger);
  return (
    <g className="chart-axis">
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} stroke={COLORS.grid} />
      {ticks.map((tick) => (
        <text key={tick} x={x(tick)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" fontSize={14} fill={COLORS.text}>
          {tick}
        </text>
      ))}
      <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 4} textAnchor="middle" fontSize={14} fill={COLORS.text}>
        {label}
      </text>
    </g>
  );
}

export interface LossCurveProps {
  losses: readonly number[];
  step: number;
  /** Points to mark with hollow circles (the notes' printout): the step they belong to and the loss printed. */
  reference?: readonly { step: number; loss: number }[];
  label: string;
  stepLabel: string;
  lossLabel: string;
  referenceLabel?: string;
}

export function LossCurve({ losses, step, reference = [], label, stepLabel, lossLabel, referenceLabel }: LossCurveProps) {
  const clipId = `${useId().replace(/:/g, '')}-loss`;
  const last = Math.max(losses.length - 1, 1);
  const shown = losses.map((l) => Math.max(l, LOSS_FLOOR));
  const all = [...shown, ...reference.map((r) => r.loss)];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const x = scaleLinear()
    .domain([0, last])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLog()
    .domain([low / 2, high * 2])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const decades = y.ticks().filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  const every = Math.ceil(decades.length / 6);
  const points = shown.map((l, i): [number, number] => [x(i), y(l)]);
  const path = linePath(points);
  const current = points[Math.min(step, points.length - 1)];
  return (
    <figure className="kernels-chart" data-testid="loss-curve">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="kernels-chart-svg">
        {decades
          .filter((_, i) => i % every === 0)
          .map((tick) => (
            <g key={tick}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#e5e7eb" />
              <text x={MARGIN.left - 6} y={y(tick)} dominantBaseline="central" textAnchor="end" fontSize={14} fill={COLORS.text}>
                {powerLabel(tick)}
              </text>
            </g>
          ))}
        <text
          x={12}
          y={(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}
          transform={`rotate(-90 12 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2})`}
          textAnchor="middle"
          fontSize={14}
          fill={COLORS.text}
        >
          {lossLabel}
        </text>
        <StepAxis x={x} last={last} label={stepLabel} />
        <StepsSoFarClip id={clipId} right={x(Math.min(step, last))} />
        <path d={path} fill="none" stroke="#c7cbd4" strokeWidth={2} />
        <path d={path} fill="none" stroke={COLORS.output} strokeWidth={3} clipPath={`url(#${clipId})`} />
        {reference.map((r) => (
          <circle key={r.step} cx={x(r.step)} cy={y(r.loss)} r={6} fill="none" stroke={COLORS.window} strokeWidth={2.5} />
        ))}
        {current && <circle cx={current[0]} cy={current[1]} r={5} fill={COLORS.output} />}
      </svg>
      {referenceLabel && reference.length > 0 && (
        <figcaption className="secondary kernels-chart-key">
          <span className="kernels-key-ring" aria-hidden="true" /> {referenceLabel}
        </figcaption>
      )}
    </figure>
  );
}

export interface WeightPathsProps {
  /** Each kernel of the run, flat, step by step. */
  kernels: readonly Float32Array[];
  target: Float32Array;
  step: number;
  cols: number;
  label: string;
  stepLabel: string;
  valueLabel: string;
}

/** One line per weight from its random start to its current value, with the target value dashed. */
export function WeightPaths({ kernels, target, step, cols, label, stepLabel, valueLabel }: WeightPathsProps) {
  const clipId = `${useId().replace(/:/g, '')}-weights`;
  const { last, x, y, paths } = useMemo(() => {
    const last = Math.max(kernels.length - 1, 1);
    let low = 0;
    let high = 0;
    for (const k of kernels) for (const v of k) [low, high] = [Math.min(low, v), Math.max(high, v)];
    for (const v of target) [low, high] = [Math.min(low, v), Math.max(high, v)];
    const x = scaleLinear()
      .domain([0, last])
      .range([MARGIN.left, WIDTH - MARGIN.right]);
    const y = scaleLinear()
      .domain([low, high])
      .nice()
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const paths = Array.from(target, (_, i) => linePath(kernels.map((k, s): [number, number] => [x(s), y(k[i] ?? 0)])));
    return { last, x, y, paths };
  }, [kernels, target]);
  const current = kernels[Math.min(step, kernels.length - 1)];
  return (
    <figure className="kernels-chart" data-testid="weight-paths">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="kernels-chart-svg">
        {y.ticks(5).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? '#9ca3af' : '#e5e7eb'} />
            <text x={MARGIN.left - 6} y={y(tick)} dominantBaseline="central" textAnchor="end" fontSize={14} fill={COLORS.text}>
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        <text
          x={12}
          y={(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}
          transform={`rotate(-90 12 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2})`}
          textAnchor="middle"
          fontSize={14}
          fill={COLORS.text}
        >
          {valueLabel}
        </text>
        <StepAxis x={x} last={last} label={stepLabel} />
        <StepsSoFarClip id={clipId} right={x(Math.min(step, last))} />
        {Array.from(target, (goal, i) => {
          const color = schemeTableau10[i % schemeTableau10.length] as string;
          const end: [number, number] | undefined = current ? [x(Math.min(step, last)), y(current[i] ?? 0)] : undefined;
          // The label sits left of the point, except near the start, where it would cover the value axis's numbers.
          const labelAfter = end !== undefined && end[0] < MARGIN.left + LABEL_ROOM;
          return (
            <g key={i}>
              <line
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={y(goal)}
                y2={y(goal)}
                stroke={color}
                strokeDasharray="5 4"
                strokeWidth={1.5}
                opacity={0.8}
              />
              <path d={paths[i]} fill="none" stroke={color} strokeWidth={2.5} clipPath={`url(#${clipId})`} />
              {end && <circle cx={end[0]} cy={end[1]} r={4} fill={color} />}
              {target.length <= 4 && end && (
                <text x={labelAfter ? end[0] + 6 : end[0] - 6} y={end[1] - 8} textAnchor={labelAfter ? 'start' : 'end'} fontSize={14} fill={color}>
                  {`w${Math.floor(i / cols)},${i % cols}`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
