#include "adapters/escalation/tick.h"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "adapters/escalation/escalation_message.h"
#include "adapters/escalation/recipient.h"
#include "adapters/sqlite/clock_query.h"
#include "adapters/sqlite/escalation_store.h"
#include "adapters/sqlite/outbox_store.h"
#include "engine/escalation_plan.h"

namespace ehcp::adapters::escalation {
namespace {

// The latest due date whose earliest rung can have fired by `as_of`: the deepest "before due"
// offset of any ladder, counted forward from as_of.
engine::Date lookahead(const engine::RuleBook& rules, const engine::Calendar& calendar,
                       engine::Date as_of) {
  engine::Date horizon = as_of;
  auto widen = [&](const std::vector<engine::EscalationRung>& ladder) {
    for (const auto& rung : ladder) {
      if (rung.offset < 0) {
        const engine::Date d = rung.working_days ? calendar.add_working_days(as_of, -rung.offset)
                                                 : as_of + date::days{-rung.offset};
        horizon = std::max(horizon, d);
      }
    }
  };
  for (const auto& pack : rules.packs()) {
    widen(pack.escalation);
    for (const auto& rule : pack.rules) {
      if (rule.escalation) {
        widen(*rule.escalation);
      }
    }
  }
  return horizon;
}

}  // namespace

engine::Result<TickOutcome> tick(sqlite::Database& db, const config::LaConfig& config,
                                 engine::Date as_of, const std::string& now_utc) {
  try {
    SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    sqlite::EscalationStore log(db.sql());
    sqlite::OutboxStore outbox(db.sql());
    TickOutcome outcome;
    sqlite::ClockQuery query;
    query.running_on = as_of;
    query.due_by = lookahead(config.rules, config.calendar, as_of);
    query.with_rungs = true;
    // Reading and writing in one pass would have the reader see its own inserts, so the rows
    // are gathered first; only clocks with something to record are kept.
    struct Due {
      sqlite::ClockRow row;
      std::vector<engine::RungDecision> decisions;
    };
    std::vector<Due> due;
    sqlite::for_each_clock(db.sql(), query, [&](sqlite::ClockRow&& row) {
      ++outcome.clocks;
      const auto ladder = config.rules.ladder_for(row.clock.name, row.clock.start);
      auto decisions =
          engine::plan_escalation(row.clock, ladder, config.calendar, as_of, row.rungs);
      if (!decisions.empty()) {
        due.push_back({std::move(row), std::move(decisions)});
      }
    });
    for (const auto& [row, decisions] : due) {
      const engine::ClockRule* rule =
          config.rules.rule_for(row.clock.name, row.clock.start, row.clock.detail);
      for (const auto& d : decisions) {
        const sqlite::EscalationRecord record{
            row.case_ref, row.clock.name, row.clock.start, d.rung->name, row.clock.due,
            d.fires_on,   as_of,          d.notify,        now_utc,      {}};
        if (!log.record(record)) {
          continue;
        }
        if (!d.notify) {
          ++outcome.skipped;
          continue;
        }
        ++outcome.fired;
        std::vector<std::string> told;  // a stand-in may already be told under their own role
        for (const auto& role : engine::recipients_of(*d.rung, row.clock)) {
          const Recipient to = recipient_for(role, row.caseworker, row.team, config.notify);
          if (std::find(told.begin(), told.end(), to.address) != told.end()) {
            continue;
          }
          told.push_back(to.address);
          auto message = escalation_message(row, *d.rung, to, rule ? rule->action : "", as_of,
                                            config.calendar);
          message.created_at = now_utc;
          if (outbox.add(message)) {
            ++outcome.messages;
          }
        }
      }
    }
    transaction.commit();
    return outcome;
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("tick", e.what());
  }
}

}  // namespace ehcp::adapters::escalation
