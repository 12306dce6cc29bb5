// The appeal's widget on a partner's website, in a real browser with JavaScript off: a page of another origin (the
// partner's, served by the test) holds the widget in the iframe code staff give out; a reader signs inside the frame
// and the frame says "Check your email" while the partner's page stays; no cookie is set; and a form of the partner's
// page itself that posts to the widget is refused, as any post from another site (the site's protection is intact).
//
// Inputs (environment): HUB_URL (the app), PARTNER_URL (the partner's page with the iframe), FORGED_URL (a page of the
// partner's origin with a form posting to the widget), APPEAL_TITLE, SIGNER_EMAIL (a new address), CLIENT_ADDRESS,
// SCREENSHOT_DIR, CHROMIUM. Run by src/test/java/org/solidarityhub/appeal/AppealEmbedBrowserTest.java.

import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { env, fail } from './lib.mjs';

const HUB = new URL(env('HUB_URL')).origin;
const PARTNER_URL = env('PARTNER_URL');
const FORGED_URL = env('FORGED_URL');
const TITLE = env('APPEAL_TITLE');
const SIGNER = env('SIGNER_EMAIL');
const SCREENSHOTS = env('SCREENSHOT_DIR', 'target/e2e/appeal-embed');
mkdirSync(SCREENSHOTS, { recursive: true });

let step = 'launch';
const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'), headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 60_000,
}).catch((e) => fail(step, `cannot start chromium: ${e.message}`));

const ok = (line) => console.log(`ok   ${line}`);
const partnerOrigin = new URL(PARTNER_URL).origin;
const requests = [];
const failures = [];
try {
  // CLIENT_ADDRESS: the address the app sees (X-Forwarded-For from the trusted local proxy), so that this signature
  // does not share the per-address limits of 127.0.0.1 with other tests
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB', viewport: { width: 390, height: 900 },
    extraHTTPHeaders: { 'X-Forwarded-For': env('CLIENT_ADDRESS', '127.0.0.1') } });
  context.on('request', (request) => requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()} answered ${response.status()}`);
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  let shot = 0;
  const screenshot = async (name) => {
    shot += 1;
    const file = join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  const widget = () => {
    const frame = page.frames().find((f) => f.url().startsWith(`${HUB}/`));
    if (!frame) throw new Error(`no frame of ${HUB} in ${page.url()}: ${page.frames().map((f) => f.url()).join(', ')}`);
    return frame;
  };

  step = '1 the partner page shows the widget in its frame';
  await page.goto(PARTNER_URL, { waitUntil: 'load' });
  const frame = widget();
  const h1 = (await frame.locator('h1').textContent())?.trim();
  if (h1 !== TITLE) throw new Error(`the widget's h1 is ${JSON.stringify(h1)}, expected ${JSON.stringify(TITLE)}`);
  const count = (await frame.locator('.count-number').textContent())?.trim();
  if (await frame.locator('progress').count() !== 1) throw new Error('the widget has no progress bar');
  const scrollWidth = await frame.locator('body').evaluate((b) => b.scrollWidth).catch(() => null);
  ok(`1 ${partnerOrigin} frames "${h1}" with ${count} signatures and a bar (${await screenshot('partner-390')})`);

  step = '2 signing inside the frame without JavaScript';
  await frame.locator('#e-name').fill('Morag Campbell');
  await frame.locator('#e-email').fill(SIGNER);
  await frame.locator('#e-country').selectOption('GB');
  await frame.getByLabel('First name and country only').check();
  await Promise.all([
    frame.waitForURL((url) => url.pathname.endsWith('/appeal/embed/signed'), { waitUntil: 'load' }),
    frame.locator('#embed-sign button[type=submit]').click(),
  ]);
  const said = (await widget().locator('h1').textContent())?.trim();
  if (said !== 'Check your email') throw new Error(`after signing the frame says ${JSON.stringify(said)}`);
  if (page.url() !== PARTNER_URL) throw new Error(`the partner's page left for ${page.url()}`);
  ok(`2 the frame says "${said}", the reader stays on ${page.url()} (${await screenshot('signed-390')})`);
  await page.setViewportSize({ width: 1280, height: 900 });
  ok(`2 at 1280 px (${await screenshot('signed-1280')})`);

  step = '3 no cookie';
  const cookies = await context.cookies();
  if (cookies.length > 0) throw new Error(`cookies were set: ${cookies.map((c) => `${c.domain} ${c.name}`).join(', ')}`);
  ok('3 neither the hub nor the partner set a cookie');

  step = '4 the partner page itself cannot post the form';
  await page.goto(FORGED_URL, { waitUntil: 'load' });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${HUB}/`) && r.request().method() === 'POST'),
    page.locator('#forged button').click(),
  ]);
  await page.waitForLoadState('load');
  if (response.status() !== 403) throw new Error(`the forged post answered ${response.status()}, expected 403`);
  const refused = (await page.locator('h1').textContent())?.trim();
  if (refused !== 'Not allowed') throw new Error(`the refusal page says ${JSON.stringify(refused)}`);
  ok(`4 a form of ${partnerOrigin} posting to the widget is refused: 403 "${refused}" (${await screenshot('forged')})`);

  step = 'requests';
  const foreign = requests.filter((url) => !url.startsWith('data:') && ![HUB, partnerOrigin].includes(new URL(url).origin));
  if (foreign.length > 0) throw new Error(`requests to other origins:\n  ${foreign.join('\n  ')}`);
  const unexpected = failures.filter((f) => !f.includes('/appeal/embed answered 403'));
  if (unexpected.length > 0) throw new Error(`failed requests:\n  ${unexpected.join('\n  ')}`);
  ok(`all ${requests.length} requests went to ${HUB} or ${partnerOrigin}${scrollWidth === null ? '' : `; frame width ${scrollWidth}`}`);
  console.log('PASS all steps');
  await browser.close();
  process.exit(0);
} catch (e) {
  console.error(`FAIL ${step}: ${String(e.message).replace(/\x1b\[[0-9;]*m/g, '')}`);
  await browser.close().catch(() => {});
  process.exit(1);
}
