// What the browser tests share: a scratch database, `ehcp serve` on a loopback port over it,
// headless Chromium (Debian's, driven by puppeteer-core) with every request held to that
// server, axe-core's WCAG 2.0-2.2 A and AA rules, signing in, and the pass/fail count.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const password = 'correct horse battery';

export class Harness {
  constructor(ehcp, asOf) {
    this.ehcp = ehcp;
    this.asOf = asOf;
    this.dir = mkdtempSync(join(tmpdir(), 'ehcp-browser-'));
    this.db = join(this.dir, 'ehcp.db');
    this.passed = 0;
    this.failed = 0;
  }

  run(args, input) {
    return execFileSync(this.ehcp, ['--db', this.db, ...args], { input, stdio: ['pipe', 'pipe', 'inherit'] });
  }

  addUser(name, role, team) {
    this.run(['user', 'add', name, '--role', role, ...(team ? ['--team', team] : [])], password + '\n');
  }

  fail(what) { this.failed++; console.log(`FAIL ${what}`); }
  pass() { this.passed++; }
  expect(ok, what) { if (ok) this.pass(); else this.fail(what); }

  async start() {
    this.server = spawn(this.ehcp, ['--db', this.db, '--as-of', this.asOf, 'serve', '--listen', '127.0.0.1:0',
                                    '--insecure-cookies', '--threads', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
    this.killer = setTimeout(() => { console.log('FAIL timed out'); this.server.kill('SIGTERM'); process.exit(1); }, 100000);
    const port = await new Promise((resolve, reject) => {
      let out = '';
      this.server.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
        if (m) resolve(m[1]);
      });
      this.server.on('exit', (code) => reject(new Error(`ehcp serve exited ${code}`)));
    });
    this.base = `http://127.0.0.1:${port}`;
    this.browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }

  // A page of its own browser context (its own cookies), watched: a request to another host,
  // a console or script error, or a failing resource fails the test.
  async newPage(who) {
    const context = await this.browser.createBrowserContext();
    const page = await context.newPage();
    // EHCP_WIDTH: the viewport's width in CSS pixels (1280 by default; 375 for a phone).
    this.width = Number(process.env.EHCP_WIDTH || 1280);
    await page.setViewport({ width: this.width, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (r.url().startsWith(this.base + '/') || r.url().startsWith('data:')) {
        r.continue();
      } else {
        this.fail(`${who}: a request left the server: ${r.url()}`);
        r.abort();
      }
    });
    // A page's own 4xx shows as "Failed to load resource"; its status is checked by the test,
    // and every other resource must load.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) this.fail(`${who}: console error on ${page.url()}: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'document' && r.status() >= 400) this.fail(`${who}: ${r.url()} answered ${r.status()}`);
    });
    page.on('pageerror', (e) => this.fail(`${who}: script error on ${page.url()}: ${e.message}`));
    return page;
  }

  async check(page, label) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(async (runOnly) => axe.run(document, { runOnly: { type: 'tag', values: runOnly } }), tags);
    if (result.violations.length === 0) {
      this.pass();
    } else {
      for (const v of result.violations) {
        this.fail(`${label}: axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    if (process.env.EHCP_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.EHCP_SCREENSHOTS, `${this.width}-${label.replace(/[^a-z0-9]+/gi, '_')}.png`), fullPage: true });
    }
  }

  async signIn(page, name) {
    await page.goto(`${this.base}/sign-in`);
    await page.type('#name', name);
    await page.type('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    this.expect(new URL(page.url()).pathname !== '/sign-in', `${name}: not signed in`);
  }

  async stop() {
    if (this.browser) await this.browser.close();
    if (this.server) {
      this.server.kill('SIGTERM');
      await new Promise((resolve) => this.server.on('exit', resolve));
    }
    clearTimeout(this.killer);
    rmSync(this.dir, { recursive: true, force: true });
  }

  finish(name) {
    console.log(`${name}: ${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed === 0 ? 0 : 1);
  }
}
