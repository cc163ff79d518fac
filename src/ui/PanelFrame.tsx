// PanelFrame: the layout every panel shares: title and intro, the stage (the hero), and the settings column beside it.

import type { ReactNode } from 'react';

export interface PanelFrameProps {
  /** Panel id, for the heading's id. */
  id: string;
  title: string;
  intro: string;
  /** Accessible name of the settings column. */
  controlsLabel: string;
  /** The settings column's content. */
  controls: ReactNode;
  /** The stage: player, narration, grids, formulas. */
  children: ReactNode;
  /** Full-width content below both columns. */
  after?: ReactNode;
}

export function PanelFrame({ id, title, intro, controlsLabel, controls, children, after }: PanelFrameProps) {
  return (
    <article className={`panel ${id}-panel`} aria-labelledby={`${id}-title`}>
      <header className="panel-header">
        <h1 id={`${id}-title`}>{title}</h1>
        <p className="secondary">{intro}</p>
      </header>
      <div className="panel-layout">
        <div className="stage">{children}</div>
        <aside className="controls-column" aria-label={controlsLabel}>
          {controls}
        </aside>
      </div>
      {after && <div className="panel-after">{after}</div>}
    </article>
  );
}
