// Shared by the end-to-end scripts: environment, TOTP, and a Chromium session with JavaScript off that
// records every request (to check that nothing goes to another origin) and takes numbered screenshots.

import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const env = (name, fallback) => {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  fail('setup', `environment variable ${name} is not set`);
};


export function fail(step, message) {
  console.error(`FAIL ${step}: ${message}`);
  process.exit(1);
}

// ---- TOTP (RFC 4226 HOTP over RFC 6238 time steps), as an authenticator app computes it ----

/** Decodes RFC 4648 Base32 (A-Z, 2-7), ignoring case, spaces and '=' padding. */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const bytes = [];
  let buffer = 0; // bits not yet emitted, right-aligned
  let bits = 0; // how many bits buffer holds
  for (const char of clean) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not a Base32 character: ${JSON.stringify(char)}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
      buffer &= (1 << bits) - 1; // keep only the bits not emitted, so the number never grows
    }
  }
  return Buffer.from(bytes);
}

/** The six-digit TOTP code of a Base32 secret at a time in milliseconds since the epoch. */
export function totp(secret, timeMs, stepSeconds = 30, digits = 6) {
  const counter = BigInt(Math.floor(timeMs / 1000 / stepSeconds));
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter); // the counter as 8 bytes, big-endian
  const hash = createHmac('sha1', base32Decode(secret)).update(message).digest();
  // dynamic truncation: the low 4 bits of the last byte pick where 31 bits are read
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * Starts Chromium with JavaScript disabled (unless javaScript is true; optionally seen by the app as from clientAddress) and runs body(session); prints PASS or FAIL with the step that
 * failed and exits. The session has: page, step(name), log(line), screenshot(name), h1(), expectH1(text),
 * expectPath(path), clickAndLoad(locator, urlPredicate), checkOrigins(), and origin.
 */
export async function withBrowser({ baseUrl, screenshotDir, chromiumPath = '/usr/bin/chromium', locale = 'en-GB', clientAddress, javaScript = false }, body) {
  const origin = new URL(baseUrl).origin;
  mkdirSync(screenshotDir, { recursive: true });
  let current = 'launch';
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // the background-networking flags keep Chromium from calling home (updates, sync, QUIC probes)
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
  }).catch((e) => fail(current, `cannot start ${chromiumPath}: ${e.message}`));

  // Every request and failure any page of the context makes, to check against the origin.
  const requests = [];
  const problems = [];
  try {
    // clientAddress: the address the app sees (X-Forwarded-For, believed from this host, the trusted local proxy),
    // so that a script's signature does not use up the per-address limits of 127.0.0.1 that other scripts sign from
    const context = await browser.newContext({ javaScriptEnabled: javaScript, locale, viewport: { width: 1100, height: 800 },
      extraHTTPHeaders: clientAddress ? { 'X-Forwarded-For': clientAddress } : {} });
    context.on('request', (request) => requests.push(request.url()));
    context.on('requestfailed', (request) => {
      // a navigation aborts the requests of the page it leaves (the scripts reload pages while polling)
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`${request.url()} failed: ${request.failure()?.errorText}`);
    });
    context.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.url()} answered ${response.status()}`);
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.setDefaultNavigationTimeout(30_000);

    let shot = 0;
    const session = {
      page,
      origin,
      step: (name) => { current = name; },
      log: (line) => console.log(`ok   ${line}`),
      screenshot: async (name) => {
        shot += 1;
        const file = join(screenshotDir, `${String(shot).padStart(2, '0')}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      h1: async () => (await page.locator('h1').first().textContent({ timeout: 5_000 }))?.trim(),
      expectH1: async (expected) => {
        const actual = await session.h1();
        if (actual !== expected) throw new Error(`h1 is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)} on ${page.url()}`);
      },
      expectPath: (path) => {
        const url = new URL(page.url());
        if (url.origin !== origin || url.pathname !== path) throw new Error(`on ${page.url()}, expected ${origin}${path}`);
      },
      // Clicks something that navigates and waits until the new page has loaded.
      clickAndLoad: async (locator, urlPredicate) => {
        await Promise.all([page.waitForURL(urlPredicate, { waitUntil: 'load' }), locator.click()]);
      },
      checkOrigins: () => {
        const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
        if (foreign.length > 0) throw new Error(`requests to other origins than ${origin}:\n  ${foreign.join('\n  ')}`);
        if (!requests.some((url) => url.includes('.css'))) throw new Error(`the stylesheet was not requested: ${requests.join(', ')}`);
      },
      requests,
      problems,
    };
    await body(session);

    // Over every page of the run: nothing from another origin, and no broken request.
    current = 'no third-party requests (all pages)';
    session.checkOrigins();
    if (problems.length > 0) throw new Error(`failed requests:\n  ${problems.join('\n  ')}`);
    session.log(`all ${requests.length} requests of the run went to ${origin}, none failed`);
    console.log('PASS all steps');
    await browser.close();
    process.exit(0);
  } catch (e) {
    // Playwright colours parts of its messages; the output ends up in a test report, so drop the escapes
    console.error(`FAIL ${current}: ${String(e.message).replace(/\x1b\[[0-9;]*m/g, '')}`);
    try {
      const [page] = browser.contexts().flatMap((c) => c.pages());
      if (page) {
        const file = join(screenshotDir, 'failure.png');
        await page.screenshot({ path: file, fullPage: true });
        console.error(`     page at ${page.url()}, screenshot ${file}`);
      }
    } catch {
      // the failure above is what matters
    }
    await browser.close().catch(() => {});
    process.exit(1);
  }
}

/**
 * Signs the appeal on its page (already open) with the individual form, as Olena Kovalenko of Brussels shown by
 * full name, and waits for the "Check your email" page; returns the form, to check what it carried.
 */
export async function signAsIndividual(session, email) {
  const form = session.page.locator('#sign-individual');
  const tokens = await form.locator('input[name=_csrf]').count();
  await form.locator('#i-name').fill('Olena Kovalenko');
  await form.locator('#i-email').fill(email);
  await form.locator('#i-country').selectOption('BE');
  await form.locator('#i-city').fill('Brussels');
  await form.getByLabel('Full name, city and country').check();
  await session.clickAndLoad(form.locator('button[type=submit]'), (url) => url.pathname.endsWith('/signed'));
  await session.expectH1('Check your email');
  return { tokens };
}

/** The staff member the scripts sign in as: STAFF_EMAIL, STAFF_PASSWORD, TOTP_SECRET, CLOCK_OFFSET_MS. */
export function staffFromEnv() {
  const staff = { email: env('STAFF_EMAIL'), password: env('STAFF_PASSWORD'), secret: env('TOTP_SECRET'),
    clockOffsetMs: Number(env('CLOCK_OFFSET_MS', '0')) };
  if (!Number.isFinite(staff.clockOffsetMs)) fail('setup', `CLOCK_OFFSET_MS is not a number: ${process.env.CLOCK_OFFSET_MS}`);
  return staff;
}

/** Signs a staff member in with password and TOTP code (clock offset: how far the server's clock runs ahead). */
export async function staffSignIn(session, baseUrl, { email, password, secret, clockOffsetMs }) {
  const { page } = session;
  await page.goto(`${baseUrl}/staff/login`, { waitUntil: 'load' });
  await session.expectH1('Staff sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await session.clickAndLoad(page.locator('form[action$="/staff/login"] button[type=submit]'), (url) => url.pathname === '/staff/login/code');
  session.expectPath('/staff/login/code');
  const code = totp(secret, Date.now() + clockOffsetMs);
  await page.locator('#code').fill(code);
  await session.clickAndLoad(page.locator('form[action$="/staff/login/code"] button[type=submit]'), (url) => url.pathname === '/staff');
  session.expectPath('/staff');
  return code;
}
