// tests for adapters/synthetic/: the same seed gives the same bytes, each case's events are in
// date order and never after the as-of date, every case is one the machines accept, a
// council-sized caseload has the shape caseload_shape.h documents, and moves, re-assessments
// and detentions fall where the law and the other stories let them.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "adapters/config/la_config.h"
#include "adapters/jsonl/event_decoder.h"
#include "adapters/synthetic/caseload.h"
#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/caseload_stream.h"
#include "adapters/synthetic/caseload_writer.h"
#include "engine/case_record.h"
#include "engine/event_validation.h"
#include "tests/test_size.h"
#include "workflows/case_evaluator.h"

using namespace ehcp;
using adapters::synthetic::Caseload;
using adapters::synthetic::CaseloadOptions;

namespace {

const engine::Date kAsOf = engine::make_date(2026, 11, 25);

Caseload caseload_of(std::uint64_t cases, std::uint64_t seed = 1, engine::Date as_of = kAsOf) {
  CaseloadOptions options;
  options.cases = cases;
  options.seed = seed;
  options.as_of = as_of;
  return Caseload(options);
}

std::string written(const Caseload& caseload) {
  std::ostringstream out;
  auto result = adapters::synthetic::write_caseload(caseload, out);
  REQUIRE(result.ok());
  return out.str();
}

// The value of a string field `"key":"value"` in a generated line, or "" (the generator
// writes no spaces, and these values hold no quotes).
std::string field(const std::string& line, const std::string& key) {
  const std::string start = "\"" + key + "\":\"";
  const auto at = line.find(start);
  if (at == std::string::npos) {
    return "";
  }
  const auto from = at + start.size();
  return line.substr(from, line.find('"', from) - from);
}

engine::Date day_of(const std::string& line, const std::string& key = "on") {
  auto d = engine::parse_date(field(line, key));
  REQUIRE(d);
  return *d;
}

// Decodes and evaluates every case as the importer would; the reasons of any rejected, and the
// warnings no story should give (a plan ceased during a detention, sent ahead of a move).
std::vector<std::string> rejections(const Caseload& caseload) {
  const auto config = adapters::config::default_la_config();
  REQUIRE(config.ok());
  std::vector<std::string> out;
  for (std::uint64_t n = 1; n <= caseload.options().cases; ++n) {
    std::vector<engine::RecordedEvent> events;
    for (const auto& e : caseload.make_case(n)) {
      auto object = adapters::jsonl::parse_line(e.json);
      REQUIRE(object.ok());
      auto event = adapters::jsonl::decode_event(object.value());
      if (!event.ok()) {
        out.push_back(e.json + ": " + event.status().message());
        continue;
      }
      // As the importer checks it: `aware_on` no more than `on` after the as-of date.
      if (auto late = engine::after_as_of_problem(event.value(), caseload.options().as_of)) {
        out.push_back(e.json + ": " + *late);
      }
      events.push_back({static_cast<std::int64_t>(events.size() + 1), std::move(event).value()});
    }
    engine::sort_for_replay(events);
    const auto evaluation =
        workflows::evaluate_case(events, config.value().rules, config.value().calendar);
    if (evaluation.rejection) {
      out.push_back(caseload.ref(n) + ": " + evaluation.rejection->reason);
    }
    for (const auto& warning : evaluation.view.warnings) {
      if (warning.text.find("detained") != std::string::npos ||
          warning.text.find("no move out of the area") != std::string::npos) {
        out.push_back(caseload.ref(n) + ": warning: " + warning.text);
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the same seed gives a byte-identical caseload; another seed a different one") {
  const std::string first = written(caseload_of(400, 7));
  CHECK(first == written(caseload_of(400, 7)));
  CHECK(first != written(caseload_of(400, 8)));
  CHECK(std::count(first.begin(), first.end(), '\n') > 400 * 10);
}

TEST_CASE("a case's events do not depend on the block size or on which cases are made") {
  const Caseload caseload = caseload_of(300, 3);
  const auto alone = caseload.make_case(123);
  REQUIRE_FALSE(alone.empty());
  for (const std::size_t window : {std::size_t{1}, std::size_t{64}}) {
    adapters::synthetic::StreamLimits limits;
    limits.window = window;
    adapters::synthetic::CaseloadStream stream(caseload, limits);
    std::vector<std::string> lines;
    std::string line;
    while (stream.next(line)) {
      if (field(line, "case") == caseload.ref(123)) {
        lines.push_back(line);
      }
    }
    REQUIRE(lines.size() == alone.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      CHECK(lines[i] == alone[i].json);
    }
  }
}

TEST_CASE("each case opens first, runs in date order and has nothing after the as-of date") {
  const std::uint64_t cases = test::sized(1000, 200);
  const Caseload caseload = caseload_of(cases, 5);
  std::set<std::string> ids;
  for (std::uint64_t n = 1; n <= cases; ++n) {
    const auto events = caseload.make_case(n);
    REQUIRE_FALSE(events.empty());
    CHECK(field(events.front().json, "type") == "case_opened");
    for (std::size_t i = 0; i < events.size(); ++i) {
      CHECK(field(events[i].json, "case") == caseload.ref(n));
      CHECK(day_of(events[i].json) == events[i].on);
      CHECK(events[i].on <= kAsOf);
      if (i > 0) {
        CHECK(events[i - 1].on <= events[i].on);
      }
      CHECK(ids.insert(field(events[i].json, "id")).second);
    }
  }
}

TEST_CASE("every generated case is accepted by the statutory machines, whatever the as-of date") {
  CHECK(rejections(caseload_of(test::sized(800, 150), 11)).empty());
  // Enough cases for every kind of move, re-assessment and detention.
  CHECK(rejections(caseload_of(test::sized(3000, 400), 13)).empty());
  // Before and during the coronavirus rules (May-September 2020), and on a 29 February.
  for (const auto as_of : {engine::make_date(2018, 1, 1), engine::make_date(2020, 6, 15),
                           engine::make_date(2024, 2, 29)}) {
    CHECK(rejections(caseload_of(200, 12, as_of)).empty());
  }
}

TEST_CASE("a council's caseload has the documented shape", "[statistics]") {
  const std::uint64_t kCases = 5000;
  const Caseload caseload = caseload_of(kCases);
  std::map<std::string, int> count;  // type, or type:detail
  std::set<std::string> ethnicities;
  int plans_issued = 0;
  int plans_after_20_weeks = 0;
  int in_progress = 0;  // requests with no outcome on the as-of date
  int out_of_cohort = 0;
  engine::Date first_request = kAsOf;
  engine::Date last_request = caseload.timeline().go_live();
  for (std::uint64_t n = 1; n <= kCases; ++n) {
    std::optional<engine::Date> request;
    for (const auto& e : caseload.make_case(n)) {
      const std::string type = field(e.json, "type");
      ++count[type];
      for (const char* detail : {"outcome", "source", "limb", "service", "gender"}) {
        if (const std::string value = field(e.json, detail); !value.empty()) {
          ++count[type + ":" + value];
        }
      }
      if (type == "case_opened") {
        ethnicities.insert(field(e.json, "ethnicity"));
        const int cohort = engine::cohort_year_group(day_of(e.json, "dob"), e.on);
        if (const auto at = e.json.find("\"year_group\":"); at != std::string::npos) {
          const int recorded = std::stoi(e.json.substr(at + 13));
          CHECK((recorded == cohort || recorded == cohort - 1));
          out_of_cohort += recorded != cohort ? 1 : 0;
        }
      } else if (type == "assessment_requested") {
        request = e.on;
        first_request = std::min(first_request, e.on);
        last_request = std::max(last_request, e.on);
      } else if (type == "final_plan_issued") {
        REQUIRE(request);
        ++plans_issued;
        plans_after_20_weeks += (e.on - *request).count() > 140 ? 1 : 0;
      } else if (type == "amended_plan_issued" && e.json.find("names_setting") != e.json.npos) {
        ++count["transfer_named"];
      }
      const bool ends = type == "final_plan_issued" || type == "assessment_withdrawn" ||
                        field(e.json, "outcome") == "refuse" ||
                        field(e.json, "outcome") == "no_plan";
      if (ends) {
        request.reset();
      }
    }
    in_progress += request ? 1 : 0;
  }
  const auto share = [&](const std::string& part, const std::string& whole) {
    return static_cast<double>(count[part]) / count[whole];
  };
  // A quarter of requests refused; about half of new plans after 20 weeks.
  CHECK(share("assessment_decision:refuse", "assessment_decision") == Approx(0.25).margin(0.03));
  CHECK(static_cast<double>(plans_after_20_weeks) / plans_issued == Approx(0.5).margin(0.08));
  CHECK(share("issue_decision:no_plan", "issue_decision") == Approx(0.07).margin(0.04));
  // Exceptions for a minority of assessments, with every limb.
  CHECK(share("exception_recorded", "assessment_decision:assess") == Approx(0.08).margin(0.04));
  for (const char* limb :
       {"personal_circumstances", "missed_appointment", "absence", "school_closure"}) {
    CHECK(count[std::string("exception_recorded:") + limb] > 0);
  }
  for (const char* source : {"parent", "school", "young_person", "other"}) {
    CHECK(count[std::string("assessment_requested:") + source] > 0);
  }
  for (const char* service :
       {"education", "educational_psychology", "health", "social_care", "early_years"}) {
    CHECK(count[std::string("advice_requested:") + service] > 0);
  }
  // Plans made before ehcp, reviewed each year; amendments, transfers, plans ceased.
  CHECK(static_cast<double>(count["plan_in_force"]) / kCases ==
        Approx(adapters::synthetic::shape::kLegacyShare).margin(0.01));
  CHECK(count["review_decision"] > 2 * count["plan_in_force"]);
  CHECK(count["review_decision:amend"] > 0);
  CHECK(count["amendment_notice_issued"] > 0);
  CHECK(count["transfer_named"] > static_cast<int>(kCases / 10));
  CHECK(count["transfer_expected"] > 0);
  CHECK(count["setting_changed"] > 0);
  CHECK(count["plan_ceased"] > 0);
  CHECK(count["case_closed"] > 0);
  // Disagreements: mediation asked for or declined, each with its certificate; some appeals.
  CHECK(count["mediation_requested"] + count["mediation_declined"] > static_cast<int>(kCases / 50));
  CHECK(count["mediation_held"] > 0);
  CHECK(count["mediation_certificate_issued"] > 0);
  CHECK(count["appeal_lodged"] > static_cast<int>(kCases / 250));
  CHECK(count["appeal_decided:allowed"] > 0);
  CHECK(count["appeal_decided:withdrawn"] > 0);
  // Moves out, at about 1.5% of plans a year (the reviews decided stand for the plan-years).
  const double reviews = count["review_decision"];
  CHECK(count["moved_out"] / reviews ==
        Approx(adapters::synthetic::shape::kMoveOutPerYear).margin(0.006));
  CHECK(count["plan_transferred"] > count["moved_out"] * 9 / 10);
  // Plans transferred in: 6% of the cases beginning after go-live, most notified in time.
  const int later_cases = static_cast<int>(kCases) - count["plan_in_force"];
  CHECK(static_cast<double>(count["transferred_in"]) / later_cases ==
        Approx(adapters::synthetic::shape::kTransferredInShare).margin(0.02));
  CHECK(count["transfer_notice_sent"] > count["transferred_in"] * 9 / 10);
  // Re-assessments, about 2% of plans a year, most re-assessing; detentions, rare.
  CHECK(count["reassessment_requested"] / reviews ==
        Approx(adapters::synthetic::shape::kReassessmentPerYear).margin(0.008));
  CHECK(count["reassessment_decision:refuse"] > 0);
  CHECK(count["reassessment_decision:assess"] > 2 * count["reassessment_decision:refuse"]);
  CHECK(count["custody_notified"] > 0);
  CHECK(count["custody_notified"] < count["plan_in_force"] / 100);
  CHECK(count["custody_plan_shared"] + 1 >= count["custody_notified"]);
  // Children: about 72% boys, DfE codes, year groups from the date of birth.
  CHECK(share("case_opened:M", "case_opened") == Approx(0.72).margin(0.03));
  CHECK(ethnicities.count("WBRI") == 1);
  CHECK(ethnicities.size() > 12);
  CHECK(out_of_cohort < static_cast<int>(kCases) / 20);
  // Requests across the three years to the as-of date, some still in progress on it.
  CHECK(first_request < caseload.timeline().go_live() + date::days{14});
  CHECK(last_request > kAsOf - date::days{14});
  CHECK(in_progress > 50);
}

namespace {

int age_on(engine::Date dob, engine::Date on) {
  const date::year_month_day born{dob};
  const date::year_month_day today{on};
  const int years = static_cast<int>(today.year()) - static_cast<int>(born.year());
  const bool before_birthday =
      today.month() < born.month() || (today.month() == born.month() && today.day() < born.day());
  return before_birthday ? years - 1 : years;
}

}  // namespace

TEST_CASE("moves, re-assessments and detentions fall where the law and the other stories allow",
          "[statistics]") {
  const std::uint64_t kCases = 4000;
  const Caseload caseload = caseload_of(kCases, 2);
  std::map<std::string, int> count;
  for (std::uint64_t n = 1; n <= kCases; ++n) {
    std::optional<engine::Date> dob;
    std::optional<engine::Date> moved;     // moved out of the area
    std::optional<engine::Date> detained;  // told of a detention not yet ended
    bool plan = false;
    bool amending = false;     // an amendment notice awaiting its amended plan
    bool reassessing = false;  // a re-assessment not yet at its outcome
    for (const auto& e : caseload.make_case(n)) {
      const std::string type = field(e.json, "type");
      const std::string outcome = field(e.json, "outcome");
      ++count[type];
      if (moved) {
        // The plan's life here ends with the move: the plan sent on, the case closed, no more.
        CHECK((type == "plan_transferred" || type == "case_closed"));
      }
      if (type == "case_opened") {
        dob = day_of(e.json, "dob");
      } else if (type == "plan_in_force" || type == "final_plan_issued") {
        plan = true;
      } else if (type == "transferred_in") {
        CHECK_FALSE(plan);
        CHECK_FALSE(field(e.json, "from_la").empty());
        CHECK(day_of(e.json, "made") <= e.on);
        plan = true;
      } else if (type == "moved_out") {
        CHECK(plan);
        CHECK_FALSE(detained);
        CHECK_FALSE(reassessing);
        CHECK_FALSE(field(e.json, "to_la").empty());
        const engine::Date aware =
            field(e.json, "aware_on").empty() ? e.on : day_of(e.json, "aware_on");
        CHECK(aware <= kAsOf);
        ++count[aware < e.on ? "aware:before" : "aware:after"];
        moved = e.on;
      } else if (type == "plan_transferred") {
        REQUIRE(moved);
        CHECK(e.on >= *moved);
      } else if (type == "plan_ceased") {
        CHECK_FALSE(detained);
      } else if (type == "custody_notified") {
        REQUIRE(dob);
        CHECK(plan);
        CHECK_FALSE(detained);
        const int age = age_on(*dob, e.on);
        CHECK(age >= 14);
        CHECK(age <= 17);
        detained = e.on;
      } else if (type == "custody_plan_shared") {
        CHECK(detained);
      } else if (type == "custody_ended") {
        CHECK(detained);
        detained.reset();
      } else if (type == "amendment_notice_issued") {
        CHECK_FALSE(reassessing);
        amending = true;
      } else if (type == "amendment_withdrawn") {
        amending = false;
      } else if (type == "amended_plan_issued") {
        if (amending) {
          amending = false;
        } else {
          CHECK(reassessing);
          reassessing = false;
          ++count["reassessment:amended"];
        }
      } else if (type == "reassessment_requested") {
        CHECK(plan);
        CHECK_FALSE(amending);
        CHECK_FALSE(reassessing);
        reassessing = true;
      } else if (type == "reassessment_decision") {
        if (!reassessing) {
          CHECK(outcome == "assess");  // the LA's own decision to re-assess
          CHECK(plan);
          CHECK_FALSE(amending);
          ++count["reassessment:own"];
        }
        ++count["reassessment:" + outcome];
        reassessing = outcome == "assess";
      } else if (type == "issue_decision" && reassessing) {
        CHECK(outcome == "no_plan");  // the plan left as it is
        ++count["reassessment:unchanged"];
        reassessing = false;
      }
    }
  }
  for (const char* kind :
       {"moved_out", "aware:before", "aware:after", "plan_transferred", "transferred_in",
        "transfer_notice_sent", "reassessment_requested", "reassessment:own", "reassessment:refuse",
        "reassessment:amended", "reassessment:unchanged", "advice_requested", "custody_notified",
        "custody_plan_shared", "custody_ended"}) {
    INFO(kind);
    CHECK(count[kind] > 0);
  }
  CHECK(count["aware:before"] > count["aware:after"]);
  CHECK(count["reassessment:amended"] > count["reassessment:unchanged"]);
}

TEST_CASE(
    "on the as-of date clocks are overdue, due soon and open, reviews and transfers among them") {
  const Caseload caseload = caseload_of(600, 21);
  const auto config = adapters::config::default_la_config();
  REQUIRE(config.ok());
  std::map<std::string, int> open_by_clock;
  int overdue = 0;
  int due_soon = 0;
  for (std::uint64_t n = 1; n <= 600; ++n) {
    std::vector<engine::RecordedEvent> events;
    for (const auto& e : caseload.make_case(n)) {
      auto event = adapters::jsonl::decode_event(adapters::jsonl::parse_line(e.json).value());
      REQUIRE(event.ok());
      events.push_back({static_cast<std::int64_t>(events.size() + 1), std::move(event).value()});
    }
    engine::sort_for_replay(events);
    const auto evaluation =
        workflows::evaluate_case(events, config.value().rules, config.value().calendar);
    REQUIRE_FALSE(evaluation.rejection);
    for (const auto& clock : evaluation.view.clocks) {
      if (clock.start > kAsOf) {
        continue;  // a transfer derived for a later year
      }
      const auto status = clock.status_on(kAsOf);
      overdue += status == engine::ClockStatus::kOverdue ? 1 : 0;
      if (status == engine::ClockStatus::kOpen) {
        ++open_by_clock[clock.name.substr(0, clock.name.find(':'))];
        due_soon += clock.due <= kAsOf + date::days{14} ? 1 : 0;
      }
    }
  }
  CHECK(overdue > 10);
  CHECK(due_soon > 10);
  for (const char* clock : {"decision_to_assess", "advice", "final_plan", "annual_review",
                            "phase_transfer", "transfer_in_review"}) {
    CHECK(open_by_clock[clock] > 0);
  }
}

TEST_CASE("a caseload as of a date is refused before 2018 and after 2099") {
  CHECK(adapters::synthetic::as_of_problem(engine::make_date(2017, 12, 31)));
  CHECK_FALSE(adapters::synthetic::as_of_problem(engine::make_date(2018, 1, 1)));
  CHECK_FALSE(adapters::synthetic::as_of_problem(engine::make_date(2099, 12, 31)));
  CHECK(adapters::synthetic::as_of_problem(engine::make_date(2100, 1, 1)));
}
