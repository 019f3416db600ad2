#include "web/form_html.h"

#include <algorithm>

#include "web/html.h"

namespace ehcp::web::form {
namespace {

std::string id_of(const std::string& name) {
  std::string id = name;
  std::replace(id.begin(), id.end(), '.', '-');
  return id;
}

std::string group_open(const std::string& error) {
  return error.empty() ? "<div class=\"govuk-form-group\">"
                       : "<div class=\"govuk-form-group govuk-form-group--error\">";
}

std::string hint_html(const std::string& id, const std::string& hint) {
  return hint.empty()
             ? ""
             : "<div id=\"" + id + "-hint\" class=\"govuk-hint\">" + escape(hint) + "</div>";
}

std::string error_html(const std::string& id, const std::string& error) {
  return error.empty() ? ""
                       : "<p id=\"" + id +
                             "-error\" class=\"govuk-error-message\"><span "
                             "class=\"govuk-visually-hidden\">Error:</span> " +
                             escape(error) + "</p>";
}

std::string described_by(const std::string& id, const std::string& hint, const std::string& error) {
  std::string ids;
  if (!hint.empty()) {
    ids += id + "-hint";
  }
  if (!error.empty()) {
    ids += (ids.empty() ? "" : " ") + id + "-error";
  }
  return ids.empty() ? "" : " aria-describedby=\"" + ids + "\"";
}

std::string fieldset_open(const std::string& id, const std::string& legend, const std::string& hint,
                          const std::string& error) {
  return group_open(error) + "<fieldset class=\"govuk-fieldset\"" + described_by(id, hint, error) +
         "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" + escape(legend) +
         "</legend>" + hint_html(id, hint) + error_html(id, error);
}

}  // namespace

std::string anchor(const std::string& field, bool is_date) {
  return id_of(field) + (is_date ? "-day" : "");
}

std::string error_summary(const std::vector<Problem>& problems,
                          const std::vector<std::pair<std::string, std::string>>& links) {
  if (problems.empty()) {
    return "";
  }
  std::string out =
      "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div "
      "role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div "
      "class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">";
  for (const auto& p : problems) {
    std::string target;
    for (const auto& [field, id] : links) {
      if (field == p.field) {
        target = id;
      }
    }
    out += target.empty()
               ? "<li>" + escape(p.message) + "</li>"
               : "<li><a href=\"#" + escape(target) + "\">" + escape(p.message) + "</a></li>";
  }
  return out + "</ul></div></div></div>";
}

std::string date_input(const std::string& name, const std::string& label, const std::string& hint,
                       const std::string& error, const std::string& day, const std::string& month,
                       const std::string& year) {
  const std::string id = id_of(name);
  const std::string input_error = error.empty() ? "" : " govuk-input--error";
  auto part = [&](const char* part_name, const char* words, const std::string& value,
                  const char* width) {
    const std::string part_id = id + "-" + part_name;
    return "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label "
           "class=\"govuk-label govuk-date-input__label\" for=\"" +
           part_id + "\">" + words + "</label><input class=\"govuk-input govuk-date-input__input " +
           width + input_error + "\" id=\"" + part_id + "\" name=\"" + escape(name) + "-" +
           part_name + "\" type=\"text\" inputmode=\"numeric\" value=\"" + escape(value) +
           "\"></div></div>";
  };
  const std::string shown_hint =
      hint.empty() ? "For example, 27 3 2026" : hint + ". For example, 27 3 2026";
  return fieldset_open(id, label, shown_hint, error) + "<div class=\"govuk-date-input\" id=\"" +
         id + "\">" + part("day", "Day", day, "govuk-input--width-2") +
         part("month", "Month", month, "govuk-input--width-2") +
         part("year", "Year", year, "govuk-input--width-4") + "</div></fieldset></div>";
}

std::string radios(const std::string& name, const std::string& legend, const std::string& hint,
                   const std::string& error, const std::vector<Option>& options,
                   const std::string& chosen) {
  const std::string id = id_of(name);
  std::string out = fieldset_open(id, legend, hint, error) +
                    "<div class=\"govuk-radios\" data-module=\"govuk-radios\">";
  for (std::size_t i = 0; i < options.size(); ++i) {
    const auto& o = options[i];
    const std::string item_id = i == 0 ? id : id + "-" + std::to_string(i + 1);
    out += "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"" +
           item_id + "\" name=\"" + escape(name) + "\" type=\"radio\" value=\"" + escape(o.value) +
           "\"" + (o.value == chosen ? " checked" : "") +
           (o.hint.empty() ? "" : " aria-describedby=\"" + item_id + "-item-hint\"") +
           "><label class=\"govuk-label govuk-radios__label\" for=\"" + item_id + "\">" +
           escape(o.words) + "</label>" +
           (o.hint.empty()
                ? ""
                : "<div id=\"" + item_id + "-item-hint\" class=\"govuk-hint govuk-radios__hint\">" +
                      escape(o.hint) + "</div>") +
           "</div>";
  }
  return out + "</div></fieldset></div>";
}

std::string text_input(const std::string& name, const std::string& label, const std::string& hint,
                       const std::string& error, const std::string& value) {
  const std::string id = id_of(name);
  return group_open(error) + "<label class=\"govuk-label govuk-label--s\" for=\"" + id + "\">" +
         escape(label) + "</label>" + hint_html(id, hint) + error_html(id, error) +
         "<input class=\"govuk-input" + (error.empty() ? "" : " govuk-input--error") + "\" id=\"" +
         id + "\" name=\"" + escape(name) + "\" type=\"text\" value=\"" + escape(value) + "\"" +
         described_by(id, hint, error) + "></div>";
}

std::string textarea(const std::string& name, const std::string& label, const std::string& hint,
                     const std::string& error, const std::string& value) {
  const std::string id = id_of(name);
  return group_open(error) + "<label class=\"govuk-label govuk-label--s\" for=\"" + id + "\">" +
         escape(label) + "</label>" + hint_html(id, hint) + error_html(id, error) +
         "<textarea class=\"govuk-textarea" + (error.empty() ? "" : " govuk-textarea--error") +
         "\" id=\"" + id + "\" name=\"" + escape(name) + "\" rows=\"3\"" +
         described_by(id, hint, error) + ">" + escape(value) + "</textarea></div>";
}

std::string checkbox(const std::string& name, const std::string& label, const std::string& hint,
                     const std::string& error, bool checked) {
  const std::string id = id_of(name);
  return group_open(error) + error_html(id, error) +
         "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">"
         "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"" +
         id + "\" name=\"" + escape(name) + "\" type=\"checkbox\" value=\"true\"" +
         (checked ? " checked" : "") + described_by(id, hint, error) +
         "><label class=\"govuk-label govuk-checkboxes__label\" for=\"" + id + "\">" +
         escape(label) + "</label>" +
         (hint.empty()
              ? ""
              : "<div id=\"" + id + "-hint\" class=\"govuk-hint govuk-checkboxes__hint\">" +
                    escape(hint) + "</div>") +
         "</div></div></div>";
}

std::string select(const std::string& name, const std::string& label, const std::string& hint,
                   const std::string& error, const std::vector<Option>& options,
                   const std::string& chosen) {
  const std::string id = id_of(name);
  std::string out = group_open(error) + "<label class=\"govuk-label govuk-label--s\" for=\"" + id +
                    "\">" + escape(label) + "</label>" + hint_html(id, hint) +
                    error_html(id, error) + "<select class=\"govuk-select" +
                    (error.empty() ? "" : " govuk-select--error") + "\" id=\"" + id + "\" name=\"" +
                    escape(name) + "\"" + described_by(id, hint, error) + ">";
  for (const auto& o : options) {
    out += "<option value=\"" + escape(o.value) + "\"" + (o.value == chosen ? " selected" : "") +
           ">" + escape(o.words) + "</option>";
  }
  return out + "</select></div>";
}

}  // namespace ehcp::web::form
