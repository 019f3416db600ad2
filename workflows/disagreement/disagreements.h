// workflows/disagreement/disagreements.h
//
// Every disagreement a case has had (rules.md §6), and how the case's events reach them: the
// family's first step about a decision starts one, its later steps go to the disagreement that
// can take them, and the LA's events that carry out an order or agreement go to each
// disagreement awaiting them. Each decision the family could appeal opens the family's windows
// (mediation_contact, appeal_window) on the day its notice is sent, before the family does
// anything (reg 33; HESC rule 20(1)(c)); the disagreement a family's step about it starts takes
// them over. It also remembers the latest such decision, which a step that does not name its
// decision is about. Owned by the case evaluator; shares its ClockBook. Not copyable.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/case_view.h"
#include "workflows/clock_book.h"
#include "workflows/disagreement/disagreement_workflow.h"

namespace ehcp::workflows::disagreement {

class Disagreements {
 public:
  explicit Disagreements(ClockBook& book) : book_(book) {}
  Disagreements(const Disagreements&) = delete;
  Disagreements& operator=(const Disagreements&) = delete;

  // Remembers `e` when it is a decision the family may appeal (CFA s51(2)), and opens the
  // family's two windows from it: a refusal to assess or re-assess, a decision not to issue a
  // plan (or, after a re-assessment, not to amend it), a plan or amended plan issued, a review
  // keeping the plan or ceasing it, an amendment withdrawn, a plan ceased with no decision to
  // cease before it (`cease_decided`: one was, and the ceasing carries it out). Several on one
  // day share one notice and one pair of windows. Fails only when no rule pack has the windows.
  engine::Status note_decision(const engine::Event& e, bool cease_decided);

  // Takes a disagreement event (DisagreementWorkflow::takes): the latest disagreement that can
  // take it where it stands (and, when it names its decision, is about that one); a family's
  // step none can take starts a new one. `plan_gone`: no plan is in force (or it is ceasing),
  // so an order to cease is met on its day. InvalidTransition saying why it cannot be taken.
  engine::Status take(const engine::Event& e, bool plan_gone);

  // Offers `e` to each disagreement awaiting it (a final plan after an order to make one);
  // `carried_out` says whether any did.
  engine::Status carry_out(const engine::Event& e, bool& carried_out);

  // Ends every disagreement's open clocks on `on` (the case closed, the child moved away).
  void close(engine::Date on);

  // Closes the family's windows let pass (those no disagreement took over too) and appends each
  // disagreement's workflow entry.
  void finish(CaseView& view);

 private:
  engine::Status start(const engine::Event& e, std::optional<engine::Date> decision_sent);

  ClockBook& book_;
  // The windows each decision opened that no disagreement has taken over yet.
  std::vector<FamilyWindows> windows_;
  std::vector<std::unique_ptr<DisagreementWorkflow>> list_;
  std::optional<engine::Date> last_decision_;  // the latest appealable decision's notice
};

}  // namespace ehcp::workflows::disagreement
