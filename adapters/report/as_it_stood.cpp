#include "adapters/report/as_it_stood.h"

#include <algorithm>

#include "adapters/sqlite/detail/group_concat.h"
#include "adapters/sqlite/event_store.h"
#include "engine/case_record.h"
#include "workflows/case_as_of.h"
#include "workflows/corrections.h"

namespace ehcp::adapters::report {

AsItStood::AsItStood(sqlite::Database& db, const engine::RuleBook& rules,
                     const engine::Calendar& calendar, engine::Date as_of)
    : db_(db), rules_(rules), calendar_(calendar), as_of_(as_of) {}

void AsItStood::find_restated() {
  if (looked_) {
    return;
  }
  looked_ = true;
  const auto latest = sqlite::EventStore(db_.sql()).latest_on();
  if (!latest || *latest <= as_of_) {
    return;  // every case stands today as it stood on the date
  }
  SQLite::Statement later(db_.sql(), "SELECT DISTINCT case_ref FROM events WHERE on_date > ?");
  later.bind(1, engine::format_date(as_of_));
  while (later.executeStep()) {
    restated_.insert(later.getColumn(0).getString());
  }
}

engine::Status AsItStood::for_each_clock(const sqlite::ClockQuery& query,
                                         const std::function<void(sqlite::ClockRow&&)>& visit) {
  try {
    find_restated();
    sqlite::for_each_clock(db_.sql(), query, [&](sqlite::ClockRow&& row) {
      if (!restated_.contains(row.case_ref)) {
        visit(std::move(row));
      }
    });
    // Prepared once for all the restated cases.
    SQLite::Statement rungs(db_.sql(),
                            "SELECT ifnull(group_concat(rung, ' '), '') FROM escalations WHERE "
                            "case_ref = ? AND clock = ? AND start = ? AND due = ?");
    SQLite::Statement reported(db_.sql(),
                               "SELECT EXISTS (SELECT 1 FROM breach_ledger WHERE case_ref = ? AND "
                               "clock = ? AND start = ? AND due = ? AND first_reported < ?)");
    for (const auto& ref : restated_) {
      if (auto status = visit_restated(ref, query, rungs, reported, visit); !status.ok()) {
        return status;
      }
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("reading clocks as of " + engine::format_date(as_of_), e.what());
  }
  return {};
}

engine::Status AsItStood::visit_restated(const std::string& case_ref,
                                         const sqlite::ClockQuery& query, SQLite::Statement& rungs,
                                         SQLite::Statement& reported,
                                         const std::function<void(sqlite::ClockRow&&)>& visit) {
  auto history = sqlite::EventStore(db_.sql()).load_case(case_ref);
  if (!history.ok()) {
    return history.status();
  }
  auto standing = workflows::case_as_of(std::move(history).value(), rules_, calendar_, as_of_);
  if (standing.known.empty()) {
    return {};  // opened after the date
  }
  if (standing.rejection) {
    // The import accepted the whole history, so its part up to a date evaluates too.
    return engine::Status::internal("case '" + case_ref + "' as of " + engine::format_date(as_of_) +
                                    ": " + standing.rejection->reason);
  }
  const auto keyed = [&](SQLite::Statement& s, const engine::Clock& c) {
    s.reset();
    s.bind(1, case_ref);
    s.bind(2, c.name);
    s.bind(3, engine::format_date(c.start));
    s.bind(4, engine::format_date(c.due));
  };
  const engine::CaseRecord& record = standing.record;
  for (auto& clock : standing.view.clocks) {
    sqlite::ClockRow row;
    row.case_ref = case_ref;
    row.caseworker = record.caseworker.value_or("");
    row.team = record.team.value_or("");
    row.clock = std::move(clock);
    if (!sqlite::matches(query, row)) {
      continue;
    }
    if (query.with_names) {
      row.child = record.child.given_name + " " + record.child.family_name;
    }
    if (query.with_stage) {
      for (const auto& w : standing.view.workflows) {  // in opening order: the latest wins
        if (w.workflow == row.clock.workflow) {
          row.stage = w.state;
        }
      }
    }
    if (query.with_rungs) {
      keyed(rungs, row.clock);
      rungs.executeStep();
      row.rungs = sqlite::detail::split_group_concat(rungs.getColumn(0).getString(), ' ');
    }
    if (query.reported_before) {
      keyed(reported, row.clock);
      reported.bind(5, engine::format_date(*query.reported_before));
      reported.executeStep();
      row.reported = reported.getColumn(0).getInt() != 0;
    }
    visit(std::move(row));
  }
  return {};
}

engine::Status AsItStood::for_each_batch(
    const std::function<engine::Status(std::vector<Stored>&)>& batch) {
  // Cases held at once: bounds memory whatever the caseload (the rows of one batch, decoded).
  constexpr std::size_t kBatch = 4096;
  try {
    std::vector<Stored> cases;
    cases.reserve(kBatch);
    SQLite::Statement rows(
        db_.sql(),
        "SELECT case_ref, seq, type, payload FROM events ORDER BY case_ref, on_date, seq");
    while (rows.executeStep()) {
      const char* ref = rows.getColumn(0).getText();
      if (cases.empty() || cases.back().case_ref != ref) {
        if (cases.size() == kBatch) {
          if (auto status = batch(cases); !status.ok()) {
            return status;
          }
          cases.clear();
        }
        cases.push_back({ref, {}, {}});
      }
      cases.back().payloads.push_back(
          {rows.getColumn(1).getInt64(), rows.getColumn(3).getString()});
      cases.back().types.push_back(rows.getColumn(2).getString());
    }
    if (!cases.empty()) {
      return batch(cases);
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("reading events as of " + engine::format_date(as_of_), e.what());
  }
  return {};
}

engine::Result<AsItStood::CaseHistory> AsItStood::stood(Stored& stored) const {
  const auto voided = std::string(engine::to_string(engine::EventType::kEventVoided));
  if (!needed_.all() &&
      std::find(stored.types.begin(), stored.types.end(), voided) == stored.types.end()) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < stored.payloads.size(); ++i) {
      const auto type = engine::parse_event_type(stored.types[i]);
      if (!type || needed_.test(static_cast<std::size_t>(*type))) {
        if (kept != i) {  // a string moved onto itself would be left empty
          stored.payloads[kept] = std::move(stored.payloads[i]);
        }
        ++kept;
      }
    }
    stored.payloads.resize(kept);
  }
  auto decoded = sqlite::decode_payloads(stored.payloads);
  stored.payloads = {};
  if (!decoded.ok()) {
    return decoded.status();
  }
  auto corrected = workflows::apply_corrections(std::move(decoded).value());
  engine::sort_for_replay(corrected.events);
  auto& events = corrected.events;
  std::size_t kept = 0;
  while (kept < events.size() && events[kept].event.on <= as_of_) {
    ++kept;
  }
  events.erase(events.begin() + static_cast<std::ptrdiff_t>(kept), events.end());
  return CaseHistory{std::move(stored.case_ref), std::move(events)};
}

}  // namespace ehcp::adapters::report
