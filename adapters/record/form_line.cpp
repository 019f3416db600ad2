#include "adapters/record/form_line.h"

#include <cctype>
#include <regex>

#include "adapters/render/words.h"

namespace ehcp::adapters::record {
namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return "";
  }
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string value_of(const FormValues& values, const std::string& name) {
  const auto it = values.find(name);
  return it == values.end() ? std::string() : trimmed(it->second);
}

bool all_digits(const std::string& s) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

// "3" -> "03"; anything but a number of one or two digits stays as typed.
std::string two_digits(const std::string& s) {
  return all_digits(s) && s.size() == 1 ? "0" + s : s;
}

std::optional<std::string> date_text(const FormValues& values, const std::string& name) {
  const auto day = value_of(values, name + "-day");
  const auto month = value_of(values, name + "-month");
  const auto year = value_of(values, name + "-year");
  if (day.empty() && month.empty() && year.empty()) {
    return std::nullopt;
  }
  return year + "-" + two_digits(month) + "-" + two_digits(day);
}

// Sets "a.b" as line["a"]["b"].
void put(nlohmann::json& line, const std::string& name, nlohmann::json value) {
  const auto dot = name.find('.');
  if (dot == std::string::npos) {
    line[name] = std::move(value);
  } else {
    line[name.substr(0, dot)][name.substr(dot + 1)] = std::move(value);
  }
}

const nlohmann::json* get(const nlohmann::json& line, const std::string& name) {
  const auto dot = name.find('.');
  const std::string head = name.substr(0, dot);
  const auto it = line.find(head);
  if (it == line.end()) {
    return nullptr;
  }
  if (dot == std::string::npos) {
    return &*it;
  }
  if (!it->is_object()) {
    return nullptr;
  }
  const auto inner = it->find(name.substr(dot + 1));
  return inner == it->end() ? nullptr : &*inner;
}

std::string lower_first(std::string s) {
  if (!s.empty()) {
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  }
  return s;
}

// The field a reason names: "missing field 'x'..." or "field 'x'...".
std::optional<std::pair<std::string, bool>> named_field(const std::string& reason) {
  for (const auto& [prefix, missing] :
       {std::pair<std::string, bool>{"missing field '", true}, {"field '", false}}) {
    if (reason.starts_with(prefix)) {
      const auto end = reason.find('\'', prefix.size());
      if (end != std::string::npos) {
        return std::pair{reason.substr(prefix.size(), end - prefix.size()), missing};
      }
    }
  }
  return std::nullopt;
}

}  // namespace

nlohmann::json form_line(const EventForm& form, const FormValues& values,
                         const LineHeader& header) {
  nlohmann::json line = nlohmann::json::object();
  line["case"] = header.case_ref;
  line["type"] = std::string(engine::to_string(form.type));
  if (auto on = date_text(values, "on")) {
    line["on"] = *on;
  }
  if (!header.id.empty()) {
    line["id"] = header.id;
  }
  if (!header.by.empty()) {
    line["by"] = header.by;
  }
  for (const auto& field : form.fields) {
    switch (field.kind) {
      case FieldKind::kDate:
        if (auto d = date_text(values, field.name)) {
          put(line, field.name, *d);
        }
        break;
      case FieldKind::kYes:
        if (!value_of(values, field.name).empty()) {
          put(line, field.name, true);
        }
        break;
      case FieldKind::kChoice:
      case FieldKind::kText:
      case FieldKind::kLongText:
        if (auto v = value_of(values, field.name); !v.empty()) {
          put(line, field.name, v);
        }
        break;
    }
  }
  return line;
}

FormValues values_of(const EventForm& form, const nlohmann::json& line) {
  FormValues values;
  auto put_date = [&](const std::string& name, const nlohmann::json* v) {
    if (v == nullptr || !v->is_string() || v->get<std::string>().size() != 10) {
      return;
    }
    const auto text = v->get<std::string>();
    values[name + "-year"] = text.substr(0, 4);
    values[name + "-month"] = std::to_string(std::stoi(text.substr(5, 2)));
    values[name + "-day"] = std::to_string(std::stoi(text.substr(8, 2)));
  };
  put_date("on", get(line, "on"));
  for (const auto& field : form.fields) {
    const auto* v = get(line, field.name);
    if (v == nullptr) {
      continue;
    }
    if (field.kind == FieldKind::kDate) {
      put_date(field.name, v);
    } else if (field.kind == FieldKind::kYes) {
      if (v->is_boolean() && v->get<bool>()) {
        values[field.name] = "true";
      }
    } else if (v->is_string()) {
      values[field.name] = v->get<std::string>();
    }
  }
  return values;
}

FormError form_error(const EventForm& form, const std::string& case_ref,
                     const std::string& reason) {
  if (const auto named = named_field(reason)) {
    const auto& [name, missing] = *named;
    const FormField* field = nullptr;
    for (const auto& f : form.fields) {
      if (f.name == name) {
        field = &f;
      }
    }
    if (name == "on" || (field != nullptr && field->kind == FieldKind::kDate)) {
      const std::string label = name == "on" ? form.on_label : field->label;
      return {name, missing ? "Enter the " + lower_first(label) : label + " must be a real date"};
    }
    if (field != nullptr) {
      const std::string label = field->label;
      if (missing) {
        return {name, field->kind == FieldKind::kChoice ? "Select an answer: " + label
                                                        : "Enter an answer: " + label};
      }
      const auto colon = reason.find('\'', std::string("field '").size());
      return {name, label + reason.substr(colon + 1)};
    }
  }
  // "case 'A-1': advice_received on 2026-10-03: no advice 'hx' is awaited" -> the last part.
  std::string message = reason;
  const std::string case_prefix = "case '" + case_ref + "': ";
  if (message.starts_with(case_prefix)) {
    message = message.substr(case_prefix.size());
  }
  const std::string type_prefix = std::string(engine::to_string(form.type)) + " on ";
  if (message.starts_with(type_prefix)) {
    const auto colon = message.find(": ", type_prefix.size());
    if (colon != std::string::npos) {
      message = message.substr(colon + 2);
    }
  }
  // The machines name states as identifiers ("while the assessment is gathering_advice").
  static const std::regex kState("while the (\\w+) is (\\w+)");
  std::smatch m;
  if (std::regex_search(message, m, kState)) {
    message = m.prefix().str() + "while the " + m[1].str() +
              " is at the stage: " + lower_first(render::state_title(m[1].str(), m[2].str())) +
              m.suffix().str();
  }
  if (!message.empty()) {
    message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  }
  return {"", message};
}

}  // namespace ehcp::adapters::record
