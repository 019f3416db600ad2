// The case evaluation's moves between LAs and detentions (rules.md §5).
#include <utility>

#include "workflows/detail/case_evaluation.h"

namespace ehcp::workflows::detail {

bool Evaluator::move_out(const engine::RecordedEvent& recorded) {
  const engine::Event& e = recorded.event;
  if (moved_away_) {
    return reject(recorded, "the child already moved out of the area on " +
                                engine::format_date(*moved_away_) +
                                " (transferred_in must come first)");
  }
  const auto& body = std::get<engine::MovedOut>(e.body);
  const bool with_plan = plan_in_force_;
  moves_out_.push_back(
      std::make_unique<MoveOutWorkflow>(book_, e.on, body.aware_on.value_or(e.on), with_plan));
  if (!check(recorded, moves_out_.back()->status())) {
    return false;
  }
  moved_away_ = e.on;
  // What the LA was doing for the child ends with the move: an assessment does not go with
  // the child (rules.md §2), the plan becomes the new LA's.
  end_work(e.on);
  if (with_plan) {
    end_plan(e.on);
    plan_in_force_ = false;
    plan_ends_on_.reset();
  }
  if (plan_sent_early_) {
    const engine::RecordedEvent* sent = std::exchange(plan_sent_early_, nullptr);
    if (!with_plan) {
      return reject(
          *sent, "no plan was in force when the child moved out on " + engine::format_date(e.on));
    }
    return check(*sent, moves_out_.back()->apply(sent->event));
  }
  return true;
}

// The plan sent to the new LA: after the move, or ahead of it (met once the move is
// recorded; until then a warning says the move is to be recorded).
bool Evaluator::send_plan(const engine::RecordedEvent& recorded) {
  if (!moves_out_.empty() && moves_out_.back()->awaits_plan()) {
    return check(recorded, moves_out_.back()->apply(recorded.event));
  }
  if (plan_in_force_ && plan_sent_early_ == nullptr) {
    plan_sent_early_ = &recorded;  // sent ahead of the move: met when the move comes
    return true;
  }
  if (!moves_out_.empty()) {
    return check(recorded, moves_out_.back()->apply(recorded.event));  // says why not
  }
  return reject(recorded, "no move out of the area awaits the plan (moved_out must come first)");
}

bool Evaluator::transfer_in(const engine::RecordedEvent& recorded) {
  const engine::Event& e = recorded.event;
  const auto& body = std::get<engine::TransferredIn>(e.body);
  if (auto problem = plan_problem(e.on, body.made, body.last_reviewed)) {
    return reject(recorded, *problem);
  }
  moves_in_.push_back(std::make_unique<MoveInWorkflow>(book_, e.on));
  if (!check(recorded, moves_in_.back()->status())) {
    return false;
  }
  moved_away_.reset();
  // Treated as made by this LA on the original date (reg 15(3)); reviewed by the later of 12
  // months from its making or last review and 3 months from the transfer (reg 15(5)).
  start_plan(e.on, body.last_reviewed.value_or(body.made), e.on, body.made);
  return true;
}

bool Evaluator::notify_transfer(const engine::RecordedEvent& recorded) {
  if (moves_in_.empty()) {
    return reject(recorded, "no plan was transferred in (transferred_in must come first)");
  }
  return check(recorded, moves_in_.back()->apply(recorded.event));
}

bool Evaluator::enter_custody(const engine::RecordedEvent& recorded) {
  if (in_custody()) {
    return reject(recorded, "the young person is already detained (the LA was told on " +
                                engine::format_date(custodies_.back()->opened()) +
                                "; custody_ended must come first)");
  }
  custodies_.push_back(std::make_unique<CustodyWorkflow>(book_, recorded.event.on, plan_in_force_));
  return check(recorded, custodies_.back()->status());
}

bool Evaluator::take_custody_event(const engine::RecordedEvent& recorded) {
  if (custodies_.empty()) {
    return reject(recorded,
                  "the young person is not recorded as detained (custody_notified must come "
                  "first)");
  }
  return check(recorded, custodies_.back()->apply(recorded.event));
}

// Ends the work in progress on `on` (the case closed, the child moved away): the assessment
// or re-assessment, disagreements, a transfer in's notice, a detention. The plan and its
// reviews are the caller's.
void Evaluator::end_work(engine::Date on) {
  if (!runs_.empty() && runs_.back().active()) {
    runs_.back().close(on);
  }
  disagreements_.close(on);
  for (auto& m : moves_in_) {
    m->close(on);
  }
  // A plan still to be sent to the new LA stays due: closing the case does not send it.
  if (in_custody()) {
    custodies_.back()->close(on);
  }
}

}  // namespace ehcp::workflows::detail
