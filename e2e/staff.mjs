// The staff area on a phone and on a desktop, JavaScript off: an admin with every role signs in and follows the staff
// area's links from its home (the same page in other languages and downloads left out); at 390 pixels wide no page is
// wider than the viewport (tables become cards, long tokens wrap) and each has the staff navigation with one section
// marked; the home, the audit log and a few more pages are screenshotted at 390 and 1280 pixels.
//
// Inputs (environment): BASE_URL, STAFF_EMAIL, STAFF_PASSWORD, TOTP_SECRET, CLOCK_OFFSET_MS, SCREENSHOT_DIR, CHROMIUM,
// MAX_PAGES (default 80), SHOTS (paths to screenshot at both widths, comma-separated).
// Run by src/test/java/org/solidarityhub/staff/StaffBrowserTest.java.

import { env, staffFromEnv, staffSignIn, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const MAX_PAGES = Number(env('MAX_PAGES', '80'));
const SHOTS = env('SHOTS', '/staff').split(',').filter((p) => p !== '');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** A staff page to follow: not a download, not the sign-out, not the same page in another language. */
const followed = (path) => path.startsWith('/staff') && !path.startsWith('/staff/logout') && !path.startsWith('/staff/media')
  && !/[?&](lang|language)=/.test(path) && !/\.(csv|zip|pdf|png|jpg|webp)(\?|$)/.test(path);

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e/staff'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium') },
  async (s) => {
    const { page } = s;
    const name = (path) => path.replace(/^\/+/, '').replace(/[^a-z0-9]+/gi, '-') || 'home';

    s.step('sign in as an admin with every role');
    await page.setViewportSize(PHONE);
    await staffSignIn(s, BASE_URL, staffFromEnv());

    s.step('every staff page at 390 pixels: no wider than the viewport, the navigation with its section marked');
    const seen = new Set();
    const queue = ['/staff'];
    const wide = [];
    while (queue.length > 0 && seen.size < MAX_PAGES) {
      const path = queue.shift();
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await page.goto(BASE_URL + path, { waitUntil: 'load' });
      if (!response || response.status() !== 200) throw new Error(`${path} answered ${response && response.status()}`);
      if (!(response.headers()['content-type'] || '').startsWith('text/html')) continue;
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) {
        const culprits = await page.evaluate((viewport) => [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > viewport + 1)
          .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''}`), PHONE.width);
        wide.push(`${path} is ${width} pixels wide (${culprits.join(', ')})`);
      }
      const marked = await page.locator('nav.staff-nav a[aria-current=page]').count();
      if (marked !== 1) throw new Error(`${path} has ${marked} sections marked in the staff navigation`);
      for (const href of await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
        const target = new URL(href, page.url());
        const next = target.pathname + target.search;
        if (target.origin === s.origin && followed(next) && !seen.has(next)) queue.push(next);
      }
    }
    if (wide.length > 0) throw new Error(`wider than 390 pixels:\n  ${wide.join('\n  ')}`);
    if (seen.size < 15) throw new Error(`only ${seen.size} staff pages were reached: ${[...seen].join(', ')}`);
    s.log(`${seen.size} staff pages, none wider than ${PHONE.width} pixels`);

    s.step('screenshots at 390 and 1280 pixels');
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      for (const path of SHOTS) {
        await page.goto(BASE_URL + path, { waitUntil: 'load' });
        await s.screenshot(`${name(path)}-${viewport.width}`);
      }
    }
    s.log(`${SHOTS.length} pages screenshotted at ${PHONE.width} and ${DESKTOP.width} pixels`);
  });
