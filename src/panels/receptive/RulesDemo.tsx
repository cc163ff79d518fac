// The notes' rules shown on the layer being viewed: change its stride, padding, type or dilation and see what the receptive field does.

import {
  effectiveKernelFormula,
  layerStackGeometry,
  sameFieldStacks,
  stackParameters,
  stackReceptiveField,
  type AxisGeometry,
  type ReceptiveFieldEntry,
  type StackLayer,
} from '../../engine/index.ts';
import type { ReactNode } from 'react';
import { usePanelT } from '../../i18n/panelMessages.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { formatNumber } from '../../ui/formatNumber.ts';
import { RECEPTIVE_MESSAGES } from './messages.ts';
import { formatLayer, PARAMETER_CHANNELS, RECEPTIVE_LIMITS, type ReceptiveConfig } from './receptiveConfig.ts';
import { replaceLayer, stackRuns, withStack } from './stackEdits.ts';

interface Outcome {
  runs: boolean;
  fields: ReceptiveFieldEntry[];
  axes: readonly AxisGeometry[];
}

function outcome(inputSize: number, layers: StackLayer[]): Outcome {
  return { runs: stackRuns(inputSize, layers), fields: stackReceptiveField(layers), axes: layerStackGeometry(inputSize, layers).axes };
}

export interface RulesDemoProps {
  config: ReceptiveConfig;
  update(patch: Partial<ReceptiveConfig>, intent?: HistoryIntent): void;
  current: number;
}

export function RulesDemo({ config, update, current }: RulesDemoProps) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const { layers, inputSize } = config;
  const layer = layers[current] as StackLayer;
  const n = current + 1;
  const now = outcome(inputSize, [...layers]);
  const rfOf = (o: Outcome, i: number) => formatNumber((o.fields[i] as ReceptiveFieldEntry).size);
  const outOf = (o: Outcome, i: number) => (o.axes[i] ? String(o.axes[i].output) : '—');
  const changed = (patch: Partial<StackLayer>) => replaceLayer(layers, current, { ...layer, ...patch });
  const apply = (next: StackLayer[]) => update(withStack(config, { layers: next, inputSize }));

  const nextLayer = (after: Outcome) =>
    current + 1 < layers.length ? t('ruleNext', { n: n + 1, rf: rfOf(now, current + 1), rfAfter: rfOf(after, current + 1) }) : '';

  const stride = layer.stride === 1 ? 2 : 1;
  const strideStack = changed({ stride });
  const strideAfter = outcome(inputSize, strideStack);

  const morePadding = layer.padding + 1 <= RECEPTIVE_LIMITS.padding && stackRuns(inputSize, changed({ padding: layer.padding + 1 }));
  const padding = morePadding ? layer.padding + 1 : Math.max(layer.padding - 1, 0);
  const paddingStack = changed({ padding });
  const paddingAfter = outcome(inputSize, paddingStack);

  const kind = layer.kind === 'conv' ? 'max' : 'conv';
  const kindStack = changed({ kind });
  const kindAfter = outcome(inputSize, kindStack);

  const dilation = layer.dilation + 1;
  const dilationStack = changed({ dilation });
  const dilationAfter = outcome(inputSize, dilationStack);
  const canDilate = layer.kind !== 'avg' && dilation <= RECEPTIVE_LIMITS.dilation && dilationAfter.runs;

  const rule = (id: string, title: string, button: string, stack: StackLayer[], after: Outcome, effect: ReactNode, enabled = after.runs) => (
    <li className="rule" data-testid={`rule-${id}`}>
      <span className="rule-title">{title}</span>
      <button type="button" disabled={!enabled || stack.map(formatLayer).join() === layers.map(formatLayer).join()} onClick={() => apply(stack)}>
        {button}
      </button>
      {enabled ? (
        <span className="rule-effect">{effect}</span>
      ) : (
        <span className="rule-effect secondary">
          {t('ruleUnavailable', { reason: layerStackGeometry(inputSize, stack).issue?.message ?? t('ruleLimit') })}
        </span>
      )}
    </li>
  );

  return (
    <section className="rules" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('rulesTitle', { n })}</h2>
      <ul className="rule-list">
        {rule(
          'stride',
          t('ruleStride'),
          t('ruleStrideButton', { from: layer.stride, to: stride }),
          strideStack,
          strideAfter,
          t('ruleSizeEffect', {
            n,
            rf: rfOf(now, current),
            rfAfter: rfOf(strideAfter, current),
            out: outOf(now, current),
            outAfter: outOf(strideAfter, current),
          }) + nextLayer(strideAfter),
        )}
        {rule(
          'padding',
          t('rulePadding'),
          t('rulePaddingButton', { from: layer.padding, to: padding }),
          paddingStack,
          paddingAfter,
          t('ruleSizeEffect', {
            n,
            rf: rfOf(now, current),
            rfAfter: rfOf(paddingAfter, current),
            out: outOf(now, current),
            outAfter: outOf(paddingAfter, current),
          }) + nextLayer(paddingAfter),
        )}
        {rule(
          'pool',
          t('rulePool'),
          t('rulePoolButton', { kind: t(`kind.${kind}`) }),
          kindStack,
          kindAfter,
          t('ruleSizeEffect', {
            n,
            rf: rfOf(now, current),
            rfAfter: rfOf(kindAfter, current),
            out: outOf(now, current),
            outAfter: outOf(kindAfter, current),
          }),
        )}
        {rule(
          'dilation',
          t('ruleDilation'),
          t('ruleDilationButton', { from: layer.dilation, to: dilation }),
          dilationStack,
          dilationAfter,
          <>
            <Formula tex={`k' = ${effectiveKernelFormula(layer.kernel, dilation).tex}`} display={false} />
            {t('ruleDilationEffect', {
              kp: (now.axes[current] as AxisGeometry).effectiveKernel,
              n,
              rf: rfOf(now, current),
              rfAfter: rfOf(dilationAfter, current),
            })}
          </>,
          canDilate,
        )}
      </ul>
      <p className="secondary">{t('rulesNote')}</p>
    </section>
  );
}

/** VGG's argument for the current stack when it is made of stride-1 convolutions: stacked 3×3 layers against one big kernel. */
export function SameFieldComparison({ layers, size }: { layers: readonly StackLayer[]; size: number }) {
  const t = usePanelT(RECEPTIVE_MESSAGES);
  const plain = layers.every((layer) => layer.kind === 'conv' && layer.stride === 1 && layer.dilation === 1);
  const pair = plain ? sameFieldStacks(size) : null;
  if (!pair) return null;
  const key = (stack: readonly StackLayer[]) => stack.map((l) => l.kernel).join();
  const rows = [
    { id: 'small', label: t('vggSmall', { count: pair.small.length }), stack: pair.small },
    { id: 'single', label: t('vggSingle', { size }), stack: pair.single },
  ];
  const own = rows.some((row) => key(row.stack) === key(layers)) ? [] : [{ id: 'own', label: t('vggOwn'), stack: [...layers] }];
  return (
    <section className="same-field" aria-labelledby="same-field-title" data-testid="same-field">
      <h2 id="same-field-title">{t('vggTitle', { size })}</h2>
      <p>{t('vggBody', { size, c: PARAMETER_CHANNELS })}</p>
      <ul className="same-field-list">
        {[...rows, ...own].map((row) => (
          <li key={row.id} data-testid={`params-${row.id}`} className={key(row.stack) === key(layers) ? 'is-current' : undefined}>
            <span className="formula-label">
              {row.label}
              {key(row.stack) === key(layers) ? ` ${t('vggCurrent')}` : ''}
            </span>
            <Formula tex={stackParameters(row.stack, PARAMETER_CHANNELS).tex} />
          </li>
        ))}
      </ul>
      <p className="secondary">{t('vggWhy')}</p>
    </section>
  );
}
