// adapters/report/sen2_person.h
//
// One child's part of the SEN2 return, from the case's events as they stood on the census
// date: the requests of the previous calendar year (and older ones still open or finished in
// it), each with its decisions and outcome, the plan in force on the census date with its
// placement and primary need, and a plan ceased in the calendar year with its reason. Codes are
// the rule pack's (config::Sen2Pack) as events carry them; the XML writer turns them into the
// DfE's. Pure: no I/O, no clock; thread-safe.
//
// Readings (docs/sen2.md): a plan starts with final_plan_issued, plan_in_force or
// transferred_in and ends with plan_ceased, plan_transferred or case_closed; "within 20 weeks"
// is issued on or before the day 20 weeks after the request (the clock's due date); an
// exception applies when one was recorded between the request and the plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/event.h"

namespace ehcp::adapters::report {

struct Sen2Request {
  engine::Date received;
  bool reassessment = false;
  std::optional<std::string> source;          // a request_sources code
  std::optional<engine::Date> decided;        // whether to assess
  bool refused = false;                       // decided not to assess
  std::optional<engine::Date> issue_decided;  // after assessing: issue a plan or not
  bool no_plan = false;
  std::optional<engine::Date> plan_issued;  // the final plan
  std::optional<engine::Date> withdrawn;
  std::optional<engine::Date> ended_unfinished;  // the case closed or the child moved away
  bool exception = false;                        // a 20-week exception was recorded before the plan
  bool disagreement = false;  // a mediation, appeal or Tribunal order since the request
  std::string outcome;        // an assessment_outcomes code: refused|plan|no_plan|withdrawn|open
  std::optional<engine::Date> outcome_date;
  // Issued within 20 weeks of the request.
  bool within_20_weeks() const;
};

struct Sen2Plan {
  engine::Date start;                          // issued, or made (by whichever LA made it)
  std::optional<engine::Date> last_review;     // a review meeting held, or as loaded
  std::optional<engine::Date> review_draft;    // amendments proposed after the last review
  std::optional<engine::Date> transfer_due;    // a phase transfer expected: the reg 18 date
  std::optional<engine::Date> transfer_final;  // ... and the amended plan naming the setting
  std::optional<engine::Date> ended;
  std::optional<std::string> cease_reason;  // a cease_reasons code
  bool transferred_out = false;
};

struct Sen2Person {
  std::string case_ref;
  engine::Child child;
  std::optional<engine::Setting> setting;   // on the census date
  std::optional<std::string> primary_need;  // the latest given on or before the census date
  std::vector<Sen2Request> requests;
  std::optional<Sen2Plan> active;  // in force on the census date
  std::optional<Sen2Plan> ceased;  // ended in the calendar year before the census date
  // The return lists the person: a request, an active plan or a ceased plan to report.
  bool listed() const { return !requests.empty() || active || ceased; }
};

// The person one case's events describe on `census`, given as they stood then (voids taken
// out, replay order, none after the date: AsItStood::for_each_case). The reporting period is
// the calendar year before the census date's.
Sen2Person sen2_person(const std::string& case_ref,
                       const std::vector<engine::RecordedEvent>& as_they_stood,
                       engine::Date census);

// The event types sen2_person reads (the others need not be decoded).
const std::vector<engine::EventType>& sen2_event_types();

// The first and last days of the calendar year before `census`.
engine::Date period_start(engine::Date census);
engine::Date period_end(engine::Date census);

}  // namespace ehcp::adapters::report
