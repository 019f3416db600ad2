// bench/record_bench.mjs: saving an event from the case page's form and re-showing the case
// page (issue 16's speed goal: p95 ≤ 150 ms with 20 people saving at once), against a one-line
// `ehcp import` of the same kind of event measured in the same run on the same database.
//
//   node bench/record_bench.mjs EHCP_BINARY DB --as-of YYYY-MM-DD [--users 20] [--saves 10] [--imports 10]
//
// DB is changed (events are added, caseworker accounts created): use a copy. Each simulated
// caseworker signs in, then on cases of their own team (none shared, so nobody's save conflicts
// with another's) opens the form for a new setting, saves it, and follows the redirect to the
// case page with its "what this did to the clocks" banner; the time from sending the form to
// the case page's last byte is one sample. Needs Node 20 (fetch) and the sqlite3 shell (apt-get install sqlite3).
import { spawn, execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const [ehcp, db, ...rest] = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : fallback;
};
const asOf = arg('--as-of');
const users = Number(arg('--users', 20));
const saves = Number(arg('--saves', 10));
const imports = Number(arg('--imports', 10));
if (!ehcp || !db || !asOf) {
  console.error('usage: node record_bench.mjs EHCP_BINARY DB --as-of YYYY-MM-DD [--users N] [--saves N] [--imports N]');
  process.exit(1);
}
const password = 'bench password 2026';
const run = (args, input) => execFileSync(ehcp, ['--db', db, '--as-of', asOf, ...args], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });

// The open cases by team; each user takes cases of one team, none shared. Read with the sqlite3
// shell, read-only and by the cases table's team index, so that picking 200 cases costs the
// same at 1,000,000 cases as at 1,000 (`ehcp case list` would render every case).
const wanted = users * saves + imports;
const picked = execFileSync('sqlite3', ['-readonly', '-separator', '\t', db,
  `SELECT team, case_ref FROM (SELECT team, case_ref, row_number() OVER (PARTITION BY team ORDER BY case_ref) AS n
     FROM cases WHERE team IS NOT NULL AND opened_on <= '${asOf}' AND (closed_on IS NULL OR closed_on > '${asOf}')
       AND team IN (SELECT DISTINCT team FROM cases WHERE team IS NOT NULL ORDER BY team LIMIT ${users}))
   WHERE n <= ${wanted}`], { maxBuffer: 1 << 30 }).toString().trim().split('\n');
const caseCount = execFileSync('sqlite3', ['-readonly', db, 'SELECT count(*) FROM cases']).toString().trim();
const byTeam = new Map();
for (const row of picked) {
  const [team, ref] = row.split('\t');
  if (!byTeam.has(team)) byTeam.set(team, []);
  byTeam.get(team).push(ref);
}
const teams = [...byTeam.keys()].sort();
const plan = [];
const setUp = performance.now();
// Accounts from an earlier run are kept: `user add` checks the whole file before it writes,
// which is most of a minute at 1,000,000 cases.
const existing = new Set(run(['user', 'list']).toString().split('\n').map((l) => l.split(/\s{2,}/)[0]));
let added = 0;
for (let u = 0; u < users; u++) {
  const team = teams[u % teams.length];
  const pool = byTeam.get(team);
  const mine = pool.splice(0, saves);
  const name = `Bench Caseworker ${u + 1}`;
  plan.push({ name, team, cases: mine });
  if (!existing.has(name)) {
    run(['user', 'add', name, '--role', 'caseworker', '--team', team], password + '\n');
    added++;
  }
}
const accounts = (performance.now() - setUp) / 1000;

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const summary = (xs) => ({ n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs) });

// The baseline: the same kind of event, one line, through `ehcp import -` (a process each).
const baseline = [];
for (let i = 0; i < imports; i++) {
  const ref = byTeam.get(teams[i % teams.length]).pop();
  const line = JSON.stringify({ case: ref, type: 'setting_changed', on: asOf, id: `bench-import-${process.pid}-${i}`,
                                setting: { name: `Bench Import School ${i}`, phase: 'secondary' } });
  const t0 = performance.now();
  run(['import', '-'], line + '\n');
  baseline.push(performance.now() - t0);
}

const server = spawn(ehcp, ['--db', db, '--as-of', asOf, 'serve', '--listen', '127.0.0.1:0', '--insecure-cookies'],
                     { stdio: ['ignore', 'pipe', 'inherit'] });
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

// A client with its own cookies.
function client() {
  const jar = new Map();
  const keep = (r) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    async get(path) {
      const r = await fetch(base + path, { headers: { cookie: cookie() }, redirect: 'manual' });
      keep(r);
      return { status: r.status, location: r.headers.get('location'), body: await r.text() };
    },
    async post(path, form) {
      const r = await fetch(base + path, { method: 'POST', redirect: 'manual', body: new URLSearchParams(form).toString(),
                                           headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' } });
      keep(r);
      return { status: r.status, location: r.headers.get('location'), body: await r.text() };
    },
  };
}
const field = (html, name) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))[1];

const samples = [];
let refused = 0;
// Everyone signs in first: argon2id is slow on purpose, and is not what is measured.
async function signIn({ name }) {
  const c = client();
  const form = await c.get('/sign-in');
  const signed = await c.post('/sign-in', { csrf: field(form.body, 'csrf'), name, password });
  if (signed.status !== 303) throw new Error(`${name} could not sign in: ${signed.status}`);
  return c;
}
async function caseworker(c, { cases: mine }) {
  for (const [i, ref] of mine.entries()) {
    const path = `/cases/${encodeURIComponent(ref)}/record/setting_changed`;
    const form = await c.get(path);
    const [y, m, d] = asOf.split('-');
    const t0 = performance.now();
    const saved = await c.post(path, { csrf: field(form.body, 'csrf'), version: field(form.body, 'version'),
                                       event_id: field(form.body, 'event_id'), 'on-day': String(Number(d)),
                                       'on-month': String(Number(m)), 'on-year': y,
                                       'setting.name': `Bench School ${i}`, 'setting.phase': 'secondary' });
    if (saved.status !== 303) { refused++; continue; }
    const page = await c.get(saved.location);
    samples.push(performance.now() - t0);
    if (page.status !== 200 || !page.body.includes('govuk-notification-banner--success')) refused++;
  }
}

const clients = await Promise.all(plan.map(signIn));
const t0 = performance.now();
await Promise.all(plan.map((p, i) => caseworker(clients[i], p)));
const wall = (performance.now() - t0) / 1000;
server.kill('SIGTERM');
await new Promise((resolve) => server.on('exit', resolve));

const web = summary(samples);
const imp = summary(baseline);
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`cases in the database: ${caseCount}; ${users} caseworkers saving at once, ${saves} saves each, ${wall.toFixed(1)} s`);
console.log(`save and re-show the case page: n=${web.n} p50 ${ms(web.p50)} p95 ${ms(web.p95)} max ${ms(web.max)}; refused or wrong: ${refused}`);
console.log(`set-up: ${added} of ${users} accounts added by \`ehcp user add\` in ${accounts.toFixed(1)} s (a process each, not measured)`);
console.log(`one-line ehcp import (baseline, a process each): n=${imp.n} p50 ${ms(imp.p50)} p95 ${ms(imp.p95)}`);
console.log(`ratio p95 web / p50 import: ${(web.p95 / imp.p50).toFixed(2)}x; goal p95 <= 150 ms: ${web.p95 <= 150 ? 'met' : 'missed'}`);
process.exit(refused === 0 ? 0 : 1);
