// Every page of the site in a real browser, as issue 14's checks ask: each page of a list, at 390 and 1280 pixels
// wide, with JavaScript on and off, in English and Ukrainian, and with JavaScript on in Arabic (the right-to-left
// language, whose pages must also set dir="rtl" and start from the right), is screenshotted (full page, JPEG:
// SCREENSHOT_DIR/<page>/<width>-<js|no-js>-<language>.jpeg) and checked:
//   - at 390 pixels the document is no wider than the viewport (else: the widest elements that stick out, with a
//     selector and their width, so the failure says what to fix);
//   - no visible text, attribute a reader sees, or <title> shows a template expression (${ #{ *{ ~{ th:) or a raw
//     message key (a whole text that is a key of messages.properties, or has a key's shape and a key's first part,
//     such as "events.approved", unless marked up as <code>; or Thymeleaf's ??key_xx?? for a missing one);
//   - axe-core finds no violation. Only with JavaScript on: with JavaScript off in the page, Playwright's evaluate of
//     plain code still works (the checks above use it), but axe.run never settles (it waits on timers and promises
//     that a page without scripts does not run), so axe runs in the JavaScript-on views.
// Each problem is printed as one line: PROBLEM<TAB>page path<TAB>width<TAB>js|no-js<TAB>language<TAB>what.
// Four views are also taken at the size of the screen alone (SCREENSHOT_DIR/readme/) for the README
// (tools/readme-screenshots copies them to docs/screenshots/).
//
// Inputs (environment): BASE_URL, PAGES_FILE (one page a line: name, path, localized, staff, index of the form to
// submit empty or -1, separated by tabs), MESSAGE_KEYS_FILE (one key a line), STAFF_EMAIL, STAFF_PASSWORD,
// TOTP_SECRET, CLOCK_OFFSET_MS (an admin with every role), CLIENT_ADDRESSES (five addresses, comma-separated, as the
// app sees each browser), SCREENSHOT_DIR, CHROMIUM, and SITE_SCREENSHOTS=off to save no full-page screenshot.
// Run by src/test/java/org/solidarityhub/SitePagesBrowserTest.java.

import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { env, staffFromEnv, totp } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const SCREENSHOT_DIR = env('SCREENSHOT_DIR');
const WIDTHS = [390, 1280];
const HEIGHTS = { 390: 844, 1280: 800 };
const LANGUAGES = { en: 'en-GB', uk: 'uk-UA', ar: 'ar' };
// the browsers that go through every page: JavaScript on or off, and a language; SITE_RUNS="no-js:de,js:fr" checks
// other languages instead (docs/translating.md: a translator's look at their language on every page)
const RUNS = process.env.SITE_RUNS
  ? process.env.SITE_RUNS.split(',').map((run) => run.split(':')).map(([js, language]) => [js === 'js', language])
  : [[true, 'en'], [true, 'uk'], [true, 'ar'], [false, 'en'], [false, 'uk']];
// SITE_SCREENSHOTS=off checks every view without saving full-page screenshots (CI's second pass: the first keeps them)
const SCREENSHOTS = process.env.SITE_SCREENSHOTS !== 'off';
let screenshotsMissed = 0;
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// the views the README shows: page name, width, JavaScript, language
const README_VIEWS = [
  ['public-home', 390, false, 'en', 'home-390-en.png'],
  ['public-appeals-x', 390, true, 'uk', 'appeal-390-uk.png'],
  ['public-events', 1280, true, 'en', 'events-1280-en.png'],
  ['public-fundraisers-x', 390, false, 'en', 'fundraiser-390-en.png'],
  ['public-home', 390, true, 'ar', 'home-390-ar.png'],
];

const pages = readFileSync(env('PAGES_FILE'), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => {
  const [name, path, localized, staff, form] = line.split('\t');
  return { name, path, localized: localized === 'true', staff: staff === 'true', form: Number(form) };
});
const keys = readFileSync(env('MESSAGE_KEYS_FILE'), 'utf8').split('\n').filter((k) => k !== '');
const addresses = env('CLIENT_ADDRESSES').split(',');

const started = Date.now();
let problems = 0;
let views = 0;
// every problem is also kept beside the screenshots, one a line
const PROBLEMS_FILE = join(SCREENSHOT_DIR, 'problems.tsv');
mkdirSync(SCREENSHOT_DIR, { recursive: true });
writeFileSync(PROBLEMS_FILE, '');
const problem = (entry, width, javaScript, language, what) => {
  problems += 1;
  const line = ['PROBLEM', entry.form >= 0 ? `${entry.path} (form ${entry.form} sent empty)` : entry.path, width,
    javaScript ? 'js' : 'no-js', language, what.replace(/\s+/g, ' ')].join('\t');
  console.log(line);
  appendFileSync(PROBLEMS_FILE, `${line.slice('PROBLEM\t'.length)}\n`);
};

/**
 * What the page shows that it should not, measured in the page with plain code (no promise, no timer: it runs with
 * JavaScript off too): the overflow at this width with the elements that cause it, template expressions, raw keys.
 */
function inspect({ keys: keyList }) {
  const keySet = new Set(keyList);
  const keyPrefixes = new Set(keyList.map((k) => k.split('.')[0]));
  const found = { scrollWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
    overflowing: [], expressions: [], rawKeys: [] };
  const describe = (element) => {
    const parts = [];
    for (let e = element; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let part = e.tagName.toLowerCase();
      if (e.id) { parts.unshift(`${part}#${e.id}`); break; }
      const classes = [...e.classList].slice(0, 2);
      if (classes.length) part += `.${classes.join('.')}`;
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  const clips = (element) => {
    for (let e = element.parentElement; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.overflowX !== 'visible') return true;
    }
    return false;
  };
  const visible = (element) => element && element.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });

  if (found.scrollWidth > found.viewport) {
    const limit = found.viewport + 0.5;
    const candidates = [];
    for (const element of document.body.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0) continue;
      // a block's content (a long word, a wide child) may stick out of the block itself: its scroll width says so
      const content = element.clientWidth > 0 && getComputedStyle(element).overflowX === 'visible'
        ? rect.left + element.scrollWidth : rect.right;
      const right = Math.max(rect.right, content);
      if (right <= limit || !visible(element) || clips(element)) continue;
      candidates.push({ element, right, width: right - rect.left });
    }
    // the elements that stick out themselves: no child reaches as far to the right
    const causes = candidates.filter((c) => !candidates.some((d) => d.element !== c.element && c.element.contains(d.element)
      && d.right >= c.right - 0.5));
    causes.sort((a, b) => b.right - a.right);
    const text = (element) => {
      const words = (element.textContent || '').trim().replace(/\s+/g, ' ');
      return words ? ` "${words.slice(0, 40)}${words.length > 40 ? '…' : ''}"` : '';
    };
    found.overflowing = causes.slice(0, 5).map((c) => `${describe(c.element)}${text(c.element)} (${Math.round(c.width)} px wide, ends at ${Math.round(c.right)} px)`);
  }

  const expression = /\$\{|#\{|\*\{|~\{|\bth:[a-z]/;
  const keyShape = /^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9_-]+)+$/;
  const missing = /\?\?[^?\s]+\?\?/;
  // text marked up as code (<code>, <kbd>, <samp>) is shown as machine text on purpose, such as the audit log's
  // action name next to its sentence: a key's shape there is not a missing translation (Thymeleaf's ??key?? still is)
  const check = (text, where, asCode = false) => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (expression.test(trimmed)) found.expressions.push(`${where}: ${trimmed.slice(0, 120)}`);
    if (missing.test(trimmed)) found.rawKeys.push(`${where}: ${trimmed.slice(0, 120)}`);
    else if (!asCode && keyShape.test(trimmed) && (keySet.has(trimmed) || keyPrefixes.has(trimmed.split('.')[0]))) found.rawKeys.push(`${where}: ${trimmed}`);
  };
  check(document.title, '<title>');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(parent.tagName) || !visible(parent)) continue;
    check(node.textContent, describe(parent), Boolean(parent.closest('code, kbd, samp')));
  }
  for (const element of document.body.querySelectorAll('[placeholder], [aria-label], [alt], [title], input[type=submit], input[type=button]')) {
    if (!visible(element) && !element.hasAttribute('alt')) continue;
    for (const attribute of ['placeholder', 'aria-label', 'alt', 'title', 'value']) {
      if (attribute === 'value' && !['submit', 'button'].includes(element.type)) continue;
      if (element.hasAttribute(attribute)) check(element.getAttribute(attribute), `${describe(element)}[${attribute}]`);
    }
  }
  return found;
}

/** Opens a view of a page: navigates, or opens the form's page and sends the form empty (no browser validation). */
async function open(page, entry, language) {
  const url = BASE_URL + (entry.localized ? `/${language}${entry.path === '/' ? '/' : entry.path}` : entry.path);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (entry.form < 0) return response;
  const form = page.locator('form[method=post]').nth(entry.form);
  // a reader opens the form first when it sits in a closed <details> (the appeal's organization form)
  await form.evaluate((f) => { f.noValidate = true; for (let d = f.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true; });
  const submit = form.locator('button[type=submit], button:not([type]), input[type=submit]').first();
  const [sent] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), submit.click()]);
  return sent;
}

/**
 * Saves a screenshot for people to look at. It checks nothing, so a machine too busy to take one within a minute,
 * twice, costs the picture (said on a NOTE line) and not the run: the checks of the page go on.
 */
async function screenshot(page, path, options) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.screenshot({ path, timeout: 60_000, ...options });
      return;
    } catch (e) {
      if (attempt === 2) {
        screenshotsMissed += 1;
        console.log(`NOTE\tno screenshot ${path}: ${String(e.message).split('\n')[0]}`);
        return;
      }
    }
  }
}

const timings = { open: 0, screenshot: 0, inspect: 0, axe: 0 };
const timed = async (phase, work) => {
  const start = Date.now();
  try {
    return await work();
  } finally {
    timings[phase] += Date.now() - start;
  }
};

/**
 * Checks a page in one browser (JavaScript on or off, a language): opens it once at 390 pixels, then widens the same
 * page to 1280 (as a reader turning a tablet would: the page reflows, nothing is loaded again).
 */
async function checkPage(page, entry, javaScript, language) {
  await page.setViewportSize({ width: WIDTHS[0], height: HEIGHTS[WIDTHS[0]] });
  let response;
  try {
    response = await timed('open', () => open(page, entry, language));
  } catch (e) {
    problem(entry, WIDTHS[0], javaScript, language, `cannot open: ${String(e.message).split('\n')[0]}`);
    return;
  }
  if (response && response.status() >= 500) problem(entry, WIDTHS[0], javaScript, language, `answered ${response.status()}`);
  const dir = join(SCREENSHOT_DIR, entry.name);
  mkdirSync(dir, { recursive: true });
  for (const width of WIDTHS) {
    if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: HEIGHTS[width] });
    views += 1;
    if (SCREENSHOTS) {
      // JPEG: a full page at 390 px is often 5,000 px tall, which Chromium encodes as PNG several times slower
      const file = join(dir, `${width}-${javaScript ? 'js' : 'no-js'}-${language}.jpeg`);
      await timed('screenshot', () => screenshot(page, file, { fullPage: true, type: 'jpeg', quality: 70 }));
    }
    for (const [name, w, js, lang, file] of README_VIEWS) {
      if (name === entry.name && w === width && js === javaScript && lang === language) {
        mkdirSync(join(SCREENSHOT_DIR, 'readme'), { recursive: true });
        await screenshot(page, join(SCREENSHOT_DIR, 'readme', file), {});
      }
    }

    const found = await timed('inspect', () => page.evaluate(inspect, { keys }));
    if (width === 390 && found.scrollWidth > found.viewport) {
      problem(entry, width, javaScript, language, `${found.scrollWidth} px wide at a ${found.viewport} px viewport: `
        + ([...new Set(found.overflowing)].slice(0, 3).join('; ') || 'no single element found'));
    }
    const summary = (texts) => {
      const unique = [...new Set(texts)];
      return unique.slice(0, 8).join(' | ') + (unique.length > 8 ? ` | and ${unique.length - 8} more` : '');
    };
    if (found.expressions.length) problem(entry, width, javaScript, language, `template expression: ${summary(found.expressions)}`);
    if (found.rawKeys.length) problem(entry, width, javaScript, language, `raw message key: ${summary(found.rawKeys)}`);
    if (RIGHT_TO_LEFT.has(language)) {
      const layout = await page.evaluate(() => {
        const brand = document.querySelector('.brand');
        const box = brand ? brand.getBoundingClientRect() : null;
        return { dir: document.documentElement.dir, brandCentre: box ? box.left + box.width / 2 : null, width: window.innerWidth };
      });
      if (layout.dir !== 'rtl') problem(entry, width, javaScript, language, `right-to-left page without dir="rtl" (dir="${layout.dir}")`);
      if (layout.brandCentre !== null && layout.brandCentre < layout.width / 2) {
        problem(entry, width, javaScript, language, 'right-to-left page whose header starts on the left');
      }
    }

    if (javaScript) {
      await timed('axe', async () => {
        try {
          if (!await page.evaluate(() => Boolean(window.axe))) await page.evaluate(AXE_SOURCE);
          const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
          for (const violation of result.violations) {
            const targets = violation.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
            problem(entry, width, javaScript, language, `axe ${violation.id} (${violation.impact}): ${violation.help}; `
              + `${violation.nodes.length} element(s): ${targets}`);
          }
        } catch (e) {
          problem(entry, width, javaScript, language, `axe did not run: ${String(e.message).split('\n')[0]}`);
        }
      });
    }
  }
}

/** Signs the admin in (password, then TOTP code) in a context of its own; returns the signed-in cookies. */
async function staffSession(browser) {
  const { email, password, secret, clockOffsetMs } = staffFromEnv();
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB',
    extraHTTPHeaders: { 'X-Forwarded-For': addresses[0] } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/staff/login`, { waitUntil: 'load' });
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/staff/login/code', { waitUntil: 'load' }),
    page.locator('form[action$="/staff/login"] button[type=submit]').click()]);
  await page.locator('#code').fill(totp(secret, Date.now() + clockOffsetMs));
  await Promise.all([page.waitForURL((url) => url.pathname === '/staff', { waitUntil: 'load' }),
    page.locator('form[action$="/staff/login/code"] button[type=submit]').click()]);
  const state = await context.storageState();
  await context.close();
  return state;
}

const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 60_000,
});
try {
  const signedIn = pages.some((entry) => entry.staff) ? await staffSession(browser) : undefined;
  // a browser per run (RUNS: JavaScript on or off, a language), each with a tab for public pages and
  // one signed in for staff pages; each goes through every page at both widths
  // at most four browsers at once (two cores): a fifth run starts when one of the first four is done
  let n = 0;
  let nextRun = 0;
  const runOne = async ([javaScript, language]) => {
    const address = addresses[n++ % addresses.length];
    const options = { javaScriptEnabled: javaScript, locale: LANGUAGES[language] ?? language, extraHTTPHeaders: { 'X-Forwarded-For': address } };
    const publicContext = await browser.newContext(options);
    const staffContext = await browser.newContext({ ...options, storageState: signedIn });
    const publicPage = await publicContext.newPage();
    const staffPage = await staffContext.newPage();
    for (const p of [publicPage, staffPage]) {
      p.setDefaultTimeout(20_000);
      p.setDefaultNavigationTimeout(30_000);
    }
    for (const entry of pages) {
      await checkPage(entry.staff ? staffPage : publicPage, entry, javaScript, language);
    }
    await publicContext.close();
    await staffContext.close();
  };
  const worker = async () => {
    while (nextRun < RUNS.length) await runOne(RUNS[nextRun++]);
  };
  await Promise.all(Array.from({ length: Math.min(4, RUNS.length) }, worker));
  console.log(`CHECKED ${pages.length} pages in ${views} views (${WIDTHS.join(' and ')} px, `
    + `${RUNS.map(([js, language]) => `${language} ${js ? 'js' : 'no-js'}`).join(', ')}) in ${Math.round((Date.now() - started) / 1000)} s: ${problems} problem(s); `
    + `${SCREENSHOTS ? `screenshots in ${SCREENSHOT_DIR}` : 'no full-page screenshots (SITE_SCREENSHOTS=off)'}`
    + `${screenshotsMissed ? ` (${screenshotsMissed} not taken: see the NOTE lines)` : ''}; time in all browsers: ${Object.entries(timings).map(([k, v]) => `${k} ${Math.round(v / 1000)} s`).join(', ')}`);
} catch (e) {
  console.log(`FAIL ${String(e.message).replace(/\x1b\[[0-9;]*m/g, '')}`);
  await browser.close().catch(() => {});
  process.exit(1);
}
await browser.close();
process.exit(problems === 0 ? 0 : 1);
