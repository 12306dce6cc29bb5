// Reports in a real browser with JavaScript off, as the "done when" asks: a new user sends a report with
// two photos and a link through the event's management link; a moderator approves one photo (with the faces found
// blurred, where the detector is installed) and publishes the report; the photo appears in the campaign gallery and
// on the event page, and the file served carries no metadata segment.
//
// Inputs (environment): BASE_URL, MANAGE_PATH (/events/manage/<token>), EVENT_ID, CAMPAIGN_SLUG, PHOTO_1, PHOTO_2
// (JPEG files with GPS tags), STAFF_EMAIL, STAFF_PASSWORD, TOTP_SECRET and CLOCK_OFFSET_MS (a moderator),
// SCREENSHOT_DIR, CHROMIUM, MEDIA_STORE (the app's media store, local or s3, for the log). Run by
// src/test/java/org/solidarityhub/reports/ReportsBrowserScenario.java, once per store.

import { env, staffFromEnv, staffSignIn, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const MANAGE_PATH = env('MANAGE_PATH');
const EVENT_ID = env('EVENT_ID');
const SLUG = env('CAMPAIGN_SLUG');
const PHOTOS = [env('PHOTO_1'), env('PHOTO_2')];
const STAFF = staffFromEnv();
const STORE = env('MEDIA_STORE', 'local');
const TEXT = `Two hundred people gathered on the square (${Date.now()}).`;

/** Whether a JPEG has an APP1 (EXIF or XMP), APP13 (IPTC), APP2 (ICC) or COM segment before its image data. */
function metadataSegments(bytes) {
  const found = [];
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1];
    if (marker === 0xda) break; // start of scan: the image data follows
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    if (marker === 0xe1 || marker === 0xe2 || marker === 0xed || marker === 0xfe) found.push(marker.toString(16));
    i += 2 + length;
  }
  return found;
}

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium') },
  async (s) => {
    const { page } = s;

    s.step('1 the report form behind the management link');
    await page.goto(`${BASE_URL}${MANAGE_PATH}`, { waitUntil: 'load' });
    await s.clickAndLoad(page.locator('a.send-report'), (url) => url.pathname.endsWith('/report'));
    await s.expectH1('Send a report');
    s.log(`1 the form "${await s.h1()}" (${await s.screenshot('form')})`);

    s.step('2 sending two photos and a link without JavaScript');
    await page.locator('#r-text').fill(TEXT);
    await page.locator('#r-attendance').fill('200');
    await page.locator('#r-links').fill('https://news.example.org/solidarity-rally');
    await page.locator('#r-files').setInputFiles(PHOTOS);
    const blur = page.locator('#r-blur');
    const canBlur = (await blur.count()) > 0;
    if (canBlur) await blur.check();
    await s.clickAndLoad(page.locator('form.report-form button[type=submit]'), (url) => url.search.includes('sent'));
    const notice = (await page.locator('.notice').textContent()).trim();
    if (!notice.startsWith('Received')) throw new Error(`the page says "${notice}"`);
    const items = await page.locator('.sent-report').first().locator('.report-items li').count();
    if (items !== 2) throw new Error(`the report shows ${items} items, expected 2`);
    s.log(`2 sent: "${notice}", 2 items listed, blur ${canBlur ? 'asked' : 'not offered (no detector)'} (${await s.screenshot('sent')})`);

    s.step('3 a moderator finds the report');
    await staffSignIn(s, BASE_URL, STAFF);
    await page.goto(`${BASE_URL}/staff/reports`, { waitUntil: 'load' });
    const row = page.locator('tr', { hasText: TEXT.slice(0, 40) }).first();
    await s.clickAndLoad(row.locator('a'), (url) => /\/staff\/reports\/\d+$/.test(url.pathname));
    const reviewUrl = page.url();
    // the photos are processed off the request thread: wait until both can be decided
    const deadline = Date.now() + 30_000;
    while ((await page.locator('.review-item form[action$="/approve"]').count()) < 2 && Date.now() < deadline) {
      await page.waitForTimeout(500);
      await page.goto(reviewUrl, { waitUntil: 'load' });
    }
    if ((await page.locator('.review-item form[action$="/approve"]').count()) < 2) throw new Error('the photos were not processed in 30 s');
    s.log(`3 the report waits with its two photos (${await s.screenshot('review')})`);

    s.step('4 blurring and approving one photo, publishing the report');
    const first = page.locator('.review-item').first();
    const faces = first.locator('form[action$="/faces"] button');
    if ((await faces.count()) > 0) {
      await s.clickAndLoad(faces, (url) => url.search.includes('done=blurred'));
    }
    await s.clickAndLoad(page.locator('.review-item').first().locator('form[action$="/approve"] button'), (url) => url.search.includes('done=approved'));
    await s.clickAndLoad(page.locator('.review-item').nth(1).locator('form[action$="/hide"] button'), (url) => url.search.includes('done=hidden'));
    await s.clickAndLoad(page.locator('form[action$="/publish"] button'), (url) => url.search.includes('done=published'));
    s.log(`4 one photo approved, the other hidden, the report published (${await s.screenshot('published')})`);
    await s.clickAndLoad(page.locator('form.signout button'), (url) => url.pathname === '/staff/login');

    s.step('5 the photo in the gallery');
    await page.goto(`${BASE_URL}/en/reports?campaign=${SLUG}`, { waitUntil: 'load' });
    const thumbnails = page.locator('.gallery-grid img');
    if ((await thumbnails.count()) !== 1) throw new Error(`the gallery shows ${await thumbnails.count()} pictures, expected 1`);
    const thumb = await thumbnails.first().getAttribute('src');
    const full = await page.locator('.gallery-grid a.lightbox').first().getAttribute('href');
    s.log(`5 the gallery shows ${thumb} (${await s.screenshot('gallery')})`);

    s.step('6 the report and the photo on the event page');
    await page.goto(`${BASE_URL}/en/events/${EVENT_ID}`, { waitUntil: 'load' });
    const text = (await page.locator('.event-reports .report-text').first().textContent()).trim();
    if (text !== TEXT) throw new Error(`the event page shows "${text}"`);
    const onEvent = await page.locator('.event-reports img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')));
    if (onEvent.length !== 1 || onEvent[0] !== thumb) throw new Error(`the event page shows ${JSON.stringify(onEvent)}`);
    const link = page.locator('.event-reports .report-links a').first();
    if ((await link.getAttribute('rel')) !== 'nofollow ugc noopener noreferrer') throw new Error('the link lacks rel="nofollow ugc noopener"');
    s.log(`6 the event page shows the report, its link and the photo (${await s.screenshot('event')})`);

    s.step('7 the photo as served has no metadata');
    for (const url of [thumb, full]) {
      const response = await page.request.get(`${BASE_URL}${url}`);
      if (response.status() !== 200) throw new Error(`${url} answered ${response.status()}`);
      const segments = metadataSegments(await response.body());
      if (segments.length > 0) throw new Error(`${url} still has metadata segments ${segments.join(', ')}`);
    }
    s.log(`7 the web size and the thumbnail carry no EXIF, XMP, IPTC, ICC or comment segment (${STORE} store)`);
  });
