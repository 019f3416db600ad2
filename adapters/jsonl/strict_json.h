// adapters/jsonl/strict_json.h
//
// Parses one JSON text as the importer must take it: refusing what nlohmann would otherwise
// accept silently. A key repeated in one object (where the last would win, so that a second
// "case" moves the line to another case) and nesting deeper than kMaxDepth (an unknown field
// 20,000 arrays deep, kept and then written out again at every `case show`) are errors naming
// the key or the depth. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/status.h"

namespace ehcp::adapters::jsonl {

// Far deeper than any event (a setting inside a line is 2 deep), far shallower than a danger.
inline constexpr std::size_t kMaxDepth = 64;

// The value `text` holds, or kInvalidInput: malformed JSON (nlohmann's own message, naming the
// byte), a repeated key, or nesting deeper than kMaxDepth.
engine::Result<nlohmann::json> parse_strict(std::string_view text);

}  // namespace ehcp::adapters::jsonl
