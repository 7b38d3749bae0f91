#!/usr/bin/env node
// Drives a report page (DIR/index.html of `clade report`, or the page `clade serve` serves)
// in headless Chromium through Playwright, for the browser tests, the load-time benchmarks
// and report-screenshot.sh.
//
//   node report_browser.js --playwright DIR (--page FILE | --url URL) [--chromium PATH]
//        [--expect-nodes N] [--click ID|best --expect-diff TEXT] [--live-child SECONDS]
//        [--screenshot PNG] [--measure RUNS] [--live-adds K --add-command CMD]
//        [--width W --height H]
//
// --playwright: the playwright-core package directory. Checks: no console errors, no
// uncaught exceptions, no failed requests, every variant drawn (--expect-nodes), and after
// a real mouse click on variant ID its diff shown containing TEXT. --live-child (a page of
// `clade serve` beside a running `clade run`): the seed is drawn at load; within SECONDS a
// variant the page did not have at load is drawn without a reload; a real click on it
// shows its diff (TEXT, if given, in it); comparing it with the seed shows both. --measure
// loads the page RUNS times in fresh pages and reports the median time until it is drawn.
// --live-adds (a served page): runs CMD K times (`{i}` in it replaced by 0..K-1), each a
// writer adding one variant, and reports the time from CMD's exit to the variant drawn.
// Prints one JSON line with what it saw; exits 1 when a check fails.
'use strict';

const path = require('path');

function parseArgs(argv) {
  const args = { chromium: '/usr/bin/chromium', width: 1400, height: 900 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (argv[i + 1] === undefined) throw new Error(`option ${argv[i]} needs a value`);
    args[key] = argv[i + 1];
  }
  if (!args.playwright || !(args.page || args.url)) throw new Error('--playwright and --page or --url are required');
  return args;
}

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function load(browser, url, args, problems) {
  const page = await browser.newPage({ viewport: { width: +args.width, height: +args.height } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`failed request: ${request.url()} (${request.failure().errorText})`));
  for (let attempt = 0; ; attempt++) {  // a server just started may not listen yet
    try {
      await page.goto(url, { waitUntil: 'load' });
      break;
    } catch (error) {
      if (attempt >= 40 || !url.startsWith('http')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  return page;
}

async function timings(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { readyMs: window.cladeReport.readyMs, loadMs: nav ? nav.loadEventEnd : null,
             phases: window.cladeReport.phases, responseEndMs: nav ? nav.responseEnd : null };
  });
}

// A click on variant `id` (centred first) until the panel's first section shows.
async function clickNode(page, id) {
  await page.evaluate((v) => window.cladeReport.center(v), id);
  await page.locator(`#nodes circle.node[data-id="${id}"]`).click();
  await page.locator('#panel h3').first().waitFor({ timeout: 10000 });
}

// The live checks: the seed at load, a new variant drawn without a reload, its diff on a
// click, and a comparison with the seed.
async function followLive(page, args, result, problems) {
  result.nodesAtLoad = await page.locator('#nodes circle.node').count();
  if (!(await page.locator('#nodes circle.node[data-id="0"]').count())) problems.push('the seed is not drawn at load');
  await page.evaluate(() => { window.loadedOnce = true; });  // gone if the page reloads
  const newId = result.nodesAtLoad;
  try {
    await page.locator(`#nodes circle.node[data-id="${newId}"]`).waitFor({ state: 'attached', timeout: +args.liveChild * 1000 });
  } catch (error) {
    problems.push(`no variant #${newId} was drawn within ${args.liveChild} s`);
    return;
  }
  result.newId = newId;
  result.updates = await page.evaluate(() => window.cladeReport.updates);
  if (!(await page.evaluate(() => window.loadedOnce === true))) problems.push('the page reloaded');
  await clickNode(page, newId);
  const title = await page.locator('#panel h2').first().textContent();
  if (title !== `Variant #${newId}`) problems.push(`the panel shows "${title}" after a click on #${newId}`);
  await page.locator('#panel pre.diff, #panel p.muted:has-text("identical")').first().waitFor({ timeout: 10000 });
  const diff = page.locator('#panel pre.diff');
  result.diffText = (await diff.count()) ? await diff.textContent() : '';
  if (args.expectDiff !== undefined && !result.diffText.includes(args.expectDiff)) {
    problems.push(`the diff of the new variant #${newId} does not contain ${JSON.stringify(args.expectDiff)}`);
  }
  await page.locator('#compare').click();
  await clickNode(page, 0);
  result.compareTitle = (await page.locator('#panel h2').first().textContent()).trim();
  await page.locator('#panel h3:has-text("Diff from")').waitFor({ timeout: 10000 });
  await page.locator('#panel pre.diff, #panel p.muted:has-text("identical")').first().waitFor({ timeout: 10000 });
  result.compareTasks = await page.locator('#panel table.compare-tasks tr').count();
}

async function measureLiveAdds(page, args) {
  const { execSync } = require('child_process');
  const times = [];
  for (let i = 0; i < +args.liveAdds; i++) {
    const before = await page.evaluate(() => window.cladeReport.variants);
    execSync(args.addCommand.replace(/\{i\}/g, String(i)), { stdio: 'ignore' });
    const written = Date.now();
    await page.waitForFunction((n) => window.cladeReport.variants > n, before, { timeout: 20000, polling: 'raf' });
    times.push(Date.now() - written);
    await new Promise((resolve) => setTimeout(resolve, 300 + 137 * i));  // vary the poll's phase
  }
  return { runs: times.length, medianMs: median(times), maxMs: Math.max(...times) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { chromium } = require(path.resolve(args.playwright));
  const url = args.url || 'file://' + path.resolve(args.page);
  const problems = [];
  const result = {};
  const browser = await chromium.launch({
    executablePath: args.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await load(browser, url, args, problems);
    Object.assign(result, await timings(page));
    result.nodes = await page.locator('#nodes circle.node').count();
    if (args.expectNodes !== undefined && result.nodes !== +args.expectNodes) {
      problems.push(`the tree shows ${result.nodes} nodes, expected ${args.expectNodes}`);
    }
    if (args.click === 'best') args.click = await page.evaluate(() => window.cladeReport.best);
    if (args.click !== undefined && args.click !== null) {
      const node = page.locator(`#nodes circle.node[data-id="${args.click}"]`);
      await page.evaluate((id) => window.cladeReport.center(id), +args.click);  // on screen
      const clicked = Date.now();
      await node.click();  // a real mouse click at the node's place on screen
      // The sections appear once variants/<id>.js has loaded; a seed has no diff.
      await page.locator('#panel h3').first().waitFor({ timeout: 10000 });
      const diff = page.locator('#panel pre.diff');
      const text = (await diff.count()) ? await diff.textContent() : '';
      result.clickToDiffMs = Date.now() - clicked;
      result.diffChars = text.length;
      if (args.expectDiff !== undefined && !text.includes(args.expectDiff)) {
        problems.push(`the diff of variant ${args.click} does not contain ${JSON.stringify(args.expectDiff)}`);
      }
      result.panelTitle = await page.locator('#panel h2').first().textContent();
    }
    if (args.liveChild !== undefined) await followLive(page, args, result, problems);
    if (args.liveAdds !== undefined) result.liveAdd = await measureLiveAdds(page, args);
    if (args.screenshot) {
      await page.screenshot({ path: args.screenshot });
      result.screenshot = args.screenshot;
    }
    await page.close();
    if (args.measure !== undefined) {
      const ready = [], loaded = [];
      for (let run = 0; run < +args.measure; run++) {
        const again = await load(browser, url, args, problems);
        const t = await timings(again);
        ready.push(t.readyMs);
        loaded.push(t.loadMs);
        await again.close();
      }
      result.measure = { runs: +args.measure, readyMedianMs: median(ready), loadMedianMs: median(loaded),
                         readyMaxMs: Math.max(...ready) };
    }
  } finally {
    await browser.close();
  }
  result.problems = problems;
  console.log(JSON.stringify(result));
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.log(JSON.stringify({ problems: [`report_browser.js: ${error.message}`] }));
  process.exit(1);
});
