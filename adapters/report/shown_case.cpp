#include "adapters/report/shown_case.h"

#include <unordered_map>

#include "adapters/derivation/derivation.h"
#include "adapters/report/family_days.h"
#include "adapters/sqlite/case_store.h"
#include "adapters/sqlite/derivation_store.h"
#include "adapters/sqlite/event_store.h"
#include "engine/case_record.h"
#include "workflows/case_as_of.h"

namespace ehcp::adapters::report {

engine::Result<render::CaseShown> load_shown_case(sqlite::Database& db,
                                                  const config::LaConfig& config,
                                                  const std::string& ref, engine::Date as_of) {
  try {
    sqlite::CaseStore cases(db.sql());
    auto record = cases.get(ref);
    if (!record) {
      return engine::Status::not_found("no case '" + ref + "'");
    }
    if (record->opened_on > as_of) {
      return engine::Status::not_found("case '" + ref + "' was opened on " +
                                       engine::format_date(record->opened_on) + ", after " +
                                       engine::format_date(as_of));
    }
    // The page and the queues read one derivation: a stale database is refused here as there.
    if (auto status = sqlite::DerivationStore(db.sql()).check(derivation::derivation_of(config));
        !status.ok()) {
      return status;
    }
    sqlite::EventStore events(db.sql());
    auto history = events.load_case(ref);
    if (!history.ok()) {
      return history.status();
    }
    auto standing =
        workflows::case_as_of(std::move(history).value(), config.rules, config.calendar, as_of);
    // The stored objects are shown as imported, so unknown fields a caseworker added stay
    // visible; load_case has already checked that each one decodes.
    std::unordered_map<std::int64_t, nlohmann::json> objects;
    events.for_each_payload(ref, [&](std::int64_t seq, const std::string& payload) {
      objects.emplace(seq, nlohmann::json::parse(payload));
    });
    render::CaseShown shown{std::move(standing.record), as_of,        {}, standing.later_events,
                            std::move(standing.view),   std::nullopt, {}};
    shown.family_days =
        family_days(standing.known, shown.view, config.rules, config.calendar, as_of);
    // Voided events and the corrections are listed too, in their places, though nothing was
    // derived from them: each voided event with its correction, each correction with its event.
    std::vector<engine::RecordedEvent> listed = std::move(standing.known);
    std::unordered_map<std::int64_t, render::VoidedBy> voided;
    std::unordered_map<std::int64_t, render::Voids> voids;
    for (auto& c : standing.corrections) {
      const auto& body = std::get<engine::EventVoided>(c.correction.event.body);
      voided[c.voided.seq] = {c.correction.seq, c.correction.event.on, c.correction.event.by,
                              body.reason};
      voids[c.correction.seq] = {
          c.voided.seq, std::string(engine::to_string(c.voided.event.type())), c.voided.event.on};
      for (auto* e : {&c.voided, &c.correction}) {
        if (e->event.on <= as_of) {
          listed.push_back(std::move(*e));
        }
      }
    }
    engine::sort_for_replay(listed);
    for (const auto& recorded : listed) {
      render::ShownEvent e{recorded.seq, std::move(objects.at(recorded.seq)), {}, {}};
      if (const auto mark = voided.find(recorded.seq); mark != voided.end()) {
        e.voided = mark->second;
      }
      if (const auto target = voids.find(recorded.seq); target != voids.end()) {
        e.voids = target->second;
      }
      shown.events.push_back(std::move(e));
    }
    if (standing.rejection) {
      shown.problem = standing.rejection->reason;
    }
    return shown;
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("show case", e.what());
  }
}

}  // namespace ehcp::adapters::report
