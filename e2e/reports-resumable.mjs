// The report form in a real browser with JavaScript ON: reports-upload.js sends two photos as resumable uploads
// (tus 1.0.0 core) in several small pieces; one piece is cut off on the way, and the script asks the server for its
// offset and resumes; then the form is posted with the upload ids and the report lists both photos. No request
// leaves the site and the page's CSP ('self') reports no violation.
//
// Inputs (environment): BASE_URL, MANAGE_PATH (/en/events/manage/<token>), PHOTO_1, PHOTO_2, CHUNK (bytes per
// piece), CLIENT_ADDRESS, SCREENSHOT_DIR, CHROMIUM. Run by ReportsResumableBrowserTest.java.

import { env, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const MANAGE_PATH = env('MANAGE_PATH');
const PHOTOS = [env('PHOTO_1'), env('PHOTO_2')];
const CHUNK = env('CHUNK');

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium'),
  clientAddress: env('CLIENT_ADDRESS'), javaScript: true },
  async (s) => {
    const { page } = s;
    const console = [];
    page.on('console', (message) => { if (message.type() === 'error') console.push(message.text()); });
    const methods = [];
    page.on('request', (request) => { if (request.url().includes('/api/v1/reports/uploads')) methods.push(request.method()); });

    s.step('1 the report form with JavaScript on');
    await page.goto(`${BASE_URL}${MANAGE_PATH}/report`, { waitUntil: 'load' });
    await s.expectH1('Send a report');
    const uploads = await page.locator('form.report-form').getAttribute('data-uploads');
    if (!uploads || !uploads.includes('/api/v1/reports/uploads?event=')) throw new Error(`the form's data-uploads is ${uploads}`);
    // small pieces, so that each photo goes in several
    await page.locator('form.report-form').evaluate((form, chunk) => { form.dataset.chunk = chunk; }, CHUNK);
    s.log(`1 the form offers resumable uploads at ${uploads.split('?')[0]}`);

    s.step('2 two photos in pieces, one piece cut off and resumed');
    let cut = 0;
    await page.route('**/api/v1/reports/uploads/*', async (route) => {
      if (route.request().method() === 'PATCH' && cut === 0 && methods.filter((m) => m === 'PATCH').length === 2) {
        cut += 1;
        await route.abort('aborted'); // the connection breaks during the second piece
        return;
      }
      await route.continue();
    });
    await page.locator('#r-text').fill(`Resumable uploads from the square (${Date.now()}).`);
    await page.locator('#r-files').setInputFiles(PHOTOS);
    await Promise.all([page.waitForURL((url) => url.search.includes('sent'), { waitUntil: 'load', timeout: 60_000 }),
      page.locator('form.report-form button[type=submit]').click()]);
    const patches = methods.filter((m) => m === 'PATCH').length;
    const heads = methods.filter((m) => m === 'HEAD').length;
    const posts = methods.filter((m) => m === 'POST').length;
    if (cut !== 1) throw new Error('no piece was cut off');
    if (posts !== 2) throw new Error(`${posts} uploads were started, expected 2`);
    if (patches < 5) throw new Error(`only ${patches} pieces were sent`);
    if (heads < 1) throw new Error('the offset was not asked for after the cut');
    const notice = (await page.locator('.notice').textContent()).trim();
    if (!notice.startsWith('Received')) throw new Error(`the page says "${notice}"`);
    const items = await page.locator('.sent-report').first().locator('.report-items li').count();
    if (items !== 2) throw new Error(`the report shows ${items} items, expected 2`);
    s.log(`2 sent in ${patches} pieces (one cut off, ${heads} offset asked), the report lists 2 items (${await s.screenshot('sent')})`);

    s.step('3 no script error and no CSP violation');
    if (console.length > 0) throw new Error(`console errors:\n  ${console.join('\n  ')}`);
    s.log('3 the console shows no error');
  });
