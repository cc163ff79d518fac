// ExportTools: the "Export" section under a panel: the view as PNG or SVG, the steps as an animated GIF, all made in the browser.

import { useEffect, useRef, useState } from 'react';
import type { BuiltPanelId } from '../app/panels.ts';
import { usePanelT } from '../i18n/panelMessages.ts';
import { useAppStore } from '../state/store.ts';
import { exportCaption, exportFileStem } from './caption.ts';
import { composeSvg, findStage } from './composeSvg.ts';
import { DEFAULT_FRAME_MS, ExportCancelled, GIF_LIMITS, clampGifRange, recordGif } from './gif.ts';
import { EXPORT_SCALES, svgToPng, type ExportScale } from './rasterize.ts';
import { EXPORT_MESSAGES } from './messages.ts';
import './export.css';

const FRAME_DURATIONS = [300, 500, 700, 1000, 1500, 2000] as const;

/** Saves a Blob under a file name through a temporary link; nothing leaves the browser. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

type Status = { kind: 'idle' } | { kind: 'info' | 'error'; text: string } | { kind: 'recording'; frame: number; total: number };

/** A whole number typed in a step box (1-based as the player shows), or NaN while the box is empty or not a number. */
function readStep(text: string): number {
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function ExportTools({ panel }: { panel: BuiltPanelId }) {
  const t = usePanelT(EXPORT_MESSAGES);
  const config = useAppStore((s) => s.configs[panel]);
  const stepCount = useAppStore((s) => s.stepCount);
  const [scale, setScale] = useState<ExportScale>(1);
  // The typed range belongs to one trace length: another panel or configuration starts from its whole range again.
  const [typed, setTyped] = useState({ stepCount, from: '1', to: String(Math.max(stepCount, 1)) });
  const fields = typed.stepCount === stepCount ? typed : { stepCount, from: '1', to: String(Math.max(stepCount, 1)) };
  const setFromText = (from: string) => setTyped({ ...fields, from });
  const setToText = (to: string) => setTyped({ ...fields, to });
  const fromText = fields.from;
  const toText = fields.to;
  const [frameMs, setFrameMs] = useState<number>(DEFAULT_FRAME_MS);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const busy = status.kind === 'recording';

  useEffect(() => () => abort.current?.abort(), []);

  const caption = exportCaption(panel, config);
  const stem = exportFileStem(panel, config);
  const asked = { from: readStep(fromText) - 1, to: readStep(toText) - 1 };
  const range = clampGifRange(Number.isNaN(asked.from) ? 0 : asked.from, Number.isNaN(asked.to) ? stepCount - 1 : asked.to, stepCount);
  const rangeParams = { from: range.from + 1, to: range.to + 1, last: stepCount, max: GIF_LIMITS.maxFrames, count: range.to - range.from + 1 };
  const rangeNote =
    range.clamped === 'frames'
      ? t('tooManyFrames', rangeParams)
      : range.clamped === 'range'
        ? t('rangeFixed', rangeParams)
        : t('frames', rangeParams);

  const compose = () => {
    const stage = findStage();
    if (!stage) throw new Error(t('noStage'));
    return composeSvg(stage, { caption });
  };

  const fail = (error: unknown) =>
    setStatus({ kind: 'error', text: t('failed', { reason: error instanceof Error ? error.message : String(error) }) });

  const exportSvg = () => {
    try {
      const composed = compose();
      const blob = new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${composed.svg}\n`], { type: 'image/svg+xml' });
      downloadBlob(blob, `${stem}.svg`);
      setStatus({ kind: 'info', text: t('saved', { name: `${stem}.svg`, size: formatBytes(blob.size) }) });
    } catch (error) {
      fail(error);
    }
  };

  const exportPng = async () => {
    try {
      const composed = compose();
      const blob = await svgToPng(composed.svg, composed, scale);
      const name = `${stem}${scale === 1 ? '' : `@${scale}x`}.png`;
      downloadBlob(blob, name);
      setStatus({ kind: 'info', text: t('saved', { name, size: formatBytes(blob.size) }) });
    } catch (error) {
      fail(error);
    }
  };

  const exportGif = async () => {
    if (stepCount < 1 || busy) return;
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'recording', frame: 0, total: range.to - range.from + 1 });
    try {
      const gif = await recordGif({
        range,
        caption,
        scale,
        frameMs,
        signal: controller.signal,
        onProgress: (frame, total) => setStatus({ kind: 'recording', frame, total }),
      });
      const name = `${stem}-steps-${range.from + 1}-${range.to + 1}.gif`;
      downloadBlob(gif.blob, name);
      const saved = t('savedGif', { name, frames: gif.frames, width: gif.width, height: gif.height, size: formatBytes(gif.blob.size) });
      const scaled = gif.scale < scale ? ` ${t('scaledDown', { max: GIF_LIMITS.maxSide, width: gif.width, height: gif.height })}` : '';
      setStatus({ kind: 'info', text: `${saved}${scaled}` });
    } catch (error) {
      if (error instanceof ExportCancelled) setStatus({ kind: 'info', text: t('cancelled') });
      else fail(error);
    } finally {
      abort.current = null;
    }
  };

  return (
    <details className="export-tools" data-testid="export-tools">
      <summary>{t('title')}</summary>
      <p className="export-intro secondary">{t('intro')}</p>
      <div className="export-row">
        <label>
          <span>{t('size')}</span>
          <select value={scale} onChange={(event) => setScale(Number(event.target.value) as ExportScale)} disabled={busy} data-testid="export-scale">
            {EXPORT_SCALES.map((s) => (
              <option key={s} value={s}>
                {t(`size.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void exportPng()} disabled={busy} aria-label={t('png.label')} title={t('png.label')}>
          {t('png')}
        </button>
        <button type="button" onClick={exportSvg} disabled={busy} aria-label={t('svg.label')} title={t('svg.label')}>
          {t('svg')}
        </button>
      </div>
      <fieldset className="export-gif" disabled={stepCount < 1}>
        <legend>{t('gifTitle')}</legend>
        {stepCount < 1 ? (
          <p className="export-note">{t('noSteps')}</p>
        ) : (
          <>
            <div className="export-row">
              <label>
                <span>{t('from')}</span>
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={stepCount}
                  value={fromText}
                  onChange={(event) => setFromText(event.target.value)}
                  disabled={busy}
                  data-testid="export-from"
                />
              </label>
              <label>
                <span>{t('to')}</span>
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={stepCount}
                  value={toText}
                  onChange={(event) => setToText(event.target.value)}
                  disabled={busy}
                  data-testid="export-to"
                />
              </label>
              <label>
                <span>{t('frameMs')}</span>
                <select value={frameMs} onChange={(event) => setFrameMs(Number(event.target.value))} disabled={busy} data-testid="export-frame-ms">
                  {FRAME_DURATIONS.map((ms) => (
                    <option key={ms} value={ms}>
                      {ms}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => void exportGif()} disabled={busy} aria-label={t('gif.label')} title={t('gif.label')}>
                {t('gif')}
              </button>
            </div>
            <p className="export-note" data-testid="export-range-note">
              {rangeNote}
            </p>
          </>
        )}
      </fieldset>
      {busy && (
        <div className="export-progress">
          <progress max={status.total} value={status.frame} aria-label={t('gifTitle')} />
          <span>{status.frame > 0 ? t('progress', { frame: status.frame, total: status.total }) : t('preparing')}</span>
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('cancel')}
          </button>
        </div>
      )}
      <p className={`export-status${status.kind === 'error' ? ' is-error' : ''}`} role="status" data-testid="export-status">
        {status.kind === 'info' || status.kind === 'error' ? status.text : ''}
      </p>
    </details>
  );
}
