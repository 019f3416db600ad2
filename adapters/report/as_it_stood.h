// adapters/report/as_it_stood.h
//
// The clocks a queue or report reads, with each case as it stood on the date, exactly as
// `case show --as-of` gives it (workflows::case_as_of, the one evaluation path). The stored
// clock rows are the case's whole history evaluated; for a case with no event dated after the
// date they are the case as it stood then, and are read as they are. A case whose history goes
// on after the date (a due date moved by a later event, a reassignment, a workflow opened
// later) is evaluated from its events up to the date instead, and its stored rows are left
// out. When no event at all is dated after the date (a queue or report for today) nothing is
// evaluated. Read-only; not shared across threads.
#pragma once

#include <bitset>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "adapters/detail/on_every_core.h"
#include "adapters/sqlite/clock_query.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/event_store.h"
#include "engine/calendar.h"
#include "engine/rule_pack.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

class AsItStood {
 public:
  AsItStood(sqlite::Database& db, const engine::RuleBook& rules, const engine::Calendar& calendar,
            engine::Date as_of);

  // Calls `visit` for each clock `query` matches on the date, in no particular order. Returns
  // a storage error, or an internal one when a stored history no longer evaluates.
  engine::Status for_each_clock(const sqlite::ClockQuery& query,
                                const std::function<void(sqlite::ClockRow&&)>& visit);

  // One case's history as it stood on the date: the voids and what they void taken out
  // (whatever their date), in replay order, nothing dated after the date. Empty when the case
  // was opened after it.
  struct CaseHistory {
    std::string case_ref;
    std::vector<engine::RecordedEvent> events;
  };

  // Streams every case, in case-reference order, a batch at a time so that memory stays
  // bounded at national scale: `derive(CaseHistory&&) -> T` runs on every core (it must be
  // pure), then `visit(T&&)` on the caller's thread, in case order. `needed` (empty: all)
  // lists the types `derive` reads: the others are never decoded, except in a case with a
  // correction, which needs them all to find what it voids. Returns a storage error when a
  // stored event no longer decodes.
  template <typename T, typename Derive, typename Visit>
  engine::Status for_each_case(Derive derive, Visit visit,
                               const std::vector<engine::EventType>& needed = {}) {
    needed_.reset();
    for (const auto type : needed) {
      needed_.set(static_cast<std::size_t>(type));
    }
    if (needed.empty()) {
      needed_.set();
    }
    // Two batches in flight: one derived on threads of its own while the next is read here.
    struct Slot {
      std::vector<Stored> cases;
      std::vector<T> out;
      std::vector<engine::Status> failed;
    };
    Slot slots[2];
    std::size_t reading = 0;
    std::optional<detail::InBackground> deriving;  // the other slot's; joined before it dies
    const auto settle = [&](Slot& slot) -> engine::Status {
      deriving->join();
      deriving.reset();
      for (const auto& status : slot.failed) {
        if (!status.ok()) {
          return status;
        }
      }
      for (auto& item : slot.out) {
        visit(std::move(item));
      }
      return {};
    };
    auto status = for_each_batch([&](std::vector<Stored>& batch) -> engine::Status {
      if (deriving) {
        if (auto settled = settle(slots[1 - reading]); !settled.ok()) {
          return settled;
        }
      }
      Slot& slot = slots[reading];
      slot.cases.swap(batch);
      slot.out.clear();
      slot.out.resize(slot.cases.size());
      slot.failed.assign(detail::derive_threads(), {});
      deriving.emplace([this, &slot, &derive](std::size_t t, std::size_t threads) {
        for (std::size_t i = t; i < slot.cases.size(); i += threads) {
          auto history = stood(slot.cases[i]);
          if (!history.ok()) {
            slot.failed[t] = history.status();
            return;
          }
          slot.out[i] = derive(std::move(history).value());
        }
      });
      reading = 1 - reading;
      return {};
    });
    if (deriving) {
      auto settled = settle(slots[1 - reading]);
      if (status.ok()) {
        status = settled;
      }
    }
    return status;
  }

 private:
  struct Stored {
    std::string case_ref;
    std::vector<sqlite::StoredPayload> payloads;
    std::vector<std::string> types;  // each payload's event type, as stored
  };
  // Reads the events of every case in batches of whole cases, in case order.
  engine::Status for_each_batch(const std::function<engine::Status(std::vector<Stored>&)>& batch);
  // Decodes one case's rows and cuts them at the date. Pure.
  engine::Result<CaseHistory> stood(Stored& stored) const;

  void find_restated();  // once, on first use
  // `rungs` and `reported` read a clock's escalations and ledger entry (keyed by case, clock,
  // start, due).
  engine::Status visit_restated(const std::string& case_ref, const sqlite::ClockQuery& query,
                                SQLite::Statement& rungs, SQLite::Statement& reported,
                                const std::function<void(sqlite::ClockRow&&)>& visit);

  sqlite::Database& db_;
  const engine::RuleBook& rules_;
  const engine::Calendar& calendar_;
  engine::Date as_of_;
  bool looked_ = false;
  std::set<std::string> restated_;               // the cases with an event dated after the date
  std::bitset<engine::kEventTypeCount> needed_;  // for_each_case's types to decode
};

}  // namespace ehcp::adapters::report
