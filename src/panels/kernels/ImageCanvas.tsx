// ImageCanvas: a picture or feature map drawn on a <canvas> from RGBA bytes, with the lens's marks over it and pointer/tap picking.

import { memo, useEffect, useRef } from 'react';
import { COLORS } from '../../ui/theme.ts';

export interface CanvasMark {
  y: number;
  x: number;
  /** window: a tap of the lens's window; output: the lens's output pixel. */
  kind: 'window' | 'output';
}

export interface ImageCanvasProps {
  label: string;
  /** Caption detail, e.g. "256×192". */
  detail?: string;
  width: number;
  height: number;
  pixels: Uint8ClampedArray<ArrayBuffer> | null;
  marks?: readonly CanvasMark[];
  /** Called with the pixel under the pointer (hover, or tap on a touch screen). */
  onPixel?: (pixel: { y: number; x: number }) => void;
  testId?: string;
  /** True while a newer result is being computed (marked with a data attribute; a visual change would repaint the whole canvas). */
  stale?: boolean;
}

function ImageCanvasImpl({ label, detail, width, height, pixels, marks, onPixel, testId, stale = false }: ImageCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !pixels || pixels.length !== width * height * 4) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.putImageData(new ImageData(pixels, width, height), 0, 0);
    // A performance mark per new picture on screen, for measuring how often the output refreshes during a drag
    // (scripts/measure-kernels-browser.ts); only the latest is kept in the buffer.
    if (testId) {
      performance.clearMarks(`convscope:${testId}`);
      performance.mark(`convscope:${testId}`);
    }
  }, [pixels, width, height, testId]);

  const pick = (event: React.PointerEvent<HTMLElement>) => {
    if (!onPixel) return;
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    const x = Math.floor(((event.clientX - rect.left) / rect.width) * width);
    const y = Math.floor(((event.clientY - rect.top) / rect.height) * height);
    if (x >= 0 && x < width && y >= 0 && y < height) onPixel({ y, x });
  };

  // Marks keep a visible size on large pictures: at least ~1.2% of the longer side.
  const minMark = Math.max(width, height) * 0.012;
  return (
    <figure className="kernels-canvas-figure" data-stale={stale || undefined} data-testid={testId}>
      <figcaption className="grid-caption">
        {label} {detail && <span className="grid-shape">{detail}</span>}
      </figcaption>
      <div className="kernels-canvas-frame" onPointerMove={pick} onPointerDown={pick} style={{ aspectRatio: `${width} / ${height}` }}>
        <canvas
          ref={canvasRef}
          width={width}
          height={height}
          role="img"
          aria-label={`${label}${detail ? `, ${detail}` : ''}`}
          className="kernels-canvas"
        />
        {marks && marks.length > 0 && (
          <svg className="kernels-canvas-marks" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
            {marks.map((mark, index) => {
              const size = Math.max(1, minMark);
              const offset = (size - 1) / 2;
              return (
                <rect
                  key={index}
                  x={mark.x - offset}
                  y={mark.y - offset}
                  width={size}
                  height={size}
                  fill="none"
                  stroke={mark.kind === 'output' ? COLORS.output : COLORS.window}
                  strokeWidth={mark.kind === 'output' ? 3 : 2}
                  vectorEffect="non-scaling-stroke"
                />
              );
            })}
          </svg>
        )}
      </div>
    </figure>
  );
}

export const ImageCanvas = memo(ImageCanvasImpl);
