// News in a real browser with JavaScript off, as the "done when" asks: a reader opens a published post,
// finds its Atom feed announced, leaves a comment (STEP=comment); then opens the emailed link and confirms it
// (STEP=confirm). Moderation and the comment's appearance are checked by the Java side.
//
// Inputs (environment): BASE_URL, STEP (comment or confirm), POST_PATH (/en/news/<slug>), TITLE (the post's h1),
// EMAIL, CONFIRM_PATH (for STEP=confirm), CLIENT_ADDRESS, SCREENSHOT_DIR, CHROMIUM. Run by
// src/test/java/org/solidarityhub/news/NewsBrowserTest.java.

import { env, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const STEP = env('STEP');

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium'),
  clientAddress: env('CLIENT_ADDRESS', undefined) },
  async (s) => {
    const { page } = s;
    if (STEP === 'comment') {
      s.step('1 the post page');
      await page.goto(`${BASE_URL}${env('POST_PATH')}`, { waitUntil: 'load' });
      await s.expectH1(env('TITLE'));
      const feed = await page.locator('link[rel=alternate][type="application/atom+xml"]').first().getAttribute('href');
      if (!feed || !feed.includes('/api/v1/news.atom')) throw new Error(`no Atom feed announced: ${feed}`);
      s.log(`1 the post "${await s.h1()}", its feed ${feed} (${await s.screenshot('post')})`);

      s.step('2 a comment without JavaScript');
      await page.locator('#c-name').fill('Mykola');
      await page.locator('#c-email').fill(env('EMAIL'));
      await page.locator('#c-comment').fill('Slava Ukraini! Photos at https://example.org/rally');
      await s.clickAndLoad(page.locator('form.comment-form button[type=submit]'), (url) => url.pathname.endsWith('/news/comments/sent'));
      await s.expectH1('Thank you for your comment');
      s.log(`2 sent: "${await s.h1()}" (${await s.screenshot('sent')})`);
    } else {
      s.step('3 the emailed link');
      await page.goto(`${BASE_URL}${env('CONFIRM_PATH')}`, { waitUntil: 'load' });
      await s.expectH1('Confirm your comment');
      await s.clickAndLoad(page.locator('form.confirm-form button[type=submit]'), (url) => url.pathname.endsWith('/news/comments/confirmed'));
      await s.expectH1('Your comment is confirmed');
      s.log(`3 confirmed: "${await s.h1()}" (${await s.screenshot('confirmed')})`);
    }
  });
