// adapters/jsonl/quick_decoder.h
//
// Decodes one stored payload (events.payload: text the strict decoder accepted when it was
// imported) straight into an engine::Event, without building nlohmann's DOM: a small scanner
// over the text, then the same table of bodies (event_bodies.h) as decode_event. What it does
// not fully understand (an unknown key, a \u escape, an array, a number with a fraction, a
// field of the wrong kind, anything decode_event would refuse) it leaves to the caller, who
// falls back to parse_line + decode_event: so whatever it accepts, it decodes exactly as they
// would. For stored payloads only; a user's input keeps the strict decoder and its messages.
// Stateless; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "engine/event.h"

namespace ehcp::adapters::jsonl {

// The event `payload` describes, or nullopt for "don't know" (never "invalid": ask
// decode_event, which gives the reason when there is one).
std::optional<engine::Event> quick_decode(std::string_view payload);

}  // namespace ehcp::adapters::jsonl
