// adapters/jsonl/event_decoder.h
//
// Turns one JSON Lines line, or one parsed object, into an engine::Event, or into the precise
// reason it cannot be one (contract.md §1). Unknown fields are allowed and ignored here; the
// store keeps the object whole. Stateless; thread-safe.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/event.h"
#include "engine/status.h"

namespace ehcp::adapters::jsonl {

// Parses `line` as one JSON object (strict_json.h: no repeated key, at most 64 deep). Malformed
// JSON, a repeated key, deeper nesting or a non-object is InvalidInput.
engine::Result<nlohmann::json> parse_line(std::string_view line);

// The event the object describes, checked field by field and then by engine::event_problem.
engine::Result<engine::Event> decode_event(const nlohmann::json& object);

}  // namespace ehcp::adapters::jsonl
