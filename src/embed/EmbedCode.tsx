// "Embed in a course page": the <iframe> snippet of the current view (embed=1), a Copy button and a preview link, under each panel.

import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PANEL_TITLES, type BuiltPanelId } from '../app/panels.ts';
import { useT } from '../i18n/useT.ts';
import { usePanelT } from '../i18n/panelMessages.ts';
import { selectView, useAppStore } from '../state/store.ts';
import { EMBED_HEIGHTS, embedSnippet, embedUrl } from './embedSnippet.ts';
import { EMBED_MESSAGES } from './messages.ts';
import { LazyDetails } from '../ui/LazyDetails.tsx';
import { useCopyStatus } from '../ui/useCopyStatus.ts';
import './embed.css';

export interface EmbedCodeProps {
  panel: BuiltPanelId;
}

export function EmbedCode({ panel }: EmbedCodeProps) {
  const te = usePanelT(EMBED_MESSAGES);
  // The snippet follows every step: it is built only while the section is open.
  return (
    <LazyDetails className="embed-code" testId="embed-code" summary={te('summary')}>
      <EmbedBody panel={panel} />
    </LazyDetails>
  );
}

function EmbedBody({ panel }: EmbedCodeProps) {
  const t = useT();
  const te = usePanelT(EMBED_MESSAGES);
  const view = useAppStore(useShallow(selectView));
  const [status, copyText] = useCopyStatus();
  const codeRef = useRef<HTMLTextAreaElement>(null);

  const src = embedUrl(view, window.location.origin, window.location.pathname);
  const snippet = embedSnippet(src, te('frameTitle', { panel: t(PANEL_TITLES[panel]) }), EMBED_HEIGHTS[panel]);

  // No clipboard (insecure page, permission refused): select the code so that Ctrl+C / long-press copies it.
  const copy = () => copyText(snippet, () => codeRef.current?.select());

  return (
    <>
      <p className="embed-code-intro">{te('intro')}</p>
      <label className="embed-code-label" htmlFor={`embed-code-${panel}`}>
        {te('codeLabel')}
      </label>
      <textarea
        id={`embed-code-${panel}`}
        ref={codeRef}
        className="embed-code-text"
        readOnly
        rows={5}
        spellCheck={false}
        value={snippet}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="embed-code-actions">
        <button type="button" onClick={() => void copy()}>
          {te('copy')}
        </button>
        <span className="embed-copy-status" role="status">
          {status === 'copied' ? te('copied') : status === 'failed' ? te('copyFailed') : ''}
        </span>
        <a className="embed-code-preview" href={src} target="_blank" rel="noopener noreferrer">
          {te('preview')}
        </a>
      </div>
      <p className="embed-code-note">{te('note')}</p>
    </>
  );
}
