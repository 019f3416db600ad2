// workflows/detail/case_evaluation.h
//
// The state of one case's evaluation (workflows/case_evaluator.h): the machines the case's
// events have started so far and what they need to remember between events. Its methods are
// defined by concern: the evaluation itself and the routing of each event in
// case_evaluator.cpp; assessments and re-assessments, the plan and its reviews, and moves and
// custody in the case_evaluation_*.cpp files beside this one. Only those files include this.
// One per evaluation; not shared.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/academic_year.h"
#include "engine/calendar.h"
#include "engine/event.h"
#include "engine/rule_pack.h"
#include "engine/status.h"
#include "workflows/assessment/assessment_workflow.h"
#include "workflows/case_evaluator.h"
#include "workflows/clock_book.h"
#include "workflows/custody/custody_workflow.h"
#include "workflows/disagreement/disagreements.h"
#include "workflows/move/move_in_workflow.h"
#include "workflows/move/move_out_workflow.h"
#include "workflows/reassessment/reassessment_workflow.h"
#include "workflows/review/review_workflow.h"
#include "workflows/transfer/phase_transfers.h"

namespace ehcp::workflows::detail {

using assessment::AssessmentWorkflow;
using custody::CustodyWorkflow;
using disagreement::DisagreementWorkflow;
using move::MoveInWorkflow;
using move::MoveOutWorkflow;
using reassessment::ReassessmentWorkflow;
using review::ReviewWorkflow;

// One assessment or re-assessment and the clocks it owns. They follow one another (one is open
// at a time), so its clocks are those of its workflow the book opened from its start until the
// next one's.
struct AssessmentRun {
  // One of the two is set.
  std::unique_ptr<AssessmentWorkflow> assessment;
  std::unique_ptr<ReassessmentWorkflow> reassessment;
  std::size_t first_clock = 0;
  std::size_t end_clock = 0;  // set when the next one starts, or at the end

  const char* workflow() const {
    return assessment ? assessment->workflow() : reassessment::kWorkflow;
  }
  bool active() const { return assessment ? assessment->active() : reassessment->active(); }
  std::string state() const { return assessment ? assessment->state() : reassessment->state(); }
  engine::Date opened() const { return assessment ? assessment->opened() : reassessment->opened(); }
  void close(engine::Date on) {
    if (assessment) {
      assessment->close(on);
    } else {
      reassessment->close(on);
    }
  }
};

struct AdviceAsked {
  engine::Date on;
  engine::AdviceService service;
  std::optional<std::string> setting;
  std::size_t run;
};

struct ExceptionToApply {
  const engine::RecordedEvent* recorded;
  std::size_t run;
};

class Evaluator {
 public:
  Evaluator(const engine::RuleBook& rules, const engine::Calendar& calendar)
      : rules_(rules), calendar_(calendar), book_(rules, calendar), disagreements_(book_) {}

  // False, with rejection_ set, when the event cannot be taken where it falls.
  bool take(const engine::RecordedEvent& recorded);

  // Applies exceptions, then assembles the view.
  bool finish(CaseView& view);

  std::optional<Rejection> rejection_;

 private:
  // Events the contract uses for amendments too, not only for a first plan.
  static bool shared_with_review(engine::EventType type);

  static std::optional<std::string> setting_name(const std::optional<engine::Setting>& s);

  static void add_warnings(CaseView& view, const std::vector<Warning>& warnings);

  // Whether the workflow an event usually belongs to can take it now: an open assessment for
  // its decisions and plans, a review awaiting an amendment for an amended plan.
  bool owner_takes(engine::EventType type);

  // An event that carries out an order where no assessment or review is waiting for it: a plan
  // the Tribunal ordered after a decision not to issue one, an amendment it ordered.
  bool carried_out_alone(const engine::RecordedEvent& recorded);

  // True when `status` is ok; otherwise rejects `recorded` with its message.
  bool check(const engine::RecordedEvent& recorded, const engine::Status& status);

  bool reject(const engine::RecordedEvent& recorded, const std::string& reason);

  // --- Assessments and re-assessments (case_evaluation_assessments.cpp) ---

  // The open assessment, if the latest run is one.
  AssessmentWorkflow* current();

  // The open re-assessment, if the latest run is one.
  ReassessmentWorkflow* current_reassessment();

  // Why a new assessment or re-assessment cannot start while the latest is open, or nullopt.
  std::optional<std::string> run_still_open() const;

  // Starts a run: the previous one's clocks end where this one's begin.
  void push_run(AssessmentRun run);

  bool start_assessment(const engine::RecordedEvent& recorded);

  // An order (or unopposed appeal, or mediation agreement) to assess, or to make a plan, taken
  // on `e` while no assessment is open and no plan is in force starts the assessment that
  // carries it out (kOrderedWorkflow), so that its advice, draft, consultations and plan can be
  // recorded. An order about a child with a plan is carried out by a re-assessment instead.
  void start_ordered_assessment(const engine::Event& e);

  // The run's own clocks: reviews and the rest open theirs in the same book meanwhile.
  std::vector<engine::Clock*> clocks_of(std::size_t run);

  bool start_reassessment(const engine::RecordedEvent& recorded);

  // A decision on an open request; else, to re-assess, the LA's own (CFA s44(3)) or one a
  // Tribunal ordered, which starts a re-assessment.
  bool decide_reassessment(const engine::RecordedEvent& recorded);

  // The open re-assessment that takes an event of `type`, if one does: its own events wherever
  // it stands (so that it can say why it cannot take one), except the family's comments and
  // consultations before it is re-assessing (they are a review's then), and an amended plan
  // while a review awaits one.
  ReassessmentWorkflow* reassessment_taking(engine::EventType type);

  bool take_reassessment_event(const engine::RecordedEvent& recorded, ReassessmentWorkflow& r);

  // --- The plan: in force, reviewed, ceased (case_evaluation_plan.cpp) ---

  // A plan made on `made`, known to the engine from `known` (where its transfers start), is in
  // force; its first review's 12 months start with `anchor`. `transferred_on`: it came from
  // another LA that day, and its first review is reg 15(5)'s.
  void start_plan(engine::Date known, engine::Date anchor,
                  std::optional<engine::Date> transferred_on = std::nullopt,
                  std::optional<engine::Date> made = std::nullopt);

  // The plan stops being in force here on `on` (ceased, or sent to another LA).
  void end_plan(engine::Date on);

  // The under-5s' review target, when the LA has turned it on.
  bool under_five(engine::Date on) const;

  // Why a plan made on `made` and last reviewed on `last_reviewed` cannot be taken on, or
  // nullopt.
  std::optional<std::string> plan_problem(engine::Date on, engine::Date made,
                                          std::optional<engine::Date> last_reviewed) const;

  bool take_plan_in_force(const engine::RecordedEvent& recorded);

  // The review an event belongs to: amendment events to the review awaiting one (or the
  // latest), the rest to the latest review.
  ReviewWorkflow* review_for(engine::EventType type);

  bool review_amending() const;

  bool take_review_event(const engine::RecordedEvent& recorded);

  // What an event about to go to `review` repeats of an earlier review's, and when (a second
  // decision, a meeting, an amended plan); nullopt when nothing.
  std::optional<std::string> repeats_review(const engine::Event& e,
                                            const ReviewWorkflow& review) const;

  bool cease_plan(const engine::RecordedEvent& recorded);

  // An amended or new plan naming a setting meets the phase transfer it falls in.
  void note_naming(const engine::Event& e);

  void close_reviews(engine::Date on);

  bool preparing_for_adulthood(engine::Date review_start) const;

  // --- Moves between LAs and custody (case_evaluation_moves.cpp) ---

  bool move_out(const engine::RecordedEvent& recorded);

  // The plan sent to the new LA: after the move, or ahead of it (met once the move is
  // recorded; until then a warning says the move is to be recorded).
  bool send_plan(const engine::RecordedEvent& recorded);

  bool transfer_in(const engine::RecordedEvent& recorded);

  bool notify_transfer(const engine::RecordedEvent& recorded);

  bool enter_custody(const engine::RecordedEvent& recorded);

  bool take_custody_event(const engine::RecordedEvent& recorded);

  // Ends the work in progress on `on` (the case closed, the child moved away): the assessment
  // or re-assessment, disagreements, a transfer in's notice, a detention. The plan and its
  // reviews are the caller's.
  void end_work(engine::Date on);

  bool in_custody() const { return !custodies_.empty() && custodies_.back()->in_custody(); }

  const engine::RuleBook& rules_;
  const engine::Calendar& calendar_;
  ClockBook book_;
  disagreement::Disagreements disagreements_;
  std::vector<AssessmentRun> runs_;
  std::vector<AdviceAsked> asked_;
  std::vector<ExceptionToApply> exceptions_;
  std::optional<std::string> setting_;
  std::vector<std::unique_ptr<ReviewWorkflow>> reviews_;
  std::vector<std::unique_ptr<MoveOutWorkflow>> moves_out_;
  std::vector<std::unique_ptr<MoveInWorkflow>> moves_in_;
  std::vector<std::unique_ptr<CustodyWorkflow>> custodies_;
  bool plan_in_force_ = false;
  std::optional<engine::Date> plan_since_;  // the day the plan in force was made
  std::optional<engine::Date> cease_decided_;
  std::optional<engine::Date> dob_;
  std::optional<engine::YearGroupOverride> out_of_cohort_;
  std::vector<Warning> plan_warnings_;
  std::vector<engine::PhaseFrom> phases_;         // the setting's phase from each date
  std::vector<transfer::PlanPeriod> plans_;       // each period a plan was maintained here
  std::vector<engine::Date> naming_;              // amended plans naming a setting
  std::vector<transfer::ExpectedMove> expected_;  // transfer_expected
  std::optional<engine::Date> plan_ends_on_;      // ceased, but in force until this day
  std::optional<engine::Date> moved_away_;        // moved out, not transferred back in
  const engine::RecordedEvent* plan_sent_early_ = nullptr;  // plan_transferred before the move
};

}  // namespace ehcp::workflows::detail
