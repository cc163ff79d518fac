// The built app ships a Content-Security-Policy meta that forbids inline and foreign script, and works under it:
// no CSP violation while it is used, and an injected inline script really is refused.

import { test, expect, openApp } from './fixtures.ts';

test('the built index.html has a strict Content-Security-Policy meta', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  expect(match, 'CSP meta in the built index.html').not.toBeNull();
  const directives = new Map(
    match![1]!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map((words) => [words[0]!, words.slice(1)]),
  );
  const script = directives.get('script-src') ?? directives.get('default-src');
  expect(script).toBeDefined();
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(script).not.toContain('*');
  expect(directives.get('object-src')).toEqual(["'none'"]);
  // The meta comes before any script, so it covers all of them.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  // No inline script in the built page.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
});

test('using the app raises no CSP violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await openApp(page, '?v=1');
  await expect(page.locator('meta[http-equiv=Content-Security-Policy]')).toHaveCount(1);
  // Exercise every part: KaTeX (fonts, inline styles), stepping, playback, presets, editor, language, presentation, panels.
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 4');
  await page.getByLabel('Presets').selectOption('blur');
  await page.getByLabel('True convolution (kernel flipped)').check();
  await page.getByRole('button', { name: 'Edit values: K' }).click();
  await page.getByTestId('kernel-editor').locator('textarea').fill('1 -1\n-1 1');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Random: X' }).click();
  await page.getByTestId('grid-output').locator('[data-cell="0,0"]').hover();
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '演示模式' }).click();
  // Every panel in turn (built ones load their lazy chunk, KaTeX and, in the image lab, its worker and images).
  const links = page.getByRole('navigation').getByRole('link');
  for (let i = 0; i < (await links.count()); i++) {
    await links.nth(i).click();
    await expect(page.locator('main#panel h1').first()).toBeVisible();
  }
  await links.first().click();
  await expect(page.locator('.katex').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});

test('the CSP is in force: an injected inline script does not run', async ({ page, problems }) => {
  problems.allow(/Content Security Policy/);
  await openApp(page, '?v=1');
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false, violations };
  });
  expect(outcome.ran).toBe(false);
  expect(outcome.violations.some((directive) => directive.startsWith('script-src'))).toBe(true);
});

/**
 * A script from the app's own origin (so the CSP lets it load) that tries every way of running a string as code. Each attempt
 * would bump window.__pwned; the outcomes land in window.__probe.
 */
const EVAL_PROBE = `
window.__pwned = 0;
const probe = {};
try { eval('window.__pwned++'); probe.eval = 'ran'; } catch (error) { probe.eval = error.name; }
try { new Function('window.__pwned++')(); probe.newFunction = 'ran'; } catch (error) { probe.newFunction = error.name; }
try { setTimeout('window.__pwned++', 0); probe.timeoutString = 'accepted'; } catch (error) { probe.timeoutString = error.name; }
document.body.insertAdjacentHTML('beforeend', '<img id="csp-probe-img" src="data:image/png;base64,AAAA" onerror="window.__pwned++">');
import('data:text/javascript,window.__pwned++').then(
  () => { probe.dataImport = 'ran'; },
  () => { probe.dataImport = 'refused'; },
).then(() => new Promise((resolve) => setTimeout(resolve, 300))).then(() => {
  probe.pwned = window.__pwned;
  window.__probe = probe;
});
`;

test.describe('a same-origin script', () => {
  // The probe is answered by a route; the service worker must not stand between the page and that route.
  test.use({ serviceWorkers: 'block' });

  test('cannot eval, build a function from a string, run a string timer, use an inline handler or import a data: module', async ({
    page,
    problems,
  }) => {
    problems.allow(/Content Security Policy|unsafe-eval|Refused to/);
    problems.allow(/Service Worker registration blocked by Playwright/);
    await page.route('**/csp-eval-probe.js', (route) => route.fulfill({ contentType: 'text/javascript', body: EVAL_PROBE }));
    await openApp(page, '?v=1');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      const script = document.createElement('script');
      script.src = './csp-eval-probe.js';
      document.body.appendChild(script);
    });
    await page.waitForFunction(() => (window as unknown as { __probe?: unknown }).__probe !== undefined);
    const outcome = await page.evaluate(() => {
      const w = window as unknown as { __probe: Record<string, unknown>; __violations: string[] };
      return { probe: w.__probe, violations: w.__violations };
    });
    // The probe itself ran (it came from 'self'), but none of its strings did.
    expect(outcome.probe).toEqual({ eval: 'EvalError', newFunction: 'EvalError', timeoutString: 'accepted', dataImport: 'refused', pwned: 0 });
    // Each refusal was reported as a securitypolicyviolation event.
    expect(outcome.violations.filter((v) => /^script-src(-elem)? eval$/.test(v)).length).toBeGreaterThanOrEqual(2);
    expect(outcome.violations.some((v) => /^script-src(-attr)? inline$/.test(v))).toBe(true);
    expect(outcome.violations.some((v) => /^script-src(-elem)? data$/.test(v))).toBe(true);
    // The app is still fine.
    await expect(page.getByTestId('narration')).toContainText('= 19');
  });

  test.describe('with the CSP bypassed (a control: the probe does detect code that runs)', () => {
    test.use({ bypassCSP: true });

    test('every attempt runs', async ({ page, problems }) => {
      problems.allow(/Service Worker registration blocked by Playwright/);
      await page.route('**/csp-eval-probe.js', (route) => route.fulfill({ contentType: 'text/javascript', body: EVAL_PROBE }));
      await openApp(page, '?v=1');
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.src = './csp-eval-probe.js';
        document.body.appendChild(script);
      });
      await page.waitForFunction(() => (window as unknown as { __probe?: unknown }).__probe !== undefined);
      const probe = await page.evaluate(() => (window as unknown as { __probe: Record<string, unknown> }).__probe);
      // eval, new Function, the string timer, the inline onerror and the data: import: five bumps.
      expect(probe).toEqual({ eval: 'ran', newFunction: 'ran', timeoutString: 'accepted', dataImport: 'ran', pwned: 5 });
    });
  });
});
