// adapters/record/form_line.h
//
// A filled form as the JSON line the importer takes, and the importer's answer as the form's
// errors. The form checks nothing itself: it puts a date's day, month and year together
// (zero-padded when they are numbers, as typed when not, so the importer says what is wrong),
// leaves out what was left blank, and nests "a.b" fields in object "a". So a form and a file
// are refused for the same reasons. Pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/record/event_forms.h"

namespace ehcp::adapters::record {

using FormValues = std::map<std::string, std::string>;

// Who and what the line is for. `id` makes saving twice (a double click, a resubmitted page)
// record the event once.
struct LineHeader {
  std::string case_ref;
  std::string by;
  std::string id;
};

// The line for `form` filled with `values` (a date field `on` is `on-day`, `on-month`,
// `on-year`; every other field is its name).
nlohmann::json form_line(const EventForm& form, const FormValues& values, const LineHeader& header);

// The values a form shows for an event already recorded (for correcting it): the inverse of
// form_line for the fields the form has.
FormValues values_of(const EventForm& form, const nlohmann::json& line);

// One problem with what was entered, for the GOV.UK error summary: the field it belongs to
// ("on", "advice"; empty when it is about the event as a whole) and what to do.
struct FormError {
  std::string field;
  std::string message;
};

// The importer's reason for refusing the line, in the form's words: a reason naming a field
// ("missing field 'advice'", "field 'on': impossible date 2026-02-30") becomes that field's
// error ("Select which advice arrived", "Date the advice was received must be a real date");
// any other reason belongs to the event as a whole, and is kept as the importer gave it less
// the case and event it names, which the page already shows.
FormError form_error(const EventForm& form, const std::string& case_ref, const std::string& reason);

}  // namespace ehcp::adapters::record
