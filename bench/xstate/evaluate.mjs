// bench/xstate/evaluate.mjs
//
// One case's history through the XState assessment machine, as workflows/case_evaluator.cpp
// runs it through the Boost.Statechart one: an actor per assessment (a case has one unless a
// new request follows an ended assessment), the case-level checks around it, and the recorded
// exceptions applied after the fold (an exception may be recorded after the clocks it flags).
// Only the needs assessment is here: review, transfer and plan events are ignored, so compare
// on histories without them (bench/peer_xstate.sh strips them from both sides' input).
// Exception limbs (a) and (b) found from an LA closure calendar are not implemented: the
// benchmark's engine::Calendar has no closures, so ehcp never applies them there either.
import { createActor } from 'xstate';

import { formatDay } from './civil_day.mjs';
import { UNCONSUMED, makeAssessmentMachine, stateName } from './assessment.mjs';

// AssessmentWorkflow::takes.
const ASSESSMENT_EVENTS = new Set([
  'assessment_decision',
  'advice_requested',
  'advice_received',
  'issue_decision',
  'draft_plan_issued',
  'school_consulted',
  'consultation_response',
  'family_response',
  'final_plan_issued',
  'assessment_withdrawn',
]);

// Events the contract uses for amendments too: with no assessment open, they are the review's.
const SHARED_WITH_REVIEW = new Set([
  'family_response',
  'school_consulted',
  'consultation_response',
]);

// An absence must last at least 4 continuous weeks within the period (reg 5(4)(d) etc.).
const FOUR_WEEKS_IN_DAYS = 28;

function allows(clock, limb, rules) {
  const rule = rules.ruleFor(clock.name, clock.start);
  return rule !== null && rule.exceptions.includes(limb);
}

function isAdvice(clock) {
  return clock.name.startsWith('advice:');
}

// Days of [from, to] inside the clock's period [start, due]; `to` null means still going on.
function overlapDays(clock, from, to) {
  const first = Math.max(from, clock.start);
  const last = Math.min(to ?? clock.due, clock.due);
  return last < first ? 0 : last - first + 1;
}

function flag(clock, on, why) {
  if (clock.exceptionOn === null || on < clock.exceptionOn) {
    clock.exceptionOn = Math.max(on, clock.start);
    clock.exceptionBasis = why;
  }
}

function periodText(from, to) {
  return `${formatDay(from)} to ${to === null ? 'continuing' : formatDay(to)}`;
}

// workflows/exceptions.cpp apply_recorded_exception: flags `clocks` (this run's, copies the
// caller owns) or says why the exception cannot apply.
function applyRecordedException(x, clocks, rules) {
  const from = x.from ?? x.on;
  if (x.limb === 'missed_appointment' && x.advice === null) {
    return "a missed appointment excepts an advice clock only (reg 8(2)(c)): give 'advice'";
  }
  let flagged = 0;
  let longestAbsence = 0;
  for (const clock of clocks) {
    const wanted = x.advice !== null ? clock.name === `advice:${x.advice}` : !isAdvice(clock);
    if (!wanted || !allows(clock, x.limb, rules)) {
      continue;
    }
    const days = overlapDays(clock, from, x.to);
    if (x.limb === 'absence') {
      longestAbsence = Math.max(longestAbsence, days);
      if (days < FOUR_WEEKS_IN_DAYS) {
        continue;
      }
    } else if (days === 0) {
      continue;
    }
    // A continuing absence counts only once it has lasted 4 weeks within the period.
    const appliesFrom =
      x.limb === 'absence' && x.to === null
        ? Math.max(from, clock.start) + FOUR_WEEKS_IN_DAYS - 1
        : from;
    flag(
      clock,
      appliesFrom,
      `exception (${x.limb}) from ${periodText(from, x.to)}, recorded ${formatDay(x.on)}${
        x.note !== null ? `: ${x.note}` : ''
      }`,
    );
    ++flagged;
  }
  if (flagged > 0) {
    return null;
  }
  if (x.advice !== null) {
    if (!clocks.some((c) => c.name === `advice:${x.advice}`)) {
      return `no advice '${x.advice}' was requested in this assessment`;
    }
    if (x.limb === 'school_closure' || x.limb === 'early_years_closure') {
      return `limb ${x.limb} excepts the 6/16/20-week clocks, not an advice clock`;
    }
  }
  if (x.limb === 'absence') {
    return (
      `an absence must last at least 4 continuous weeks within the period; of ` +
      `${periodText(from, x.to)} at most ${longestAbsence} day(s) fall within a clock's period`
    );
  }
  return (
    `the exception's period ${periodText(from, x.to)} ` +
    'does not overlap any clock it could except'
  );
}

function rejected(event, reason) {
  return {
    runs: [],
    rejection: { seq: event.seq, reason: `${event.type} on ${formatDay(event.on)}: ${reason}` },
  };
}

export class Evaluator {
  constructor(rules) {
    this.rules = rules;
    this.machine = makeAssessmentMachine(rules);
  }

  // `events`: one case's decoded events in replay order (date, then arrival). Returns
  // {runs: [{state, opened, closed, clocks, warnings}], rejection: {seq, reason} | null};
  // a rejected history has no runs, as ehcp's Evaluation then has an empty view.
  evaluate(events) {
    const actors = [];
    const opened = [];
    const exceptions = [];
    for (const e of events) {
      const last = actors.length === 0 ? null : actors[actors.length - 1];
      const active = last !== null && last.getSnapshot().context.closedOn === null;
      switch (e.type) {
        case 'case_closed':
          if (active) {
            last.send(e);
          }
          continue;
        case 'assessment_requested':
          if (active) {
            return rejected(
              e,
              `an assessment requested on ${formatDay(opened[opened.length - 1])} is still ` +
                `open (it is ${stateName(last.getSnapshot())})`,
            );
          }
          if (this.rules.packOn(e.on) === null) {
            return rejected(
              e,
              `no rule pack is in force on ${formatDay(e.on)} ` +
                '(EHC needs assessments began on 1 September 2014)',
            );
          }
          actors.push(createActor(this.machine, { input: { requestedOn: e.on } }).start());
          opened.push(e.on);
          continue;
        case 'exception_recorded':
          if (actors.length === 0) {
            return rejected(e, 'no assessment has been requested');
          }
          exceptions.push({ event: e, run: actors.length - 1 });
          continue;
        default:
          break;
      }
      if (!ASSESSMENT_EVENTS.has(e.type) || (SHARED_WITH_REVIEW.has(e.type) && !active)) {
        continue; // the case's own facts, reviews and later workflows: not this machine's
      }
      if (last === null) {
        return rejected(e, 'no assessment has been requested');
      }
      last.send(e);
      const snapshot = last.getSnapshot();
      if (snapshot.context.error !== null) {
        // An unconsumed event changes no state, so the state now is the one it fell in.
        const { error } = snapshot.context;
        const state = stateName(snapshot);
        return rejected(
          e,
          error === UNCONSUMED ? `cannot be taken while the assessment is ${state}` : error,
        );
      }
    }
    const runs = actors.map((actor, i) => {
      const snapshot = actor.getSnapshot();
      return {
        state: stateName(snapshot),
        opened: opened[i],
        closed: snapshot.context.closedOn,
        clocks: snapshot.context.clocks,
        warnings: snapshot.context.warnings,
      };
    });
    for (const x of exceptions) {
      const run = runs[x.run];
      if (!run.copied) {
        // The machine's context is the machine's: flag copies.
        run.clocks = run.clocks.map((c) => ({ ...c }));
        run.copied = true;
      }
      const problem = applyRecordedException(x.event, run.clocks, this.rules);
      if (problem !== null) {
        return rejected(x.event, problem);
      }
    }
    return { runs, rejection: null };
  }
}

// Where a clock stands on `asOf`: engine::Clock::status_on.
export function statusOn(clock, asOf) {
  if (clock.metOn !== null && clock.metOn <= asOf) {
    return clock.metOn <= clock.due ? 'met' : 'late';
  }
  if (clock.endedOn !== null && clock.endedOn <= asOf) {
    return 'not_applicable';
  }
  return asOf <= clock.due ? 'open' : 'overdue';
}
