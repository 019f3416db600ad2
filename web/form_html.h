// web/form_html.h
//
// The GOV.UK Design System's form components, as the recording pages use them: the error
// summary, and each question with its label or legend, hint, error message and the value
// entered (date input, radios, text input, textarea, checkbox, select). Every text passed in is
// plain text and escaped here; ids are the field names with "." as "-". Pure functions.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ehcp::web::form {

// A question's error message, or none.
struct Problem {
  std::string field;  // the field it belongs to; empty: the page as a whole
  std::string message;
};

// The id of the element a field's error links to ("names_setting.name" -> "names_setting-name";
// a date's first box, "on-day").
std::string anchor(const std::string& field, bool is_date);

// "There is a problem", each problem linking to its field (`links`: field -> anchor).
std::string error_summary(const std::vector<Problem>& problems,
                          const std::vector<std::pair<std::string, std::string>>& links);

struct Option {
  std::string value;
  std::string words;
  std::string hint;
};

// Each takes the field's name, its label (a legend for the grouped ones), a hint ("" for none),
// the error message ("" for none) and what was entered.
std::string date_input(const std::string& name, const std::string& label, const std::string& hint,
                       const std::string& error, const std::string& day, const std::string& month,
                       const std::string& year);
std::string radios(const std::string& name, const std::string& legend, const std::string& hint,
                   const std::string& error, const std::vector<Option>& options,
                   const std::string& chosen);
std::string text_input(const std::string& name, const std::string& label, const std::string& hint,
                       const std::string& error, const std::string& value);
std::string textarea(const std::string& name, const std::string& label, const std::string& hint,
                     const std::string& error, const std::string& value);
std::string checkbox(const std::string& name, const std::string& label, const std::string& hint,
                     const std::string& error, bool checked);
std::string select(const std::string& name, const std::string& label, const std::string& hint,
                   const std::string& error, const std::vector<Option>& options,
                   const std::string& chosen);

}  // namespace ehcp::web::form
