// Runs Lighthouse (the npm package, node API) in the installed Chromium on one page, with no network beyond the page's own server.

import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags } from 'lighthouse';
import { CHROMIUM_ARGS } from '../find-chromium.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];
/** 'mobile': Lighthouse's default (Moto G-class screen, simulated slow 4G and 4× CPU slowdown); 'desktop': its desktop preset. */
export type LighthousePreset = 'mobile' | 'desktop';

export interface FailingAudit {
  category: LighthouseCategory;
  id: string;
  title: string;
  score: number | null;
  /** Selectors or URLs of the items the audit flags, when it lists any. */
  items: string[];
}

export interface LighthouseResult {
  url: string;
  preset: LighthousePreset;
  scores: Record<LighthouseCategory, number | null>;
  /** Core timings from the performance category, in ms (CLS unitless). */
  metrics: { fcp: number | null; lcp: number | null; tbt: number | null; cls: number | null; si: number | null };
  failing: FailingAudit[];
  lighthouseVersion: string;
  userAgent: string;
  /** Lighthouse's own warnings (e.g. about the page or the environment). */
  warnings: string[];
  seconds: number;
}

interface AuditDetailsItem {
  node?: { selector?: string; snippet?: string };
  url?: string;
  source?: { url?: string };
  description?: string;
}

function itemLabel(item: AuditDetailsItem): string | null {
  return item.node?.selector ?? item.url ?? item.source?.url ?? item.description ?? null;
}

/** Lighthouse on `url` in a fresh headless Chromium; `chromePath` is the installed browser (never a download). */
export async function runLighthouse(
  url: string,
  preset: LighthousePreset,
  chromePath: string,
  categories = LIGHTHOUSE_CATEGORIES,
): Promise<LighthouseResult> {
  const started = Date.now();
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
      disableFullPageScreenshot: true,
      // The page is served from this machine: no third-party origins, no storage left from an earlier run.
      disableStorageReset: false,
    };
    const runner = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
    if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = runner.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? null])) as LighthouseResult['scores'];
    const failing: FailingAudit[] = [];
    for (const category of categories) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
        if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'manual') continue;
        const details = audit.details as { items?: AuditDetailsItem[] } | undefined;
        const items = (details?.items ?? []).map(itemLabel).filter((label): label is string => label !== null);
        failing.push({ category, id: ref.id, title: audit.title, score: audit.score, items: items.slice(0, 8) });
      }
    }
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
    return {
      url,
      preset,
      scores,
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        si: metric('speed-index'),
      },
      failing,
      lighthouseVersion: lhr.lighthouseVersion,
      userAgent: lhr.environment.hostUserAgent,
      warnings: lhr.runWarnings,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    chrome.kill();
  }
}

/** A score as Lighthouse shows it (0–100), or '–' when the category did not run. */
export function formatScore(score: number | null): string {
  return score === null ? '–' : String(Math.round(score * 100));
}
