// bench/xstate/checksum.mjs
//
// What proves the peer and ehcp did the same work: the same line, field for field, from
// bench/peer_checksum.cpp. Over the needs-assessment clocks only (workflow "assessment":
// decision_to_assess, advice:<id>, no_plan_notice, final_plan, draft_plan, consultation:<setting>);
// ehcp's review and phase-transfer clocks, which the peer does not have, are left out. Day
// numbers are days since 1970-01-01, so sums stay exact in a double (under 2^53).
import { formatDay } from './civil_day.mjs';
import { statusOn } from './evaluate.mjs';

const STATUSES = ['open', 'overdue', 'met', 'late', 'not_applicable'];
const STATES = [
  'awaiting_decision',
  'gathering_advice',
  'drafting',
  'consulting',
  'finalised',
  'refused',
  'no_plan',
  'withdrawn',
];

export class Checksum {
  constructor(asOf) {
    this.asOf = asOf;
    this.clocks = 0;
    this.status = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    this.excepted = 0;
    this.startSum = 0;
    this.dueSum = 0;
    this.metSum = 0;
    this.endedSum = 0;
    this.basisBytes = 0; // the basis texts are ASCII (the rule pack is), so length = bytes
    this.assessments = 0;
    this.states = Object.fromEntries(STATES.map((s) => [s, 0]));
    this.warnings = 0;
    this.rejections = 0;
  }

  add(result) {
    if (result.rejection !== null) {
      ++this.rejections;
      return;
    }
    for (const run of result.runs) {
      ++this.assessments;
      ++this.states[run.state];
      this.warnings += run.warnings.length;
      for (const c of run.clocks) {
        ++this.clocks;
        ++this.status[statusOn(c, this.asOf)];
        this.excepted += c.exceptionOn !== null ? 1 : 0;
        this.startSum += c.start;
        this.dueSum += c.due;
        this.metSum += c.metOn ?? 0;
        this.endedSum += c.endedOn ?? 0;
        this.basisBytes += c.basis.length;
      }
    }
  }

  toString() {
    return [
      `clocks=${this.clocks}`,
      ...STATUSES.map((s) => `${s}=${this.status[s]}`),
      `excepted=${this.excepted}`,
      `start_sum=${this.startSum}`,
      `due_sum=${this.dueSum}`,
      `met_sum=${this.metSum}`,
      `ended_sum=${this.endedSum}`,
      `basis_bytes=${this.basisBytes}`,
      `assessments=${this.assessments}`,
      ...STATES.map((s) => `${s}=${this.states[s]}`),
      `warnings=${this.warnings}`,
      `rejections=${this.rejections}`,
    ].join(' ');
  }
}

function dayOrDash(day) {
  return day === null ? '-' : formatDay(day);
}

// One case's result as text lines, in the order ehcp's CaseView keeps (workflows by opening,
// clocks by start, due, then name; warnings by date): diffed against bench_evaluate --dump.
export function dumpLines(ref, result, asOf) {
  if (result.rejection !== null) {
    return [`${ref}|rejected|${result.rejection.seq}|${result.rejection.reason}`];
  }
  const lines = [];
  for (const run of result.runs) {
    lines.push(`${ref}|assessment|${run.state}|${formatDay(run.opened)}|${dayOrDash(run.closed)}`);
  }
  const clocks = result.runs.flatMap((r) => r.clocks);
  clocks.sort((a, b) => {
    if (a.start !== b.start) {
      return a.start - b.start;
    }
    if (a.due !== b.due) {
      return a.due - b.due;
    }
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  for (const c of clocks) {
    lines.push(
      [
        ref,
        'clock',
        c.name,
        formatDay(c.start),
        formatDay(c.due),
        dayOrDash(c.metOn),
        dayOrDash(c.endedOn),
        dayOrDash(c.exceptionOn),
        c.statutory ? 'statutory' : 'guidance',
        statusOn(c, asOf),
        c.basis,
        c.exceptionBasis,
      ].join('|'),
    );
  }
  const warnings = result.runs.flatMap((r) => r.warnings);
  warnings.sort((a, b) => a.on - b.on);
  for (const w of warnings) {
    lines.push(`${ref}|warning|${formatDay(w.on)}|${w.text}`);
  }
  return lines;
}
