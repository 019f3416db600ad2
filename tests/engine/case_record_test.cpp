#include "engine/case_record.h"

#include <catch2/catch.hpp>

using namespace ehcp::engine;

namespace {
RecordedEvent recorded(std::int64_t seq, const char* on, EventBody body) {
  return {seq, Event{"A-1", *parse_date(on), std::nullopt, std::nullopt, std::move(body)}};
}
CaseOpened opened_by(const char* caseworker) {
  CaseOpened o;
  o.child = {"Ada", "Example", make_date(2016, 6, 1), {}, {}, {}};
  o.caseworker = caseworker;
  o.team = "North";
  return o;
}
}  // namespace

TEST_CASE("replay order is effective date, then arrival, whatever order events arrived in") {
  std::vector<RecordedEvent> events = {recorded(1, "2026-02-01", AdviceReceived{"ep"}),
                                       recorded(2, "2026-01-05", opened_by("Sam")),
                                       recorded(3, "2026-02-01", AdviceReceived{"health"})};
  sort_for_replay(events);
  CHECK(events[0].seq == 2);
  CHECK(events[1].seq == 1);
  CHECK(events[2].seq == 3);
}

TEST_CASE(
    "on the day a case opens, case_opened replays before a same-day event that arrived first") {
  std::vector<RecordedEvent> events = {
      recorded(1, "2026-01-05", CaseworkerAssigned{"Priya", std::nullopt}),
      recorded(2, "2026-01-05", opened_by("Sam"))};
  sort_for_replay(events);
  CHECK(events[0].seq == 2);
  CHECK(fold_case_record(events).caseworker == "Priya");
}

TEST_CASE("the case record follows reassignments, setting changes and closure in date order") {
  std::vector<RecordedEvent> events = {
      recorded(1, "2026-01-05", opened_by("Sam")),
      recorded(2, "2026-03-01", CaseworkerAssigned{"Priya", "South"}),
      recorded(3, "2026-02-01", CaseworkerAssigned{"Lee", std::nullopt}),  // backdated
      recorded(4, "2026-04-01", SettingChanged{Setting{"Oak Lane", Phase::kPrimary}}),
      recorded(5, "2026-05-01", CaseClosed{"moved away"})};
  sort_for_replay(events);
  const CaseRecord r = fold_case_record(events);
  CHECK(r.case_ref == "A-1");
  CHECK(r.opened_on == make_date(2026, 1, 5));
  CHECK(r.caseworker == "Priya");
  CHECK(r.team == "South");
  CHECK(r.setting == Setting{"Oak Lane", Phase::kPrimary});
  CHECK(r.closed_on == make_date(2026, 5, 1));
  CHECK(r.close_reason == "moved away");
}
