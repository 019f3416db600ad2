#include "adapters/derivation/rederive.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "adapters/detail/on_every_core.h"
#include "adapters/import/case_rebuilder.h"
#include "adapters/sqlite/clock_store.h"
#include "adapters/sqlite/derivation_store.h"
#include "adapters/sqlite/event_store.h"

namespace ehcp::adapters::derivation {
namespace {

// How many cases are held at once: bounds memory at national scale.
constexpr std::size_t kBatch = 4096;

bool clock_less(const engine::Clock& a, const engine::Clock& b) {
  return std::tie(a.start, a.name, a.detail, a.due, a.workflow) <
         std::tie(b.start, b.name, b.detail, b.due, b.workflow);
}

struct Pending {
  std::string case_ref;
  std::vector<engine::RecordedEvent> events;
  std::vector<engine::Clock> stored;
  DerivedCase derived;
};

// The clocks of one case that differ between the stored rows and the new derivation. A clock
// is matched by name, start and detail; several limbs of one order share those, and are
// paired in order of due date. Both lists are sorted by clock_less.
void compare(const std::string& ref, const std::vector<engine::Clock>& before,
             const std::vector<engine::Clock>& after, const std::vector<Change>& changes,
             std::vector<MovedClock>& out) {
  using Key = std::tuple<std::string, engine::Date, std::string>;
  std::map<Key, std::pair<std::vector<const engine::Clock*>, std::vector<const engine::Clock*>>>
      by_key;
  for (const auto& c : before) {
    by_key[{c.name, c.start, c.detail}].first.push_back(&c);
  }
  for (const auto& c : after) {
    by_key[{c.name, c.start, c.detail}].second.push_back(&c);
  }
  for (const auto& [key, pair] : by_key) {
    const auto& [was, now] = pair;
    for (std::size_t i = 0; i < std::max(was.size(), now.size()); ++i) {
      const engine::Clock* w = i < was.size() ? was[i] : nullptr;
      const engine::Clock* n = i < now.size() ? now[i] : nullptr;
      const bool moved = !w || !n || w->due != n->due ||
                         w->exception_on.has_value() != n->exception_on.has_value();
      if (!moved) {
        continue;
      }
      MovedClock m;
      m.case_ref = ref;
      m.clock = std::get<0>(key);
      m.workflow = (n ? n : w)->workflow;
      m.start = std::get<1>(key);
      m.was_due = w ? std::optional(w->due) : std::nullopt;
      m.now_due = n ? std::optional(n->due) : std::nullopt;
      m.was_excepted = w && w->exception_on;
      m.now_excepted = n && n->exception_on;
      const engine::Date last = std::max(m.was_due.value_or(m.start), m.now_due.value_or(m.start));
      for (const auto& reason : reasons_for(changes, m.clock, m.start, last)) {
        m.why += (m.why.empty() ? "" : "; ") + reason;
      }
      out.push_back(std::move(m));
    }
  }
}

}  // namespace

engine::Result<Rederived> rederive_all(sqlite::Database& db, const config::LaConfig& config,
                                       const std::string& derived_at) {
  const Derivation now = derivation_of(config);
  sqlite::DerivationStore record(db.sql());
  auto before = record.get();
  if (!before.ok()) {
    return before.status();
  }
  Rederived out;
  if (before.value()) {
    out.changes = changes_between(before.value()->inputs, now.inputs);
  } else {
    out.changes.push_back(
        {"no record of what derived the rows before", std::nullopt, std::nullopt, ""});
  }
  try {
    std::vector<std::string> refs;
    SQLite::Statement q(db.sql(), "SELECT case_ref FROM cases ORDER BY case_ref");
    while (q.executeStep()) {
      refs.push_back(q.getColumn(0).getString());
    }
    sqlite::EventStore events(db.sql());
    sqlite::ClockStore clocks(db.sql());
    CaseRebuilder rebuilder(db, config.rules, config.calendar);
    for (std::size_t first = 0; first < refs.size(); first += kBatch) {
      std::vector<Pending> batch(std::min(kBatch, refs.size() - first));
      for (std::size_t i = 0; i < batch.size(); ++i) {
        batch[i].case_ref = refs[first + i];
        auto history = events.load_case(batch[i].case_ref);
        if (!history.ok()) {
          return history.status();
        }
        batch[i].events = std::move(history).value();
        batch[i].stored = clocks.for_case(batch[i].case_ref);
      }
      detail::on_every_core([&](std::size_t t, std::size_t threads) {
        for (std::size_t i = t; i < batch.size(); i += threads) {
          batch[i].derived = derive_case(batch[i].case_ref, std::move(batch[i].events),
                                         config.rules, config.calendar);
        }
      });
      for (auto& p : batch) {
        ++out.cases;
        if (p.derived.rejection) {
          return engine::Status::invalid_input(
              "case '" + p.case_ref + "' cannot be derived with this configuration (event #" +
              std::to_string(p.derived.rejection->seq) + ": " + p.derived.rejection->reason +
              "); nothing was re-derived");
        }
        std::sort(p.stored.begin(), p.stored.end(), clock_less);
        auto derived = p.derived.clocks;  // the rows keep the evaluator's order
        std::sort(derived.begin(), derived.end(), clock_less);
        if (p.stored == derived) {
          continue;  // same rows to the letter: nothing to write
        }
        compare(p.case_ref, p.stored, derived, out.changes, out.moved);
        rebuilder.write(p.derived);
        ++out.cases_changed;
      }
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("re-deriving", e.what());
  }
  if (auto status = record.stamp(now, derived_at); !status.ok()) {
    return status;
  }
  return out;
}

engine::Result<Rederived> rederive_in_transaction(sqlite::Database& db,
                                                  const config::LaConfig& config,
                                                  const std::string& derived_at, bool dry_run) {
  try {
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    auto rederived = rederive_all(db, config, derived_at);
    if (rederived.ok() && !dry_run) {
      tx.commit();
    }
    return rederived;  // otherwise rolled back: nothing changed
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("re-deriving", e.what());
  }
}

}  // namespace ehcp::adapters::derivation
