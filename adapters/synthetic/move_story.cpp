#include "adapters/synthetic/move_story.h"

#include <algorithm>

#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/names.h"
#include "adapters/synthetic/office_days.h"
#include "adapters/synthetic/sen2_codes.h"
#include "engine/counting.h"

namespace ehcp::adapters::synthetic {
namespace {

using office_days::after;

constexpr int kSendWorkingDays = 15;  // reg 15(2): 15 working days, the day the LA learns day 1
constexpr int kNoticeDays = 42;       // reg 15(4): 6 weeks from the transfer
constexpr int kReviewMonths = 12;     // reg 15(5): 12 months from the making or last review,
constexpr int kTransferMonths = 3;    // or 3 months from the transfer if later

}  // namespace

void tell_move_out(CaseStory& c, engine::Date known, engine::Date move) {
  auto& rng = c.rng;
  const std::string_view to_la = rng.pick(names::kOtherCouncils);
  const engine::Date aware =
      rng.chance(shape::kAwareBeforeMove)
          ? std::max(known, office_days::on_or_before(move - date::days{rng.between(7, 70)}))
          : after(rng, move, 2, 45);
  if (aware > c.as_of()) {
    return;  // the LA does not know yet: nothing can be recorded
  }
  JsonObject fields;
  fields.text("to_la", to_la);
  if (aware != move) {
    fields.date("aware_on", aware);
  }
  c.add(move, "moved_out", fields);
  // Due the day of the move, or the 15th working day beginning with the day the LA learned of
  // it when that is later.
  const engine::Date start = office_days::on_or_after(std::max(move, aware));
  const engine::Date due = std::max(
      move, office_days::plus_working_days(office_days::on_or_after(aware), kSendWorkingDays - 1));
  engine::Date sent;
  if (rng.chance(shape::kPlanSentOnTime)) {
    const int spare = static_cast<int>((due - start).count());
    sent = std::max(start, office_days::on_or_before(start + date::days{rng.between(0, spare)}));
  } else {
    sent = after(rng, due, 2, 60);
  }
  c.add(sent, "plan_transferred", JsonObject().text("to_la", to_la));
  if (rng.chance(shape::kClosedAfterMove)) {
    c.add(after(rng, sent, 5, 60), "case_closed",
          JsonObject().text("reason", "moved to another LA"));
  }
}

PlanStart tell_transfer_in(CaseStory& c, engine::Date transfer) {
  auto& rng = c.rng;
  const PlanHistory plan = earlier_plan(rng, c.child, transfer, shape::kTransferredInReviewOverdue);
  JsonObject fields;
  fields.text("from_la", rng.pick(names::kOtherCouncils)).date("made", plan.made);
  if (plan.last_reviewed) {
    fields.date("last_reviewed", *plan.last_reviewed);
  }
  fields.text("primary_need", primary_need_for(c.child));
  c.add(transfer, "transferred_in", fields);
  c.add(office_days::within_or_late(rng, transfer, rng.chance(shape::kTransferNoticeOnTime), 5,
                                    kNoticeDays, 100),
        "transfer_notice_sent");
  // The first review is due by the later of 12 months from the plan's making or last review
  // and 3 months from the transfer: the plan story counts its 12 months from an anchor that
  // gives that day.
  const engine::Date reviewed = plan.last_reviewed.value_or(plan.made);
  const engine::Date anchor = std::max(
      reviewed, engine::add_months_clamped(engine::add_months_clamped(transfer, kTransferMonths),
                                           -kReviewMonths));
  return {transfer, anchor};
}

}  // namespace ehcp::adapters::synthetic
