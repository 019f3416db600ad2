// workflows/move/move_in_workflow.h
//
// A plan transferred in from another LA (rules.md §5, reg 15(3)-(5)). From the day of the
// transfer this LA maintains the plan as if it had made it on the original date, and must tell
// the family within 6 weeks that the plan has transferred, whether it will assess and when it
// will review the plan: the `transfer_in_notice` clock, met by `transfer_notice_sent`. The first
// review (`transfer_in_review`) is the review workflow's. Behind this interface is a
// Boost.Statechart machine. Not copyable; one per transfer, owned by the case evaluator.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/clock_book.h"
#include "workflows/move/move_out_workflow.h"  // kWorkflow

namespace ehcp::workflows::move {

class MoveInWorkflow {
 public:
  // The plan came from another LA on `transferred_on`: opens transfer_in_notice. Check status().
  MoveInWorkflow(ClockBook& book, engine::Date transferred_on);
  ~MoveInWorkflow();
  MoveInWorkflow(const MoveInWorkflow&) = delete;
  MoveInWorkflow& operator=(const MoveInWorkflow&) = delete;

  const engine::Status& status() const { return started_; }

  // Applies transfer_notice_sent. InvalidTransition once the notice was already sent.
  engine::Status apply(const engine::Event& event);

  // Ends an unmet notice on `on` (the case closed, the child moved on again).
  void close(engine::Date on);

  bool awaits_notice() const;
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
