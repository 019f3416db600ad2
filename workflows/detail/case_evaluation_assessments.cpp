// The case evaluation's assessments and re-assessments (rules.md §2, §5): one open at a time.
#include "workflows/detail/case_evaluation.h"

namespace ehcp::workflows::detail {

// The open assessment, if the latest run is one.
AssessmentWorkflow* Evaluator::current() {
  return runs_.empty() || !runs_.back().assessment || !runs_.back().active()
             ? nullptr
             : runs_.back().assessment.get();
}

// The open re-assessment, if the latest run is one.
ReassessmentWorkflow* Evaluator::current_reassessment() {
  return runs_.empty() || !runs_.back().reassessment || !runs_.back().active()
             ? nullptr
             : runs_.back().reassessment.get();
}

// Why a new assessment or re-assessment cannot start while the latest is open, or nullopt.
std::optional<std::string> Evaluator::run_still_open() const {
  if (runs_.empty() || !runs_.back().active()) {
    return std::nullopt;
  }
  const AssessmentRun& run = runs_.back();
  return std::string(run.assessment ? "an assessment requested on " : "a re-assessment begun on ") +
         engine::format_date(run.opened()) + " is still open (it is " + run.state() + ")";
}

// Starts a run: the previous one's clocks end where this one's begin.
void Evaluator::push_run(AssessmentRun run) {
  if (!runs_.empty()) {
    runs_.back().end_clock = book_.clocks().size();
  }
  runs_.push_back(std::move(run));
}

bool Evaluator::start_assessment(const engine::RecordedEvent& recorded) {
  const engine::Date on = recorded.event.on;
  if (auto open = run_still_open()) {
    return reject(recorded, *open);
  }
  if (rules_.pack_on(on) == nullptr) {
    return reject(recorded, "no rule pack is in force on " + engine::format_date(on) +
                                " (EHC needs assessments began on 1 September 2014)");
  }
  const std::size_t first_clock = book_.clocks().size();  // before the workflow opens any
  // An assessment asked for while the young person is detained is one under CFA s71.
  push_run(
      {std::make_unique<AssessmentWorkflow>(book_, on, in_custody()), nullptr, first_clock, 0});
  return true;
}

void Evaluator::start_ordered_assessment(const engine::Event& e) {
  std::optional<engine::OrderKind> kind;
  if (const auto* order = std::get_if<engine::TribunalOrder>(&e.body)) {
    kind = order->order;
  } else if (const auto* held = std::get_if<engine::MediationHeld>(&e.body)) {
    kind = held->agreement;  // reg 42(2): as if the agreement were an order
  }
  if (!kind || (*kind != engine::OrderKind::kAssess && *kind != engine::OrderKind::kMakePlan) ||
      plan_in_force_ || run_still_open()) {
    return;
  }
  const auto what = *kind == engine::OrderKind::kAssess ? AssessmentWorkflow::Ordered::kAssess
                                                        : AssessmentWorkflow::Ordered::kMakePlan;
  const std::size_t first_clock = book_.clocks().size();
  push_run({std::make_unique<AssessmentWorkflow>(book_, e.on, what), nullptr, first_clock, 0});
}

// The run's own clocks: reviews and the rest open theirs in the same book meanwhile.
std::vector<engine::Clock*> Evaluator::clocks_of(std::size_t run) {
  std::vector<engine::Clock*> out;
  const std::string workflow = runs_[run].workflow();
  for (std::size_t i = runs_[run].first_clock; i < runs_[run].end_clock; ++i) {
    if (book_.clocks()[i].workflow == workflow) {
      out.push_back(&book_.clocks()[i]);
    }
  }
  return out;
}

bool Evaluator::start_reassessment(const engine::RecordedEvent& recorded) {
  if (!plan_in_force_) {
    return reject(recorded, "no plan is in force: a re-assessment is of a child with a plan");
  }
  if (auto open = run_still_open()) {
    return reject(recorded, *open);
  }
  const std::size_t first_clock = book_.clocks().size();
  push_run(
      {nullptr, std::make_unique<ReassessmentWorkflow>(book_, recorded.event), first_clock, 0});
  return check(recorded, runs_.back().reassessment->status());
}

// A decision on an open request; else, to re-assess, the LA's own (CFA s44(3)) or one a
// Tribunal ordered, which starts a re-assessment.
bool Evaluator::decide_reassessment(const engine::RecordedEvent& recorded) {
  if (ReassessmentWorkflow* r = current_reassessment()) {
    return check(recorded, r->apply(recorded.event));
  }
  const auto& body = std::get<engine::ReassessmentDecision>(recorded.event.body);
  if (body.outcome == engine::AssessmentOutcome::kRefuse) {
    return reject(recorded, "no re-assessment has been requested");
  }
  return start_reassessment(recorded);
}

// The open re-assessment that takes an event of `type`, if one does: its own events wherever
// it stands (so that it can say why it cannot take one), except the family's comments and
// consultations before it is re-assessing (they are a review's then), and an amended plan
// while a review awaits one.
ReassessmentWorkflow* Evaluator::reassessment_taking(engine::EventType type) {
  ReassessmentWorkflow* r = current_reassessment();
  if (r == nullptr || !ReassessmentWorkflow::takes(type)) {
    return nullptr;
  }
  if (type == engine::EventType::kAmendedPlanIssued) {
    return review_amending() ? nullptr : r;  // before a draft it says why it cannot take it
  }
  if (shared_with_review(type)) {
    return r->reassessing() ? r : nullptr;
  }
  return r;
}

bool Evaluator::take_reassessment_event(const engine::RecordedEvent& recorded,
                                        ReassessmentWorkflow& r) {
  const engine::Event& e = recorded.event;
  if (!ReassessmentWorkflow::takes(e.type())) {  // an assessment's decision, say
    return reject(recorded, "cannot be taken while the re-assessment is " + r.state());
  }
  if (e.type() == engine::EventType::kAdviceRequested) {
    asked_.push_back(
        {e.on, std::get<engine::AdviceRequested>(e.body).service, setting_, runs_.size() - 1});
  }
  if (!check(recorded, r.apply(e))) {
    return false;
  }
  note_naming(e);
  if (const auto* plan = std::get_if<engine::FinalPlanIssued>(&e.body);
      plan != nullptr && plan->names_setting) {
    naming_.push_back(e.on);  // a new plan naming the next setting meets a transfer too
  }
  return true;
}

}  // namespace ehcp::workflows::detail
