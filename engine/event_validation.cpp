#include "engine/event_validation.h"

#include <type_traits>

#include "engine/case_ref.h"

namespace ehcp::engine {
namespace {

using Problem = std::optional<std::string>;

Problem not_after(const char* field, Date value, Date on, const char* what) {
  if (value > on) {
    return std::string("field '") + field + "' (" + format_date(value) + ") is after the " + what +
           " " + format_date(on);
  }
  return std::nullopt;
}

Problem non_empty(const char* field, const std::string& value) {
  if (value.empty()) {
    return std::string("field '") + field + "' is empty";
  }
  return std::nullopt;
}

Problem setting_problem(const char* field, const Setting& s) {
  if (s.name.empty()) {
    return std::string("field '") + field + ".name' is empty";
  }
  return std::nullopt;
}

struct BodyCheck {
  const Event& event;

  Problem operator()(const CaseOpened& e) const {
    if (auto p = non_empty("child.given_name", e.child.given_name)) {
      return p;
    }
    if (auto p = non_empty("child.family_name", e.child.family_name)) {
      return p;
    }
    if (auto p = not_after("child.dob", e.child.dob, event.on, "date the case was opened")) {
      return p;
    }
    if (e.setting) {
      if (auto p = setting_problem("setting", *e.setting)) {
        return p;
      }
    }
    if (e.year_group && (*e.year_group < kMinYearGroup || *e.year_group > kMaxYearGroup)) {
      return "field 'year_group' is " + std::to_string(*e.year_group) +
             "; it must be from -1 (nursery) to 14";
    }
    return std::nullopt;
  }
  Problem operator()(const CaseworkerAssigned& e) const {
    return non_empty("caseworker", e.caseworker);
  }
  Problem operator()(const SettingChanged& e) const {
    return setting_problem("setting", e.setting);
  }
  Problem operator()(const AdviceRequested& e) const { return non_empty("advice", e.advice); }
  Problem operator()(const AdviceReceived& e) const { return non_empty("advice", e.advice); }
  Problem operator()(const ExceptionRecorded& e) const {
    if (e.advice) {
      if (auto p = non_empty("advice", *e.advice)) {
        return p;
      }
    }
    if (e.from && e.to && *e.to < *e.from) {
      return "field 'to' (" + format_date(*e.to) + ") is before field 'from' (" +
             format_date(*e.from) + ")";
    }
    return std::nullopt;
  }
  Problem operator()(const SchoolConsulted& e) const { return non_empty("setting", e.setting); }
  Problem operator()(const ConsultationResponse& e) const {
    return non_empty("setting", e.setting);
  }
  Problem operator()(const FinalPlanIssued& e) const {
    return e.names_setting ? setting_problem("names_setting", *e.names_setting) : std::nullopt;
  }
  Problem operator()(const AmendedPlanIssued& e) const {
    return e.names_setting ? setting_problem("names_setting", *e.names_setting) : std::nullopt;
  }
  Problem operator()(const PlanInForce& e) const {
    if (auto p = not_after("made", e.made, event.on, "event's date")) {
      return p;
    }
    if (e.last_reviewed) {
      if (*e.last_reviewed < e.made) {
        return "field 'last_reviewed' (" + format_date(*e.last_reviewed) +
               ") is before field 'made' (" + format_date(e.made) + ")";
      }
      return not_after("last_reviewed", *e.last_reviewed, event.on, "event's date");
    }
    return std::nullopt;
  }
  Problem decision_sent(const std::optional<Date>& sent) const {
    return sent ? not_after("decision_sent", *sent, event.on, "event's date") : std::nullopt;
  }
  // A plan from another LA: made (and last reviewed) before it came, as plan_in_force.
  Problem operator()(const TransferredIn& e) const {
    if (auto p = non_empty("from_la", e.from_la)) {
      return p;
    }
    return (*this)(PlanInForce{e.made, e.last_reviewed});
  }
  // The LA may learn of a move before it or after it: `aware_on` is not bound by `on`.
  Problem operator()(const MovedOut& e) const { return non_empty("to_la", e.to_la); }
  Problem operator()(const PlanTransferred& e) const {
    return e.to_la ? non_empty("to_la", *e.to_la) : std::nullopt;
  }
  Problem operator()(const CustodyNotified& e) const {
    return e.establishment ? non_empty("establishment", *e.establishment) : std::nullopt;
  }
  Problem operator()(const ReviewMeetingScheduled& e) const {
    if (e.meeting < event.on) {
      return "field 'meeting' (" + format_date(e.meeting) + ") is before the notice date " +
             format_date(event.on);
    }
    return std::nullopt;
  }
  // The decision disagreed with was notified before (or on the day) the family acted on it.
  Problem operator()(const MediationRequested& e) const { return decision_sent(e.decision_sent); }
  Problem operator()(const MediationDeclined& e) const { return decision_sent(e.decision_sent); }
  Problem operator()(const AppealLodged& e) const { return decision_sent(e.decision_sent); }
  Problem operator()(const MediationHeld& e) const {
    if (e.agreement == OrderKind::kCeaseDismissed) {
      return std::string(
          "field 'agreement' cannot be cease_dismissed: that is the Tribunal dismissing an "
          "appeal; an agreement is assess, make_plan, amend, section_i or other");
    }
    return std::nullopt;
  }
  Problem operator()(const TribunalOrder& e) const {
    if (e.order == OrderKind::kOther) {
      return std::string(
          "field 'order' cannot be other: that is a mediation agreement on a matter the "
          "Tribunal cannot hear (mediation_held with agreement other, reg 42(3))");
    }
    if (e.unopposed && e.order == OrderKind::kCeaseDismissed) {
      return std::string(
          "field 'unopposed': an appeal the LA does not oppose is not dismissed "
          "(order cease_dismissed)");
    }
    return std::nullopt;
  }
  // A correction names one event, by id or by arrival number, and says why.
  Problem operator()(const EventVoided& e) const {
    if (e.event.has_value() == e.seq.has_value()) {
      return std::string(
          "name the event to void with exactly one of field 'event' (its id) and field 'seq' "
          "(its number in `ehcp case show`)");
    }
    if (e.event) {
      if (auto p = non_empty("event", *e.event)) {
        return p;
      }
    }
    if (e.seq && *e.seq < 1) {
      return "field 'seq' is " + std::to_string(*e.seq) + "; events are numbered from 1";
    }
    if (e.reason.find_first_not_of(" \t") == std::string::npos) {
      return std::string("field 'reason' is empty: say why the event is voided");
    }
    return std::nullopt;
  }
  // Every other type has nothing to check beyond what the decoder already enforced.
  template <typename T>
  Problem operator()(const T&) const {
    return std::nullopt;
  }
};

}  // namespace

std::optional<std::string> event_problem(const Event& event) {
  if (auto p = case_ref_problem(event.case_ref)) {
    return "field 'case': " + *p;
  }
  if (event.id && event.id->empty()) {
    return std::string("field 'id' is empty");
  }
  return std::visit(BodyCheck{event}, event.body);
}

std::optional<std::string> after_as_of_problem(const Event& event, Date as_of) {
  if (event.on > as_of) {
    return "event dated " + format_date(event.on) + " is after the import's as-of date " +
           format_date(as_of);
  }
  if (const auto* moved = std::get_if<MovedOut>(&event.body);
      moved != nullptr && moved->aware_on && *moved->aware_on > as_of) {
    return "field 'aware_on' (" + format_date(*moved->aware_on) +
           ") is after the import's as-of date " + format_date(as_of);
  }
  return std::nullopt;
}

}  // namespace ehcp::engine
