#include "adapters/render/clock_groups.h"

#include <algorithm>
#include <iterator>

#include <date/date.h>

#include "adapters/render/words.h"
#include "workflows/clock_names.h"

namespace ehcp::adapters::render {
namespace {

// "3 Mar 2026".
std::string day_month_year(engine::Date d) {
  return engine::format_date_short(d) + " " +
         std::to_string(static_cast<int>(date::year_month_day{d}.year()));
}

// The group of workflow `w` in `view`: "Annual review 2026" for a review with an annual review
// clock (the year it is due), "Review from 3 Mar 2026" for another; the workflow's title for the
// rest, with its opening date when the case has had more than one.
std::string heading_of(const workflows::CaseView& view, const ClockGroup& group) {
  const auto& w = *group.workflow;
  if (w.workflow == "review") {
    for (const auto i : group.clocks) {
      const auto& c = view.clocks[i];
      if (c.name == workflows::clocks::kAnnualReview) {
        return "Annual review " +
               std::to_string(static_cast<int>(date::year_month_day{c.due}.year()));
      }
    }
    return "Review from " + day_month_year(w.opened);
  }
  int of_kind = 0;
  for (const auto& other : view.workflows) {
    of_kind += other.workflow == w.workflow ? 1 : 0;
  }
  return workflow_title(w.workflow) + (of_kind > 1 ? " from " + day_month_year(w.opened) : "");
}

// A review's own cycle clock starts the day the review opens; every other clock of a review
// started that day (an amendment notice on the day of the decision that opened the next review)
// belongs to the review before.
bool opens_its_workflow(const engine::Clock& c) {
  return c.workflow != "review" || c.name == workflows::clocks::kAnnualReview ||
         c.name == workflows::clocks::kEarlyReview ||
         c.name == workflows::clocks::kTransferInReview;
}

// A review that has taken an amendment notice after its decision to amend: the amended plan's
// clock is its own, though the next review opened on the decision, months before the notice.
bool took_an_amendment(std::string_view state) {
  return state == "amending" || state == "amended" || state == "amendment_withdrawn";
}

}  // namespace

std::vector<ClockGroup> clock_groups(const workflows::CaseView& view) {
  std::vector<ClockGroup> groups;
  groups.reserve(view.workflows.size());
  for (const auto& w : view.workflows) {
    groups.push_back({"", w, {}});
  }
  std::vector<ClockGroup> others;  // clocks of a workflow the view does not list, by its kind
  for (std::size_t i = 0; i < view.clocks.size(); ++i) {
    const auto& c = view.clocks[i];
    std::optional<std::size_t> first;
    std::optional<std::size_t> latest_started;  // workflows are in opening order
    std::optional<std::size_t> amending;        // for an amended plan: the review it amends
    for (std::size_t g = 0; g < view.workflows.size(); ++g) {
      const auto& w = view.workflows[g];
      if (w.workflow != c.workflow) {
        continue;
      }
      first = first.value_or(g);
      const bool started = w.opened < c.start || (w.opened == c.start && opens_its_workflow(c));
      if (!started || (w.closed && *w.closed < c.start)) {
        continue;
      }
      latest_started = g;
      if (c.name == workflows::clocks::kAmendedPlan && took_an_amendment(w.state)) {
        amending = g;
      }
    }
    const auto owner = amending ? amending : latest_started ? latest_started : first;
    if (owner) {
      groups[*owner].clocks.push_back(i);
      continue;
    }
    const std::string heading = workflow_title(c.workflow);
    auto it = std::find_if(others.begin(), others.end(),
                           [&](const ClockGroup& g) { return g.heading == heading; });
    if (it == others.end()) {
      others.push_back({heading, std::nullopt, {}});
      it = std::prev(others.end());
    }
    it->clocks.push_back(i);
  }
  for (auto& g : groups) {
    g.heading = heading_of(view, g);
  }
  // The annual reviews are told apart by the year they are due; two due in one year (after an
  // early decision) by the day each opened.
  std::vector<bool> shared(groups.size(), false);
  for (std::size_t a = 0; a < groups.size(); ++a) {
    for (std::size_t b = a + 1; b < groups.size(); ++b) {
      if (groups[a].heading == groups[b].heading && groups[a].workflow->workflow == "review") {
        shared[a] = shared[b] = true;
      }
    }
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (shared[g]) {
      groups[g].heading = "Annual review from " + day_month_year(groups[g].workflow->opened);
    }
  }
  for (auto& g : others) {
    groups.push_back(std::move(g));
  }
  return groups;
}

}  // namespace ehcp::adapters::render
