// The design system on a phone, in a real browser with JavaScript off (issue 14):
//   1. the home page at 390 px is not wider than the screen, its header is one compact row (brand, the call to sign,
//      a menu), the big Sign button is on the first screen, and the menu opens without a script;
//   2. the same at 1280 px: the whole navigation in the header, no menu button;
//   3. /design, for a signed-in staff member, at 390 and 1280 px: not wider than the screen.
// Screenshots of each step go to SCREENSHOT_DIR. Prints PASS all steps, or FAIL with the step.
//
// Inputs (environment): BASE_URL, STAFF_EMAIL, STAFF_PASSWORD, TOTP_SECRET, CLOCK_OFFSET_MS (see lib.mjs),
// SCREENSHOT_DIR, CHROMIUM. Run by src/test/java/org/solidarityhub/home/DesignBrowserTest.java.

import { env, staffFromEnv, staffSignIn, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const STAFF = staffFromEnv();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Fails when the page is wider than its viewport (a horizontal scroll bar on a phone). */
async function expectNoHorizontalScroll(page, width) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > width) {
    const culprits = await page.evaluate((w) => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1)
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`), width);
    throw new Error(`${page.url()} is ${wide} px wide at ${width} px: ${culprits.join(', ')}`);
  }
  return wide;
}

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium') },
  async (s) => {
    const { page } = s;

    s.step('1 home page at 390 px');
    await page.setViewportSize(PHONE);
    await page.goto(`${BASE_URL}/en/`, { waitUntil: 'load' });
    await s.expectH1('Global week of action for Ukraine');
    const wide = await expectNoHorizontalScroll(page, PHONE.width);
    const header = await page.locator('.site-header').boundingBox();
    if (header.height > 80) throw new Error(`the header is ${header.height} px high at 390 px: more than one row`);
    if (!(await page.locator('.site-nav').isHidden())) throw new Error('the navigation shows before the menu is opened');
    if (!(await page.locator('.header-cta').isVisible())) throw new Error('no call to sign in the header');
    const sign = await page.locator('.home-sign').boundingBox();
    if (!sign || sign.y + sign.height > PHONE.height * 1.6) throw new Error(`the Sign button is at ${sign?.y} px, far below the first screen`);
    if (sign.height < 44) throw new Error(`the Sign button is ${sign.height} px high, less than a touch target`);
    const phoneHome = await s.screenshot('home-390');
    await page.locator('.menu-toggle > summary').click();
    await page.locator('.site-nav').waitFor({ state: 'visible' });
    const menuFile = await s.screenshot('home-390-menu');
    await s.clickAndLoad(page.locator('.site-nav').getByRole('link', { name: 'News', exact: true }), (url) => url.pathname === '/en/news');
    await expectNoHorizontalScroll(page, PHONE.width);
    s.log(`1 home page at 390 px: ${wide} px wide, header ${header.height} px, Sign button at ${Math.round(sign.y)} px; the menu opens without a script (${phoneHome}, ${menuFile})`);

    s.step('2 home page at 1280 px');
    await page.setViewportSize(DESKTOP);
    await page.goto(`${BASE_URL}/en/`, { waitUntil: 'load' });
    await expectNoHorizontalScroll(page, DESKTOP.width);
    if (!(await page.locator('.site-nav').isVisible())) throw new Error('the navigation is hidden at 1280 px');
    if (await page.locator('.menu-toggle').isVisible()) throw new Error('the menu button shows at 1280 px');
    s.log(`2 home page at 1280 px: navigation in the header (${await s.screenshot('home-1280')})`);

    s.step('3 /design');
    await staffSignIn(s, BASE_URL, STAFF);
    await page.goto(`${BASE_URL}/design`, { waitUntil: 'load' });
    s.expectPath('/staff/design');
    await s.expectH1('Design system');
    const desktopDesign = await s.screenshot('design-1280');
    await page.setViewportSize(PHONE);
    await page.reload({ waitUntil: 'load' });
    const designWide = await expectNoHorizontalScroll(page, PHONE.width);
    s.log(`3 /design: ${designWide} px wide at 390 px (${desktopDesign}, ${await s.screenshot('design-390')})`);
  });
