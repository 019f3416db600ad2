#include "workflows/detail/assessment_steps.h"

#include "workflows/clock_names.h"
#include "workflows/detail/repeated_event.h"

namespace ehcp::workflows::detail {

engine::Status take_step(ClockBook& book, const char* workflow, const engine::Event& event) {
  const auto refuse = [](std::string why) { return engine::Status::invalid_transition(why); };
  if (const auto* asked = std::get_if<engine::AdviceRequested>(&event.body)) {
    const std::string clock = clocks::kAdvicePrefix + asked->advice;
    if (book.is_open(clock)) {
      return refuse("advice '" + asked->advice + "' was already requested and is still awaited");
    }
    if (auto status = book.open(clock, workflow, event.on); !status.ok()) {
      return status;
    }
    book.set_detail(clock, std::string(engine::to_string(asked->service)));
    return {};
  }
  if (const auto* received = std::get_if<engine::AdviceReceived>(&event.body)) {
    const std::string clock = clocks::kAdvicePrefix + received->advice;
    if (!book.meet(clock, event.on)) {
      if (const auto first = book.last_met(clock)) {
        return refuse(already_on("advice '" + received->advice + "' was already received", *first));
      }
      return refuse("no advice '" + received->advice +
                    "' is awaited (advice_requested must come first)");
    }
    return {};
  }
  if (const auto* consulted = std::get_if<engine::SchoolConsulted>(&event.body)) {
    return book.open(clocks::kConsultationPrefix + consulted->setting, workflow, event.on);
  }
  if (const auto* response = std::get_if<engine::ConsultationResponse>(&event.body)) {
    const std::string clock = clocks::kConsultationPrefix + response->setting;
    if (!book.meet(clock, event.on)) {
      if (const auto first = book.last_met(clock)) {
        return refuse(
            already_on("'" + response->setting + "' already answered the consultation", *first));
      }
      return refuse("'" + response->setting +
                    "' was not consulted (school_consulted must come first)");
    }
    return {};
  }
  return engine::Status::internal("not an assessment step: " +
                                  std::string(engine::to_string(event.type())));
}

std::optional<Warning> inside_representations(const ClockBook& book, engine::Date draft_served,
                                              engine::Date issued, bool no_further_representations,
                                              const std::string& what) {
  const engine::ClockRule* rule =
      book.rules().rule_for(clocks::kDraftRepresentations, draft_served);
  if (rule == nullptr) {
    return Warning{issued, what + " issued on " + engine::format_date(issued) +
                               ": no rule pack in force on " + engine::format_date(draft_served) +
                               " has the rule '" + clocks::kDraftRepresentations +
                               "', so the family's days from the draft were not checked"};
  }
  const engine::Date window_ends = book.rules().due(*rule, draft_served, book.calendar());
  if (issued > window_ends || no_further_representations) {
    return std::nullopt;
  }
  return Warning{issued, what + " issued on " + engine::format_date(issued) +
                             ", inside the family's " +
                             engine::describe_period(rule->counting, rule->amount) +
                             " from the draft served on " + engine::format_date(draft_served) +
                             " (to " + engine::format_date(window_ends) +
                             ") with no word that they had no more to say (" + rule->source + ")"};
}

}  // namespace ehcp::workflows::detail
