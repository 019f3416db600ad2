#include "adapters/synthetic/caseload_timeline.h"

#include <algorithm>
#include <cmath>

#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/office_days.h"

namespace ehcp::adapters::synthetic {
namespace {

constexpr double kDaysPerYear = 365.25;

engine::Date years_before(engine::Date d, int years) {
  const date::year_month_day ymd{d};
  const auto back = ymd.year() - date::years{years};
  // 29 February in a year that has none: the 28th.
  const date::year_month_day target{back, ymd.month(), ymd.day()};
  return target.ok() ? engine::Date{target} : engine::Date{back / ymd.month() / date::last};
}

}  // namespace

CaseloadTimeline::CaseloadTimeline(engine::Date as_of, std::uint64_t cases)
    : as_of_(as_of),
      go_live_(years_before(as_of, shape::kHistoryYears)),
      cases_(cases),
      legacy_cases_(static_cast<std::uint64_t>(
          std::llround(static_cast<double>(cases) * shape::kLegacyShare))) {
  for (engine::Date d = office_days::on_or_after(go_live_);
       static_cast<int>(load_days_.size()) < shape::kLegacyLoadWorkingDays;
       d = office_days::on_or_after(d + date::days{1})) {
    load_days_.push_back(d);
  }
  double total = 0;
  for (engine::Date d = go_live_; d <= as_of_; d += date::days{1}) {
    if (!office_days::is_open(d)) {
      continue;
    }
    const unsigned month = static_cast<unsigned>(date::year_month_day{d}.month());
    const double years_in = static_cast<double>((d - go_live_).count()) / kDaysPerYear;
    // Linear growth, not compound: plain arithmetic gives the same days on every platform.
    total += shape::kRequestsByMonth[month - 1] * (1 + shape::kRequestGrowthPerYear * years_in);
    request_days_.push_back(d);
    cumulative_.push_back(total);
  }
}

engine::Date CaseloadTimeline::load_day(std::uint64_t case_number) const {
  return load_days_[(case_number - 1) % load_days_.size()];
}

engine::Date CaseloadTimeline::request_day(std::uint64_t case_number) const {
  if (request_days_.empty()) {
    return as_of_;
  }
  const std::uint64_t requests = std::max<std::uint64_t>(cases_ - legacy_cases_, 1);
  const std::uint64_t index = case_number > legacy_cases_ ? case_number - legacy_cases_ - 1 : 0;
  // The middle of the request's share of the expected total: the inverse of the cumulative.
  const double target =
      (static_cast<double>(index) + 0.5) / static_cast<double>(requests) * cumulative_.back();
  const auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), target);
  const auto at = std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()),
                                        request_days_.size() - 1);
  return request_days_[at];
}

}  // namespace ehcp::adapters::synthetic
