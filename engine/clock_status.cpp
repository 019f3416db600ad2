#include "engine/clock_status.h"

#include "engine/detail/enum_names.h"

namespace ehcp::engine {
namespace {

constexpr detail::EnumNames<ClockStatus, 5> kStatuses{
    {{ClockStatus::kOpen, "open"},
     {ClockStatus::kOverdue, "overdue"},
     {ClockStatus::kMet, "met"},
     {ClockStatus::kLate, "late"},
     {ClockStatus::kNotApplicable, "not_applicable"}}};

}  // namespace

std::string_view to_string(ClockStatus status) { return detail::name_of(kStatuses, status); }

std::optional<ClockStatus> parse_clock_status(std::string_view text) {
  return detail::value_of(kStatuses, text);
}

}  // namespace ehcp::engine
