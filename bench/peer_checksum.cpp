#include "bench/peer_checksum.h"

#include <algorithm>
#include <string_view>

#include "engine/clock_status.h"
#include "workflows/assessment/assessment_workflow.h"

namespace ehcp::bench {
namespace {

// In the order the peer prints them (bench/xstate/checksum.mjs STATES).
constexpr std::array<std::string_view, 8> kStateNames = {
    "awaiting_decision", "gathering_advice", "drafting", "consulting",
    "finalised",         "refused",          "no_plan",  "withdrawn"};
constexpr std::array<engine::ClockStatus, 5> kStatusOrder = {
    engine::ClockStatus::kOpen, engine::ClockStatus::kOverdue, engine::ClockStatus::kMet,
    engine::ClockStatus::kLate, engine::ClockStatus::kNotApplicable};

std::int64_t day_number(engine::Date d) { return d.time_since_epoch().count(); }

bool is_assessment(const std::string& workflow) {
  return workflow == workflows::assessment::kWorkflow;
}

std::string day_or_dash(const std::optional<engine::Date>& d) {
  return d ? engine::format_date(*d) : "-";
}

}  // namespace

void AssessmentChecksum::add(const workflows::Evaluation& evaluation) {
  if (evaluation.rejection) {
    ++rejections_;
    return;
  }
  for (const auto& w : evaluation.view.workflows) {
    if (!is_assessment(w.workflow)) {
      continue;
    }
    ++assessments_;
    // A state missing from the list is left uncounted: the sum of states then falls short of
    // `assessments`, which the comparison shows.
    const auto state = std::find(kStateNames.begin(), kStateNames.end(), w.state);
    if (state != kStateNames.end()) {
      ++by_state_[static_cast<std::size_t>(state - kStateNames.begin())];
    }
  }
  warnings_ += static_cast<std::int64_t>(evaluation.view.warnings.size());
  for (const auto& c : evaluation.view.clocks) {
    if (!is_assessment(c.workflow)) {
      continue;
    }
    ++clocks_;
    ++by_status_[static_cast<std::size_t>(c.status_on(as_of_))];
    excepted_ += c.exception_on ? 1 : 0;
    start_sum_ += day_number(c.start);
    due_sum_ += day_number(c.due);
    met_sum_ += c.met_on ? day_number(*c.met_on) : 0;
    ended_sum_ += c.ended_on ? day_number(*c.ended_on) : 0;
    basis_bytes_ += static_cast<std::int64_t>(c.basis.size());
  }
}

std::string AssessmentChecksum::str() const {
  std::string out = "clocks=" + std::to_string(clocks_);
  for (const auto status : kStatusOrder) {
    out += " " + std::string(engine::to_string(status)) + "=" +
           std::to_string(by_status_[static_cast<std::size_t>(status)]);
  }
  out += " excepted=" + std::to_string(excepted_) + " start_sum=" + std::to_string(start_sum_) +
         " due_sum=" + std::to_string(due_sum_) + " met_sum=" + std::to_string(met_sum_) +
         " ended_sum=" + std::to_string(ended_sum_) +
         " basis_bytes=" + std::to_string(basis_bytes_) +
         " assessments=" + std::to_string(assessments_);
  for (std::size_t i = 0; i < kStates; ++i) {
    out += " " + std::string(kStateNames[i]) + "=" + std::to_string(by_state_[i]);
  }
  out += " warnings=" + std::to_string(warnings_) + " rejections=" + std::to_string(rejections_);
  return out;
}

void dump_case(std::ostream& out, const std::string& ref, const workflows::Evaluation& evaluation,
               engine::Date as_of) {
  if (evaluation.rejection) {
    out << ref << "|rejected|" << evaluation.rejection->seq << "|" << evaluation.rejection->reason
        << "\n";
    return;
  }
  for (const auto& w : evaluation.view.workflows) {
    if (is_assessment(w.workflow)) {
      out << ref << "|assessment|" << w.state << "|" << engine::format_date(w.opened) << "|"
          << day_or_dash(w.closed) << "\n";
    }
  }
  for (const auto& c : evaluation.view.clocks) {
    if (is_assessment(c.workflow)) {
      out << ref << "|clock|" << c.name << "|" << engine::format_date(c.start) << "|"
          << engine::format_date(c.due) << "|" << day_or_dash(c.met_on) << "|"
          << day_or_dash(c.ended_on) << "|" << day_or_dash(c.exception_on) << "|"
          << (c.statutory ? "statutory" : "guidance") << "|"
          << engine::to_string(c.status_on(as_of)) << "|" << c.basis << "|" << c.exception_basis
          << "\n";
    }
  }
  for (const auto& w : evaluation.view.warnings) {
    out << ref << "|warning|" << engine::format_date(w.on) << "|" << w.text << "\n";
  }
}

}  // namespace ehcp::bench
