// The board pack's "plans due to pass 20 weeks next month" (adapters/report/plans_due.h): as of
// 25 November 2026, the open final_plan clocks (request + 20 weeks) due from 1 to 31 December,
// each month end counted in, 30 November and 1 January out, a refused request's out, with the
// team of each case and whether an exception applies; and as of an earlier date.
#include "adapters/report/plans_due.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "adapters/config/la_config.h"
#include "adapters/import/importer.h"
#include "adapters/render/plans_due_render.h"
#include "adapters/sqlite/database.h"

using namespace ehcp;
using adapters::report::load_plans_due;
using adapters::report::next_month;

namespace {

const engine::Date kAsOf = engine::make_date(2026, 11, 25);

// Each request + 140 days:
//   P-1 North 2026-07-14 -> 2026-12-01 (17 + 31 + 30 + 31 + 31 = 140): December's first day.
//   P-2 North 2026-08-13 -> 2026-12-31 (18 + 30 + 31 + 30 + 31): its last day.
//   P-3 South 2026-07-20 -> 2026-12-07, with an exception (personal circumstances in September).
//   Q-1 North 2026-07-13 -> 2026-11-30: this month, not next.
//   Q-2 North 2026-08-14 -> 2027-01-01: the month after next.
//   Q-3 North 2026-07-21 -> 2026-12-08, but refused on 2026-08-20: no plan is due.
const char* kEvents =
    R"({"case":"P-1","type":"case_opened","on":"2026-07-01","child":{"given_name":"Ada","family_name":"Example","dob":"2017-05-02"},"caseworker":"Sam Okafor","team":"North"}
{"case":"P-1","type":"assessment_requested","on":"2026-07-14","source":"parent"}
{"case":"P-2","type":"case_opened","on":"2026-07-01","child":{"given_name":"Ben","family_name":"Example","dob":"2016-09-14"},"caseworker":"Sam Okafor","team":"North"}
{"case":"P-2","type":"assessment_requested","on":"2026-08-13","source":"parent"}
{"case":"P-3","type":"case_opened","on":"2026-07-01","child":{"given_name":"Cal","family_name":"Sample","dob":"2015-11-03"},"caseworker":"Kim Lowe","team":"South"}
{"case":"P-3","type":"assessment_requested","on":"2026-07-20","source":"school"}
{"case":"P-3","type":"exception_recorded","on":"2026-09-21","limb":"personal_circumstances","from":"2026-09-01","to":"2026-09-20","note":"synthetic: family illness"}
{"case":"Q-1","type":"case_opened","on":"2026-07-01","child":{"given_name":"Dee","family_name":"Sample","dob":"2018-01-20"},"caseworker":"Sam Okafor","team":"North"}
{"case":"Q-1","type":"assessment_requested","on":"2026-07-13","source":"parent"}
{"case":"Q-2","type":"case_opened","on":"2026-07-01","child":{"given_name":"Eve","family_name":"Sample","dob":"2014-07-08"},"caseworker":"Sam Okafor","team":"North"}
{"case":"Q-2","type":"assessment_requested","on":"2026-08-14","source":"parent"}
{"case":"Q-3","type":"case_opened","on":"2026-07-01","child":{"given_name":"Fay","family_name":"Sample","dob":"2016-03-12"},"caseworker":"Sam Okafor","team":"North"}
{"case":"Q-3","type":"assessment_requested","on":"2026-07-21","source":"parent"}
{"case":"Q-3","type":"assessment_decision","on":"2026-08-20","outcome":"refuse"}
)";

}  // namespace

TEST_CASE("next month runs from its first day to its last, across a year's end", "[plans_due]") {
  CHECK(next_month(kAsOf) ==
        std::pair{engine::make_date(2026, 12, 1), engine::make_date(2026, 12, 31)});
  CHECK(next_month(engine::make_date(2026, 12, 31)) ==
        std::pair{engine::make_date(2027, 1, 1), engine::make_date(2027, 1, 31)});
  CHECK(next_month(engine::make_date(2028, 1, 31)) ==
        std::pair{engine::make_date(2028, 2, 1), engine::make_date(2028, 2, 29)});
}

TEST_CASE("the plans due to pass 20 weeks next month are the open final plans due in it",
          "[plans_due]") {
  auto opened =
      adapters::sqlite::Database::open(":memory:", adapters::sqlite::Database::Mode::kCreate);
  REQUIRE(opened.ok());
  auto& db = *opened.value();
  REQUIRE(db.migrate().ok());
  const auto config = adapters::config::default_la_config();
  REQUIRE(config.ok());
  std::istringstream in(kEvents);
  auto imported = adapters::import_events(
      db, in, {kAsOf, "2026-11-25T09:00:00Z", config.value().rules, config.value().calendar});
  REQUIRE(imported.ok());
  REQUIRE(imported.value().accepted());

  const auto due = load_plans_due(db, config.value(), kAsOf);
  REQUIRE(due.ok());
  const auto& plans = due.value().plans;
  REQUIRE(plans.size() == 3);
  CHECK(plans[0].case_ref == "P-1");
  CHECK(plans[0].due == engine::make_date(2026, 12, 1));
  CHECK(plans[0].team == "North");
  CHECK_FALSE(plans[0].excepted);
  CHECK(plans[1].case_ref == "P-3");
  CHECK(plans[1].team == "South");
  CHECK(plans[1].excepted);
  CHECK(plans[2].case_ref == "P-2");
  CHECK(plans[2].due == engine::make_date(2026, 12, 31));
  CHECK(adapters::render::plans_due_to_text(due.value()) ==
        "Plans due to pass 20 weeks next month (December 2026): 3, 1 with an exception\n");
  const auto json = adapters::render::plans_due_to_json(due.value());
  CHECK(json["from"] == "2026-12-01");
  CHECK(json["plans"] == 3);

  // As of 31 October, next month is November, when only Q-1 is due.
  const auto october = load_plans_due(db, config.value(), engine::make_date(2026, 10, 31));
  REQUIRE(october.ok());
  REQUIRE(october.value().plans.size() == 1);
  CHECK(october.value().plans[0].case_ref == "Q-1");
}
