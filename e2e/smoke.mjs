// End-to-end smoke test of Solidarity Hub in a real browser (Debian's Chromium, driven by playwright-core)
// with JavaScript disabled, as the site must work without it:
//   1. the home page shows the campaign heading;
//   2. no page makes a request to another origin (privacy: nothing is loaded from third parties);
//   3. the language switch leads to the Ukrainian page (/uk/), remembered for /, and back to English (/en/);
//   4. a staff member signs in with email, password and a TOTP code computed here.
// A screenshot of each step goes to SCREENSHOT_DIR. Prints one line per step; exits 0 when all pass and
// 1 with a message naming the failed step otherwise.
//
// Inputs (environment):
//   BASE_URL         the running app, e.g. http://localhost:8080
//   STAFF_EMAIL      an active staff member with an enrolled second factor
//   STAFF_PASSWORD   their password
//   TOTP_SECRET      their TOTP secret (Base32; RFC 6238 with HMAC-SHA1, 6 digits, 30-second steps)
//   CLOCK_OFFSET_MS  how far the server's clock runs ahead of real time (tests move it); default 0
//   SCREENSHOT_DIR   where the screenshots go; default target/e2e
//   CHROMIUM         the browser binary; default /usr/bin/chromium
//
// Run by src/test/java/org/solidarityhub/BrowserEndToEndTest.java, which starts the app and makes the
// staff member. Needs `npm ci --prefix e2e` and `apt-get install chromium`.

import { env, staffFromEnv, staffSignIn, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const STAFF = staffFromEnv();

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium') },
  async (s) => {
    const { page } = s;

    // 1. The home page.
    s.step('1 home page');
    const home = await page.goto(`${BASE_URL}/`, { waitUntil: 'load' }); // redirected to the browser's language
    if (home?.status() !== 200) throw new Error(`GET / answered ${home?.status()}`);
    s.expectPath('/en/');
    await s.expectH1('Global week of action for Ukraine');
    const lang = await page.locator('html').getAttribute('lang');
    if (lang !== 'en') throw new Error(`html lang is ${lang}, expected en`);
    s.log(`1 home page: h1 "${await s.h1()}" (${await s.screenshot('home')})`);

    // 2. Nothing from other origins. Checked here for the home page, and at the end for every page.
    s.step('2 no third-party requests');
    s.checkOrigins();
    s.log(`2 home page made ${s.requests.length} requests, all to ${s.origin} (${await s.screenshot('home-requests')})`);

    // 3. The language switch: plain links in a <details> menu, so it works without JavaScript.
    s.step('3 language switch');
    await page.locator('.language-menu > summary').click();
    await s.clickAndLoad(page.getByRole('link', { name: 'Українська', exact: true }), (url) => url.pathname === '/uk/');
    await s.expectH1('Глобальний тиждень дій за Україну');
    const ukFile = await s.screenshot('home-uk');
    await page.goto(`${BASE_URL}/`, { waitUntil: 'load' }); // the choice is kept (cookie): / leads to /uk/
    s.expectPath('/uk/');
    await s.expectH1('Глобальний тиждень дій за Україну');
    await page.locator('.language-menu > summary').click();
    await s.clickAndLoad(page.getByRole('link', { name: 'English', exact: true }), (url) => url.pathname === '/en/');
    await s.expectH1('Global week of action for Ukraine');
    s.log(`3 language switch: Українська, then English again (${ukFile}, ${await s.screenshot('home-en')})`);

    // 4. Staff sign-in: password, then the TOTP code.
    s.step('4 staff sign-in');
    const loginFile = await s.screenshot('staff-login');
    const code = await staffSignIn(s, BASE_URL, STAFF);
    const greeting = await s.h1();
    if (!greeting?.startsWith('Hello, ')) throw new Error(`h1 is ${JSON.stringify(greeting)}, expected "Hello, …" on ${page.url()}`);
    s.log(`4 staff sign-in: password, code ${code}, then "${greeting}" (${loginFile}, ${await s.screenshot('staff-home')})`);
  });
