// workflows/move/move_out_workflow.h
//
// A child moving out of the LA's area (rules.md §5, reg 15(2)). With a plan in force, the LA
// must send it to the new LA on the day of the move, or, when it did not know of the move 15
// working days ahead, within 15 working days beginning with the day it became aware: the
// `transfer_out` clock, due on the later of the two, met by `plan_transferred`. Without a plan
// there is nothing to send; the move only ends what the LA was doing (the case evaluator does
// that). Behind this interface is a Boost.Statechart machine. Not copyable; one per move, owned
// by the case evaluator.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/clock_book.h"

namespace ehcp::workflows::move {

inline constexpr const char* kWorkflow = "move";

class MoveOutWorkflow {
 public:
  // The child moved on `moved_on`; the LA became aware of it on `aware_on` (before or after).
  // `with_plan`: a plan was in force, so transfer_out opens, starting on the later of the two
  // days. Check status().
  MoveOutWorkflow(ClockBook& book, engine::Date moved_on, engine::Date aware_on, bool with_plan);
  ~MoveOutWorkflow();
  MoveOutWorkflow(const MoveOutWorkflow&) = delete;
  MoveOutWorkflow& operator=(const MoveOutWorkflow&) = delete;

  // Why the move could not open its clock (no rule pack has it), else ok.
  const engine::Status& status() const { return started_; }

  // Applies plan_transferred: meets transfer_out on its day (which may be before the move).
  // InvalidTransition when no plan awaits sending (there was none, or it was sent).
  engine::Status apply(const engine::Event& event);

  // Ends an unmet transfer_out on `on` (the case was closed).
  void close(engine::Date on);

  // True while the plan is still to be sent.
  bool awaits_plan() const;
  std::string state() const;
  engine::Date opened() const { return opened_; }
  std::optional<engine::Date> closed() const { return closed_; }

  struct Machine;

 private:
  std::unique_ptr<Machine> machine_;
  engine::Date opened_;
  std::optional<engine::Date> closed_;
  engine::Status started_;
};

}  // namespace ehcp::workflows::move
