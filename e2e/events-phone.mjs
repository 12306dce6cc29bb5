// The events pages on a phone (390 px) and a desktop (1280 px), with JavaScript on or off (JAVASCRIPT=on|off):
// the list, an event's page and the submission form are never wider than the screen; the event page shows its
// when-and-where block, the map names places (with JavaScript) and credits its data once (in the footer).
// Run by EventsPhoneBrowserTest: BASE_URL, CAMPAIGN_SLUG, EVENT_ID, SCREENSHOT_DIR, JAVASCRIPT.

import { env, withBrowser } from './lib.mjs';

const baseUrl = env('BASE_URL');
const campaign = env('CAMPAIGN_SLUG');
const eventId = env('EVENT_ID');
const javaScript = env('JAVASCRIPT', 'off') === 'on';
const mode = javaScript ? 'js' : 'nojs';

const pages = [
  ['list', `/en/events?campaign=${campaign}`],
  ['event', `/en/events/${eventId}`],
  ['event-uk', `/uk/events/${eventId}`],
  ['form', `/en/events/new?campaign=${campaign}`],
];

await withBrowser({ baseUrl, screenshotDir: env('SCREENSHOT_DIR'), javaScript }, async (session) => {
  const { page } = session;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 860 });
    for (const [name, path] of pages) {
      session.step(`${name} at ${width} px, JavaScript ${javaScript ? 'on' : 'off'}`);
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      if (javaScript && name.startsWith('event')) {
        await page.locator('#event-map[data-markers="1"]').waitFor({ timeout: 15_000 });
      }
      const wide = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
        // the elements that stick out on the right, to name them when the page is too wide
        out: [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      }));
      if (wide.page > wide.view) {
        throw new Error(`${path} is ${wide.page} px wide in a ${wide.view} px window: ${wide.out.join(', ')}`);
      }
      await session.screenshot(`${name}-${width}-${mode}`);
      session.log(`${path} fits ${width} px`);
    }
  }

  session.step('the event page: when, where, calendar, directions, map');
  await page.goto(`${baseUrl}/en/events/${eventId}`, { waitUntil: 'load' });
  const calendar = await page.locator('.when-where a.add-to-calendar').getAttribute('href');
  if (calendar !== `/events/${eventId}.ics`) throw new Error(`the calendar link is ${calendar}`);
  const directions = await page.locator('.when-where a.directions').getAttribute('href');
  if (!directions.startsWith('https://www.openstreetmap.org/directions?')) throw new Error(`the directions link is ${directions}`);
  const credits = await page.getByText('Places from GeoNames').count();
  if (credits !== 1) throw new Error(`the data credits are on the page ${credits} times`);
  if (javaScript) {
    await page.locator('#event-map[data-markers="1"]').waitFor();
    const labels = await page.locator('#event-map .map-label').allTextContents();
    if (!labels.includes('Brussels') || labels.length < 3) throw new Error(`the map names ${JSON.stringify(labels)}`);
    if (await page.locator('#event-map .leaflet-control-attribution').count() !== 0) throw new Error('the map shows an attribution of its own');
    session.log(`the map names ${labels.join(', ')}`);
  } else if (await page.locator('#event-map').isVisible()) {
    throw new Error('without JavaScript an empty map box is shown');
  }
  session.log('the event page has its calendar and directions links and credits the data once');
});
