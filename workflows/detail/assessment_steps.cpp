#include "workflows/detail/assessment_steps.h"

namespace ehcp::workflows::detail {
namespace {

constexpr int kRepresentationDays = 15;

}  // namespace

std::optional<std::string> ask_advice(ClockBook& book, const char* workflow,
                                      const engine::Event& event,
                                      const engine::AdviceRequested& body) {
  const std::string clock = "advice:" + body.advice;
  if (book.is_open(clock)) {
    return "advice '" + body.advice + "' was already requested and is still awaited";
  }
  if (auto status = book.open(clock, workflow, event.on); !status.ok()) {
    return status.message();
  }
  book.set_detail(clock, std::string(engine::to_string(body.service)));
  return std::nullopt;
}

std::optional<std::string> receive_advice(ClockBook& book, const engine::Event& event,
                                          const engine::AdviceReceived& body) {
  if (!book.meet("advice:" + body.advice, event.on)) {
    return "no advice '" + body.advice + "' is awaited (advice_requested must come first)";
  }
  return std::nullopt;
}

std::optional<std::string> consult_school(ClockBook& book, const char* workflow,
                                          const engine::Event& event,
                                          const engine::SchoolConsulted& body) {
  if (auto status = book.open("consultation:" + body.setting, workflow, event.on); !status.ok()) {
    return status.message();
  }
  return std::nullopt;
}

std::optional<std::string> answer_consultation(ClockBook& book, const engine::Event& event,
                                               const engine::ConsultationResponse& body) {
  if (!book.meet("consultation:" + body.setting, event.on)) {
    return "'" + body.setting + "' was not consulted (school_consulted must come first)";
  }
  return std::nullopt;
}

std::optional<Warning> inside_representations(engine::Date draft_served, engine::Date issued,
                                              bool no_further_representations,
                                              const std::string& what) {
  const engine::Date window_ends = draft_served + date::days{kRepresentationDays - 1};
  if (issued > window_ends || no_further_representations) {
    return std::nullopt;
  }
  return Warning{issued, what + " issued on " + engine::format_date(issued) +
                             ", inside the family's 15 days from the draft served on " +
                             engine::format_date(draft_served) + " (to " +
                             engine::format_date(window_ends) +
                             ") with no word that they had no more to say (reg 13(1))"};
}

}  // namespace ehcp::workflows::detail
