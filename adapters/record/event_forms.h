// adapters/record/event_forms.h
//
// The forms a caseworker records the day's work with: one per event type recorded from the case
// page, in the words of the casework (what to ask, hints, the choices of each closed
// vocabulary), each field named by the contract field it fills ("advice", "names_setting.name"
// for a field inside an object). The forms only gather; every check is the importer's
// (record/form_line.h turns a filled form into the JSON line it imports). Types recorded
// elsewhere have no form here: the case is opened by the council's intake, reassignment has a
// page of its own, and a correction is made from the event it corrects. Constants; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/render/words.h"
#include "engine/event.h"

namespace ehcp::adapters::record {

enum class FieldKind {
  kDate,      // a GOV.UK date input: day, month, year; the line has YYYY-MM-DD
  kChoice,    // radios: one of `choices`
  kText,      // a line of text
  kLongText,  // a textarea
  kYes,       // a checkbox: true when ticked, left out when not
};

// Where a choice field's options come from when they are the case's own, not a vocabulary.
enum class CaseChoices {
  kNone,
  kAwaitedAdvice,      // the advice the case is waiting for (its open advice clocks)
  kOpenConsultations,  // the settings consulted and not yet answered
};

struct Choice {
  std::string value;  // as the line has it ("educational_psychology")
  std::string words;  // as the caseworker reads it ("Educational psychology")
  std::string hint;
};

struct FormField {
  std::string name;  // the contract's field; "a.b" is field b of object a
  std::string label;
  std::string hint;
  FieldKind kind = FieldKind::kText;
  bool optional = false;  // shown "(optional)"; the importer decides what is required
  std::vector<Choice> choices;
  CaseChoices case_choices = CaseChoices::kNone;
  // An optional choice's words for leaving it blank ("Nothing was agreed"): radios cannot be
  // unticked, so this is offered as one more, with the empty value.
  std::string blank;
};

struct EventForm {
  engine::EventType type;
  std::string group;     // "Needs assessment", "Plan and reviews", ...
  std::string on_label;  // what the effective date is: "Date the advice was received"
  std::string on_hint;
  std::vector<FormField> fields;  // after the date

  // "Advice received": the page's heading and the choice's words, as the history names the
  // event everywhere else (render/words.h).
  std::string title() const { return std::string(render::event_title(type)); }
};

// Every form, in the order a case goes (the order the choice of event lists them in).
std::span<const EventForm> event_forms();
// The form for `type`, or null when it is not recorded through a form.
const EventForm* form_for(engine::EventType type);
// The form whose type the contract names `name` ("advice_received"), or null.
const EventForm* form_named(std::string_view name);

}  // namespace ehcp::adapters::record
