// The public forms in a real browser, as issue 10's "done when" asks: with JavaScript off, a reader signs the
// appeal and submits an event through the forms, which carry no per-reader token and set no cookie; then a page
// of another site (another origin: 127.0.0.1 instead of localhost, served here) auto-submits the same forms to
// the app, and the browser gets the clear "not allowed" page. The Java test that runs this checks that the
// forged submissions stored nothing.
//
// Inputs (environment): BASE_URL (http://localhost:port), APPEAL_SLUG (an open appeal), CAMPAIGN_SLUG (a campaign
// around 2027-02-25), SIGNER_EMAIL, ORGANIZER_EMAIL, EVENT_TITLE (new ones), FORGED_EMAIL and FORGED_TITLE (what
// the other site posts), CLIENT_ADDRESS (the reader's address as the app sees it, optional), SCREENSHOT_DIR, CHROMIUM.
// Run by src/test/java/org/solidarityhub/appeal/PublicFormsBrowserTest.java.

import { createServer } from 'node:http';
import { env, signAsIndividual, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const SLUG = env('APPEAL_SLUG');
const CAMPAIGN = env('CAMPAIGN_SLUG');
const FORGED_EMAIL = env('FORGED_EMAIL');
const FORGED_TITLE = env('FORGED_TITLE');
const REFUSED_H1 = 'Not allowed';
const REFUSED_TEXT = 'This was sent by a page of another website, so nothing was done. Open the form on this site and send it from there.';

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A page of another site that posts a form to the app as soon as it loads. */
function forgedPage(action, fields) {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
  return `<!DOCTYPE html><html><head><title>Win a prize</title></head><body>
<form method="post" action="${escape(action)}">${inputs}<button>Claim</button></form>
<script>document.forms[0].submit();</script></body></html>`;
}

const forged = {
  '/sign': forgedPage(`${BASE_URL}/appeals/${SLUG}/sign`, {
    kind: 'INDIVIDUAL', name: 'Forged Signer', email: FORGED_EMAIL, country: 'BE', display: 'FULL_NAME',
  }),
  '/event': forgedPage(`${BASE_URL}/events/new?campaign=${CAMPAIGN}`, {
    title: FORGED_TITLE, type: 'DEMONSTRATION', description: 'Forged.', languages: 'en', start: '2027-02-25T13:00',
    end: '2027-02-25T16:00', mode: 'place', city: 'Brussels', country: 'BE', visibility: 'PUBLIC', organizers: 'Nobody',
    contactEmail: FORGED_EMAIL,
  }),
};

// the other site: a server of its own on another origin (127.0.0.1, any free port)
const otherSite = createServer((request, response) => {
  const page = forged[new URL(request.url, 'http://127.0.0.1').pathname];
  response.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(page ?? 'not found');
});
await new Promise((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
const OTHER_ORIGIN = `http://127.0.0.1:${otherSite.address().port}`;

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium'),
  clientAddress: env('CLIENT_ADDRESS', '') || undefined },
  async (s) => {
    const { page } = s;
    const cookies = async () => (await page.context().cookies()).map((c) => c.name);

    s.step('1 signing the appeal without JavaScript');
    await page.goto(`${BASE_URL}/appeals/${SLUG}`, { waitUntil: 'load' });
    const { tokens } = await signAsIndividual(s, env('SIGNER_EMAIL'));
    if (tokens !== 0) throw new Error('the sign form carried a CSRF token');
    s.log(`1 signed; the site says "${await s.h1()}" (${await s.screenshot('signed')})`);

    s.step('2 submitting an event without JavaScript');
    await page.goto(`${BASE_URL}/events/new?campaign=${CAMPAIGN}`, { waitUntil: 'load' });
    const event = page.locator('form.event-form');
    if (await event.locator('input[name=_csrf]').count() !== 0) throw new Error('the event form carries a CSRF token');
    await event.locator('#title').fill(env('EVENT_TITLE'));
    await event.locator('#type').selectOption('DEMONSTRATION');
    await event.locator('#description').fill('We take to the streets against the invasion.');
    await event.locator('#languages').fill('en, fr');
    await event.locator('#start').fill('2027-02-25T13:00');
    await event.locator('#end').fill('2027-02-25T16:00');
    await event.locator('input[name=mode][value=place]').check();
    await event.locator('#city').fill('Brussels');
    await event.locator('#country').selectOption('BE');
    await event.locator('input[name=visibility][value=PUBLIC]').check();
    await event.locator('#organizers').fill('Promote Ukraine');
    await event.locator('#contactEmail').fill(env('ORGANIZER_EMAIL'));
    await s.clickAndLoad(event.locator('button[type=submit]'), (url) => url.pathname === '/en/events/submitted');
    await s.expectH1('Check your email');
    s.log(`2 event submitted; the site says "${await s.h1()}" (${await s.screenshot('event-submitted')})`);

    s.step('3 no cookie');
    const set = await cookies();
    if (set.length > 0) throw new Error(`the public pages and forms set cookies: ${set.join(', ')}`);
    s.log('3 the browser holds no cookie of the site after reading, signing and submitting');

    // The other site's pages run in a context of their own (with JavaScript, as an attacker's page would), so
    // that their requests to another origin and the refusals are not counted as the site's problems.
    const attacker = await page.context().browser().newContext({ javaScriptEnabled: true, locale: 'en-GB' });
    try {
      const victim = await attacker.newPage();
      for (const [path, what] of [['/sign', 'signature'], ['/event', 'event']]) {
        s.step(`4 a page of another site posts a ${what}`);
        const refused = victim.waitForResponse((r) => r.url().startsWith(BASE_URL) && r.request().method() === 'POST');
        await victim.goto(`${OTHER_ORIGIN}${path}`);
        const response = await refused;
        await victim.waitForLoadState('load');
        if (response.status() !== 403) throw new Error(`the forged ${what} was answered ${response.status()}, expected 403`);
        const h1 = (await victim.locator('h1').first().textContent())?.trim();
        const lead = (await victim.locator('.error-page .lead').textContent())?.trim();
        if (h1 !== REFUSED_H1 || lead !== REFUSED_TEXT) throw new Error(`the refusal says "${h1}" / "${lead}"`);
        const file = `${env('SCREENSHOT_DIR', 'target/e2e')}/0${path === '/sign' ? 3 : 4}-forged-${what}.png`;
        await victim.screenshot({ path: file, fullPage: true });
        s.log(`4 the forged ${what} from ${OTHER_ORIGIN} got 403 "${h1}" (${file})`);
      }
    } finally {
      await attacker.close();
      otherSite.close();
    }
  });
