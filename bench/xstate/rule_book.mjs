// bench/xstate/rule_book.mjs
//
// The rule packs ehcp compiles in (adapters/rule_packs/england.json), read from the same file:
// which rule governs a clock that starts on a day, its last compliant day and its basis text,
// as engine/rule_pack.cpp and engine/counting.cpp compute them. Only the countings the
// needs-assessment clocks use are implemented; any other throws, so a rule pack that moved an
// assessment clock to, say, working days would stop the peer rather than be miscounted.
import { readFileSync } from 'node:fs';

import { formatDay, parseDay } from './civil_day.mjs';

const DAYS_IN_WEEK = 7;

function countOf(amount, unit) {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

const PERIOD_UNITS = {
  weeks_after: 'week',
  days_after: 'day',
  days_beginning_with: 'day',
  days_before: 'day',
};

// engine::last_compliant_day for the countings of rules.md §2 (and days_before, trivially).
function lastCompliantDay(counting, start, amount, countEventDay) {
  const eventDay = countEventDay ? 1 : 0;
  switch (counting) {
    case 'weeks_after':
      return start + DAYS_IN_WEEK * amount - eventDay;
    case 'days_after':
      return start + amount - eventDay;
    case 'days_beginning_with':
      return start + amount - 1;
    case 'days_before':
      return start - amount;
    default:
      throw new Error(`counting '${counting}' is not implemented by the XState peer`);
  }
}

// "advice:ep" -> "advice"; "final_plan" -> "final_plan".
function familyOf(clock) {
  const colon = clock.indexOf(':');
  return colon < 0 ? clock : clock.slice(0, colon);
}

export class RuleBook {
  // `packs` as engine::RulePack: {name, from, to, countEventDay, generalException, rules}.
  constructor(packs) {
    this.packs = [...packs].sort((a, b) => a.from - b.from);
  }

  // Reads a rule-pack file in ehcp's format; `inherit` copies an earlier pack's rules.
  static load(path) {
    const json = JSON.parse(readFileSync(path, 'utf8'));
    const byName = new Map();
    const packs = json.packs.map((p) => {
      const rules = p.inherit ? byName.get(p.inherit) : [];
      if (rules === undefined) {
        throw new Error(`pack '${p.name}' inherits '${p.inherit}', which no earlier pack is named`);
      }
      const own = (p.rules ?? []).map((r) => ({
        clock: r.clock,
        workflow: r.workflow,
        counting: r.counting,
        amount: r.amount,
        statutory: r.statutory,
        source: r.source,
        measuredFrom: r.measured_from,
        exceptions: r.exceptions ?? [],
      }));
      // An own rule replaces the inherited one of the same clock, as the C++ loader does.
      const all = [...rules.filter((r) => !own.some((o) => o.clock === r.clock)), ...own];
      byName.set(p.name, all);
      return {
        name: p.name,
        from: parseDay(p.effective_from),
        to: p.effective_to ? parseDay(p.effective_to) : null,
        countEventDay: p.count_event_day ?? false,
        generalException: p.general_exception ?? null,
        rules: all,
      };
    });
    return new RuleBook(packs);
  }

  // Of the packs in force on `start`, the one that came into force last; null if none.
  packOn(start) {
    let found = null;
    for (const pack of this.packs) {
      if (pack.from <= start && (pack.to === null || start <= pack.to)) {
        found = pack;
      }
    }
    return found;
  }

  ruleFor(clock, start) {
    const pack = this.packOn(start);
    if (pack === null) {
      return null;
    }
    const family = familyOf(clock);
    for (const rule of pack.rules) {
      if (rule.clock === clock || rule.clock === family) {
        return rule;
      }
    }
    return null;
  }

  due(rule, start) {
    const pack = this.packOn(start);
    return lastCompliantDay(rule.counting, start, rule.amount, pack !== null && pack.countEventDay);
  }

  // "reg 5(1): 6 weeks from request received 2026-01-05", as RuleBook::basis writes it.
  basis(rule, start) {
    const pack = this.packOn(start);
    const relation = rule.counting === 'days_before' ? ' before ' : ' from ';
    let text = `${rule.source}: ${countOf(rule.amount, PERIOD_UNITS[rule.counting])}${relation}${
      rule.measuredFrom
    } ${formatDay(start)}`;
    if (
      pack !== null &&
      pack.countEventDay &&
      (rule.counting === 'weeks_after' || rule.counting === 'days_after')
    ) {
      text += ` (day 1 = ${formatDay(start)}, DfE convention)`;
    }
    if (pack !== null && pack.generalException !== null) {
      text += `; ${pack.generalException}`;
    }
    return text;
  }
}
