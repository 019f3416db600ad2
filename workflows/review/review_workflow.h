// workflows/review/review_workflow.h
//
// One annual review of an EHC plan (rules.md §3), from the 12 months it must happen within to
// the LA's decision to maintain, amend or cease, and, when it amends, the amendment notice and
// the amended plan. Behind this interface is a Boost.Statechart machine whose reactions tell a
// ClockBook which clocks open, are met or end. The case evaluator starts each review itself:
// the first when a plan is made, each later one from the previous decision. Events must come
// in replay order. Not copyable; one per review, owned by the case evaluator.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/case_view.h"
#include "workflows/clock_book.h"

namespace ehcp::workflows::review {

inline constexpr const char* kWorkflow = "review";

class ReviewWorkflow {
 public:
  // Starts a review whose 12 months begin on `anchor`: opens the annual_review clock.
  // `early_review`: also open the under-5s' guidance target (rules.md §3). `transferred_on`:
  // the first review of a plan transferred in from another LA that day, due by the later of the
  // 12 months from `anchor` and 3 months from the transfer (reg 15(5)): the transfer_in_review
  // clock instead of annual_review, and the review opens on the transfer.
  ReviewWorkflow(ClockBook& book, engine::Date anchor, bool early_review = false,
                 std::optional<engine::Date> transferred_on = std::nullopt);
  ~ReviewWorkflow();
  ReviewWorkflow(const ReviewWorkflow&) = delete;
  ReviewWorkflow& operator=(const ReviewWorkflow&) = delete;

  // Applies one review event. InvalidTransition, naming the event and the state, when the
  // review cannot take it where it falls (a decision before any review meeting was held is
  // taken; a report before any meeting is not); the review is then unchanged.
  engine::Status apply(const engine::Event& event);

  // Ends the review without an outcome of its own (the plan ceased, the case closed).
  void close(engine::Date on);

  std::string state() const;
  bool active() const;
  // True once the LA has decided (the next review's 12 months start then).
  bool decided() const;
  // True while an amendment notice or an amended plan is awaited.
  bool amending() const;
  engine::Date opened() const { return opened_; }
  std::optional<engine::Date> closed() const { return closed_; }
  std::optional<engine::Date> decided_on() const;
  // The day the review meeting was held, if it has been.
  std::optional<engine::Date> held_on() const;
  // The decision was to cease the plan.
  bool ceasing() const;
  // What ended this review's latest amendment and when ("the amended plan was already issued
  // on 5 October 2026"), for a second amended plan or withdrawal to name; nullopt when none
  // ended.
  std::optional<std::string> amendment_ended() const;
  const std::vector<Warning>& warnings() const;

  // True for the event types a review takes.
  static bool takes(engine::EventType type);

  struct Machine;

 private:
  std::unique_ptr<Machine> machine_;
  engine::Date opened_;
  std::optional<engine::Date> closed_;
};

}  // namespace ehcp::workflows::review
