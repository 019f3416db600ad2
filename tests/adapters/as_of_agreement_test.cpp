// The property behind issue 14's "one evaluation path": for random synthetic histories and random
// dates, the queue and the breach report (which read the stored clock rows, restating a case
// whose history goes on after the date) agree with `case show` (workflows::case_as_of on the
// case's events) on every clock's start, due date and status. The caseload has disagreements,
// moves and transfers, whose later events move due dates (a certificate moves the appeal
// window; a new setting moves a phase transfer), so a queue that read the rows as they are
// would disagree on past dates.
#include <algorithm>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "adapters/config/la_config.h"
#include "adapters/import/importer.h"
#include "adapters/report/breach_source.h"
#include "adapters/report/work_queue.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/event_store.h"
#include "adapters/synthetic/caseload.h"
#include "adapters/synthetic/caseload_writer.h"
#include "engine/breach_report.h"
#include "tests/test_size.h"
#include "workflows/case_as_of.h"

using namespace ehcp;
using adapters::sqlite::Database;

namespace {

const engine::Date kAsOf = engine::make_date(2026, 11, 25);

std::string key(const std::string& ref, const engine::Clock& c, const char* status) {
  return ref + " " + c.name + " " + engine::format_date(c.start) + " " +
         engine::format_date(c.due) + " " + status;
}

}  // namespace

TEST_CASE("on random dates the queue, the breach report and case show agree on every clock",
          "[as_of][property]") {
  auto opened = Database::open(":memory:", Database::Mode::kCreate);
  REQUIRE(opened.ok());
  Database& db = *opened.value();
  REQUIRE(db.migrate().ok());
  const auto config = adapters::config::default_la_config();
  REQUIRE(config.ok());
  const auto& rules = config.value().rules;
  const auto& calendar = config.value().calendar;

  adapters::synthetic::CaseloadOptions options;
  options.cases = test::sized(400, 80);
  options.seed = 14;
  options.as_of = kAsOf;
  std::ostringstream generated;
  REQUIRE(
      adapters::synthetic::write_caseload(adapters::synthetic::Caseload(options), generated).ok());
  // A case whose history goes on after 5 Feb 2026 in ways that change it as it stood then: a
  // Year 6 child (born 3 Oct 2014: Year 6 in 2025/26) at a primary, whose transfer to secondary
  // is due by 14 Feb 2026 (reg 18: before 15 February), is reassigned on 9 Feb and moves to a
  // special school on 10 Feb (no transfer is derived for that phase). Read from the rows of
  // the whole history, the queue of 5 Feb would have no transfer and the later caseworker.
  generated
      << R"({"case":"AS-1","type":"case_opened","on":"2024-01-10","child":{"given_name":"Tess","family_name":"Example","dob":"2014-10-03"},"caseworker":"Ann Early","team":"North","setting":{"name":"Elm Primary","phase":"primary"}})"
      << "\n"
      << R"({"case":"AS-1","type":"plan_in_force","on":"2024-01-10","made":"2023-06-01"})"
      << "\n"
      << R"({"case":"AS-1","type":"caseworker_assigned","on":"2026-02-09","caseworker":"Ben Later","team":"South"})"
      << "\n"
      << R"({"case":"AS-1","type":"setting_changed","on":"2026-02-10","setting":{"name":"Oak Special","phase":"special"}})"
      << "\n";
  std::istringstream in(generated.str());
  auto imported =
      adapters::import_events(db, in, {kAsOf, "2026-11-25T09:00:00.000Z", rules, calendar});
  REQUIRE(imported.ok());
  REQUIRE(imported.value().accepted());

  std::vector<std::string> refs;
  {
    SQLite::Statement q(db.sql(), "SELECT case_ref FROM cases ORDER BY case_ref");
    while (q.executeStep()) {
      refs.push_back(q.getColumn(0).getString());
    }
  }
  adapters::sqlite::EventStore store(db.sql());
  std::vector<std::vector<engine::RecordedEvent>> histories;
  for (const auto& ref : refs) {
    auto events = store.load_case(ref);
    REQUIRE(events.ok());
    histories.push_back(std::move(events).value());
  }

  std::mt19937 random(14);
  std::uniform_int_distribution<int> days_back(0, 3 * 365);
  std::size_t compared = 0;
  std::size_t restated_differences = 0;  // rows stored for the whole history that differ
  const int rounds = test::kSanitized ? 4 : 12;
  for (int round = 0; round < rounds; ++round) {
    const engine::Date on =
        round == 0 ? engine::make_date(2026, 2, 5) : kAsOf - date::days{days_back(random)};
    INFO("as of " << engine::format_date(on));
    const engine::Date horizon = engine::due_soon_horizon(on, calendar);

    std::set<std::string> expected_queue;
    std::set<std::string> expected_breaches;
    for (std::size_t i = 0; i < refs.size(); ++i) {
      const auto standing = workflows::case_as_of(histories[i], rules, calendar, on);
      REQUIRE_FALSE(standing.rejection);
      for (const auto& c : standing.view.clocks) {
        if (rules.family_deadline(c.name, c.start)) {
          continue;  // the family's windows are in neither list (the LA has nothing to do)
        }
        const auto status = c.status_on(on);
        const bool open = status == engine::ClockStatus::kOpen;
        const bool overdue = status == engine::ClockStatus::kOverdue;
        if ((open || overdue) && c.due <= horizon) {
          std::string stage;
          for (const auto& w : standing.view.workflows) {
            stage = w.workflow == c.workflow ? w.state : stage;
          }
          expected_queue.insert(key(refs[i], c, overdue ? "overdue" : "open") + " " + stage + " " +
                                standing.record.caseworker.value_or(""));
        }
        if (c.statutory && overdue && !c.excepted_on(on)) {
          expected_breaches.insert(key(refs[i], c, "overdue"));
        }
        if (c.statutory && open && on < c.due && c.due <= horizon) {
          expected_breaches.insert(key(refs[i], c, "open"));
        }
      }
      if (standing.later_events > 0) {
        // Count what the stored rows (the whole history) say differently of the case on the
        // date, to show the test looks at cases that need restating.
        const auto whole = workflows::case_as_of(histories[i], rules, calendar, std::nullopt);
        for (const auto& c : standing.view.clocks) {
          const bool same = std::any_of(
              whole.view.clocks.begin(), whole.view.clocks.end(), [&](const engine::Clock& w) {
                return w.name == c.name && w.start == c.start && w.due == c.due &&
                       w.status_on(on) == c.status_on(on);
              });
          restated_differences += same ? 0 : 1;
        }
        restated_differences += whole.record.caseworker != standing.record.caseworker ? 1 : 0;
        restated_differences +=
            whole.view.workflows.size() != standing.view.workflows.size() ? 1 : 0;
      }
    }

    auto queue = adapters::report::load_work_queue(db, config.value(), on, {});
    REQUIRE(queue.ok());
    std::set<std::string> queued;
    for (const auto& item : queue.value().items) {
      engine::Clock c;
      c.name = item.clock;
      c.start = item.start;
      c.due = item.due;
      queued.insert(key(item.case_ref, c, item.days_overdue > 0 ? "overdue" : "open") + " " +
                    item.stage + " " + item.caseworker);
    }
    CHECK(queued == expected_queue);

    auto report = adapters::report::load_breach_report(db, config.value(), on, false);
    REQUIRE(report.ok());
    std::set<std::string> reported;
    const auto take = [&](const std::vector<engine::BreachEntry>& entries, const char* status) {
      for (const auto& e : entries) {
        engine::Clock c;
        c.name = e.clock;
        c.start = e.start;
        c.due = e.due;
        reported.insert(key(e.case_ref, c, status));
      }
    };
    take(report.value().overdue, "overdue");
    take(report.value().due_soon, "open");
    CHECK(reported == expected_breaches);
    compared += expected_queue.size() + expected_breaches.size();
  }
  CHECK(compared > test::sized(1000, 50));  // the sanitized run compares fewer cases and dates
  // The dates fall where later events had moved something: without restating, the queue would
  // have read those rows as they are stored.
  CHECK(restated_differences > 0);
}
