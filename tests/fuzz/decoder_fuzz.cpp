// tests/fuzz/decoder_fuzz.cpp
//
// A libFuzzer target over what `ehcp import` does to each line before it touches the database:
// the JSON Lines decoder (adapters/jsonl) and the importer's line checks
// (adapters/import/parsed_line_stream.h, parse_event_line: JSON, the event's fields and
// engine::event_problem), and the quick decoder of stored payloads against it. The input is split
// into lines as the importer splits it (a CR before the LF and a leading byte-order mark dropped).
// No input may crash, hang, leak or trip the sanitizers, and every line ends either as an event or
// as a non-empty reason, never both. Built as a libFuzzer binary with -DEHCP_FUZZ=ON (clang;
// scripts/fuzz.sh), and in every build as `fuzz_replay`, which runs the corpus in tests/fuzz/corpus
// through it as a ctest.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "adapters/import/parsed_line_stream.h"
#include "adapters/jsonl/event_decoder.h"
#include "adapters/jsonl/quick_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.starts_with("\xEF\xBB\xBF")) {
    input.remove_prefix(3);
  }
  std::size_t number = 0;
  while (!input.empty()) {
    const auto end = input.find('\n');
    std::string line(input.substr(0, end));
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    const auto parsed = ehcp::adapters::parse_event_line(++number, line);
    const bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (parsed.event.has_value() == !parsed.error.empty() && !blank) {
      std::abort();  // an event and a reason both, or neither
    }
    // The decoder on its own, as `case show` and `rederive` use it on stored events; and the
    // quick decoder of stored payloads, which must decode whatever it accepts exactly as the
    // strict decoder does (or the strict one refuses, and a stored event would read otherwise).
    auto object = ehcp::adapters::jsonl::parse_line(line);
    auto strict = object.ok() ? ehcp::adapters::jsonl::decode_event(object.value())
                              : ehcp::engine::Result<ehcp::engine::Event>(object.status());
    if (auto quick = ehcp::adapters::jsonl::quick_decode(line)) {
      if (!strict.ok() || !(*quick == strict.value())) {
        std::abort();  // the quick decoder accepted what the strict one refuses or reads otherwise
      }
    }
  }
  return 0;
}
