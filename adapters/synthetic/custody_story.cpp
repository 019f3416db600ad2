#include "adapters/synthetic/custody_story.h"

#include <algorithm>

#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/names.h"
#include "adapters/synthetic/office_days.h"

namespace ehcp::adapters::synthetic {
namespace {

constexpr int kShareWorkingDays = 5;  // the plan shared within 5 working days
constexpr int kLatestShareWorkingDays = 20;

}  // namespace

engine::Date tell_custody(CaseStory& c, engine::Date notified) {
  auto& rng = c.rng;
  JsonObject fields;
  if (rng.chance(shape::kCustodyEstablishmentNamed)) {
    fields.text("establishment", rng.pick(names::kEstablishments));
  }
  c.add(notified, "custody_notified", fields);
  // Counted from the day after the notification, as the 5 working days are.
  const engine::Date shared = office_days::plus_working_days(
      notified, rng.chance(shape::kCustodyPlanSharedOnTime)
                    ? rng.between(1, kShareWorkingDays)
                    : rng.between(kShareWorkingDays + 1, kLatestShareWorkingDays));
  c.add(shared, "custody_plan_shared");
  // Released after the plan was shared: a remand of some weeks, or a sentence of months.
  const engine::Date ended = std::max(
      office_days::after(rng, notified, shape::kCustodyDays.first, shape::kCustodyDays.last),
      office_days::plus_working_days(shared, 1));
  c.add(ended, "custody_ended");
  return ended;
}

}  // namespace ehcp::adapters::synthetic
