#include "adapters/render/plans_due_render.h"

#include <algorithm>

namespace ehcp::adapters::render {
namespace {

int with_exception(const report::PlansDue& due) {
  return static_cast<int>(std::count_if(due.plans.begin(), due.plans.end(),
                                        [](const report::PlanDue& p) { return p.excepted; }));
}

}  // namespace

std::string plans_due_to_text(const report::PlansDue& due) {
  const int excepted = with_exception(due);
  return "Plans due to pass 20 weeks next month (" + engine::format_month_words(due.from) +
         "): " + std::to_string(due.plans.size()) +
         (excepted > 0 ? ", " + std::to_string(excepted) + " with an exception" : std::string()) +
         "\n";
}

nlohmann::ordered_json plans_due_to_json(const report::PlansDue& due) {
  nlohmann::ordered_json out;
  out["from"] = engine::format_date(due.from);
  out["to"] = engine::format_date(due.to);
  out["plans"] = due.plans.size();
  out["with_exception"] = with_exception(due);
  return out;
}

}  // namespace ehcp::adapters::render
