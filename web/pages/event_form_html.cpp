#include "web/pages/event_form_html.h"

#include "adapters/record/offered_events.h"
#include "web/credentials.h"

namespace ehcp::web::pages {
namespace {

using adapters::record::FieldKind;

std::string error_for(const std::vector<form::Problem>& problems, const std::string& field) {
  for (const auto& p : problems) {
    if (p.field == field) {
      return p.message;
    }
  }
  return "";
}

std::string value(const adapters::record::FormValues& values, const std::string& name) {
  const auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

std::string labelled(const adapters::record::FormField& field) {
  return field.optional ? field.label + " (optional)" : field.label;
}

}  // namespace

std::string form_error_summary(const adapters::record::EventForm& form,
                               const std::vector<form::Problem>& problems) {
  std::vector<std::pair<std::string, std::string>> links = {{"on", form::anchor("on", true)}};
  for (const auto& f : form.fields) {
    links.emplace_back(f.name, form::anchor(f.name, f.kind == FieldKind::kDate));
  }
  return form::error_summary(problems, links);
}

std::string event_fields_html(const adapters::record::EventForm& form,
                              const adapters::record::FormValues& values,
                              const std::vector<form::Problem>& problems,
                              const workflows::CaseView& view) {
  std::string out = form::date_input("on", form.on_label, form.on_hint, error_for(problems, "on"),
                                     value(values, "on-day"), value(values, "on-month"),
                                     value(values, "on-year"));
  for (const auto& field : form.fields) {
    const std::string error = error_for(problems, field.name);
    const std::string label = labelled(field);
    switch (field.kind) {
      case FieldKind::kDate:
        out += form::date_input(
            field.name, label, field.hint, error, value(values, field.name + "-day"),
            value(values, field.name + "-month"), value(values, field.name + "-year"));
        break;
      case FieldKind::kChoice: {
        std::vector<form::Option> options;
        const auto choices = field.case_choices == adapters::record::CaseChoices::kNone
                                 ? field.choices
                                 : adapters::record::case_choices(view, field.case_choices);
        if (choices.empty()) {
          // Nothing of the case's own to choose from: say it in words instead.
          out += form::text_input(field.name, label, field.hint, error, value(values, field.name));
          break;
        }
        for (const auto& c : choices) {
          options.push_back({c.value, c.words, c.hint});
        }
        if (!field.blank.empty()) {
          options.push_back({"", field.blank, ""});
        }
        out +=
            form::radios(field.name, label, field.hint, error, options, value(values, field.name));
        break;
      }
      case FieldKind::kText:
        out += form::text_input(field.name, label, field.hint, error, value(values, field.name));
        break;
      case FieldKind::kLongText:
        out += form::textarea(field.name, label, field.hint, error, value(values, field.name));
        break;
      case FieldKind::kYes:
        out += form::checkbox(field.name, field.label, field.hint, error,
                              !value(values, field.name).empty());
        break;
    }
  }
  return out;
}

std::string new_event_id() { return "web-" + random_token().substr(0, 32); }

}  // namespace ehcp::web::pages
