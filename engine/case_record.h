// engine/case_record.h
//
// A CaseRecord is what a case is now, as the Case events say: the child, the caseworker and
// team, the setting, any year-group override, and whether it is closed. It is derived by
// folding the case's events in replay order, never edited in place. Pure; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/event.h"

namespace ehcp::engine {

struct CaseRecord {
  std::string case_ref;
  Date opened_on;
  Child child;
  std::optional<std::string> caseworker;
  std::optional<std::string> team;
  std::optional<Setting> setting;
  std::optional<int> year_group_override;  // as given on case_opened
  std::optional<Date> closed_on;
  std::optional<std::string> close_reason;
  bool operator==(const CaseRecord&) const = default;
};

// Sorts events into replay order: by effective date, then arrival (seq); on the day a case is
// opened its case_opened comes first.
void sort_for_replay(std::vector<RecordedEvent>& events);

// The case as its events leave it, folded in the given order (call sort_for_replay first).
// Precondition: the first event is the case's case_opened; the import guarantees it.
CaseRecord fold_case_record(std::span<const RecordedEvent> events_in_replay_order);

}  // namespace ehcp::engine
