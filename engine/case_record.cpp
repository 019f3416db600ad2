#include "engine/case_record.h"

#include <algorithm>

namespace ehcp::engine {

void sort_for_replay(std::vector<RecordedEvent>& events) {
  std::sort(events.begin(), events.end(), [](const RecordedEvent& a, const RecordedEvent& b) {
    if (a.event.on != b.event.on) {
      return a.event.on < b.event.on;
    }
    // Nothing can happen to a case before it exists: on its opening day, case_opened goes
    // first even when a same-day event arrived before it.
    const bool a_opens = a.event.type() == EventType::kCaseOpened;
    const bool b_opens = b.event.type() == EventType::kCaseOpened;
    if (a_opens != b_opens) {
      return a_opens;
    }
    return a.seq < b.seq;
  });
}

CaseRecord fold_case_record(std::span<const RecordedEvent> events) {
  CaseRecord record;
  for (const auto& recorded : events) {
    const Event& e = recorded.event;
    if (const auto* opened = std::get_if<CaseOpened>(&e.body)) {
      record.case_ref = e.case_ref;
      record.opened_on = e.on;
      record.child = opened->child;
      record.caseworker = opened->caseworker;
      record.team = opened->team;
      record.setting = opened->setting;
      record.year_group_override = opened->year_group;
    } else if (const auto* assigned = std::get_if<CaseworkerAssigned>(&e.body)) {
      record.caseworker = assigned->caseworker;
      if (assigned->team) {
        record.team = assigned->team;
      }
    } else if (const auto* changed = std::get_if<SettingChanged>(&e.body)) {
      record.setting = changed->setting;
    } else if (const auto* closed = std::get_if<CaseClosed>(&e.body)) {
      record.closed_on = e.on;
      record.close_reason = closed->reason;
    }
  }
  return record;
}

}  // namespace ehcp::engine
