// The browser test of every role's pages: starts `ehcp serve` on a loopback port over a scratch
// database (harness.mjs), signs in as each role in headless Chromium, walks that role's pages,
// and runs axe-core on each with the WCAG 2.0-2.2 A and AA rules: any violation, any console
// error (a Content-Security-Policy refusal shows as one), any request to another host, or a
// wrong status fails it. One browser, one server, bounded: under a minute.
//
// node walk.mjs EHCP_BINARY FIXTURE_JSONL
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Harness } from './harness.mjs';

const [ehcp, fixture] = process.argv.slice(2);
const h = new Harness(ehcp, '2026-11-25');

// Synthetic data: the every-event-type fixture and a child whose name is markup.
const extra = join(h.dir, 'extra.jsonl');
writeFileSync(extra, [
  '{"case":"X-1","type":"case_opened","on":"2026-10-01","id":"x1","child":{"given_name":"<script>alert(1)</script>","family_name":"O\'Neil","dob":"2016-02-01"},"caseworker":"Priya Shah","team":"South"}',
  '{"case":"X-1","type":"assessment_requested","on":"2026-10-05","id":"x2","source":"parent"}',
  ''].join('\n'));
h.run(['init']);
h.run(['--as-of', h.asOf, 'import', fixture]);
h.run(['--as-of', h.asOf, 'import', extra]);
const users = [
  ['Priya Shah', 'caseworker', 'South'],
  ['Mo Manager', 'manager', 'South'],
  ['Bea Board', 'board', ''],
  ['Ada Admin', 'admin', ''],
];
for (const [name, role, team] of users) h.addUser(name, role, team);

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

try {
  await h.start();
  for (const [name] of users) {
    const page = await h.newPage(name);
    await page.goto(`${h.base}/sign-in`);
    await h.check(page, `${name} /sign-in`);
    await h.signIn(page, name);
    const supported = await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported'));
    h.expect(supported, `${name}: GOV.UK Frontend's script did not start`);
    for (const [path, status] of walks[name]) {
      const response = await page.goto(h.base + path);
      h.expect(response.status() === status, `${name} ${path}: status ${response.status()}, not ${status}`);
      const html = await page.content();
      if (html.includes('<script>alert(1)')) h.fail(`${name} ${path}: unescaped markup from the data`);
      await h.check(page, `${name.split(' ')[0]} ${path}`);
    }
    await page.browserContext().close();
  }
} finally {
  await h.stop();
}
h.finish('browser');
