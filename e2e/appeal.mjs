// The appeal in a real browser with JavaScript off, as its "done when" asks: a new person signs, the
// confirmation mail is read where a newcomer reads it (the admins' outbox at /staff/outbox), the link is
// opened and confirmed with the button, and the public count rises after the batch interval.
//
// Inputs (environment): BASE_URL, APPEAL_SLUG (an open appeal), SIGNER_EMAIL (a new address), STAFF_EMAIL,
// STAFF_PASSWORD, TOTP_SECRET and CLOCK_OFFSET_MS (an admin, to read the outbox), SCREENSHOT_DIR, CHROMIUM.
// Run by src/test/java/org/solidarityhub/appeal/AppealBrowserTest.java.

import { env, signAsIndividual, staffFromEnv, staffSignIn, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const SLUG = env('APPEAL_SLUG');
const SIGNER = env('SIGNER_EMAIL');
const STAFF = staffFromEnv();

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium') },
  async (s) => {
    const { page } = s;
    const appealUrl = `${BASE_URL}/appeals/${SLUG}`;
    const count = async () => Number((await page.locator('.count-number').textContent()).replace(/\D/g, ''));

    s.step('1 the appeal page');
    await page.goto(appealUrl, { waitUntil: 'load' });
    const before = await count();
    s.log(`1 appeal page "${await s.h1()}" shows ${before} signatures (${await s.screenshot('appeal')})`);

    s.step('2 signing without JavaScript');
    await signAsIndividual(s, SIGNER);
    s.log(`2 signed; the site says "${await s.h1()}" (${await s.screenshot('signed')})`);

    s.step('3 the confirmation mail in the outbox');
    await staffSignIn(s, BASE_URL, STAFF);
    await page.goto(`${BASE_URL}/staff/outbox`, { waitUntil: 'load' });
    const row = page.locator('tr', { hasText: SIGNER }).first();
    await s.clickAndLoad(row.locator('a'), (url) => /\/staff\/outbox\/\d+$/.test(url.pathname));
    const body = await page.locator('.mail-body').textContent();
    const match = body.match(/\/appeal\/confirm\/[A-Za-z0-9_-]+/);
    if (!match) throw new Error(`no confirmation link in the mail:\n${body}`);
    s.log(`3 the mail "${await s.h1()}" has the link ${match[0].slice(0, 24)}… (${await s.screenshot('mail')})`);
    // sign out, so the signer's part goes on as a visitor
    await s.clickAndLoad(page.locator('form.signout button'), (url) => url.pathname === '/staff/login');

    s.step('4 confirming with the button');
    await page.goto(`${BASE_URL}${match[0]}`, { waitUntil: 'load' });
    await s.expectH1('Confirm your signature');
    await s.clickAndLoad(page.locator('main form button[type=submit]'), (url) => url.pathname === match[0]);
    await s.expectH1('Thank you for signing');
    s.log(`4 confirmed (${await s.screenshot('confirmed')})`);

    s.step('5 the count rises after the batch interval');
    const deadline = Date.now() + 30_000;
    let now = before;
    while (now <= before && Date.now() < deadline) {
      await page.waitForTimeout(1_000);
      await page.goto(appealUrl, { waitUntil: 'load' });
      now = await count();
    }
    if (now !== before + 1) throw new Error(`the count is ${now}, expected ${before + 1} within 30 s`);
    const latest = await page.locator('.signers').textContent();
    if (!latest.includes('Olena Kovalenko')) throw new Error(`the new signer is not among the latest: ${latest}`);
    s.log(`5 the count went from ${before} to ${now} and lists Olena Kovalenko (${await s.screenshot('counted')})`);
  });
