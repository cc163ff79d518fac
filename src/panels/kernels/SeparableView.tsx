// Separable kernels: a rank-one kernel (Sobel = [1, 2, 1]ᵀ [1, 0, −1]) as two 1-D passes, the same image, and the multiplications each way.

import { memo } from 'react';
import { outerProductTex, type SeparableFactors } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import { Formula } from '../../ui/Formula.tsx';
import type { SeparableOutcome } from './filterJob.ts';
import type { DisplayMode } from './kernelsConfig.ts';
import { KERNELS_MESSAGES } from './messages.ts';
import { TensorView } from './TensorView.tsx';

export interface SeparableViewProps {
  factors: SeparableFactors;
  divisor: number;
  /** lab: the factors are the lab's own kernel; otherwise Sobel x stands in because the lab's kernel is 1-D or cannot be split. */
  reason: 'lab' | 'oneDimensional' | 'notSeparable';
  outcome: SeparableOutcome | null;
  error: string | null;
  display: DisplayMode;
  range: number;
  channel: number;
}

/** The largest difference in words a student can read: 0, or a small number in scientific notation. */
function formatDifference(value: number): string {
  if (value === 0) return '0';
  return value.toExponential(1).replace('-', '\u2212');
}

function SeparableViewImpl({ factors, divisor, reason, outcome, error, display, range, channel }: SeparableViewProps) {
  const t = usePanelT(KERNELS_MESSAGES);
  const kH = factors.column.length;
  const kW = factors.row.length;
  return (
    <section className="kernels-separable" aria-labelledby="kernels-separable-title" data-testid="separable">
      <h2 id="kernels-separable-title">{t('separableTitle')}</h2>
      <p>{t(reason === 'lab' ? 'separableYes' : reason === 'oneDimensional' ? 'separableOneD' : 'separableNo')}</p>
      <Formula tex={`K = ${outerProductTex(factors, divisor)}`} label={t('separableTitle')} />
      {error && (
        <p className="control-message" role="status">
          {error}
        </p>
      )}
      {outcome && (
        <>
          <div className="kernels-views">
            <TensorView
              label={t('separableOnePass', { kH, kW })}
              tensor={outcome.full}
              mode={display}
              range={range}
              maxAbs={outcome.range.maxAbs}
              channel={channel}
              pixels={outcome.fullPixels}
              testId="separable-full"
            />
            <TensorView
              label={t('separableTwoPasses', { kH, kW })}
              tensor={outcome.separable}
              mode={display}
              range={range}
              maxAbs={outcome.range.maxAbs}
              channel={channel}
              pixels={outcome.separablePixels}
              testId="separable-two"
            />
          </div>
          <p data-testid="separable-difference">{t('separableDifference', { value: formatDifference(outcome.maxDifference) })}</p>
          <div className="formulas">
            <div className="formula-row">
              <span className="formula-label">{t('separableCountFull', { kH, kW })}</span>
              <Formula tex={outcome.fullTex} />
            </div>
            <div className="formula-row">
              <span className="formula-label">{t('separableCountTwo', { kH, kW })}</span>
              <Formula tex={outcome.separableTex} />
            </div>
          </div>
          <p className="secondary" data-testid="separable-counts">
            {t('separableSummary', {
              two: outcome.separableMultiplies,
              full: outcome.fullMultiplies,
              weights: outcome.separableWeights,
              all: outcome.fullWeights,
            })}
          </p>
        </>
      )}
    </section>
  );
}

/** Memoised: dragging a weight of a kernel that cannot be split changes nothing here. */
export const SeparableView = memo(SeparableViewImpl);
