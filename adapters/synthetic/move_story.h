// adapters/synthetic/move_story.h
//
// Plans moving between councils (rules.md §5, reg 15). Out: the family moves to another
// (invented) LA; this LA learns of it (aware_on), mostly some weeks ahead, sometimes only
// afterwards, records the move on its day (moved_out, never before the LA knew of it, so
// nothing is written while the move is unknown on the as-of date), sends the plan on the day
// of the move or within 15 working days of learning of it (most on time, some late:
// plan_transferred) and usually closes the case; the plan's life here ends with the move. In:
// a plan made by another LA (made, and for one over a year old its last review) arrives with
// the child (transferred_in), the family is told within 6 weeks (most: transfer_notice_sent),
// and the plan then lives here as any other (plan_story.h), its first review due by the later
// of 12 months from its making or last review and 3 months from the transfer.
#pragma once

#include "adapters/synthetic/case_story.h"
#include "adapters/synthetic/plan_story.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

// Writes the move away from the area on `move` (a working day after everything else written
// for the case): the plan, known here since `known` (the LA learns of the move no earlier), is
// in force until then, and nothing of it follows.
void tell_move_out(CaseStory& story, engine::Date known, engine::Date move);

// Writes the plan transferred in on `transfer` (a working day, the case open, no plan in force
// here) and the notice to the family. Returns where the plan's life here starts.
PlanStart tell_transfer_in(CaseStory& story, engine::Date transfer);

}  // namespace ehcp::adapters::synthetic
