// Turns a composed SVG into pixels: an <img> of a Blob URL drawn on a canvas (CSP allows blob: images), then a PNG Blob.

/** Sizes offered for export: 1× (the composed size, about a slide's 1280 px width) and 2× for sharp slides. */
export const EXPORT_SCALES = [1, 2] as const;
export type ExportScale = (typeof EXPORT_SCALES)[number];

/** Longest side of a PNG (browsers refuse very large canvases). */
export const MAX_PNG_SIDE = 4096;

/** The scale to draw at: the chosen one, lowered so the longer side stays within `maxSide`. */
export function fitScale(width: number, height: number, scale: number, maxSide: number): number {
  const longer = Math.max(width, height) * scale;
  return longer > maxSide ? maxSide / Math.max(width, height) : scale;
}

/** Pixel size of a picture drawn at a scale (whole pixels, at least 1). */
export function pixelSize(width: number, height: number, scale: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Loads an SVG string as an image through a Blob URL (revoked once decoded). */
export async function loadSvgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the composed SVG could not be drawn'));
    });
    image.src = url;
    await loaded;
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Draws an SVG on a canvas of `canvasSize` pixels: white first (GIF and PNG have no see-through parts here), then the picture
 * scaled by `scale` from the top-left corner, shrunk to fit when it is larger than the canvas.
 */
export async function drawSvg(
  svg: string,
  svgSize: { width: number; height: number },
  scale: number,
  canvasSize: { width: number; height: number } = pixelSize(svgSize.width, svgSize.height, scale),
  canvas: HTMLCanvasElement = document.createElement('canvas'),
): Promise<HTMLCanvasElement> {
  const image = await loadSvgImage(svg);
  canvas.width = canvasSize.width;
  canvas.height = canvasSize.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const fit = Math.min(1, canvasSize.width / (svgSize.width * scale), canvasSize.height / (svgSize.height * scale));
  const drawn = pixelSize(svgSize.width, svgSize.height, scale * fit);
  // Exact sizes when they match, so a GIF frame and the PNG of the same step are the same pixels.
  context.drawImage(image, 0, 0, fit === 1 ? canvasSize.width : drawn.width, fit === 1 ? canvasSize.height : drawn.height);
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded as PNG'))), 'image/png');
  });
}

/** The composed SVG as a PNG Blob at a scale (capped at MAX_PNG_SIDE). */
export async function svgToPng(svg: string, size: { width: number; height: number }, scale: number): Promise<Blob> {
  const fitted = fitScale(size.width, size.height, scale, MAX_PNG_SIDE);
  return canvasToPng(await drawSvg(svg, size, fitted));
}
