#include "adapters/jsonl/field_reader.h"

#include <limits>

#include "adapters/jsonl/event_bodies.h"

namespace ehcp::adapters::jsonl {
namespace {

// How a JSON value looks in a message: as JSON (so "5" and 5 differ), and short.
std::string shown(const nlohmann::json& value) {
  std::string text = value.dump();
  constexpr std::size_t kMaxShown = 40;
  if (text.size() > kMaxShown) {
    text = text.substr(0, kMaxShown) + "...";
  }
  return text;
}

}  // namespace

const nlohmann::json* FieldReader::find(const char* name) const {
  const auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) {
    return nullptr;
  }
  return &*it;
}

void FieldReader::fail(std::string message) {
  if (!error_) {
    error_ = std::move(message);
  }
}

void FieldReader::adopt(const FieldReader& nested) {
  if (nested.error_) {
    fail(*nested.error_);
  }
}

std::string FieldReader::required_string(const char* name) {
  const auto* value = find(name);
  if (value == nullptr) {
    fail("missing field '" + field(name) + "'");
    return {};
  }
  if (!value->is_string()) {
    fail("field '" + field(name) + "' must be a string, not " + shown(*value));
    return {};
  }
  return value->get<std::string>();
}

std::optional<std::string> FieldReader::optional_string(const char* name) {
  if (find(name) == nullptr) {
    return std::nullopt;
  }
  return required_string(name);
}

engine::Date FieldReader::required_date(const char* name) {
  const auto* value = find(name);
  if (value == nullptr) {
    fail("missing field '" + field(name) + "'");
    return {};
  }
  if (!value->is_string()) {
    fail("field '" + field(name) + "' must be a date YYYY-MM-DD, not " + shown(*value));
    return {};
  }
  const auto& text = value->get_ref<const std::string&>();
  if (auto d = engine::parse_date(text)) {
    return *d;
  }
  // Tell an impossible day (2026-02-30) from text that is not a date at all.
  const bool date_shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  if (date_shaped) {
    fail("field '" + field(name) + "': impossible date " + text);
  } else {
    fail("field '" + field(name) + "' must be a date YYYY-MM-DD, not " + shown(*value));
  }
  return {};
}

std::optional<engine::Date> FieldReader::optional_date(const char* name) {
  if (find(name) == nullptr) {
    return std::nullopt;
  }
  return required_date(name);
}

std::optional<int> FieldReader::optional_int(const char* name) {
  const auto* value = find(name);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_number_integer()) {
    fail("field '" + field(name) + "' must be a whole number, not " + shown(*value));
    return std::nullopt;
  }
  const auto n = value->get<std::int64_t>();
  constexpr std::int64_t kLimit = 1000;  // far beyond any year group; keeps the int cast safe
  if (n < -kLimit || n > kLimit) {
    fail("field '" + field(name) + "' is out of range: " + shown(*value));
    return std::nullopt;
  }
  return static_cast<int>(n);
}

std::optional<std::int64_t> FieldReader::optional_int64(const char* name) {
  const auto* value = find(name);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_number_integer()) {
    fail("field '" + field(name) + "' must be a whole number, not " + shown(*value));
    return std::nullopt;
  }
  // nlohmann keeps integers above the int64 range unsigned: refused, not wrapped.
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > kMax) {
    fail("field '" + field(name) + "' is out of range: " + shown(*value));
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

bool FieldReader::optional_bool(const char* name, bool absent_value) {
  const auto* value = find(name);
  if (value == nullptr) {
    return absent_value;
  }
  if (!value->is_boolean()) {
    fail("field '" + field(name) + "' must be true or false, not " + shown(*value));
    return absent_value;
  }
  return value->get<bool>();
}

engine::Setting FieldReader::required_setting(const char* name) {
  const auto* value = find(name);
  if (value == nullptr) {
    fail("missing field '" + field(name) + "'");
    return {};
  }
  if (!value->is_object()) {
    fail("field '" + field(name) + "' must be an object {\"name\", \"phase\"}, not " +
         shown(*value));
    return {};
  }
  FieldReader nested(*value, field(name) + ".");
  auto setting = bodies::setting_fields(nested);
  adopt(nested);
  return setting;
}

std::optional<std::string> FieldReader::optional_code(const char* name,
                                                      const config::Sen2CodeList& codes) {
  auto text = optional_string(name);
  if (text && !error_ && codes.find(*text) == nullptr) {
    fail("field '" + field(name) + "' must be " + codes.accepted() +
         " (the rule pack's SEN2 codes), not '" + *text + "'");
    return std::nullopt;
  }
  return text;
}

std::optional<engine::Setting> FieldReader::optional_setting(const char* name) {
  if (find(name) == nullptr) {
    return std::nullopt;
  }
  return required_setting(name);
}

engine::Child FieldReader::required_child(const char* name) {
  const auto* value = find(name);
  if (value == nullptr) {
    fail("missing field '" + field(name) + "'");
    return {};
  }
  if (!value->is_object()) {
    fail("field '" + field(name) + "' must be an object, not " + shown(*value));
    return {};
  }
  FieldReader nested(*value, field(name) + ".");
  auto child = bodies::child_fields(nested);
  adopt(nested);
  return child;
}

}  // namespace ehcp::adapters::jsonl
