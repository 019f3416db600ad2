// The board pack page's "Plans due to pass 20 weeks next month" (web/pages/plans_due_section.h):
// on 10 February 2026 next month is March. The board sees the council's count and no case; a
// North manager sees the count and North's reference only, never a child's name.
#include <sstream>

#include "tests/web/web_fixture.h"

using ehcp::test::WebFixture;
using namespace ehcp;

namespace {

// Each request + 140 days: PN-1 (North) 2025-10-14 -> 2026-03-03; PS-1 (South) 2025-10-20 ->
// 2026-03-09. The fixture's own N-1 and S-1 (requests 5 January) are due on 25 May.
const char* kMore =
    R"({"case":"PN-1","type":"case_opened","on":"2025-10-01","child":{"given_name":"Northern","family_name":"Planchild","dob":"2016-04-01"},"caseworker":"Sam Okafor","team":"North"}
{"case":"PN-1","type":"assessment_requested","on":"2025-10-14","source":"parent"}
{"case":"PS-1","type":"case_opened","on":"2025-10-01","child":{"given_name":"Southern","family_name":"Planchild","dob":"2016-04-02"},"caseworker":"Priya Shah","team":"South"}
{"case":"PS-1","type":"assessment_requested","on":"2025-10-20","source":"parent"}
)";

void import_more(WebFixture& web) {
  auto db =
      adapters::sqlite::Database::open(web.db_path(), adapters::sqlite::Database::Mode::kExisting);
  REQUIRE(db.ok());
  auto config = adapters::config::default_la_config();
  REQUIRE(config.ok());
  const auto derivation = adapters::derivation::derivation_of(config.value());
  std::istringstream in(kMore);
  auto report = adapters::import_events(*db.value(), in,
                                        {test::kToday, "2026-02-10T09:00:00Z", config.value().rules,
                                         config.value().calendar, &derivation});
  REQUIRE(report.ok());
  REQUIRE(report.value().accepted());
}

}  // namespace

TEST_CASE("the board sees how many plans will pass 20 weeks next month, and no case",
          "[web][plans_due]") {
  WebFixture web;
  import_more(web);
  REQUIRE(web.sign_in("Bea Board").status == 303);
  const auto r = web.get("/reports/board-pack");
  REQUIRE(r.status == 200);
  CHECK(r.body.find("Plans due to pass 20 weeks next month") != std::string::npos);
  CHECK(r.body.find("2 plans still to be issued will pass 20 weeks in March 2026") !=
        std::string::npos);
  CHECK(r.body.find("PN-1") == std::string::npos);
  CHECK(r.body.find("PS-1") == std::string::npos);
  CHECK(r.body.find("Planchild") == std::string::npos);
}

TEST_CASE("a manager sees their own team's references among the plans due next month",
          "[web][plans_due]") {
  WebFixture web;
  import_more(web);
  REQUIRE(web.sign_in("Mo Manager").status == 303);
  const auto r = web.get("/reports/board-pack");
  REQUIRE(r.status == 200);
  CHECK(r.body.find("2 plans still to be issued will pass 20 weeks in March 2026") !=
        std::string::npos);
  CHECK(r.body.find("href=\"/cases/PN-1\"") != std::string::npos);
  CHECK(r.body.find("Tue 3 Mar 2026") != std::string::npos);
  CHECK(r.body.find("PS-1") == std::string::npos);
  CHECK(r.body.find("Planchild") == std::string::npos);
  CHECK(r.body.find("Northern") == std::string::npos);
}
