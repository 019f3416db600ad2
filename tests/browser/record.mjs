// The browser test of recording work: a caseworker records a whole assessment, from the request
// to the final plan, through the case page's forms in headless Chromium; a refused event says
// what to record first; a bad date is named on its field; a mistaken event is corrected; two
// people saving over each other are stopped with what changed; a manager reassigns the case;
// and every form passes axe-core's WCAG 2.2 AA rules.
//
// node record.mjs EHCP_BINARY
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Harness } from './harness.mjs';

const [ehcp] = process.argv.slice(2);
const h = new Harness(ehcp, '2026-11-25');
const ref = 'R-1';
const casePath = `/cases/${ref}`;

// Synthetic data: one child, just opened.
const opened = join(h.dir, 'opened.jsonl');
writeFileSync(opened, '{"case":"R-1","type":"case_opened","on":"2026-02-20","child":{"given_name":"Rowan","family_name":"Example","dob":"2018-05-04"},"caseworker":"Priya Shah","team":"South"}\n');
h.run(['init']);
h.run(['--as-of', h.asOf, 'import', opened]);
h.addUser('Priya Shah', 'caseworker', 'South');
h.addUser('Sam Okafor', 'caseworker', 'South');
h.addUser('Mo Manager', 'manager', 'South');

// Fills the form of `type` (the page must be on it): `on` is [day, month, year]; `radios` maps a
// name to the value to choose; `texts` maps an id to what to type; `ticks` lists checkbox ids.
async function fill(page, { on, radios = {}, texts = {}, ticks = [] }) {
  if (on) {
    for (const [i, part] of ['day', 'month', 'year'].entries()) {
      await page.$eval(`#on-${part}`, (e) => { e.value = ''; });
      await page.type(`#on-${part}`, String(on[i]));
    }
  }
  for (const [name, value] of Object.entries(radios)) await page.click(`input[name="${name}"][value="${value}"]`);
  for (const [id, value] of Object.entries(texts)) {
    await page.$eval(`#${id}`, (e) => { e.value = ''; });
    await page.type(`#${id}`, value);
  }
  for (const id of ticks) await page.click(`#${id}`);
}

async function submit(page) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.click('form[method=post][action^="/cases/"] button[type=submit]'),
  ]);
  return response;
}

const text = (page, selector) => page.$eval(selector, (e) => e.textContent.replace(/\s+/g, ' ').trim()).catch(() => '');

// Records `type` from its form and expects the case page's success banner to contain `saying`.
async function record(page, type, fields, saying) {
  await page.goto(`${h.base}${casePath}/record/${type}`);
  await fill(page, fields);
  const response = await submit(page);
  const banner = await text(page, '.govuk-notification-banner--success');
  h.expect(response.status() === 200 && new URL(page.url()).pathname === casePath,
           `${type}: not saved (status ${response.status()}, at ${page.url()}): ${await text(page, '.govuk-error-summary')}`);
  for (const words of saying) h.expect(banner.includes(words), `${type}: the banner does not say "${words}": ${banner}`);
}

try {
  await h.start();
  const priya = await h.newPage('Priya Shah');
  await h.signIn(priya, 'Priya Shah');

  // The case page leads to the choice of what happened: only what the case can take now.
  await priya.goto(h.base + casePath);
  await Promise.all([priya.waitForNavigation(), priya.click('a[href$="/record"]')]);
  await h.check(priya, 'what happened');
  const offered = await priya.$$eval('main ul.govuk-list a', (as) => as.map((a) => a.textContent));
  h.expect(offered.includes('Assessment requested'), `the request is not offered: ${offered}`);
  h.expect(!offered.includes('Advice received') && !offered.includes('Final plan issued'),
           `events the case cannot take are offered: ${offered}`);

  // Every form, empty, is accessible.
  for (const type of ['assessment_requested', 'assessment_decision', 'advice_requested', 'advice_received',
    'exception_recorded', 'issue_decision', 'draft_plan_issued', 'school_consulted', 'consultation_response',
    'family_response', 'final_plan_issued', 'assessment_withdrawn', 'plan_in_force', 'review_meeting_scheduled',
    'review_meeting_held', 'review_report_received', 'review_decision', 'amendment_notice_issued',
    'amended_plan_issued', 'amendment_withdrawn', 'transfer_expected', 'plan_ceased', 'mediation_requested',
    'mediation_declined', 'mediation_held', 'mediation_certificate_issued', 'agreement_carried_out',
    'appeal_lodged', 'appeal_decided', 'tribunal_order', 'moved_out', 'plan_transferred', 'transferred_in',
    'transfer_notice_sent', 'reassessment_requested', 'reassessment_decision', 'custody_notified',
    'custody_plan_shared', 'custody_ended', 'setting_changed', 'case_closed']) {
    const response = await priya.goto(`${h.base}${casePath}/record/${type}`);
    h.expect(response.status() === 200, `form ${type}: status ${response.status()}`);
    await h.check(priya, `form ${type}`);
  }

  // The whole assessment. Request received Mon 2 Mar 2026: the decision is due 6 weeks later
  // (Mon 13 Apr), the final plan 20 weeks later (Mon 20 Jul).
  await record(priya, 'assessment_requested', { on: [2, 3, 2026], radios: { source: 'parent' } },
               ['Assessment requested on Mon 2 Mar 2026', 'Started', 'Decision whether to assess', 'Final plan']);

  // A date that does not exist is named on its field, as the importer refuses it.
  await priya.goto(`${h.base}${casePath}/record/assessment_decision`);
  await fill(priya, { on: [30, 2, 2026], radios: { outcome: 'assess' } });
  let response = await submit(priya);
  h.expect(response.status() === 422, `30 February: status ${response.status()}`);
  const dateError = await text(priya, '#on-error');
  h.expect(dateError.includes('Date of the decision must be a real date'), `30 February: ${dateError}`);
  h.expect(await priya.$eval('.govuk-error-summary a', (a) => a.getAttribute('href')) === '#on-day', 'the summary does not link to the date');
  h.expect(await priya.$eval('input[name=outcome][value=assess]', (e) => e.checked), 'the answer given was lost');
  await h.check(priya, 'a bad date');
  await fill(priya, { on: [10, 4, 2026] });
  response = await submit(priya);
  h.expect((await text(priya, '.govuk-notification-banner--success')).includes('Met: Decision whether to assess'),
           `the decision did not meet its clock: ${await text(priya, 'main')}`);

  // An event out of turn is refused, saying what to record first, and nothing is saved.
  await priya.goto(`${h.base}${casePath}/record/draft_plan_issued`);
  await fill(priya, { on: [5, 6, 2026] });
  response = await submit(priya);
  h.expect(response.status() === 422, `a draft before the decision to issue: status ${response.status()}`);
  const refusal = await text(priya, '.govuk-error-summary');
  h.expect(/Record the decision whether to issue a plan first/.test(refusal), `the refusal does not say what to do: ${refusal}`);
  await h.check(priya, 'a refused event');

  await record(priya, 'advice_requested', { on: [14, 4, 2026], radios: { service: 'educational_psychology' }, texts: { advice: 'ep' } },
               ['Advice requested (ep)', 'Started: Educational psychology advice']);
  await priya.goto(`${h.base}${casePath}/record/advice_received`);
  const awaited = await priya.$$eval('input[name=advice]', (es) => es.map((e) => e.value));
  h.expect(awaited.length === 1 && awaited[0] === 'ep', `the advice awaited is not offered: ${awaited}`);
  await record(priya, 'advice_received', { on: [20, 5, 2026], radios: { advice: 'ep' } }, ['Met: Educational psychology advice']);
  await record(priya, 'issue_decision', { on: [1, 6, 2026], radios: { outcome: 'issue' } }, ['Decision whether to issue a plan']);
  await record(priya, 'draft_plan_issued', { on: [5, 6, 2026] }, ['Draft plan issued']);
  await record(priya, 'school_consulted', { on: [5, 6, 2026], texts: { setting: 'Oak Lane Primary' } },
               ['Started: Consultation with Oak Lane Primary']);
  await record(priya, 'consultation_response', { on: [12, 6, 2026], radios: { setting: 'Oak Lane Primary', outcome: 'agree' } },
               ['Met: Consultation with Oak Lane Primary']);
  await record(priya, 'family_response', { on: [15, 6, 2026], ticks: ['no_further_representations'] }, ["The family's comments"]);
  await record(priya, 'final_plan_issued', { on: [20, 7, 2026], texts: { 'names_setting-name': 'Oak Lane Primary' }, radios: { 'names_setting.phase': 'primary' } },
               ['Met: Final plan', 'Started', 'Annual review']);
  await h.check(priya, 'the case after the final plan');

  // A correction: the advice came on 18 May, not 20 May. Both stay in the history.
  await priya.goto(h.base + casePath);
  const adviceSeq = await priya.$$eval('table tbody tr', (rows) => {
    const row = rows.find((r) => r.textContent.includes('Advice received') && !r.textContent.includes('Voided'));
    return row ? row.querySelectorAll('td')[1].textContent.trim() : '';
  });
  await priya.goto(`${h.base}${casePath}/events/${adviceSeq}/correct`);
  await h.check(priya, 'correct an event');
  h.expect(await priya.$eval('#on-day', (e) => e.value) === '20', 'the correction form does not show the event as recorded');
  await fill(priya, { on: [18, 5, 2026], texts: { reason: 'The advice was dated 18 May' } });
  response = await submit(priya);
  const corrected = await text(priya, '.govuk-notification-banner--success');
  h.expect(corrected.includes('a correction') && corrected.includes('Advice received (ep) on Mon 18 May 2026'),
           `the correction was not saved: ${corrected} ${await text(priya, '.govuk-error-summary')}`);
  const history = await text(priya, 'main');
  h.expect(history.includes('Voided') && history.includes('The advice was dated 18 May'), 'the history lost the mistake or its reason');

  // Two people at once: Sam opens a form, Priya saves first, Sam's save is refused with what
  // Priya recorded, keeps what Sam entered, and goes through when saved again.
  const sam = await h.newPage('Sam Okafor');
  await h.signIn(sam, 'Sam Okafor');
  await sam.goto(`${h.base}${casePath}/record/review_meeting_scheduled`);
  await fill(sam, { on: [2, 11, 2026], texts: { 'meeting-day': '1', 'meeting-month': '12', 'meeting-year': '2026' } });
  await record(priya, 'setting_changed', { on: [1, 9, 2026], texts: { 'setting-name': 'Elm Road Primary' }, radios: { 'setting.phase': 'primary' } },
               ['Setting changed']);
  response = await submit(sam);
  h.expect(response.status() === 409, `a save over a change: status ${response.status()}`);
  const conflict = await text(sam, '.govuk-error-summary');
  h.expect(conflict.includes('changed while you were filling in the form') && conflict.includes('Setting changed') && conflict.includes('by Priya Shah'),
           `the conflict does not say what changed: ${conflict}`);
  h.expect(await sam.$eval('#meeting-day', (e) => e.value) === '1', "Sam's answers were lost");
  await h.check(sam, 'a conflicting save');
  response = await submit(sam);
  h.expect((await text(sam, '.govuk-notification-banner--success')).includes('Review meeting arranged'),
           `saving again did not go through: ${await text(sam, 'main')}`);

  // A caseworker cannot reassign; a manager chooses from the people the service knows.
  response = await priya.goto(`${h.base}${casePath}/reassign`);
  h.expect(response.status() === 403, `a caseworker reassigning: status ${response.status()}`);
  const mo = await h.newPage('Mo Manager');
  await h.signIn(mo, 'Mo Manager');
  await mo.goto(h.base + casePath);
  await Promise.all([mo.waitForNavigation(), mo.click('a[href$="/reassign"]')]);
  await h.check(mo, 'reassign');
  const people = await mo.$$eval('#caseworker option', (os) => os.map((o) => o.value));
  h.expect(people.includes('Sam Okafor') && people.includes('Priya Shah'), `the people known are not offered: ${people}`);
  await mo.select('#caseworker', 'Sam Okafor');
  await mo.select('#team', 'South');
  response = await submit(mo);
  h.expect(response.status() === 200 && (await text(mo, 'main')).includes('Sam Okafor'), `the reassignment was not saved: ${await text(mo, 'main')}`);
} finally {
  await h.stop();
}
h.finish('record');
