#!/usr/bin/env node
// bench/xstate/run.mjs: the XState peer of bench_evaluate --in FILE.
//
//   node bench/xstate/run.mjs FILE [--runs 5] [--warmup 1] [--as-of 2026-06-30]
//                                  [--rules adapters/rule_packs/england.json] [--dump OUT]
//
// 1. Not timed: reads the JSON Lines file (bench_events output), parses and decodes every line
//    (dates to day numbers, the fields the assessment uses), groups the events by case in
//    order of first appearance and puts each case in replay order (date, then arrival: a
//    stable sort), as bench_evaluate does with decode_event and sort_for_replay.
// 2. Timed: every case through Evaluator.evaluate (an XState actor per assessment) and into
//    the checksum, one case after another on the main thread; --warmup runs first (JIT), then
//    --runs runs, median reported (the upper median for an even count, as bench_evaluate).
// 3. Prints events/s, the checksum (checksum.mjs) and peak RSS.
// With --dump OUT, writes each case's result as text instead (no timing), to diff with
// bench_evaluate --dump.
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Checksum, dumpLines } from './checksum.mjs';
import { parseDay } from './civil_day.mjs';
import { Evaluator } from './evaluate.mjs';
import { RuleBook } from './rule_book.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const xstateVersion = JSON.parse(
  readFileSync(resolve(here, 'node_modules/xstate/package.json'), 'utf8'),
).version;

function parseArgs(argv) {
  const options = {
    file: null,
    runs: 5,
    warmup: 1,
    asOf: '2026-06-30',
    rules: resolve(here, '../../adapters/rule_packs/england.json'),
    dump: null,
  };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) {
        throw new Error(`${arg} needs a value`);
      }
      return argv[++i];
    };
    if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--warmup') options.warmup = Number(value());
    else if (arg === '--as-of') options.asOf = value();
    else if (arg === '--rules') options.rules = value();
    else if (arg === '--dump') options.dump = value();
    else if (!arg.startsWith('--') && options.file === null) options.file = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (options.file === null || !(options.runs >= 1) || !(options.warmup >= 0)) {
    throw new Error(
      'usage: run.mjs FILE [--runs R>=1] [--warmup W>=0] [--as-of D] [--rules P] [--dump OUT]',
    );
  }
  return options;
}

// Each line of `path`, without reading the whole file into one string.
function* lines(path) {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) {
        break;
      }
      const text = rest + buffer.toString('utf8', 0, n);
      const parts = text.split('\n');
      rest = parts.pop();
      yield* parts;
    }
  } finally {
    closeSync(fd);
  }
  if (rest.length > 0) {
    yield rest;
  }
}

function orNull(value) {
  return value === undefined ? null : value;
}

// What decode_event keeps of a line, for the assessment: the type, the date as a day number,
// the arrival number, and the fields its reactions read.
function decode(json, seq) {
  const e = { type: json.type, on: parseDay(json.on), seq };
  switch (json.type) {
    case 'advice_requested':
      e.advice = json.advice;
      e.service = json.service;
      break;
    case 'advice_received':
      e.advice = json.advice;
      break;
    case 'assessment_decision':
    case 'issue_decision':
      e.outcome = json.outcome;
      break;
    case 'school_consulted':
    case 'consultation_response':
      e.setting = json.setting;
      e.outcome = orNull(json.outcome);
      break;
    case 'family_response':
      e.no_further_representations = json.no_further_representations === true;
      break;
    case 'exception_recorded':
      e.limb = json.limb;
      e.advice = orNull(json.advice);
      e.from = json.from === undefined ? null : parseDay(json.from);
      e.to = json.to === undefined ? null : parseDay(json.to);
      e.note = orNull(json.note);
      break;
    default:
      break;
  }
  return e;
}

function readHistories(path) {
  const byCase = new Map();
  let seq = 0;
  for (const line of lines(path)) {
    if (line.length === 0) {
      continue;
    }
    ++seq;
    const json = JSON.parse(line);
    let events = byCase.get(json.case);
    if (events === undefined) {
      events = [];
      byCase.set(json.case, events);
    }
    events.push(decode(json, seq));
  }
  for (const events of byCase.values()) {
    events.sort((a, b) => a.on - b.on); // stable: same-day events keep their arrival order
  }
  return { cases: [...byCase], events: seq };
}

function grouped(n) {
  return Math.round(n).toLocaleString('en-GB');
}

function runOnce(evaluator, cases, asOf) {
  const checksum = new Checksum(asOf);
  const start = process.hrtime.bigint();
  for (const [, events] of cases) {
    checksum.add(evaluator.evaluate(events));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, checksum };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const asOf = parseDay(options.asOf);
  const rules = RuleBook.load(options.rules);
  const evaluator = new Evaluator(rules);

  let start = process.hrtime.bigint();
  const histories = readHistories(options.file);
  const loadSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cases = histories.cases.length;
  console.log(
    `xstate peer (node ${process.version}, xstate ${xstateVersion})\n` +
      `  read, parsed and decoded ${grouped(histories.events)} events ` +
      `for ${grouped(cases)} cases in ${loadSeconds.toFixed(1)} s`,
  );

  if (options.dump !== null) {
    const out = [];
    for (const [ref, events] of histories.cases) {
      out.push(...dumpLines(ref, evaluator.evaluate(events), asOf));
    }
    writeFileSync(options.dump, out.length === 0 ? '' : `${out.join('\n')}\n`);
    console.log(`  wrote ${out.length} lines to ${options.dump}`);
    return;
  }

  for (let r = 1; r <= options.warmup; ++r) {
    const run = runOnce(evaluator, histories.cases, asOf);
    console.log(`  warm-up ${r}: ${run.seconds.toFixed(3)} s`);
  }
  const runs = [];
  for (let r = 1; r <= options.runs; ++r) {
    start = process.hrtime.bigint();
    const run = runOnce(evaluator, histories.cases, asOf);
    runs.push(run);
    const rate = grouped(histories.events / run.seconds);
    console.log(`  run ${r}: ${run.seconds.toFixed(3)} s, ${rate} events/s`);
  }
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor(sorted.length / 2)];
  const checksums = new Set(runs.map((r) => r.checksum.toString()));
  if (checksums.size !== 1) {
    throw new Error('the runs disagree on the checksum');
  }
  const peakMB = (process.resourceUsage().maxRSS * 1024) / 1e6;
  console.log(
    `\nhistories                   ${grouped(cases)} (${grouped(histories.events)} events, ` +
      `${options.runs} runs, median)\n` +
      `evaluate                    ${median.seconds.toFixed(3)} s  ` +
      `(${sorted[0].seconds.toFixed(3)}-${sorted[sorted.length - 1].seconds.toFixed(3)} s)\n` +
      `  events/s                  ${grouped(histories.events / median.seconds)}\n` +
      `  per history               ${((median.seconds / cases) * 1e6).toFixed(2)} us\n` +
      `assessment checksum         ${median.checksum}\n` +
      `peak RSS                    ${peakMB.toFixed(0)} MB`,
  );
}

main();
