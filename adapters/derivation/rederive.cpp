#include "adapters/derivation/rederive.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <tuple>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "adapters/detail/on_every_core.h"
#include "adapters/import/case_rebuilder.h"
#include "adapters/sqlite/clock_digest.h"
#include "adapters/sqlite/clock_store.h"
#include "adapters/sqlite/derivation_store.h"
#include "adapters/sqlite/event_store.h"

namespace ehcp::adapters::derivation {
namespace {

// How many cases are held at once (three batches at most: one written, one derived, one read):
// bounds memory at national scale.
constexpr std::size_t kBatch = 4096;

// One case of a batch: read on the caller's thread; decoded, derived and compared on any.
struct Pending {
  std::string case_ref;
  std::optional<std::uint64_t> digest;  // of the stored rows, when one is recorded
  std::vector<sqlite::StoredPayload> payloads;
  engine::Status decoded;  // ok unless a stored payload fails to decode
  DerivedCase derived;     // kept only while it may have to be written
  std::uint64_t derived_digest = 0;
  bool suspect = false;               // no digest, or another one: the rows are compared
  std::vector<engine::Clock> stored;  // the stored rows of a suspect case
  bool changed = false;               // the rows differ: rewrite them
  bool digest_only = false;           // the rows are the same but their digest is not recorded
  std::vector<MovedClock> moved;
};
using Batch = std::vector<Pending>;

// The clocks of one case that differ between the stored rows and the new derivation. A clock
// is matched by name, start and detail; several limbs of one order share those, and are
// paired in order of due date. Both lists are sorted by clock_order.
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

// A walker over a batch for rows that come in case order: each row goes to the case it names,
// found by walking forward (a row of a case the batch lacks goes to `unlisted`, to be dropped).
auto walker(Batch& batch, Pending& unlisted) {
  return [&batch, &unlisted, at = std::size_t{0}](const std::string& ref) mutable -> Pending& {
    while (at < batch.size() && batch[at].case_ref < ref) {
      ++at;
    }
    return at < batch.size() && batch[at].case_ref == ref ? batch[at] : unlisted;
  };
}

// The cases of `cases` from `first` on, with their events (a row of a case the cases table
// lacks cannot be derived here and is left alone).
Batch read_batch(sqlite::EventStore& events,
                 const std::vector<std::pair<std::string, std::optional<std::uint64_t>>>& cases,
                 std::size_t first) {
  Batch batch(std::min(kBatch, cases.size() - first));
  for (std::size_t i = 0; i < batch.size(); ++i) {
    batch[i].case_ref = cases[first + i].first;
    batch[i].digest = cases[first + i].second;
  }
  Pending unlisted;
  auto event_case = walker(batch, unlisted);
  events.payloads_between(batch.front().case_ref, batch.back().case_ref,
                          [&](const std::string& ref, sqlite::StoredPayload row) {
                            event_case(ref).payloads.push_back(std::move(row));
                            unlisted.payloads.clear();
                          });
  return batch;
}

// Decodes and derives thread t's share of the batch, and finds the cases whose derived clocks
// may differ from the stored ones: those whose digest differs (or was never recorded). Pure.
void derive_share(Batch& batch, std::size_t t, std::size_t threads,
                  const config::LaConfig& config) {
  for (std::size_t i = t; i < batch.size(); i += threads) {
    Pending& p = batch[i];
    auto history = sqlite::decode_payloads(p.payloads);
    p.payloads = {};
    if (!history.ok()) {
      p.decoded = history.status();
      continue;
    }
    p.derived = derive_case(p.case_ref, std::move(history).value(), config.rules, config.calendar);
    if (p.derived.rejection) {
      continue;
    }
    p.derived_digest = sqlite::clock_digest(p.derived.clocks);
    p.suspect = !p.digest || *p.digest != p.derived_digest;
    if (!p.suspect) {
      p.derived = {};  // same rows to the letter: nothing to write (freed here, not serially)
    }
  }
}

// Reads the stored rows of the batch's suspect cases and compares them with the derivation:
// one walk of the index when many are suspect (a change of rules moving most clocks), one
// look-up each otherwise.
void settle(Batch& batch, sqlite::ClockStore& clocks, const std::vector<Change>& changes) {
  std::vector<Pending*> suspects;
  for (auto& p : batch) {
    if (p.suspect) {
      suspects.push_back(&p);
    }
  }
  if (suspects.empty()) {
    return;
  }
  if (suspects.size() * 8 >= batch.size()) {
    Pending unlisted;
    auto clock_case = walker(batch, unlisted);
    clocks.for_cases_between(batch.front().case_ref, batch.back().case_ref,
                             [&](const std::string& ref, engine::Clock clock) {
                               Pending& p = clock_case(ref);
                               if (p.suspect) {
                                 p.stored.push_back(std::move(clock));
                               }
                             });
  } else {
    for (Pending* p : suspects) {
      p->stored = clocks.for_case(p->case_ref);
    }
  }
  detail::on_every_core([&](std::size_t t, std::size_t threads) {
    for (std::size_t i = t; i < suspects.size(); i += threads) {
      Pending& p = *suspects[i];
      std::sort(p.stored.begin(), p.stored.end(), sqlite::clock_order);
      auto derived = p.derived.clocks;  // the rows keep the evaluator's order
      std::sort(derived.begin(), derived.end(), sqlite::clock_order);
      p.changed = p.stored != derived;
      if (p.changed) {
        compare(p.case_ref, p.stored, derived, changes, p.moved);
      } else {
        p.digest_only = true;
      }
      p.stored = {};
    }
  });
}

// The writes of a rederive, held back until the caller's gate opens (or too many wait).
class Writer {
 public:
  Writer(sqlite::Database& db, const config::LaConfig& config, const BeforeWriting& gate)
      : rebuilder_(db, config.rules, config.calendar), clocks_(db.sql()), gate_(gate) {}

  // Counts and reports a settled batch in case order and keeps what it must write; the first
  // case that cannot be derived stops it.
  engine::Status take(Batch& batch, Rederived& out) {
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
      if (p.changed) {
        std::move(p.moved.begin(), p.moved.end(), std::back_inserter(out.moved));
        ++out.cases_changed;
      }
      if (p.changed || p.digest_only) {
        held_.push_back(std::move(p));
      }
    }
    batch = {};
    return held_.size() >= kHeld || opened_ ? flush() : engine::Status{};
  }

  // Opens the gate and writes whatever is held.
  engine::Status flush() {
    if (!opened_) {
      if (gate_) {
        if (auto status = gate_(); !status.ok()) {
          return status;
        }
      }
      opened_ = true;
    }
    for (const auto& p : held_) {
      if (p.changed) {
        rebuilder_.write(p.derived);
      } else {
        clocks_.put_digest(p.case_ref, p.derived_digest);
      }
    }
    held_.clear();
    return {};
  }

 private:
  static constexpr std::size_t kHeld = 2 * kBatch;  // bounds the memory held back
  CaseRebuilder rebuilder_;
  sqlite::ClockStore clocks_;
  const BeforeWriting& gate_;
  bool opened_ = false;
  std::vector<Pending> held_;
};

}  // namespace

engine::Result<Rederived> rederive_all(sqlite::Database& db, const config::LaConfig& config,
                                       const std::string& derived_at,
                                       const BeforeWriting& before_writing, Progress* progress) {
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
    // Every event is read once: mapping the file spares copying each page through a read()
    // call (this connection only; SQLite falls back to reads where it cannot map).
    db.sql().exec("PRAGMA mmap_size = 1073741824");
    sqlite::EventStore events(db.sql());
    sqlite::ClockStore clocks(db.sql());
    Writer writer(db, config, before_writing);
    std::vector<std::pair<std::string, std::optional<std::uint64_t>>> cases;
    clocks.cases_with_digests([&cases](std::string ref, std::optional<std::uint64_t> digest) {
      cases.emplace_back(std::move(ref), digest);
    });
    // A pipeline on the caller's thread and every core: while batch i is derived in the
    // background, batch i-1 (settled) is written and batch i+1 read; reading and writing stay
    // on this thread, which owns the connection.
    Batch current = cases.empty() ? Batch{} : read_batch(events, cases, 0);
    Batch previous;
    for (std::size_t first = 0; first < cases.size(); first += kBatch) {
      report_progress(progress, "deriving", "cases", first, cases.size());
      Batch next;
      {
        detail::InBackground derivation([&current, &config](std::size_t t, std::size_t threads) {
          derive_share(current, t, threads, config);
        });
        if (auto status = writer.take(previous, out); !status.ok()) {
          return status;
        }
        if (first + kBatch < cases.size()) {
          next = read_batch(events, cases, first + kBatch);
        }
      }
      settle(current, clocks, out.changes);
      previous = std::move(current);
      current = std::move(next);
    }
    if (auto status = writer.take(previous, out); !status.ok()) {
      return status;
    }
    if (auto status = writer.flush(); !status.ok()) {
      return status;
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
                                                  const std::string& derived_at, bool dry_run,
                                                  const BeforeWriting& before_writing,
                                                  Progress* progress) {
  try {
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    auto rederived = rederive_all(db, config, derived_at, before_writing, progress);
    if (rederived.ok() && !dry_run) {
      tx.commit();
    }
    return rederived;  // otherwise rolled back: nothing changed
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("re-deriving", e.what());
  }
}

}  // namespace ehcp::adapters::derivation
