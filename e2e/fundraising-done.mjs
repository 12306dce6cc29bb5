// Issue 12's "done when", the whole path in a real browser with JavaScript off: a first treasurer creates "Operation
// Solidarity" (EUR) with its vests need, imports a camt.053 bank statement (typing the rate of its UAH line) and records
// the purchase of 100 class 4 vests for €60,000 through the Open Dialogue Foundation, above the four-eyes amount; a
// second treasurer approves it, moves it to paid, shipped and delivered, records the delivery, uploads the receipt
// PDF, blacks out its account number, publishes the redacted copy and publishes report "Day 23"; a donor in a browser
// of their own (JavaScript off) sees the raised figure, the purchase with its status, the delivery, the receipt's
// thumbnails and the report with its hash on the public fundraiser page.
//
// Inputs (environment): BASE_URL, SLUG (the new fundraiser's slug), STATEMENT (a camt.053 file), TODAY (the app's
// date, yyyy-mm-dd), RECEIPT (a PDF), REGIONS (what to black out on its first page), TREASURER_1_EMAIL,
// TREASURER_1_PASSWORD, TREASURER_1_TOTP, TREASURER_2_EMAIL, TREASURER_2_PASSWORD, TREASURER_2_TOTP,
// CLOCK_OFFSET_MS, SCREENSHOT_DIR, CHROMIUM.
// Prints "FUNDRAISER_ID <id>", "PURCHASE_ID <id>", "RECEIPT_THUMBNAIL <url>", "REPORT_SHA256 <hex>" and
// "ROWS_SHA256 <hex>" for the Java side, which checks the ledger and the published receipt and verifies the report
// with tools/verify-fundraising-report.
// Run by src/test/java/org/solidarityhub/fundraising/FundraisingDoneWhenBrowserTest.java.

import { env, fail, staffSignIn, withBrowser } from './lib.mjs';

const BASE_URL = env('BASE_URL').replace(/\/+$/, '');
const SLUG = env('SLUG');
const STATEMENT = env('STATEMENT');
const TODAY = env('TODAY');
const RECEIPT = env('RECEIPT');
const REGIONS = env('REGIONS');
const clockOffsetMs = Number(env('CLOCK_OFFSET_MS', '0'));
if (!Number.isFinite(clockOffsetMs)) fail('setup', `CLOCK_OFFSET_MS is not a number: ${process.env.CLOCK_OFFSET_MS}`);
const treasurer = (n) => ({ email: env(`TREASURER_${n}_EMAIL`), password: env(`TREASURER_${n}_PASSWORD`),
  secret: env(`TREASURER_${n}_TOTP`), clockOffsetMs });
const FIRST = treasurer(1);
const SECOND = treasurer(2);

await withBrowser({ baseUrl: BASE_URL, screenshotDir: env('SCREENSHOT_DIR', 'target/e2e'), chromiumPath: env('CHROMIUM', '/usr/bin/chromium') },
  async (s) => {
    const { page } = s;
    const notice = async () => (await page.locator('.notice').first().textContent({ timeout: 5_000 })).trim();
    const expectNotice = async (expected) => {
      const actual = await notice();
      if (!actual.startsWith(expected)) throw new Error(`the notice says ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    };
    const mainText = async () => (await page.locator('main').textContent()).replace(/\s+/g, ' ');
    const expectText = async (...expected) => {
      const text = await mainText();
      for (const e of expected) if (!text.includes(e)) throw new Error(`${page.url()} does not say ${JSON.stringify(e)}: ${text}`);
    };

    s.step('1 the first treasurer signs in and creates Operation Solidarity (EUR) with its vests need');
    await staffSignIn(s, BASE_URL, FIRST);
    await page.goto(`${BASE_URL}/staff/fundraising`, { waitUntil: 'load' });
    await page.locator('#f-slug').fill(SLUG);
    await page.locator('#f-title').fill('Operation Solidarity');
    await page.locator('#f-summary').fill('Protection for the volunteers of Operation Solidarity (seed 003, Day 23).');
    await page.locator('#f-base').fill('EUR');
    await page.locator('#f-goal').fill('100000');
    await page.locator('#f-how').fill('IBAN PL61 1090 1014 0000 0712 1981 2874 (Operation Solidarity)');
    await s.clickAndLoad(page.locator('form[action$="/staff/fundraising"] button[type=submit]'),
      (url) => /^\/staff\/fundraising\/\d+$/.test(url.pathname));
    const id = new URL(page.url()).pathname.split('/').pop();
    const fundraiserPath = `/staff/fundraising/${id}`;
    console.log(`FUNDRAISER_ID ${id}`);
    await page.locator('#n-item').fill('Bulletproof vests, class 4');
    await page.locator('#n-quantity').fill('100');
    await page.locator('#n-unitCost').fill('600');
    await page.locator('#n-priority').selectOption('HIGH');
    await s.clickAndLoad(page.locator(`form[action$="${fundraiserPath}/needs"] button[type=submit]`), (url) => url.pathname === fundraiserPath);
    await expectNotice('The need was added.');
    await page.locator('#s-state').selectOption('OPEN');
    await s.clickAndLoad(page.locator(`form[action$="${fundraiserPath}/settings"] button[type=submit]`), (url) => url.pathname === fundraiserPath);
    await expectNotice('Saved.');
    s.log(`1 fundraiser ${id} "${await s.h1()}" open, with its need (${await s.screenshot('fundraiser-created')})`);

    s.step('2 the first treasurer imports a camt.053 bank statement');
    await page.goto(`${BASE_URL}/staff/fundraising/imports?fundraiser=${id}`, { waitUntil: 'load' });
    await page.locator('#i-fundraiser').selectOption(id);
    await page.locator('#i-file').setInputFiles(STATEMENT);
    await s.clickAndLoad(page.locator('form.import-upload button[type=submit]'), (url) => /^\/staff\/fundraising\/imports\/\d+$/.test(url.pathname));
    const counts = (await page.locator('#import-counts').textContent()).trim();
    if (!counts.startsWith('3 incoming payments read: 3 to import, 0 duplicates skipped')) throw new Error(`the preview says ${counts}`);
    const newLines = await page.locator('table.import-lines tr.new').count();
    if (newLines !== 3) throw new Error(`the preview shows ${newLines} new lines, expected 3`);
    s.log(`2 preview: ${counts} (${await s.screenshot('import-preview')})`);
    await page.locator('#f-rateUAH').fill('0.0225');
    await page.locator('#f-rateOnUAH').fill(TODAY);
    await page.locator('#f-rateSourceUAH').fill('NBU');
    await s.clickAndLoad(page.locator('form.import-confirm button[type=submit]'), (url) => url.search.includes('done=imported'));
    await expectNotice('The donations were recorded.');
    const imported = (await page.locator('#import-imported').textContent()).trim();
    if (imported !== '3') throw new Error(`${imported} donations recorded, expected 3`);
    await page.goto(`${BASE_URL}${fundraiserPath}`, { waitUntil: 'load' });
    const raised = (await page.locator('.figure-raised').textContent()).replace(/\s+/g, ' ').trim();
    if (!raised.startsWith('€1,570.50 raised of €100,000.00')) throw new Error(`the figures say ${raised}`);
    s.log(`2 imported 3 donations: ${raised} (${await s.screenshot('imported')})`);

    s.step('3 the first treasurer records the vests purchase above the four-eyes amount');
    await page.locator('#p-need').selectOption({ label: 'Bulletproof vests, class 4' });
    await page.locator('#p-quantity').fill('100');
    await page.locator('#p-total').fill('60000');
    await page.locator('#p-currency').fill('EUR');
    await page.locator('#p-description').fill('Israeli bulletproof vests, protection class 4');
    await page.locator('#p-supplierName').fill('Vest manufacturer');
    await page.locator('#p-supplierCountry').fill('IL');
    await page.locator('form[action$="/purchases"] input[name=supplierWithheld]').check();
    await page.locator('#p-intermediaryName').fill('Open Dialogue Foundation');
    await page.locator('#p-intermediaryCountry').fill('PL');
    await page.locator('#p-orderedOn').fill(TODAY);
    await s.clickAndLoad(page.locator(`form[action$="${fundraiserPath}/purchases"] button[type=submit]`), (url) => url.pathname === fundraiserPath);
    await expectNotice('The purchase was recorded; it waits for a second treasurer');
    const approveButtons = await page.locator('form[action*="/approvals/"][action$="/approve"]').count();
    if (approveButtons !== 0) throw new Error(`the treasurer who asked sees ${approveButtons} approve button(s)`);
    await expectText('Waits for a second treasurer', 'Another treasurer');
    s.log(`3 the purchase waits for a second treasurer; no approve button for the one who asked (${await s.screenshot('purchase-waits')})`);
    await s.clickAndLoad(page.locator('form.signout button'), (url) => url.pathname === '/staff/login');

    s.step('4 the second treasurer signs in and approves the purchase');
    await staffSignIn(s, BASE_URL, SECOND);
    await page.goto(`${BASE_URL}${fundraiserPath}`, { waitUntil: 'load' });
    await s.clickAndLoad(page.locator('form[action*="/approvals/"][action$="/approve"] button'), (url) => url.pathname === fundraiserPath);
    await expectNotice('Approved and posted to the ledger.');
    s.log(`4 approved (${await s.screenshot('approved')})`);

    s.step('5 the purchase moves to paid, shipped and delivered, and its delivery is recorded');
    await s.clickAndLoad(page.locator('section[aria-labelledby=purchases] table a').first(), (url) => url.pathname.startsWith(`${fundraiserPath}/purchases/`));
    const purchasePath = new URL(page.url()).pathname;
    console.log(`PURCHASE_ID ${purchasePath.split('/').pop()}`);
    await expectText('Open Dialogue Foundation', 'Vest manufacturer · withheld in public');
    for (const status of ['Paid', 'Shipped', 'Delivered']) {
      await page.locator('form[action$="/status"] input[name=on]').fill(TODAY);
      await s.clickAndLoad(page.locator('form[action$="/status"] button'), (url) => url.pathname === purchasePath);
      await expectNotice("The purchase's status was moved on.");
      await expectText(`${status}: ${TODAY}`);
    }
    await page.locator('#v-quantity').fill('100');
    await page.locator('#v-recipientName').fill('A volunteer unit near Kharkiv');
    await page.locator('#v-recipientCountry').fill('UA');
    await page.locator('form[action$="/deliveries"] input[name=recipientHidden]').check();
    await page.locator('#v-deliveredOn').fill(TODAY);
    await s.clickAndLoad(page.locator('form[action$="/deliveries"] button[type=submit]'), (url) => url.pathname === purchasePath);
    await expectNotice('The delivery was recorded.');
    await expectText('Every item was delivered.', 'A volunteer unit near Kharkiv · withheld in public');
    s.log(`5 paid, shipped, delivered on ${TODAY}; 100 vests delivered (${await s.screenshot('delivered')})`);

    s.step('6 the receipt PDF is uploaded, its account number blacked out and the redacted copy published');
    const receiptState = async () => (await page.locator('article.receipt .receipt-state').first().textContent({ timeout: 5_000 })).trim();
    // media renders the pages off the request thread: the treasurer reloads the page until they are ready
    const untilProcessed = async () => {
      const deadline = Date.now() + 60_000;
      while ((await receiptState()) === 'being processed' && Date.now() < deadline) {
        await page.waitForTimeout(500);
        await page.goto(`${BASE_URL}${purchasePath}`, { waitUntil: 'load' });
      }
      const state = await receiptState();
      if (state !== 'ready, not published') throw new Error(`the receipt is "${state}" after 60 s`);
    };
    await page.locator('#receipt-file').setInputFiles(RECEIPT);
    await s.clickAndLoad(page.locator(`form[action$="${purchasePath}/receipts"] button[type=submit]`), (url) => url.pathname === purchasePath);
    await expectNotice('The receipt was uploaded and is being processed');
    await untilProcessed();
    const pages = await page.locator('article.receipt .receipt-page').count();
    if (pages !== 2) throw new Error(`the receipt shows ${pages} pages, expected 2`);
    s.log(`6 the receipt's ${pages} pages are ready (${await s.screenshot('receipt-ready')})`);
    const redact = page.locator('form.regions-form[action$="/pages/1/redact"]');
    await redact.locator('textarea[name=regions]').fill(REGIONS);
    await s.clickAndLoad(redact.locator('button[type=submit]'), (url) => url.pathname === purchasePath);
    await expectNotice('The page was rendered again with these black boxes.');
    await untilProcessed();
    await expectText('one black box');
    s.log(`6 page 1 blacked out at ${REGIONS} (${await s.screenshot('receipt-redacted')})`);
    await s.clickAndLoad(page.locator('article.receipt form[action$="/publish"] button'), (url) => url.pathname === purchasePath);
    await expectNotice('The redacted copy is published. The original stays private.');
    if ((await receiptState()) !== 'published') throw new Error(`the receipt is "${await receiptState()}"`);
    if ((await page.locator('form.regions-form[action*="/receipts/"]').count()) !== 0) throw new Error('the boxes of a published receipt can still be changed');
    s.log(`6 the redacted copy is published (${await s.screenshot('receipt-published')})`);

    s.step('7 the second treasurer publishes report "Day 23"');
    await page.goto(`${BASE_URL}${fundraiserPath}`, { waitUntil: 'load' });
    await s.clickAndLoad(page.locator(`main a[href$="${fundraiserPath}/reports"]`), (url) => url.pathname === `${fundraiserPath}/reports`);
    await page.locator('#r-title').fill('Day 23');
    await s.clickAndLoad(page.locator(`form[action$="${fundraiserPath}/reports"] button[type=submit]`), (url) => url.pathname === `${fundraiserPath}/reports`);
    await expectNotice('Report 1 is published.');
    s.log(`7 ${await notice()} (${await s.screenshot('report-published')})`);
    await s.clickAndLoad(page.locator('form.signout button'), (url) => url.pathname === '/staff/login');

    s.step('8 a donor, JavaScript off, reads the public fundraiser page');
    // a browser of their own: no staff cookie, JavaScript off; its requests are checked with the run's
    const donorContext = await page.context().browser().newContext({ javaScriptEnabled: false, locale: 'en-GB', viewport: { width: 1100, height: 800 } });
    donorContext.on('request', (request) => s.requests.push(request.url()));
    donorContext.on('requestfailed', (request) => s.problems.push(`${request.url()} failed: ${request.failure()?.errorText}`));
    donorContext.on('response', (response) => { if (response.status() >= 400) s.problems.push(`${response.url()} answered ${response.status()}`); });
    const donor = await donorContext.newPage();
    await donor.goto(`${BASE_URL}/en/fundraisers/${SLUG}`, { waitUntil: 'load' });
    const donorText = async (locator) => (await locator.textContent({ timeout: 5_000 })).replace(/\s+/g, ' ').trim();
    const h1 = await donorText(donor.locator('h1'));
    if (h1 !== 'Operation Solidarity') throw new Error(`the public page's h1 is ${h1}`);
    const raisedPublic = await donorText(donor.locator('.raised-figures'));
    if (!raisedPublic.startsWith('€1,570.50 raised of €100,000.00')) throw new Error(`the public page says ${raisedPublic}`);
    const purchase = donor.locator('article.purchase').first();
    const purchaseText = await donorText(purchase);
    for (const expected of ['100 × Bulletproof vests, class 4, €60,000.00', 'Supplier withheld for safety', 'Open Dialogue Foundation']) {
      if (!purchaseText.includes(expected)) throw new Error(`the purchase does not say ${JSON.stringify(expected)}: ${purchaseText}`);
    }
    if (purchaseText.includes('Vest manufacturer')) throw new Error(`the withheld supplier is named in public: ${purchaseText}`);
    const done = await purchase.locator('ol.status li.done').allTextContents();
    if (done.length !== 4 || !done[3].includes('Delivered')) throw new Error(`the purchase's steps done: ${JSON.stringify(done)}`);
    const deliveries = (await purchase.locator('ul.deliveries li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    if (deliveries.length !== 1 || !deliveries[0].startsWith('100 items on ') || !deliveries[0].endsWith('to: withheld for safety')) {
      throw new Error(`the deliveries say ${JSON.stringify(deliveries)}`);
    }
    if ((await donor.content()).includes('Kharkiv')) throw new Error('the hidden recipient is named on the public page');
    const thumbnails = purchase.locator('ul.receipts img');
    const alts = await thumbnails.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')));
    if (JSON.stringify(alts) !== JSON.stringify(['Receipt, page 1 of 2', 'Receipt, page 2 of 2'])) throw new Error(`the receipt's thumbnails: ${JSON.stringify(alts)}`);
    const loaded = await thumbnails.evaluateAll((imgs) => imgs.map((i) => i.complete && i.naturalWidth > 0));
    if (loaded.includes(false)) throw new Error(`a receipt thumbnail did not load: ${JSON.stringify(loaded)}`);
    const thumbnail = await thumbnails.first().getAttribute('src');
    const larger = await purchase.locator('ul.receipts a').first().getAttribute('href');
    for (const url of [thumbnail, larger]) {
      const response = await donor.request.get(new URL(url, donor.url()).toString());
      if (response.status() !== 200 || !response.headers()['content-type']?.startsWith('image/')) {
        throw new Error(`${url} answered ${response.status()} ${response.headers()['content-type']}`);
      }
    }
    console.log(`RECEIPT_THUMBNAIL ${thumbnail}`);
    const report = donor.locator('#reports ul.reports li').first();
    const reportLink = await donorText(report.locator('a'));
    if (reportLink !== 'No. 1: Day 23') throw new Error(`the report is listed as ${reportLink}`);
    const reportHash = await donorText(report.locator('code.hash'));
    if (!/^[0-9a-f]{64}$/.test(reportHash)) throw new Error(`the report's hash is shown as ${reportHash}`);
    await donor.screenshot({ path: `${env('SCREENSHOT_DIR', 'target/e2e')}/public-page.png`, fullPage: true });
    s.log(`8 the donor sees ${raisedPublic}; "${purchaseText.slice(0, 60)}…" delivered; ${deliveries[0]}; the receipt's 2 pages; ${reportLink} ${reportHash.slice(0, 16)}…`);

    s.step('9 the donor opens the report and its hashes');
    await Promise.all([donor.waitForURL((url) => url.pathname === `/en/fundraisers/${SLUG}/reports/1`, { waitUntil: 'load' }), report.locator('a').click()]);
    const shownHash = await donorText(donor.locator('code.report-sha256'));
    if (shownHash !== reportHash) throw new Error(`the report page shows ${shownHash}, the fundraiser page ${reportHash}`);
    const figures = [await donorText(donor.locator('.report-raised')), await donorText(donor.locator('.report-ordered')),
      await donorText(donor.locator('.report-delivered'))];
    if (figures.join(' / ') !== '€1,570.50 / €60,000.00 / €60,000.00') throw new Error(`the report says in / bought / arrived: ${figures.join(' / ')}`);
    const rowsHash = await donorText(donor.locator('code.rows-sha256'));
    const command = await donorText(donor.locator('pre.command'));
    if (!command.includes(`tools/verify-fundraising-report`)) throw new Error(`the report page shows no command: ${command}`);
    await donor.screenshot({ path: `${env('SCREENSHOT_DIR', 'target/e2e')}/public-report.png`, fullPage: true });
    console.log(`REPORT_SHA256 ${reportHash}`);
    console.log(`ROWS_SHA256 ${rowsHash}`);
    s.log(`9 report no. 1 "Day 23": in, bought, arrived ${figures.join(', ')}; report ${reportHash.slice(0, 16)}…, rows ${rowsHash.slice(0, 16)}…`);
    await donorContext.close();
  });
