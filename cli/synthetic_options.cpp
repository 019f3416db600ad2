#include "cli/synthetic_options.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <string_view>

namespace ehcp::cli {
namespace {

// Digits only ("5000", not "5e3", "-1", "+5" or "12abc") within [min, max].
engine::Result<std::uint64_t> whole_number(std::string_view flag, std::string_view text,
                                           std::uint64_t min, std::uint64_t max) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || value < min || value > max) {
    return engine::Status::usage(std::string(flag) + ": '" + std::string(text) +
                                 "' is not a whole number from " + std::to_string(min) + " to " +
                                 std::to_string(max));
  }
  return value;
}

}  // namespace

void add_seed_option(CLI::App& command, SyntheticArgs& args) {
  command.add_option("--seed", args.seed, "Random seed: the same seed gives the same caseload")
      ->capture_default_str();
}

engine::Result<adapters::synthetic::CaseloadOptions> synthetic_options(const Context& context,
                                                                       const SyntheticArgs& args) {
  auto cases = whole_number("--cases", args.cases, 1, kMaxSyntheticCases);
  if (!cases.ok()) {
    return cases.status();
  }
  auto seed = whole_number("--seed", args.seed, 0, std::numeric_limits<std::uint64_t>::max());
  if (!seed.ok()) {
    return seed.status();
  }
  auto as_of = context.as_of();
  if (!as_of.ok()) {
    return as_of.status();
  }
  if (auto problem = adapters::synthetic::as_of_problem(as_of.value())) {
    return engine::Status::usage("--as-of: " + *problem);
  }
  adapters::synthetic::CaseloadOptions options;
  options.seed = seed.value();
  options.cases = cases.value();
  options.as_of = as_of.value();
  return options;
}

}  // namespace ehcp::cli
