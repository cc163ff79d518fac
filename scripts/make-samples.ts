// Draws the Image kernels panel's sample pictures (made for ConvScope, no outside sources) into public/samples/ as PNGs.
// Run: npx tsx scripts/make-samples.ts   (deterministic: the same files every time)

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png.ts';

type Rgb = readonly [number, number, number];
/** A picture as a function of a point (x, y) in pixel units; pixels average 4×4 points, so edges come out anti-aliased. */
type Scene = (x: number, y: number) => Rgb;

const OUT = join(import.meta.dirname, '..', 'public', 'samples');
const SUPERSAMPLE = 4;

function hex(color: string): Rgb {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function render(width: number, height: number, scene: Scene): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const color = scene(x + (sx + 0.5) / SUPERSAMPLE, y + (sy + 0.5) / SUPERSAMPLE);
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] as number) + (color[c] as number);
        }
      }
      for (let c = 0; c < 3; c++) pixels[(y * width + x) * 3 + c] = Math.round((sum[c] as number) / SUPERSAMPLE ** 2);
    }
  }
  return pixels;
}

/** Distance from point p to segment ab. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideTriangle(px: number, py: number, [a, b, c]: readonly (readonly [number, number])[]): boolean {
  const side = (p: readonly [number, number], q: readonly [number, number]) => (q[0] - p[0]) * (py - p[1]) - (q[1] - p[1]) * (px - p[0]);
  const d1 = side(a as [number, number], b as [number, number]);
  const d2 = side(b as [number, number], c as [number, number]);
  const d3 = side(c as [number, number], a as [number, number]);
  return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
}

/** Shapes: a disc, a square, a triangle, a ring and a dark bar on a soft background: edges in every direction, flat insides. */
function shapes(): Scene {
  const top = hex('#dfe7f0');
  const bottom = hex('#efe4d2');
  const triangle = [
    [130, 180],
    [232, 180],
    [181, 100],
  ] as const;
  return (x, y) => {
    if (Math.hypot(x - 65, y - 75) < 45) return hex('#d94841');
    if (x >= 118 && x < 180 && y >= 22 && y < 84) return hex('#2f6fb5');
    const ring = Math.hypot(x - 222, y - 52);
    if (ring < 26 && ring > 14) return hex('#f2c12e');
    if (insideTriangle(x, y, triangle)) return hex('#3c9a5f');
    if (x >= 18 && x < 112 && y >= 150 && y < 166) return hex('#2b2f3a');
    return mix(top, bottom, y / 192);
  };
}

/** A checkerboard of 16-pixel squares: the sharpest horizontal and vertical edges, and corners where they meet. */
function checker(): Scene {
  return (x, y) => ((Math.floor(x / 16) + Math.floor(y / 16)) % 2 === 0 ? [236, 236, 236] : [28, 28, 28]);
}

function hsv(h: number, s: number, v: number): Rgb {
  const f = (n: number) => {
    const k = (n + h / 60) % 6;
    return v - v * s * Math.max(0, Math.min(k, 4 - k, 1));
  };
  return [f(5) * 255, f(3) * 255, f(1) * 255];
}

/** A smooth colour gradient: hue across, brightness down. Edge detectors give almost nothing here, blurs change nothing. */
function gradient(): Scene {
  return (x, y) => hsv((x / 256) * 330, 0.7, 0.95 - (y / 128) * 0.6);
}

/** Text-like strokes: the letters C O N V drawn with a pen 9 pixels wide, dark ink on paper. */
function strokes(): Scene {
  const ink = hex('#1d2433');
  const paper = hex('#f6f1e4');
  const pen = 4.5;
  const segments: [number, number, number, number][] = [
    // N
    [146, 28, 146, 100],
    [146, 28, 186, 100],
    [186, 28, 186, 100],
    // V
    [200, 28, 222, 100],
    [222, 100, 244, 28],
  ];
  return (x, y) => {
    // C: a ring open on the right (angles within ±45° of the +x axis are left out).
    const c = Math.hypot(x - 40, y - 64);
    const cAngle = Math.abs(Math.atan2(y - 64, x - 40));
    if (Math.abs(c - 28) < pen && cAngle > Math.PI / 4) return ink;
    if (Math.abs(Math.hypot(x - 102, y - 64) - 28) < pen) return ink;
    for (const [ax, ay, bx, by] of segments) if (segmentDistance(x, y, ax, ay, bx, by) < pen) return ink;
    // A ruled line under the word, as on lined paper.
    if (y >= 112 && y < 114) return hex('#9fb3d1');
    return paper;
  };
}

const SAMPLES: { id: string; width: number; height: number; scene: Scene }[] = [
  { id: 'shapes', width: 256, height: 192, scene: shapes() },
  { id: 'checker', width: 128, height: 128, scene: checker() },
  { id: 'gradient', width: 256, height: 128, scene: gradient() },
  { id: 'strokes', width: 256, height: 128, scene: strokes() },
];

mkdirSync(OUT, { recursive: true });
for (const { id, width, height, scene } of SAMPLES) {
  const file = encodePng(width, height, render(width, height, scene));
  writeFileSync(join(OUT, `${id}.png`), file);
  console.log(`public/samples/${id}.png  ${width}×${height}  ${(file.length / 1024).toFixed(1)} kB`);
}
