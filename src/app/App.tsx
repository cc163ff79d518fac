// The app shell: header (name, panels, language, presentation, full screen, copy link), the link notice and the lazy panel.

import { Suspense, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PANEL_COMPONENTS, PANEL_IDS, PANEL_TITLES, isBuilt, retryFailedPanel, type PanelId } from './panels.ts';
import { selectLanguage, selectView, useAppStore } from '../state/store.ts';
import { encodeView } from '../url/codec.ts';
import { useT } from '../i18n/useT.ts';
import { PANEL_HEADERS } from '../i18n/panelHeaders.ts';
import { useUrlSync } from '../url/useUrlSync.ts';
import { PanelErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { LinkNotice } from '../ui/LinkNotice.tsx';
import { useCopyStatus } from '../ui/useCopyStatus.ts';
import { useCurrentTabInView } from '../ui/useCurrentTabInView.ts';
import { ComingSoon } from './ComingSoon.tsx';
import { PanelTools } from './PanelTools.tsx';

function useDocumentSettings() {
  const language = useAppStore(selectLanguage);
  const presentation = useAppStore((s) => s.presentation);
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('app.name')}: ${t('app.tagline')}`;
  }, [language, t]);
  useEffect(() => {
    document.documentElement.classList.toggle('presentation', presentation);
  }, [presentation]);
  const embed = useAppStore((s) => s.embed);
  useEffect(() => {
    document.documentElement.classList.toggle('embed', embed);
  }, [embed]);
}

/** Embed mode's only chrome: the panel's name and a link that opens the same view, with all its settings, in a new tab. */
function EmbedBar() {
  const t = useT();
  const view = useAppStore(useShallow(selectView));
  const fullView = `${window.location.pathname}${encodeView({ ...view, embed: false })}`;
  return (
    <div className="embed-bar">
      <span className="brand-name">{t('app.name')}</span>
      <span>{t(PANEL_TITLES[view.panel])}</span>
      <a href={fullView} target="_blank" rel="noopener noreferrer">
        {t('embed.open')}
      </a>
    </div>
  );
}

function CopyLinkButton() {
  const t = useT();
  const [status, copyText] = useCopyStatus();
  // Built from the store, not the address bar: the address bar is written only once steps and drags pause.
  const copy = () => copyText(`${window.location.origin}${window.location.pathname}${encodeView(selectView(useAppStore.getState()))}`);
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {t('header.copyLink')}
      </button>
      <span className="copy-status" role="status">
        {status === 'copied' ? t('header.copied') : status === 'failed' ? t('header.copyFailed') : ''}
      </span>
    </>
  );
}

function FullscreenButton() {
  const t = useT();
  const [active, setActive] = useState(false);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return (
    <button type="button" onClick={toggle} aria-pressed={active}>
      {active ? t('header.exitFullscreen') : t('header.fullscreen')}
    </button>
  );
}

function Header() {
  const t = useT();
  const { panel, language, presentation, setPanel, setLanguage, setPresentation } = useAppStore(
    useShallow((s) => ({
      panel: s.panel,
      language: selectLanguage(s),
      presentation: s.presentation,
      setPanel: s.setPanel,
      setLanguage: s.setLanguage,
      setPresentation: s.setPresentation,
    })),
  );
  // The list, not the nav, is what scrolls sideways on a phone (styles.css).
  const tabStrip = useRef<HTMLUListElement>(null);
  useCurrentTabInView(tabStrip, `${panel} ${language}`);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline secondary">{t('app.tagline')}</span>
      </div>
      <nav aria-label={t('nav.label')} className="panel-nav">
        <ul ref={tabStrip}>
          {PANEL_IDS.map((id: PanelId) => (
            <li key={id}>
              <a
                href={`?v=1${id === 'basics' ? '' : `&p=${id}`}`}
                aria-current={id === panel ? 'page' : undefined}
                className={isBuilt(id) ? undefined : 'is-soon'}
                onClick={(event) => {
                  event.preventDefault();
                  setPanel(id);
                }}
              >
                {t(PANEL_TITLES[id])}
                {!isBuilt(id) && <span className="visually-hidden"> ({t('nav.soon')})</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <div className="language-switch" role="group" aria-label={t('header.language')}>
          <button type="button" lang="en" aria-pressed={language === 'en'} onClick={() => setLanguage('en')}>
            English
          </button>
          <button type="button" lang="zh-CN" aria-pressed={language === 'zh'} onClick={() => setLanguage('zh')}>
            中文
          </button>
        </div>
        <button type="button" aria-pressed={presentation} onClick={() => setPresentation(!presentation)}>
          {t('header.presentation')}
        </button>
        <FullscreenButton />
        <CopyLinkButton />
      </div>
    </header>
  );
}

/**
 * What stands in for a panel while its code loads: its title and introduction, laid out as the panel lays them out, so the
 * first screen's largest text is painted at once and does not move when the panel arrives. Hidden from assistive technology,
 * which hears "Loading…" and then the panel itself (with its real heading) once.
 */
export function PanelLoading({ panel }: { panel: PanelId }) {
  const t = useT();
  const header = PANEL_HEADERS[useAppStore(selectLanguage)][panel];
  return (
    <div className={`panel ${panel}-panel`} aria-busy="true">
      <div className="panel-header" aria-hidden="true">
        <p className="panel-title">{header.title}</p>
        <p className="secondary">{header.intro}</p>
      </div>
      <p className="loading">{t('loading')}</p>
    </div>
  );
}

function PanelArea() {
  const t = useT();
  const { panel, embed, resetCount, resetPanel } = useAppStore(
    useShallow((s) => ({ panel: s.panel, embed: s.embed, resetCount: s.resetCount, resetPanel: s.resetPanel })),
  );
  if (!isBuilt(panel)) return <ComingSoon panel={panel} />;
  const PanelComponent = PANEL_COMPONENTS[panel];
  return (
    <PanelErrorBoundary
      key={`${panel}-${resetCount}`}
      title={t('error.title')}
      body={t('error.body')}
      resetLabel={t('error.reset')}
      onReset={() => {
        retryFailedPanel(panel);
        resetPanel(panel);
      }}
    >
      {/* The tools wait with the panel: shown under a loading line, they would jump down when the panel arrives. */}
      <Suspense fallback={<PanelLoading panel={panel} />}>
        <PanelComponent />
        {!embed && <PanelTools panel={panel} />}
      </Suspense>
    </PanelErrorBoundary>
  );
}

export function App() {
  const t = useT();
  useUrlSync();
  useDocumentSettings();
  const embed = useAppStore((s) => s.embed);
  return (
    <div className="app">
      <a className="skip-link" href="#panel">
        {t('app.skip')}
      </a>
      {embed ? <EmbedBar /> : <Header />}
      <LinkNotice />
      <main id="panel" className="panel-area" tabIndex={-1}>
        <PanelArea />
      </main>
    </div>
  );
}
