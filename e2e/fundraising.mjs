// Fundraising in a real browser with JavaScript off, as the "done when" asks (the parts the public side
// owns): a second treasurer approves the vests purchase the first one recorded, publishes report "Day 23", and a
// donor sees the purchase, the needs' bars and the report on the public page, verifies it on the site and recomputes
// the rows' SHA-256 from rows.txt, as `curl -s URL | sha256sum` would.
//
// Inputs (environment): BASE_URL, FUNDRAISER_ID, FUNDRAISER_SLUG, STAFF_EMAIL, STAFF_PASSWORD, TOTP_SECRET and
// CLOCK_OFFSET_MS (the second treasurer), SCREENSHOT_DIR, CHROMIUM.
// Run by src/test/java/org/solidarityhub/fundraising/FundraisingBrowserTest.java.

import { createHash } from 'node:crypto';
import { env, staffFromEnv, staffSignIn, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const ID = env('FUNDRAISER_ID');
const SLUG = env('FUNDRAISER_SLUG');
const STAFF = staffFromEnv();

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium') },
  async (s) => {
    const { page } = s;

    s.step('1 the second treasurer approves the purchase');
    await staffSignIn(s, BASE_URL, STAFF);
    await page.goto(`${BASE_URL}/staff/fundraising/${ID}`, { waitUntil: 'load' });
    await s.clickAndLoad(page.locator('form[action*="/approvals/"][action$="/approve"] button').first(),
      (url) => url.pathname.startsWith(`/staff/fundraising/${ID}`));
    s.log(`1 approved on "${await s.h1()}" (${await s.screenshot('approved')})`);

    s.step('2 publishing report Day 23');
    await page.goto(`${BASE_URL}/staff/fundraising/${ID}/reports`, { waitUntil: 'load' });
    await page.locator('#r-title').fill('Day 23');
    await s.clickAndLoad(page.locator('main form button[type=submit]'), (url) => url.pathname === `/staff/fundraising/${ID}/reports`);
    const notice = (await page.locator('.notice').textContent()).trim();
    if (notice !== 'Report 1 is published.') throw new Error(`the notice says ${JSON.stringify(notice)}`);
    s.log(`2 ${notice} (${await s.screenshot('published')})`);
    await s.clickAndLoad(page.locator('form.signout button'), (url) => url.pathname === '/staff/login');

    s.step('3 the donor reads the fundraiser page');
    await page.goto(`${BASE_URL}/en/fundraisers/${SLUG}`, { waitUntil: 'load' });
    const purchase = await page.locator('.purchase').first().textContent();
    for (const expected of ['100 × Bulletproof vests', '€60,000.00', 'Open Dialogue Foundation', 'withheld for safety']) {
      if (!purchase.includes(expected)) throw new Error(`the purchase does not say ${expected}: ${purchase}`);
    }
    const ordered = await page.locator('.needs progress.ordered').first().getAttribute('value');
    if (ordered !== '100') throw new Error(`the vests' ordered bar is at ${ordered}, expected 100`);
    s.log(`3 "${await s.h1()}": the vests purchase and its bars (${await s.screenshot('fundraiser')})`);

    s.step('4 the report, verified by the site and by the donor');
    await s.clickAndLoad(page.locator('#reports a').first(), (url) => url.pathname === `/en/fundraisers/${SLUG}/reports/1`);
    await s.expectH1('No. 1: Day 23');
    const rowsHash = (await page.locator('code.rows-sha256').textContent()).trim();
    const rowsUrl = new URL(await page.locator('a.rows-link').getAttribute('href'), page.url());
    const rows = await (await fetch(rowsUrl)).arrayBuffer();
    const recomputed = createHash('sha256').update(Buffer.from(rows)).digest('hex');
    if (recomputed !== rowsHash) throw new Error(`sha256 of ${rowsUrl} is ${recomputed}, the report says ${rowsHash}`);
    s.log(`4 sha256(rows.txt) = ${recomputed.slice(0, 16)}… as published (${await s.screenshot('report')})`);
    await s.clickAndLoad(page.locator('a.verify-link'), (url) => url.pathname.endsWith('/verify'));
    const verdict = (await page.locator('.verdict').textContent()).trim();
    if (!verdict.startsWith('Verified')) throw new Error(`the verify page says ${verdict}`);
    s.log(`4 the site says: ${verdict} (${await s.screenshot('verified')})`);
  });
