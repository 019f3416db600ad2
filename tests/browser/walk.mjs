// The browser test: starts `ehcp serve` on a loopback port over a scratch database, signs in
// as each role in headless Chromium (Debian's, driven by puppeteer-core), walks that role's
// pages, and runs axe-core on each with the WCAG 2.0-2.2 A and AA rules: any violation, any
// console error (a Content-Security-Policy refusal shows as one), any request to another host,
// or a wrong status fails it. One browser, one server, bounded: under a minute.
//
// node walk.mjs EHCP_BINARY FIXTURE_JSONL
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [ehcp, fixture] = process.argv.slice(2);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const asOf = '2026-11-25';
const password = 'correct horse battery';
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const dir = mkdtempSync(join(tmpdir(), 'ehcp-browser-'));
const db = join(dir, 'ehcp.db');
const run = (args, input) => execFileSync(ehcp, ['--db', db, ...args], { input, stdio: ['pipe', 'pipe', 'inherit'] });

// Synthetic data: the every-event-type fixture and a child whose name is markup.
const extra = join(dir, 'extra.jsonl');
writeFileSync(extra, [
  '{"case":"X-1","type":"case_opened","on":"2026-10-01","id":"x1","child":{"given_name":"<script>alert(1)</script>","family_name":"O\'Neil","dob":"2016-02-01"},"caseworker":"Priya Shah","team":"South"}',
  '{"case":"X-1","type":"assessment_requested","on":"2026-10-05","id":"x2","source":"parent"}',
  ''].join('\n'));
run(['init']);
run(['--as-of', asOf, 'import', fixture]);
run(['--as-of', asOf, 'import', extra]);
const users = [
  ['Priya Shah', 'caseworker', 'South'],
  ['Mo Manager', 'manager', 'South'],
  ['Bea Board', 'board', ''],
  ['Ada Admin', 'admin', ''],
];
for (const [name, role, team] of users) {
  run(['user', 'add', name, '--role', role, ...(team ? ['--team', team] : [])], password + '\n');
}

const walks = {
  'Priya Shah': [['/my-work', 200], ['/cases/T-1', 200], ['/cases/T-1?as_of=2026-01-15', 200],
                 ['/cases/X-1', 200], ['/search?q=T-1', 200], ['/team', 403]],
  'Mo Manager': [['/team', 200], ['/team?workflow=assessment', 200], ['/my-work', 200],
                 ['/search?q=script', 200], ['/reports', 200], ['/reports/breaches', 200],
                 ['/reports/board-pack?from=2026-01-01&to=2026-10-31', 200],
                 ['/reports/transfers?year=2027', 200]],
  'Bea Board': [['/reports', 200], ['/reports/breaches', 200], ['/reports/board-pack', 200],
                ['/reports/transfers?year=2027', 200], ['/cases/T-1', 403]],
  'Ada Admin': [['/admin/users', 200], ['/admin/audit', 200]],
};

let passed = 0;
let failed = 0;
const fail = (what) => { failed++; console.log(`FAIL ${what}`); };
const pass = () => { passed++; };

const server = spawn(ehcp, ['--db', db, '--as-of', asOf, 'serve', '--listen', '127.0.0.1:0',
                            '--insecure-cookies', '--threads', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
const killer = setTimeout(() => { console.log('FAIL timed out'); server.kill('SIGTERM'); process.exit(1); }, 90000);
const port = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`ehcp serve exited ${code}`)));
});
const base = `http://127.0.0.1:${port}`;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function check(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (runOnly) => axe.run(document, { runOnly: { type: 'tag', values: runOnly } }), tags);
  if (result.violations.length === 0) {
    pass();
  } else {
    for (const v of result.violations) {
      fail(`${label}: axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
}

try {
  for (const [name] of users) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    // EHCP_WIDTH: the viewport's width in CSS pixels (1280 by default; 375 for a phone).
    const width = Number(process.env.EHCP_WIDTH || 1280);
    await page.setViewport({ width, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (r.url().startsWith(base + '/') || r.url().startsWith('data:')) {
        r.continue();
      } else {
        fail(`${name}: a request left the server: ${r.url()}`);
        r.abort();
      }
    });
    // A page's own 403 shows as "Failed to load resource"; its status is checked below, and
    // every other resource must load.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) fail(`${name}: console error on ${page.url()}: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'document' && r.status() >= 400) fail(`${name}: ${r.url()} answered ${r.status()}`);
    });
    page.on('pageerror', (e) => fail(`${name}: script error on ${page.url()}: ${e.message}`));

    await page.goto(`${base}/sign-in`);
    await check(page, `${name} /sign-in`);
    await page.type('#name', name);
    await page.type('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    if (new URL(page.url()).pathname === '/sign-in') fail(`${name}: not signed in`); else pass();
    const supported = await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported'));
    if (supported) pass(); else fail(`${name}: GOV.UK Frontend's script did not start`);

    for (const [path, status] of walks[name]) {
      const response = await page.goto(base + path);
      if (response.status() !== status) fail(`${name} ${path}: status ${response.status()}, not ${status}`); else pass();
      const html = await page.content();
      if (html.includes('<script>alert(1)')) fail(`${name} ${path}: unescaped markup from the data`);
      await check(page, `${name} ${path}`);
      if (process.env.EHCP_SCREENSHOTS) {
        await page.screenshot({ path: join(process.env.EHCP_SCREENSHOTS, `${width}-${name.split(' ')[0]}-${path.replace(/[^a-z0-9]+/gi, '_')}.png`), fullPage: true });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  clearTimeout(killer);
  rmSync(dir, { recursive: true, force: true });
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
