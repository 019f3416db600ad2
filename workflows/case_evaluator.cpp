#include "workflows/case_evaluator.h"

#include <algorithm>

#include "workflows/detail/case_evaluation.h"
#include "workflows/exceptions.h"

namespace ehcp::workflows {
namespace detail {

// False, with rejection_ set, when the event cannot be taken where it falls.
bool Evaluator::take(const engine::RecordedEvent& recorded) {
  const engine::Event& e = recorded.event;
  if (plan_ends_on_ && e.on >= *plan_ends_on_) {
    plan_in_force_ = false;  // a ceased plan's appeal window has passed
    plan_ends_on_.reset();
  }
  if (DisagreementWorkflow::takes(e.type())) {
    if (!check(recorded, disagreements_.take(e, !plan_in_force_ || plan_ends_on_))) {
      return false;
    }
    start_ordered_assessment(e);
    return true;
  }
  bool carried_out = false;  // the event meets or ends a limb of an order or agreement
  if (!check(recorded, disagreements_.carry_out(e, carried_out))) {
    return false;
  }
  // A plan_ceased after a decision to cease this plan carries that decision out.
  const bool ceases_as_decided = cease_decided_ && plan_since_ && *cease_decided_ >= *plan_since_;
  if (!check(recorded, disagreements_.note_decision(e, ceases_as_decided))) {
    return false;
  }
  using T = engine::EventType;
  switch (e.type()) {
    case T::kCaseOpened: {
      const auto& opened = std::get<engine::CaseOpened>(e.body);
      setting_ = setting_name(opened.setting);
      if (opened.setting) {
        phases_.push_back({e.on, opened.setting->phase});
      }
      dob_ = opened.child.dob;
      if (opened.year_group) {
        out_of_cohort_ = engine::YearGroupOverride{*opened.year_group, e.on};
      }
      return true;
    }
    case T::kSettingChanged: {
      const auto& setting = std::get<engine::SettingChanged>(e.body).setting;
      setting_ = setting.name;
      phases_.push_back({e.on, setting.phase});
      return true;
    }
    case T::kTransferExpected: {
      if (!plan_in_force_) {
        return reject(recorded, "no plan is in force");
      }
      const auto& body = std::get<engine::TransferExpected>(e.body);
      expected_.push_back({e.on, body.to_phase, body.move});
      return true;
    }
    case T::kCaseClosed:
      end_work(e.on);
      close_reviews(e.on);
      return true;
    case T::kPlanInForce:
      return take_plan_in_force(recorded);
    case T::kPlanCeased:
      if (carried_out && !plan_in_force_) {
        return true;  // ceased as the Tribunal allowed, the plan being no longer in force
      }
      return cease_plan(recorded);
    case T::kAssessmentRequested:
      return start_assessment(recorded);
    case T::kExceptionRecorded:
      if (runs_.empty()) {
        return reject(recorded, "no assessment has been requested");
      }
      exceptions_.push_back({&recorded, runs_.size() - 1});
      return true;
    case T::kReassessmentRequested:
      return start_reassessment(recorded);
    case T::kReassessmentDecision:
      return decide_reassessment(recorded);
    case T::kMovedOut:
      return move_out(recorded);
    case T::kPlanTransferred:
      return send_plan(recorded);
    case T::kTransferredIn:
      return transfer_in(recorded);
    case T::kTransferNoticeSent:
      return notify_transfer(recorded);
    case T::kCustodyNotified:
      return enter_custody(recorded);
    case T::kCustodyPlanShared:
    case T::kCustodyEnded:
      return take_custody_event(recorded);
    case T::kAgreementCarriedOut:
      return carried_out || reject(recorded,
                                   "no agreement made in mediation awaits being carried out "
                                   "(mediation_held with agreement other must come first)");
    default:
      break;
  }
  if (ReassessmentWorkflow* r = reassessment_taking(e.type())) {
    return take_reassessment_event(recorded, *r);
  }
  if (carried_out && !owner_takes(e.type())) {
    return carried_out_alone(recorded);
  }
  if (ReviewWorkflow::takes(e.type())) {
    return take_review_event(recorded);
  }
  if (!AssessmentWorkflow::takes(e.type())) {
    return true;
  }
  if (shared_with_review(e.type()) && current() == nullptr) {
    return true;  // comments and consultations on proposed amendments: the review's
  }
  if (runs_.empty()) {
    return reject(recorded, "no assessment has been requested");
  }
  if (runs_.back().reassessment) {
    // The last was a re-assessment, now over: it says why it cannot take the event.
    return take_reassessment_event(recorded, *runs_.back().reassessment);
  }
  if (e.type() == T::kAdviceRequested) {
    asked_.push_back(
        {e.on, std::get<engine::AdviceRequested>(e.body).service, setting_, runs_.size() - 1});
  }
  if (auto status = runs_.back().assessment->apply(e); !status.ok()) {
    return reject(recorded, status.message());
  }
  if (e.type() == T::kFinalPlanIssued && !plan_in_force_) {
    start_plan(e.on, e.on);  // the first review's 12 months start with the plan
  }
  return true;
}

// Applies exceptions, then assembles the view.
bool Evaluator::finish(CaseView& view) {
  if (!runs_.empty()) {
    runs_.back().end_clock = book_.clocks().size();
  }
  for (const auto& x : exceptions_) {
    auto clocks = clocks_of(x.run);
    if (auto problem = apply_recorded_exception(x.recorded->event, clocks, rules_)) {
      return reject(*x.recorded, *problem);
    }
  }
  for (const auto& asked : asked_) {
    auto clocks = clocks_of(asked.run);
    apply_closure_exceptions(asked.on, asked.service, asked.setting, clocks, rules_, calendar_);
  }
  for (const auto& run : runs_) {
    WorkflowView v{run.workflow(), run.state(), run.opened(), {}, {}};
    if (run.assessment) {
      v.closed = run.assessment->closed();
      if (run.assessment->detained()) {
        v.flags.emplace_back("detained");
      }
      add_warnings(view, run.assessment->warnings());
    } else {
      v.closed = run.reassessment->closed();
      add_warnings(view, run.reassessment->warnings());
    }
    view.workflows.push_back(std::move(v));
  }
  disagreements_.finish(view);
  for (const auto& r : reviews_) {
    WorkflowView v{review::kWorkflow, r->state(), r->opened(), r->closed(), {}};
    if (preparing_for_adulthood(r->opened())) {
      v.flags.emplace_back("preparation_for_adulthood");
    }
    view.workflows.push_back(std::move(v));
    add_warnings(view, r->warnings());
  }
  for (const auto& m : moves_out_) {
    view.workflows.push_back({move::kWorkflow, m->state(), m->opened(), m->closed(), {}});
  }
  for (const auto& m : moves_in_) {
    view.workflows.push_back({move::kWorkflow, m->state(), m->opened(), m->closed(), {}});
  }
  for (const auto& c : custodies_) {
    view.workflows.push_back({custody::kWorkflow, c->state(), c->opened(), c->closed(), {}});
  }
  add_warnings(view, plan_warnings_);
  if (plan_sent_early_) {
    // Sent ahead of a move that cannot be recorded before it happens (or a history seen as
    // it stood before the move): a reminder, not an error.
    view.warnings.push_back({plan_sent_early_->event.on,
                             "plan sent to another LA on " +
                                 engine::format_date(plan_sent_early_->event.on) +
                                 " with no move out of the area recorded: record moved_out on "
                                 "the day of the move (reg 15(2))"});
  }
  view.clocks = book_.clocks();
  if (dob_) {
    transfer::add_phase_transfers({*dob_, out_of_cohort_, phases_, plans_, naming_, expected_},
                                  rules_, view);
  }
  std::stable_sort(
      view.workflows.begin(), view.workflows.end(),
      [](const WorkflowView& a, const WorkflowView& b) { return a.opened < b.opened; });
  std::stable_sort(view.warnings.begin(), view.warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.on < b.on; });
  std::stable_sort(view.clocks.begin(), view.clocks.end(),
                   [](const engine::Clock& a, const engine::Clock& b) {
                     // Name breaks ties, so the order never depends on arrival.
                     if (a.start != b.start) {
                       return a.start < b.start;
                     }
                     return a.due != b.due ? a.due < b.due : a.name < b.name;
                   });
  return true;
}

// Events the contract uses for amendments too, not only for a first plan.
bool Evaluator::shared_with_review(engine::EventType type) {
  using T = engine::EventType;
  return type == T::kFamilyResponse || type == T::kSchoolConsulted ||
         type == T::kConsultationResponse;
}

std::optional<std::string> Evaluator::setting_name(const std::optional<engine::Setting>& s) {
  return s ? std::optional<std::string>(s->name) : std::nullopt;
}

void Evaluator::add_warnings(CaseView& view, const std::vector<Warning>& warnings) {
  view.warnings.insert(view.warnings.end(), warnings.begin(), warnings.end());
}

// Whether the workflow an event usually belongs to can take it now: an open assessment for
// its decisions and plans, a review awaiting an amendment for an amended plan.
bool Evaluator::owner_takes(engine::EventType type) {
  if (type == engine::EventType::kAmendedPlanIssued) {
    return review_amending();
  }
  return !AssessmentWorkflow::takes(type) || current() != nullptr;
}

// An event that carries out an order where no assessment or review is waiting for it: a plan
// the Tribunal ordered after a decision not to issue one, an amendment it ordered.
bool Evaluator::carried_out_alone(const engine::RecordedEvent& recorded) {
  const engine::Event& e = recorded.event;
  note_naming(e);
  if (e.type() == engine::EventType::kFinalPlanIssued && !plan_in_force_) {
    start_plan(e.on, e.on);
  }
  return true;
}

// True when `status` is ok; otherwise rejects `recorded` with its message.
bool Evaluator::check(const engine::RecordedEvent& recorded, const engine::Status& status) {
  return status.ok() || reject(recorded, status.message());
}

bool Evaluator::reject(const engine::RecordedEvent& recorded, const std::string& reason) {
  rejection_ =
      Rejection{recorded.seq, std::string(engine::to_string(recorded.event.type())) + " on " +
                                  engine::format_date(recorded.event.on) + ": " + reason};
  return false;
}

}  // namespace detail

Evaluation evaluate_case(std::span<const engine::RecordedEvent> events,
                         const engine::RuleBook& rules, const engine::Calendar& calendar) {
  Evaluation out;
  detail::Evaluator evaluator(rules, calendar);
  for (const auto& recorded : events) {
    if (recorded.event.type() == engine::EventType::kEventVoided) {
      // case_as_of takes the corrections and what they void out first: a caller's mistake.
      out.rejection = Rejection{recorded.seq,
                                "event_voided reached the machines: evaluate "
                                "through workflows::case_as_of"};
      return out;
    }
    if (!evaluator.take(recorded)) {
      out.rejection = evaluator.rejection_;
      return out;
    }
  }
  if (!evaluator.finish(out.view)) {
    out.rejection = evaluator.rejection_;
  }
  return out;
}

}  // namespace ehcp::workflows
