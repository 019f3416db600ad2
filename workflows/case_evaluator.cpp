#include "workflows/case_evaluator.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "workflows/assessment/assessment_workflow.h"
#include "workflows/clock_book.h"
#include "workflows/exceptions.h"

namespace ehcp::workflows {
namespace {

using assessment::AssessmentWorkflow;

// One assessment and the clocks it owns: assessments follow one another, so its clocks are
// those the book opened from its start until the next one's.
struct AssessmentRun {
  std::unique_ptr<AssessmentWorkflow> workflow;
  std::size_t first_clock = 0;
  std::size_t end_clock = 0;  // set when the next one starts, or at the end
};

struct AdviceAsked {
  engine::Date on;
  engine::AdviceService service;
  std::optional<std::string> setting;
  std::size_t run;
};

struct ExceptionToApply {
  const engine::RecordedEvent* recorded;
  std::size_t run;
};

class Evaluator {
 public:
  Evaluator(const engine::RuleBook& rules, const engine::Calendar& calendar)
      : rules_(rules), calendar_(calendar), book_(rules, calendar) {}

  // False, with rejection_ set, when the event cannot be taken where it falls.
  bool take(const engine::RecordedEvent& recorded) {
    const engine::Event& e = recorded.event;
    using T = engine::EventType;
    switch (e.type()) {
      case T::kCaseOpened:
        setting_ = setting_name(std::get<engine::CaseOpened>(e.body).setting);
        return true;
      case T::kSettingChanged:
        setting_ = std::get<engine::SettingChanged>(e.body).setting.name;
        return true;
      case T::kCaseClosed:
        if (current() != nullptr) {
          current()->close(e.on);
        }
        return true;
      case T::kAssessmentRequested:
        return start_assessment(recorded);
      case T::kExceptionRecorded:
        if (runs_.empty()) {
          return reject(recorded, "no assessment has been requested");
        }
        exceptions_.push_back({&recorded, runs_.size() - 1});
        return true;
      default:
        break;
    }
    if (!AssessmentWorkflow::takes(e.type())) {
      return true;  // reviews, transfers and later workflows arrive with their own issues
    }
    if (shared_with_review(e.type()) && current() == nullptr) {
      return true;  // comments and consultations on proposed amendments: the review's
    }
    if (runs_.empty()) {
      return reject(recorded, "no assessment has been requested");
    }
    if (e.type() == T::kAdviceRequested) {
      asked_.push_back(
          {e.on, std::get<engine::AdviceRequested>(e.body).service, setting_, runs_.size() - 1});
    }
    if (auto status = runs_.back().workflow->apply(e); !status.ok()) {
      return reject(recorded, status.message());
    }
    return true;
  }

  // Applies exceptions, then assembles the view.
  bool finish(CaseView& view) {
    if (!runs_.empty()) {
      runs_.back().end_clock = book_.clocks().size();
    }
    for (const auto& x : exceptions_) {
      auto clocks = clocks_of(x.run);
      if (auto problem = apply_recorded_exception(x.recorded->event, clocks, rules_)) {
        return reject(*x.recorded, *problem);
      }
    }
    for (const auto& asked : asked_) {
      auto clocks = clocks_of(asked.run);
      apply_closure_exceptions(asked.on, asked.service, asked.setting, clocks, rules_, calendar_);
    }
    for (const auto& run : runs_) {
      const auto& w = *run.workflow;
      view.workflows.push_back({assessment::kWorkflow, w.state(), w.opened(), w.closed()});
      view.warnings.insert(view.warnings.end(), w.warnings().begin(), w.warnings().end());
    }
    view.clocks = book_.clocks();
    std::stable_sort(view.clocks.begin(), view.clocks.end(),
                     [](const engine::Clock& a, const engine::Clock& b) {
                       // Name breaks ties, so the order never depends on arrival.
                       if (a.start != b.start) {
                         return a.start < b.start;
                       }
                       return a.due != b.due ? a.due < b.due : a.name < b.name;
                     });
    return true;
  }

  std::optional<Rejection> rejection_;

 private:
  // Events the contract uses for amendments too, not only for a first plan.
  static bool shared_with_review(engine::EventType type) {
    using T = engine::EventType;
    return type == T::kFamilyResponse || type == T::kSchoolConsulted ||
           type == T::kConsultationResponse;
  }

  static std::optional<std::string> setting_name(const std::optional<engine::Setting>& s) {
    return s ? std::optional<std::string>(s->name) : std::nullopt;
  }

  AssessmentWorkflow* current() {
    return runs_.empty() || !runs_.back().workflow->active() ? nullptr
                                                             : runs_.back().workflow.get();
  }

  bool start_assessment(const engine::RecordedEvent& recorded) {
    const engine::Date on = recorded.event.on;
    if (current() != nullptr) {
      return reject(recorded, "an assessment requested on " +
                                  engine::format_date(current()->opened()) +
                                  " is still open (it is " + current()->state() + ")");
    }
    if (rules_.pack_on(on) == nullptr) {
      return reject(recorded, "no rule pack is in force on " + engine::format_date(on) +
                                  " (EHC needs assessments began on 1 September 2014)");
    }
    if (!runs_.empty()) {
      runs_.back().end_clock = book_.clocks().size();
    }
    const std::size_t first_clock = book_.clocks().size();  // before the workflow opens any
    runs_.push_back({std::make_unique<AssessmentWorkflow>(book_, on), first_clock, 0});
    return true;
  }

  std::vector<engine::Clock*> clocks_of(std::size_t run) {
    std::vector<engine::Clock*> out;
    for (std::size_t i = runs_[run].first_clock; i < runs_[run].end_clock; ++i) {
      out.push_back(&book_.clocks()[i]);
    }
    return out;
  }

  bool reject(const engine::RecordedEvent& recorded, const std::string& reason) {
    rejection_ =
        Rejection{recorded.seq, std::string(engine::to_string(recorded.event.type())) + " on " +
                                    engine::format_date(recorded.event.on) + ": " + reason};
    return false;
  }

  const engine::RuleBook& rules_;
  const engine::Calendar& calendar_;
  ClockBook book_;
  std::vector<AssessmentRun> runs_;
  std::vector<AdviceAsked> asked_;
  std::vector<ExceptionToApply> exceptions_;
  std::optional<std::string> setting_;
};

}  // namespace

Evaluation evaluate_case(std::span<const engine::RecordedEvent> events,
                         const engine::RuleBook& rules, const engine::Calendar& calendar) {
  Evaluation out;
  Evaluator evaluator(rules, calendar);
  for (const auto& recorded : events) {
    if (!evaluator.take(recorded)) {
      out.rejection = evaluator.rejection_;
      return out;
    }
  }
  if (!evaluator.finish(out.view)) {
    out.rejection = evaluator.rejection_;
  }
  return out;
}

}  // namespace ehcp::workflows
