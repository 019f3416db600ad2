// bench/xstate/assessment.mjs
//
// The EHC needs assessment of rules.md §2 in XState 5: the peer of
// workflows/assessment/assessment_workflow.cpp (Boost.Statechart), state for state and
// reaction for reaction, written the way the XState documentation teaches: the clock book
// lives in the machine's context and only `assign` actions change it, each returning new
// arrays and clock objects rather than mutating (XState's rule: never mutate context).
//
// States: active (awaiting_decision -> gathering_advice -> drafting -> consulting) and the
// outcomes finalised, refused, no_plan, withdrawn. Clocks: decision_to_assess, no_plan_notice,
// final_plan and draft_plan open with the request; advice:<id> with each advice request;
// consultation:<setting> with each school consulted. Due dates and basis texts come from the
// same rule-pack file ehcp compiles in (rule_book.mjs). An event the assessment cannot take
// where it falls sets context.error, as the C++ machine's unconsumed_event does; the caller
// stops the case there.
import { assign, setup } from 'xstate';

import { formatDay } from './civil_day.mjs';

export const WORKFLOW = 'assessment';

// The family has at least 15 days from service of the draft (day 1 = service) to comment.
const REPRESENTATION_DAYS = 15;

// The error an unconsumed event leaves; the caller words it with the state it fell in.
export const UNCONSUMED = Symbol('unconsumed');

export function isOpen(clock) {
  return clock.metOn === null && clock.endedOn === null;
}

// Index of the latest open clock called `name` (a re-issued draft or a second request
// reopens one), or -1.
function findOpen(clocks, name) {
  for (let i = clocks.length - 1; i >= 0; --i) {
    if (clocks[i].name === name && isOpen(clocks[i])) {
      return i;
    }
  }
  return -1;
}

function withChange(clocks, i, change) {
  const next = clocks.slice();
  next[i] = { ...clocks[i], ...change };
  return next;
}

// A new clock `name` starting on `start`, as ClockBook::open builds it; or a string saying why
// not (no rule pack in force then has the clock).
function newClock(rules, name, start) {
  const rule = rules.ruleFor(name, start);
  if (rule === null) {
    return `no rule pack in force on ${formatDay(start)} has a rule for clock '${name}'`;
  }
  return {
    name,
    workflow: WORKFLOW,
    start,
    due: rules.due(rule, start),
    metOn: null,
    endedOn: null,
    exceptionOn: null,
    statutory: rule.statutory,
    basis: rules.basis(rule, start),
    exceptionBasis: '',
  };
}

// The context changes of opening a clock: the book with it, or the first error.
function opening(context, rules, name, start) {
  const clock = newClock(rules, name, start);
  if (typeof clock === 'string') {
    return failing(context, clock);
  }
  return { clocks: [...context.clocks, clock] };
}

// Only the first failure counts, as Machine::fail keeps the first.
function failing(context, reason) {
  return context.error === null ? { error: reason } : {};
}

// The context changes of meeting (or ending) the open clock `name` on `on`; `missing` is the
// error when none is open, or null to ignore that.
function finishing(context, name, change, missing) {
  const i = findOpen(context.clocks, name);
  if (i < 0) {
    return missing === null ? {} : failing(context, missing);
  }
  return { clocks: withChange(context.clocks, i, change) };
}

function initialContext(rules, requestedOn) {
  let context = {
    clocks: [],
    error: null,
    closedOn: null,
    draftServed: null,
    noFurtherRepresentations: false,
    warnings: [],
  };
  for (const name of ['decision_to_assess', 'no_plan_notice', 'final_plan', 'draft_plan']) {
    context = { ...context, ...opening(context, rules, name, requestedOn) };
  }
  return context;
}

// The machine for one assessment, with `rules` (a RuleBook) for due dates. Input:
// {requestedOn} (a day number). Events are ehcp's event types with `on` as a day number.
export function makeAssessmentMachine(rules) {
  return setup({
    guards: {
      refused: ({ event }) => event.outcome === 'refuse',
      noPlan: ({ event }) => event.outcome === 'no_plan',
    },
    actions: {
      requestAdvice: assign(({ context, event }) => {
        const clock = `advice:${event.advice}`;
        if (findOpen(context.clocks, clock) >= 0) {
          return failing(
            context,
            `advice '${event.advice}' was already requested and is still awaited`,
          );
        }
        return opening(context, rules, clock, event.on);
      }),
      receiveAdvice: assign(({ context, event }) =>
        finishing(
          context,
          `advice:${event.advice}`,
          { metOn: event.on },
          `no advice '${event.advice}' is awaited (advice_requested must come first)`,
        ),
      ),
      consultSchool: assign(({ context, event }) =>
        opening(context, rules, `consultation:${event.setting}`, event.on),
      ),
      schoolResponds: assign(({ context, event }) =>
        finishing(
          context,
          `consultation:${event.setting}`,
          { metOn: event.on },
          `'${event.setting}' was not consulted (school_consulted must come first)`,
        ),
      ),
      familyResponds: assign(({ context, event }) =>
        event.no_further_representations === true ? { noFurtherRepresentations: true } : {},
      ),
      // Parameterised by the clock: decision_to_assess, no_plan_notice, draft_plan, final_plan.
      meet: assign(({ context, event }, params) =>
        finishing(context, params.clock, { metOn: event.on }, null),
      ),
      endClock: assign(({ context, event }, params) =>
        finishing(context, params.clock, { endedOn: event.on }, null),
      ),
      // The assessment ends: every clock still open no longer applies from this day.
      endAll: assign(({ context, event }) => ({
        clocks: context.clocks.map((c) => (isOpen(c) ? { ...c, endedOn: event.on } : c)),
        closedOn: event.on,
      })),
      serveDraft: assign({ draftServed: ({ event }) => event.on }),
      // Check, not a clock: a final plan inside the family's 15 days is a warning (reg 13(1)).
      checkRepresentations: assign(({ context, event }) => {
        const windowEnds = context.draftServed + REPRESENTATION_DAYS - 1;
        if (event.on > windowEnds || context.noFurtherRepresentations) {
          return {};
        }
        const text =
          `final plan issued on ${formatDay(event.on)}, inside the family's 15 days from the ` +
          `draft served on ${formatDay(context.draftServed)} (to ${formatDay(windowEnds)}) ` +
          'with no word that they had no more to say (reg 13(1))';
        return { warnings: [...context.warnings, { on: event.on, text }] };
      }),
      unconsumed: assign(({ context }) => failing(context, UNCONSUMED)),
    },
  }).createMachine({
    id: WORKFLOW,
    context: ({ input }) => initialContext(rules, input.requestedOn),
    initial: 'active',
    // Anything no state reacts to cannot happen where it falls (the outcomes react to nothing).
    on: { '*': { actions: 'unconsumed' } },
    states: {
      // Everything that may happen at any point of an open assessment.
      active: {
        initial: 'awaiting_decision',
        on: {
          advice_requested: { actions: 'requestAdvice' },
          advice_received: { actions: 'receiveAdvice' },
          school_consulted: { actions: 'consultSchool' },
          consultation_response: { actions: 'schoolResponds' },
          family_response: { actions: 'familyResponds' },
          assessment_withdrawn: { target: 'withdrawn', actions: 'endAll' },
          // The case was closed: the assessment ends where it stands, without an outcome.
          case_closed: { actions: 'endAll' },
        },
        states: {
          awaiting_decision: {
            on: {
              assessment_decision: [
                {
                  guard: 'refused',
                  target: '#assessment.refused',
                  actions: [{ type: 'meet', params: { clock: 'decision_to_assess' } }, 'endAll'],
                },
                {
                  target: 'gathering_advice',
                  actions: { type: 'meet', params: { clock: 'decision_to_assess' } },
                },
              ],
            },
          },
          gathering_advice: {
            on: {
              issue_decision: [
                {
                  guard: 'noPlan',
                  target: '#assessment.no_plan',
                  actions: [{ type: 'meet', params: { clock: 'no_plan_notice' } }, 'endAll'],
                },
                {
                  // A decision to issue makes the no-plan notice not applicable.
                  target: 'drafting',
                  actions: { type: 'endClock', params: { clock: 'no_plan_notice' } },
                },
              ],
            },
          },
          drafting: {
            on: {
              draft_plan_issued: {
                target: 'consulting',
                actions: [{ type: 'meet', params: { clock: 'draft_plan' } }, 'serveDraft'],
              },
            },
          },
          consulting: {
            on: {
              // A re-issued draft restarts the family's 15 days.
              draft_plan_issued: { actions: 'serveDraft' },
              final_plan_issued: {
                target: '#assessment.finalised',
                // Advice or consultations still outstanding no longer apply.
                actions: [
                  { type: 'meet', params: { clock: 'final_plan' } },
                  'checkRepresentations',
                  'endAll',
                ],
              },
            },
          },
        },
      },
      finalised: {},
      refused: {},
      no_plan: {},
      withdrawn: {},
    },
  });
}

// The stored name of where the assessment stands: "gathering_advice", "finalised".
export function stateName(snapshot) {
  const value = snapshot.value;
  return typeof value === 'string' ? value : value.active;
}
