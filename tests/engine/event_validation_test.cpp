#include "engine/event_validation.h"

#include <catch2/catch.hpp>

using namespace ehcp::engine;

namespace {
Event event_on(const char* on, EventBody body) {
  return Event{"A-1", *parse_date(on), std::nullopt, std::nullopt, std::move(body)};
}
}  // namespace

TEST_CASE("a well-formed event has no problem") {
  CHECK_FALSE(event_problem(event_on("2026-01-05", AssessmentRequested{})).has_value());
}

TEST_CASE("an exception whose 'to' is before its 'from' is rejected") {
  ExceptionRecorded e;
  e.from = make_date(2026, 3, 10);
  e.to = make_date(2026, 3, 1);
  CHECK(event_problem(event_on("2026-03-10", e)) ==
        "field 'to' (2026-03-01) is before field 'from' (2026-03-10)");
}

TEST_CASE("a plan made after it is recorded, or reviewed before it was made, is rejected") {
  CHECK(event_problem(event_on("2024-01-01", PlanInForce{make_date(2024, 2, 1), std::nullopt})) ==
        "field 'made' (2024-02-01) is after the event's date 2024-01-01");
  CHECK(event_problem(
            event_on("2024-03-01", PlanInForce{make_date(2024, 2, 1), make_date(2023, 2, 1)})) ==
        "field 'last_reviewed' (2023-02-01) is before field 'made' (2024-02-01)");
}

TEST_CASE("a child born after the case was opened, or a year group out of range, is rejected") {
  CaseOpened opened;
  opened.child = {"Ada", "Example", make_date(2026, 6, 1), {}, {}, {}};
  CHECK(event_problem(event_on("2026-01-05", opened)) ==
        "field 'child.dob' (2026-06-01) is after the date the case was opened 2026-01-05");
  opened.child.dob = make_date(2016, 6, 1);
  opened.year_group = 15;
  CHECK(event_problem(event_on("2026-01-05", opened)) ==
        "field 'year_group' is 15; it must be from -1 (nursery) to 14");
  opened.year_group = -1;
  CHECK_FALSE(event_problem(event_on("2026-01-05", opened)).has_value());
}

TEST_CASE("empty names where the contract needs one are rejected") {
  CHECK(event_problem(event_on("2026-01-05", AdviceReceived{""})) == "field 'advice' is empty");
  CHECK(event_problem(event_on("2026-01-05", SettingChanged{Setting{"", Phase::kPrimary}})) ==
        "field 'setting.name' is empty");
}

TEST_CASE("a review meeting scheduled before the notice was given is rejected") {
  CHECK(event_problem(event_on("2026-03-01", ReviewMeetingScheduled{make_date(2026, 2, 1)})) ==
        "field 'meeting' (2026-02-01) is before the notice date 2026-03-01");
}
