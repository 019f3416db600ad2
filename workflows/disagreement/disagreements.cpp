#include "workflows/disagreement/disagreements.h"

namespace ehcp::workflows::disagreement {
namespace {

// The decision notice a starting event is about, when it names one.
std::optional<engine::Date> decision_sent_of(const engine::Event& e) {
  if (const auto* b = std::get_if<engine::MediationRequested>(&e.body)) {
    return b->decision_sent;
  }
  if (const auto* b = std::get_if<engine::MediationDeclined>(&e.body)) {
    return b->decision_sent;
  }
  if (const auto* b = std::get_if<engine::AppealLodged>(&e.body)) {
    return b->decision_sent;
  }
  return std::nullopt;
}

bool starts_disagreement(engine::EventType type) {
  using T = engine::EventType;
  return type == T::kMediationRequested || type == T::kMediationDeclined ||
         type == T::kAppealLodged;
}

bool appealable(const engine::Event& e) {
  using T = engine::EventType;
  switch (e.type()) {
    case T::kAssessmentDecision:
      return std::get<engine::AssessmentDecision>(e.body).outcome ==
             engine::AssessmentOutcome::kRefuse;
    case T::kReassessmentDecision:
      return std::get<engine::ReassessmentDecision>(e.body).outcome ==
             engine::AssessmentOutcome::kRefuse;
    case T::kIssueDecision:
      return std::get<engine::IssueDecision>(e.body).outcome == engine::IssueOutcome::kNoPlan;
    case T::kReviewDecision:
      return std::get<engine::ReviewDecision>(e.body).outcome != engine::ReviewOutcome::kAmend;
    case T::kFinalPlanIssued:
    case T::kAmendedPlanIssued:
    case T::kAmendmentWithdrawn:
    case T::kPlanCeased:
      return true;
    default:
      return false;
  }
}

}  // namespace

engine::Status Disagreements::note_decision(const engine::Event& e, bool cease_decided) {
  if (!appealable(e) || (e.type() == engine::EventType::kPlanCeased && cease_decided)) {
    return {};
  }
  last_decision_ = e.on;
  for (const FamilyWindows& w : windows_) {
    if (book_.clocks()[w.contact].start == e.on) {
      return {};  // the same notice
    }
  }
  auto opened = open_family_windows(book_, e.on);
  if (!opened.ok()) {
    return opened.status();
  }
  windows_.push_back(opened.value());
  return {};
}

engine::Status Disagreements::take(const engine::Event& e, bool plan_gone) {
  const auto sent = decision_sent_of(e);
  DisagreementWorkflow* target = nullptr;
  for (auto it = list_.rbegin(); it != list_.rend(); ++it) {
    if ((*it)->accepts(e.type()) && (!sent || (*it)->decision_sent() == *sent)) {
      target = it->get();
      break;
    }
  }
  if (target == nullptr && starts_disagreement(e.type())) {
    return start(e, sent ? sent : last_decision_);
  }
  if (target == nullptr && list_.empty()) {
    return engine::Status::invalid_transition("no mediation or appeal has been recorded");
  }
  if (target == nullptr) {
    target = list_.back().get();
  }
  if (auto status = target->apply(e); !status.ok()) {
    return status;
  }
  const auto* order = std::get_if<engine::TribunalOrder>(&e.body);
  if (order != nullptr && order->order == engine::OrderKind::kCeaseDismissed && plan_gone) {
    target->plan_already_ceased(e.on);  // the LA ceased it before the appeal was decided
  }
  return {};
}

engine::Status Disagreements::start(const engine::Event& e,
                                    std::optional<engine::Date> decision_sent) {
  if (!decision_sent) {
    return engine::Status::invalid_transition(
        "no decision the family could appeal is recorded on or before it: give the day its "
        "notice was sent as field 'decision_sent'");
  }
  // The windows the decision opened, when it is recorded and no disagreement took them yet.
  std::optional<FamilyWindows> windows;
  for (auto it = windows_.begin(); it != windows_.end(); ++it) {
    if (book_.clocks()[it->contact].start == *decision_sent) {
      windows = *it;
      windows_.erase(it);
      break;
    }
  }
  list_.push_back(std::make_unique<DisagreementWorkflow>(book_, *decision_sent, e, windows));
  return list_.back()->status();
}

engine::Status Disagreements::carry_out(const engine::Event& e, bool& carried_out) {
  for (auto& d : list_) {
    if (!d->awaits(e)) {
      continue;
    }
    carried_out = true;
    if (auto status = d->apply(e); !status.ok()) {
      return status;
    }
  }
  return {};
}

void Disagreements::close(engine::Date on) {
  for (auto& d : list_) {
    d->close(on);
  }
  for (const FamilyWindows& w : windows_) {
    end_family_windows(book_, w, on);
  }
}

void Disagreements::finish(CaseView& view) {
  for (const FamilyWindows& w : windows_) {
    close_unused_window(book_.clocks()[w.contact]);
    close_unused_window(book_.clocks()[w.appeal]);
  }
  for (const auto& d : list_) {
    d->close_unused_windows();
    view.workflows.push_back({kWorkflow, d->state(), d->opened(), d->closed(), d->flags()});
  }
}

}  // namespace ehcp::workflows::disagreement
