#include "adapters/synthetic/case_draft.h"

#include <algorithm>

namespace ehcp::adapters::synthetic {

void CaseDraft::add(engine::Date on, std::string_view type, std::string_view by,
                    const JsonObject& fields) {
  drafts_.push_back({on, type, std::string(by), fields});
  latest_ = std::max(latest_, on);
}

std::vector<GeneratedEvent> CaseDraft::finish() {
  std::stable_sort(drafts_.begin(), drafts_.end(),
                   [](const Draft& a, const Draft& b) { return a.on < b.on; });
  std::vector<GeneratedEvent> events;
  events.reserve(drafts_.size());
  for (const auto& d : drafts_) {
    if (d.on > as_of_) {
      break;  // not happened yet on the as-of date
    }
    // <case>-<nn>: at least two digits, so a case's ids sort in order up to its 99th event.
    const std::string number = std::to_string(events.size() + 1);
    JsonObject line;
    line.text("case", ref_)
        .text("type", d.type)
        .date("on", d.on)
        .text("id", ref_ + (number.size() < 2 ? "-0" : "-") + number)
        .text("by", d.by)
        .merge(d.fields);
    events.push_back({d.on, line.str()});
  }
  return events;
}

}  // namespace ehcp::adapters::synthetic
