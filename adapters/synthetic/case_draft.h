// adapters/synthetic/case_draft.h
//
// One synthetic case's events while they are being made: added in any order, then put in date
// order (events on the same day keep the order they were added in, so a decision comes before
// the notice that follows it), cut at the as-of date (what has not happened yet is dropped)
// and written as JSON Lines, each with an id (<case>-<nn>) and an author. One per case.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/synthetic/json_object.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

// One line of the output, and the day it happened.
struct GeneratedEvent {
  engine::Date on;
  std::string json;
};

class CaseDraft {
 public:
  CaseDraft(std::string ref, engine::Date as_of) : ref_(std::move(ref)), as_of_(as_of) {}

  // Adds an event of `type` (the contract's name) on `on`, recorded by `by`, with its own
  // fields after the common ones.
  void add(engine::Date on, std::string_view type, std::string_view by,
           const JsonObject& fields = {});

  const std::string& ref() const { return ref_; }
  // The latest day an event has been added for (the epoch when there is none).
  engine::Date latest() const { return latest_; }
  engine::Date as_of() const { return as_of_; }

  // The events up to the as-of date, in date order, as JSON Lines (no newline).
  std::vector<GeneratedEvent> finish();

 private:
  struct Draft {
    engine::Date on;
    std::string_view type;  // one of the contract's names: a literal, never freed
    std::string by;
    JsonObject fields;
  };

  std::string ref_;
  engine::Date as_of_;
  engine::Date latest_{};
  std::vector<Draft> drafts_;
};

}  // namespace ehcp::adapters::synthetic
