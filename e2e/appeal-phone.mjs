// The appeal page on a phone, as issue 14's "done when" asks: at 390 x 664 pixels with JavaScript off, the first
// screen shows the title, the summary, the count with its bar and the Sign button; the page is no wider than the
// screen; one tap on the button brings the form; after signing the share links are there. Then the page at 1280
// (the form beside the text), in Ukrainian, and with JavaScript on (the copy button appears).
//
// Inputs (environment): BASE_URL, APPEAL_SLUG (an open appeal), SIGNER_EMAIL (a new address), CLIENT_ADDRESS,
// SCREENSHOT_DIR, CHROMIUM. Run by src/test/java/org/solidarityhub/appeal/AppealPhoneBrowserTest.java.

import { env, signAsIndividual, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const SLUG = env('APPEAL_SLUG');
const PHONE = { width: 390, height: 664 };

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium'),
  clientAddress: env('CLIENT_ADDRESS', '') || undefined },
  async (s) => {
    const { page } = s;
    const appealUrl = (language) => `${BASE_URL}/${language}/appeals/${SLUG}`;

    const notWiderThanTheScreen = async (what) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const viewport = page.viewportSize().width;
      if (width > viewport) throw new Error(`${what} is ${width} px wide at ${viewport} px`);
    };
    const inFirstScreen = async (locator, what) => {
      const box = await locator.boundingBox();
      const { height } = page.viewportSize();
      if (!box || !(await locator.isVisible())) throw new Error(`${what} is not visible`);
      if (box.y < 0 || box.y + box.height > height) {
        throw new Error(`${what} spans ${Math.round(box.y)}-${Math.round(box.y + box.height)} px, outside the first screen of ${height} px`);
      }
      return box;
    };

    s.step('1 the first screen on a phone, JavaScript off');
    await page.setViewportSize(PHONE);
    await page.goto(appealUrl('en'), { waitUntil: 'load' });
    await notWiderThanTheScreen('the appeal page');
    await inFirstScreen(page.locator('h1'), 'the title');
    await inFirstScreen(page.locator('.appeal-summary'), 'the summary');
    await inFirstScreen(page.locator('.count-box progress'), 'the progress bar');
    const button = await inFirstScreen(page.locator('.count-box .sign-button'), 'the Sign button');
    const bar = await page.locator('.count-box progress').boundingBox();
    if (bar.width < 200 || bar.height < 8) throw new Error(`the bar is only ${bar.width} x ${bar.height} px`);
    s.log(`1 the Sign button is at ${Math.round(button.y)}-${Math.round(button.y + button.height)} px of ${PHONE.height}, `
      + `the page ${PHONE.width} px wide (${await s.screenshot('phone-first-screen')})`);

    s.step('2 one tap on the button brings the form');
    await page.locator('.count-box .sign-button').click();
    await page.waitForURL((url) => url.hash === '#sign');
    await inFirstScreen(page.locator('#i-name'), 'the name field after the tap');
    s.log('2 after one tap the form is on the screen');

    s.step('3 signing, and the share step');
    await signAsIndividual(s, env('SIGNER_EMAIL'));
    await notWiderThanTheScreen('the "check your email" page');
    const links = await page.locator('.share-links a').allTextContents();
    const expected = ['Email', 'Telegram', 'WhatsApp', 'Signal', 'Mastodon', 'Bluesky', 'X', 'Facebook'];
    if (JSON.stringify(links.map((l) => l.trim())) !== JSON.stringify(expected)) throw new Error(`share links: ${links}`);
    if (await page.locator('.share-copy-button').isVisible()) throw new Error('the copy button shows without JavaScript');
    s.log(`3 signed; the page asks to share with ${links.length} links (${await s.screenshot('phone-signed-share')})`);

    s.step('4 the page at 1280 pixels');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(appealUrl('en'), { waitUntil: 'load' });
    await notWiderThanTheScreen('the appeal page at 1280');
    await inFirstScreen(page.locator('.count-box .sign-button'), 'the Sign button at 1280');
    const text = await page.locator('article.appeal-text').boundingBox();
    const form = await page.locator('#sign').boundingBox();
    if (form.x < text.x + text.width) throw new Error('the form is not beside the text at 1280 px');
    s.log(`4 at 1280 the form stands beside the text (${await s.screenshot('desktop')})`);

    s.step('5 in Ukrainian on a phone');
    await page.setViewportSize(PHONE);
    await page.goto(appealUrl('uk'), { waitUntil: 'load' });
    await notWiderThanTheScreen('the Ukrainian appeal page');
    await inFirstScreen(page.locator('.count-box .sign-button'), 'the Ukrainian Sign button');
    s.log(`5 the Ukrainian page fits too (${await s.screenshot('phone-uk')})`);

    s.step('6 with JavaScript on, the copy button appears');
    const scripted = await page.context().browser().newContext({ javaScriptEnabled: true, viewport: PHONE, locale: 'en-GB' });
    const foreign = [];
    scripted.on('request', (request) => { if (new URL(request.url()).origin !== s.origin && !request.url().startsWith('data:')) foreign.push(request.url()); });
    const withScripts = await scripted.newPage();
    await withScripts.goto(appealUrl('en'), { waitUntil: 'load' });
    await withScripts.locator('.share-copy-button').waitFor({ state: 'visible' });
    if (foreign.length > 0) throw new Error(`requests to other origins: ${foreign.join(', ')}`);
    s.log('6 with JavaScript the copy button is shown, and nothing is requested from another host');
    await scripted.close();
  });
