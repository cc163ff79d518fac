// The wiring of a grouped convolution as a small bipartite drawing: input channels above, output channels below, one line per kernel slice.

import { groupLinks } from '../../engine/index.ts';
import { GROUP_COLORS } from '../../ui/theme.ts';

export interface GroupWiringProps {
  inChannels: number;
  outChannels: number;
  groups: number;
  /** Accessible description of the drawing. */
  label: string;
  inLabel: string;
  outLabel: string;
}

const GAP = 46;
const TOP = 34;
const BOTTOM = 130;
const RADIUS = 13;

export function GroupWiring({ inChannels, outChannels, groups, label, inLabel, outLabel }: GroupWiringProps) {
  const links = groupLinks(inChannels, outChannels, groups);
  const count = Math.max(inChannels, outChannels);
  const width = count * GAP + 70;
  // Each row is centred, so a row with fewer nodes sits in the middle.
  const xOf = (i: number, n: number) => 70 + (count - n) * (GAP / 2) + i * GAP + GAP / 2;
  const color = (group: number) => GROUP_COLORS[group % GROUP_COLORS.length] as string;
  const inGroup = (i: number) => links.find((link) => link.inChannel === i)?.group ?? 0;
  const outGroup = (o: number) => links.find((link) => link.outChannel === o)?.group ?? 0;
  return (
    <svg
      className="ch-wiring"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${BOTTOM + 26}`}
      style={{ maxWidth: `${width * 1.4}px` }}
      data-testid="ch-wiring"
    >
      <text x={4} y={TOP + 4} className="ch-wiring-side">
        {inLabel}
      </text>
      <text x={4} y={BOTTOM + 4} className="ch-wiring-side">
        {outLabel}
      </text>
      {links.map((link) => (
        <line
          key={`${link.inChannel}-${link.outChannel}`}
          x1={xOf(link.inChannel, inChannels)}
          y1={TOP + RADIUS}
          x2={xOf(link.outChannel, outChannels)}
          y2={BOTTOM - RADIUS}
          stroke={color(link.group)}
          strokeWidth={2.5}
          data-link={`${link.inChannel}-${link.outChannel}`}
        />
      ))}
      {Array.from({ length: inChannels }, (_, i) => (
        <g key={`in${i}`}>
          <circle cx={xOf(i, inChannels)} cy={TOP} r={RADIUS} fill="#ffffff" stroke={color(inGroup(i))} strokeWidth={3} />
          <text x={xOf(i, inChannels)} y={TOP} dominantBaseline="central" textAnchor="middle" className="ch-wiring-node">
            {i}
          </text>
        </g>
      ))}
      {Array.from({ length: outChannels }, (_, o) => (
        <g key={`out${o}`}>
          <circle cx={xOf(o, outChannels)} cy={BOTTOM} r={RADIUS} fill="#ffffff" stroke={color(outGroup(o))} strokeWidth={3} />
          <text x={xOf(o, outChannels)} y={BOTTOM} dominantBaseline="central" textAnchor="middle" className="ch-wiring-node">
            {o}
          </text>
        </g>
      ))}
    </svg>
  );
}
