// Groups: a slider from 1 to c_in (only common divisors of c_in and c_out), the wiring it makes, its cost; depthwise, then pointwise.

import { useMemo, useState } from 'react';
import { conv2d, convCost, groupLinks, multiplyAddsFormula, planConv2d, separableFormulas, validGroups } from '../../engine/index.ts';
import { usePanelT } from '../../i18n/panelMessages.ts';
import type { HistoryIntent } from '../../state/store.ts';
import { Formula } from '../../ui/Formula.tsx';
import { NumberControl } from '../../ui/NumberControl.tsx';
import { resizeMatrix } from '../../ui/matrix.ts';
import type { ChannelsConfig } from './channelsConfig.ts';
import { pointwiseWeight, resizeLayer, type LayerTensors } from './channelsLayer.ts';
import { GroupWiring } from './GroupWiring.tsx';
import { CHANNELS_MESSAGES } from './messages.ts';
import { StackGrids } from './StackGrids.tsx';

export interface GroupsViewProps {
  config: ChannelsConfig;
  layer: LayerTensors;
  update(patch: Partial<ChannelsConfig>, intent?: HistoryIntent): void;
}

/** The allowed groups value a slider move lands on: the requested one if it divides both, else the next allowed one in the direction of the move. */
export function snapGroups(requested: number, current: number, allowed: readonly number[]): number {
  if (allowed.includes(requested)) return requested;
  const next = requested > current ? allowed.find((g) => g > requested) : [...allowed].reverse().find((g) => g < requested);
  return next ?? current;
}

export function GroupsView({ config, layer, update }: GroupsViewProps) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const [skipped, setSkipped] = useState<string | null>(null);
  const [cin] = layer.input.shape as [number, number, number];
  const [cout, , kH, kW] = layer.weight.shape as [number, number, number, number];
  const groups = layer.groups;
  const allowed = validGroups(cin, cout);
  const hasBias = layer.bias !== undefined;
  const output = useMemo(() => conv2d(layer.input, layer.weight, { bias: layer.bias, groups: layer.groups }), [layer]);
  const [, outH, outW] = output.shape as [number, number, number];
  const shape = { inChannels: cin, outChannels: cout, kernelH: kH, kernelW: kW, outH, outW, bias: hasBias };
  const cost = convCost({ ...shape, groups });
  const standard = convCost({ ...shape, groups: 1 });
  const depthwise = groups === cin;
  const { inPerGroup, outPerGroup } = planConv2d(layer.input.shape, layer.weight.shape, { groups });
  const links = groupLinks(cin, cout, groups).length;

  const setGroups = (requested: number, intent: HistoryIntent) => {
    const value = snapGroups(requested, groups, allowed);
    if (value !== requested) {
      const reason = cin % requested !== 0 ? t('groups.notDivideIn', { cin }) : t('groups.notDivideOut', { cout });
      setSkipped(value === groups ? t('groups.stayed', { requested, reason, value }) : t('groups.skipped', { requested, reason, value }));
    } else {
      setSkipped(null);
    }
    if (value !== groups) update(resizeLayer(config, { groups: value }), intent);
  };

  return (
    <section className="ch-view" aria-labelledby="ch-groups-title">
      <h2 id="ch-groups-title">{t('groups.title')}</h2>
      <p className="secondary">{t('groups.intro')}</p>
      <div className="ch-groups-control">
        <NumberControl label={t('groups.label')} value={groups} min={1} max={cin} onChange={setGroups} testId="groups-control" />
        <p className="secondary">{t('groups.allowed', { allowed: allowed.join(', '), cin, cout })}</p>
        {skipped && (
          <p className="control-message" role="status" data-testid="groups-skipped">
            {skipped}
          </p>
        )}
      </div>
      <p className={depthwise ? 'note' : 'secondary'} data-testid="groups-kind">
        {groups === 1
          ? t('groups.standard')
          : depthwise
            ? t(outPerGroup === 1 ? 'groups.depthwise' : 'groups.depthwiseMultiplier', { multiplier: outPerGroup })
            : t('groups.grouped', { groups, inPer: inPerGroup, outPer: outPerGroup })}
      </p>
      <GroupWiring
        inChannels={cin}
        outChannels={cout}
        groups={groups}
        label={t('groups.wiringLabel', { groups, inPer: inPerGroup, cin, cout })}
        inLabel={t('groups.in')}
        outLabel={t('groups.out')}
      />
      <p>{t('groups.shape', { cout, slices: inPerGroup, kh: kH, kw: kW, links })}</p>
      <section className="formulas" aria-label={t('cost.title')}>
        <div className="formula-row">
          <span className="formula-label">{t('cost.parameters')}</span>
          <Formula tex={cost.parametersFormula.tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('cost.multiplyAdds')}</span>
          <Formula tex={multiplyAddsFormula({ ...shape, groups }).tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('cost.flops')}</span>
          <Formula tex={cost.flopsFormula.tex} />
        </div>
        {groups !== 1 && (
          <div className="formula-row">
            <span className="formula-label">{t('groups.atOne')}</span>
            <Formula tex={standard.parametersFormula.tex} />
          </div>
        )}
      </section>
      <div className="ch-side-by-side">
        <section className="ch-half" aria-label={t('outputs.inputs', { cin })}>
          <h3 className="ch-subtitle">{t('outputs.inputs', { cin })}</h3>
          <StackGrids tensor={layer.input} label={(c) => t('grid.inputChannel', { c })} testId={(c) => `ch-input-${c}`} maxCellPx={30} />
        </section>
        <section className="ch-half" aria-label={t('outputs.outputs', { cout })}>
          <h3 className="ch-subtitle">{t('outputs.outputs', { cout })}</h3>
          <StackGrids tensor={output} label={(o) => t('grid.outputChannel', { o })} testId={(o) => `ch-output-${o}`} maxCellPx={30} />
        </section>
      </div>
      {depthwise ? (
        <DepthwiseThenPointwise config={config} update={update} depthwiseOutput={output} shape={shape} />
      ) : (
        <p className="secondary">
          {allowed.includes(cin) ? t('groups.tryDepthwise', { cin }) : t('groups.noDepthwise', { cin, cout })}{' '}
          {!allowed.includes(cin) && (
            <button type="button" onClick={() => update(resizeLayer(config, { cout: cin }))}>
              {t('groups.matchOut', { cin })}
            </button>
          )}
        </p>
      )}
    </section>
  );
}

function DepthwiseThenPointwise({
  config,
  update,
  depthwiseOutput,
  shape,
}: {
  config: ChannelsConfig;
  update: GroupsViewProps['update'];
  depthwiseOutput: ReturnType<typeof conv2d>;
  shape: { inChannels: number; outChannels: number; kernelH: number; kernelW: number; outH: number; outW: number; bias: boolean };
}) {
  const t = usePanelT(CHANNELS_MESSAGES);
  const pointwiseOut = config.pointwise.length;
  const middle = shape.outChannels;
  const final = useMemo(() => conv2d(depthwiseOutput, pointwiseWeight(config.pointwise)), [depthwiseOutput, config.pointwise]);
  const separable = separableFormulas({ ...shape, middleChannels: middle, outChannels: pointwiseOut });
  return (
    <section className="ch-separable" aria-labelledby="ch-separable-title">
      <h3 id="ch-separable-title">{t('separable.title')}</h3>
      <p className="secondary">{t('separable.intro', { middle, out: pointwiseOut })}</p>
      <NumberControl
        label={t('separable.outChannels')}
        value={pointwiseOut}
        min={1}
        max={8}
        onChange={(rows, intent) => update({ pointwise: resizeMatrix(config.pointwise, rows, middle, (r, c) => (r === c ? 1 : 0)) }, intent)}
        testId="pointwise-out"
      />
      <StackGrids tensor={final} label={(o) => t('separable.output', { o })} testId={(o) => `ch-separable-${o}`} maxCellPx={30} />
      <section className="formulas" aria-label={t('separable.costLabel')}>
        <div className="formula-row">
          <span className="formula-label">{t('separable.standard', { cin: shape.inChannels, out: pointwiseOut })}</span>
          <Formula tex={separable.standard.parametersFormula.tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('separable.pair')}</span>
          <Formula tex={separable.parameters.tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('cost.multiplyAdds')}</span>
          <Formula tex={separable.multiplyAdds.tex} />
        </div>
        <div className="formula-row">
          <span className="formula-label">{t('separable.ratio')}</span>
          <Formula tex={separable.ratio.tex} />
        </div>
      </section>
    </section>
  );
}
