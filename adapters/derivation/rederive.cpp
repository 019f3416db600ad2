#include "adapters/derivation/rederive.h"

#include <algorithm>
#include <iterator>
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

// A total order on every field, so that two equal sets of clocks sort to equal lists whatever
// order the rows were read in.
bool clock_less(const engine::Clock& a, const engine::Clock& b) {
  return std::tie(a.start, a.name, a.detail, a.due, a.workflow, a.met_on, a.ended_on,
                  a.exception_on, a.statutory, a.basis, a.exception_basis) <
         std::tie(b.start, b.name, b.detail, b.due, b.workflow, b.met_on, b.ended_on,
                  b.exception_on, b.statutory, b.basis, b.exception_basis);
}

// One case of a batch: read on the caller's thread; decoded, derived and compared on any.
struct Pending {
  std::string case_ref;
  std::vector<sqlite::StoredPayload> payloads;
  std::vector<engine::Clock> stored;
  engine::Status decoded;  // ok unless a stored payload fails to decode
  DerivedCase derived;
  bool changed = false;
  std::vector<MovedClock> moved;
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
    // Every event and clock is read once: mapping the file spares copying each page through a
    // read() call (this connection only; SQLite falls back to reads where it cannot map).
    db.sql().exec("PRAGMA mmap_size = 1073741824");
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
      }
      // The rows come in case order, as the batch is: each goes to the case it names, found by
      // walking forward (a row of a case the cases table lacks cannot be derived here and is
      // left alone).
      Pending unlisted;
      const auto walker = [&batch, &unlisted]() {
        return
            [&batch, &unlisted, at = std::size_t{0}](const std::string& ref) mutable -> Pending& {
              while (at < batch.size() && batch[at].case_ref < ref) {
                ++at;
              }
              return at < batch.size() && batch[at].case_ref == ref ? batch[at] : unlisted;
            };
      };
      const std::string& from = batch.front().case_ref;
      const std::string& to = batch.back().case_ref;
      auto event_case = walker();
      events.payloads_between(from, to, [&](const std::string& ref, sqlite::StoredPayload row) {
        event_case(ref).payloads.push_back(std::move(row));
        unlisted.payloads.clear();
      });
      auto clock_case = walker();
      clocks.for_cases_between(from, to, [&](const std::string& ref, engine::Clock clock) {
        clock_case(ref).stored.push_back(std::move(clock));
        unlisted.stored.clear();
      });
      // Decoding, deriving and comparing are pure: only reading and writing stay on this thread.
      detail::on_every_core([&](std::size_t t, std::size_t threads) {
        for (std::size_t i = t; i < batch.size(); i += threads) {
          Pending& p = batch[i];
          auto history = sqlite::decode_payloads(p.payloads);
          p.payloads = {};
          if (!history.ok()) {
            p.decoded = history.status();
            continue;
          }
          p.derived =
              derive_case(p.case_ref, std::move(history).value(), config.rules, config.calendar);
          if (p.derived.rejection) {
            continue;
          }
          std::sort(p.stored.begin(), p.stored.end(), clock_less);
          auto derived = p.derived.clocks;  // the rows keep the evaluator's order
          std::sort(derived.begin(), derived.end(), clock_less);
          p.changed = p.stored != derived;  // same rows to the letter: nothing to write
          if (p.changed) {
            compare(p.case_ref, p.stored, derived, out.changes, p.moved);
          }
        }
      });
      for (auto& p : batch) {
        ++out.cases;
        if (!p.decoded.ok()) {
          return p.decoded;
        }
        if (p.derived.rejection) {
          return engine::Status::invalid_input(
              "case '" + p.case_ref + "' cannot be derived with this configuration (event #" +
              std::to_string(p.derived.rejection->seq) + ": " + p.derived.rejection->reason +
              "); nothing was re-derived");
        }
        if (!p.changed) {
          continue;
        }
        std::move(p.moved.begin(), p.moved.end(), std::back_inserter(out.moved));
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
