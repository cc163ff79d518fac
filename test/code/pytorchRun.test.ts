// Runs the generated PyTorch code in real PyTorch (Debian's python3-torch) for every preset and a sample of random
// configurations: it must run as it is and print the engine's shapes, values and parameter counts.
// Skipped, saying so, on machines where /usr/bin/python3 cannot import torch.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PANEL_IDS, type PanelConfigs } from '../../src/app/panels.ts';
import { pytorchSnippet, type PytorchSnippet } from '../../src/code/pytorch.ts';
import { CONFIG_ARBS, presetCases, type AnyPanelCase } from './panelCases.ts';

const PYTHON = '/usr/bin/python3';
const RUNNER = fileURLToPath(new URL('./run_snippets.py', import.meta.url));
const RANDOM_PER_PANEL = 8;

const torchAvailable = spawnSync(PYTHON, ['-c', 'import torch'], { timeout: 60_000 }).status === 0;
if (!torchAvailable) console.warn(`PyTorch code tests skipped: ${PYTHON} cannot import torch (apt-get install python3-torch to run them).`);

interface Report {
  id: string;
  stdout: string;
  error?: string;
  checks?: { shape: number[]; values: number[] | null }[];
  counts?: number[];
}

function runInPython(cases: { id: string; snippet: PytorchSnippet }[]): Map<string, Report> {
  const input = JSON.stringify(
    cases.map(({ id, snippet }) => ({
      id,
      code: snippet.code,
      checks: snippet.checks.map((check) => ({ name: check.name, values: check.values !== null })),
      counts: snippet.counts.map((count) => count.expression),
    })),
  );
  const run = spawnSync(PYTHON, [RUNNER], { input, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python exited with ${String(run.status)} ${run.signal ?? ''}: ${run.stderr}`);
  const reports = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Report);
  return new Map(reports.map((report) => [report.id, report]));
}

function snippetOf(c: AnyPanelCase, language: 'en' | 'zh'): PytorchSnippet {
  return pytorchSnippet(c.panel, c.config as PanelConfigs[typeof c.panel], language);
}

function expectSameAsEngine(report: Report | undefined, snippet: PytorchSnippet, id: string): void {
  expect(report, id).toBeDefined();
  expect(report?.error, `${id} raised in Python`).toBeUndefined();
  snippet.checks.forEach((check, i) => {
    expect(report?.stdout, `${id} prints ${check.name}.shape`).toContain(`torch.Size([${check.shape.join(', ')}])`);
    const ran = report?.checks?.[i];
    expect(ran?.shape, `${id}: shape of ${check.name}`).toEqual(check.shape);
    if (check.values) {
      const values = ran?.values ?? [];
      expect(values.length).toBe(check.values.length);
      check.values.forEach((v, j) => {
        const got = values[j] as number;
        expect(Math.abs(got - v), `${id}: ${check.name}[${j}] = ${got}, engine ${v}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(v)));
      });
    }
  });
  expect(report?.counts, `${id}: parameter counts`).toEqual(snippet.counts.map((count) => count.value));
}

describe.skipIf(!torchAvailable)('the generated code in PyTorch', () => {
  it('runs every panel’s defaults and presets (English and Chinese comments) and prints the engine’s numbers', () => {
    const cases = presetCases().flatMap((c) =>
      (['en', 'zh'] as const).map((language) => ({ id: `${c.id} [${language}]`, snippet: snippetOf(c, language) })),
    );
    const reports = runInPython(cases);
    for (const { id, snippet } of cases) expectSameAsEngine(reports.get(id), snippet, id);
  }, 300_000);

  it(`runs ${RANDOM_PER_PANEL} random valid configurations of every panel and prints the engine’s numbers`, () => {
    const cases = PANEL_IDS.flatMap((panel) =>
      fc.sample(CONFIG_ARBS[panel] as fc.Arbitrary<PanelConfigs[typeof panel]>, { numRuns: RANDOM_PER_PANEL, seed: 2024 }).map((config, i) => {
        const c = { id: `${panel}: random ${i}`, panel, config } as AnyPanelCase;
        return { id: c.id, snippet: snippetOf(c, 'en') };
      }),
    );
    const reports = runInPython(cases);
    for (const { id, snippet } of cases) expectSameAsEngine(reports.get(id), snippet, id);
  }, 300_000);
});
