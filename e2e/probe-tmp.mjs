import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const axe = readFileSync('/work/wt/checks/e2e/node_modules/axe-core/axe.min.js', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const js of [true, false]) {
  const ctx = await browser.newContext({ javaScriptEnabled: js });
  const page = await ctx.newPage();
  await page.setContent(`<html lang="en"><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><title>x</title></head><body><main><img src="x.png"><p style="width:500px">hi</p></main></body></html>`);
  try { console.log(js, 'evaluate', await page.evaluate(() => document.documentElement.scrollWidth)); } catch (e) { console.log(js, 'evaluate fails', e.message.slice(0,200)); }
  try { await page.evaluate(axe); const r = await page.evaluate(() => axe.run(document, {resultTypes:['violations']})); console.log(js, 'axe', r.violations.map(v=>v.id)); } catch (e) { console.log(js, 'axe fails', e.message.slice(0,200)); }
}
await browser.close();
