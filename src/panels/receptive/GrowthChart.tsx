// The receptive field's size layer by layer as a line chart (d3 scales, React SVG), with the input size for comparison.

import { scaleLinear } from 'd3-scale';
import { INPUT_RECEPTIVE_FIELD, type ReceptiveFieldEntry } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { formatNumber } from '../../ui/formatNumber.ts';
import { COLORS } from '../../ui/theme.ts';
import { RECEPTIVE_MESSAGES } from './messages.ts';

const WIDTH = 440;
const HEIGHT = 230;
const MARGIN = { left: 48, right: 16, top: 14, bottom: 34 };

export function GrowthChart({ fields, inputSize, current }: { fields: readonly ReceptiveFieldEntry[]; inputSize: number; current: number }) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const sizes = [INPUT_RECEPTIVE_FIELD, ...fields].map((entry) => entry.size);
  const last = sizes.length - 1;
  const x = scaleLinear()
    .domain([0, Math.max(last, 1)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(...sizes, inputSize)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = sizes.map((size, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(size)}`).join('');
  const xTicks = x.ticks(Math.min(last, 10)).filter((tick) => Number.isInteger(tick));
  return (
    <figure className="growth-figure">
      <figcaption className="grid-caption">{t('chartTitle')}</figcaption>
      <svg
        className="growth-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('chartLabel', { sizes: sizes.slice(1).map(formatNumber).join(', ') })}
        data-testid="growth-chart"
      >
        {y.ticks(5).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#e5e7eb" />
            <text x={MARGIN.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="central" className="chart-tick">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {xTicks.map((tick) => (
          <text key={tick} x={x(tick)} y={HEIGHT - MARGIN.bottom + 14} textAnchor="middle" className="chart-tick">
            {tick}
          </text>
        ))}
        <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 4} textAnchor="middle" className="chart-tick">
          {t('chartAxis')}
        </text>
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={y(inputSize)}
          y2={y(inputSize)}
          stroke={COLORS.linked}
          strokeDasharray="5 4"
          strokeWidth={1.5}
          data-testid="chart-input-line"
        />
        <text x={WIDTH - MARGIN.right} y={y(inputSize) - 5} textAnchor="end" className="chart-tick chart-input">
          {t('chartInput', { n: inputSize })}
        </text>
        <path d={path} fill="none" stroke={COLORS.output} strokeWidth={2.5} />
        {sizes.map((size, i) => (
          <circle
            key={i}
            cx={x(i)}
            cy={y(size)}
            r={i === current + 1 ? 6 : 3.5}
            fill={i === current + 1 ? COLORS.window : COLORS.output}
            stroke="#ffffff"
            strokeWidth={1}
            data-testid={i === current + 1 ? 'chart-current' : undefined}
          />
        ))}
      </svg>
    </figure>
  );
}
