// tests/adapters/next_action_test.cpp
//
// The queue's next action follows what has happened (adapters/report/work_queue.h): a review's
// cycle clock is not told to hold a meeting already held, and a decision to amend is told to
// send the notice. Each check names the events that brought the stage about.
#include <catch2/catch.hpp>

#include "adapters/report/work_queue.h"

namespace {

using ehcp::adapters::report::next_action;

constexpr const char* kRuleAction = "hold the review meeting and notify the decision";

}  // namespace

TEST_CASE("An annual review before its meeting keeps the rule's words", "[queue][next_action]") {
  // No review_meeting_scheduled yet (awaiting_meeting), or one scheduled (meeting_scheduled).
  for (const char* stage : {"awaiting_meeting", "meeting_scheduled"}) {
    CAPTURE(stage);
    CHECK(next_action("annual_review", stage, kRuleAction) == kRuleAction);
  }
}

TEST_CASE("An annual review whose meeting is held is told to decide, not to hold the meeting",
          "[queue][next_action]") {
  // review_meeting_held: meeting_held; the annual review is met only by the decision.
  const auto action = next_action("annual_review", "meeting_held", kRuleAction);
  CHECK(action.find("hold the review meeting") == std::string::npos);
  CHECK(action.starts_with("decide to maintain, amend or cease the plan"));
  CHECK(next_action("early_review", "meeting_held", "review the plan of a child under 5") ==
        action);
}

TEST_CASE("A review decision still open after a decision to amend asks for the amendment notice",
          "[queue][next_action]") {
  const char* rule = "decide to maintain, amend or cease and tell the family";
  // review_meeting_held: the decision is to be made.
  CHECK(next_action("review_decision", "meeting_held", rule) == rule);
  // review_decision amend: awaiting_amendment_notice, and the next review has started
  // (awaiting_meeting), whose state the queue reads.
  for (const char* stage : {"awaiting_amendment_notice", "awaiting_meeting"}) {
    CAPTURE(stage);
    CHECK(next_action("review_decision", stage, rule) ==
          "send the family the amendment notice: the review decided to amend the plan");
  }
}

TEST_CASE("Other clocks keep their rule's action", "[queue][next_action]") {
  CHECK(next_action("advice:ep", "gathering_advice", "obtain the advice requested") ==
        "obtain the advice requested");
  CHECK(next_action("review_report", "meeting_held", "get the report") == "get the report");
}
