#include "adapters/synthetic/json_object.h"

#include <cstdio>

namespace ehcp::adapters::synthetic {

void append_json_string(std::string& out, std::string_view value) {
  out += '"';
  // Runs of characters that need no escape are copied whole: nearly every value is one run.
  std::size_t run = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      continue;  // UTF-8 passes through unchanged
    }
    out.append(value, run, i - run);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    }
    run = i + 1;
  }
  out.append(value, run, value.size() - run);
  out += '"';
}

void JsonObject::key(std::string_view name) {
  if (!members_.empty()) {
    members_ += ',';
  }
  append_json_string(members_, name);
  members_ += ':';
}

JsonObject& JsonObject::text(std::string_view key_name, std::string_view value) {
  key(key_name);
  append_json_string(members_, value);
  return *this;
}

JsonObject& JsonObject::number(std::string_view key_name, std::int64_t value) {
  key(key_name);
  members_ += std::to_string(value);
  return *this;
}

JsonObject& JsonObject::flag(std::string_view key_name, bool value) {
  key(key_name);
  members_ += value ? "true" : "false";
  return *this;
}

JsonObject& JsonObject::date(std::string_view key_name, engine::Date value) {
  return text(key_name, engine::format_date(value));
}

JsonObject& JsonObject::object(std::string_view key_name, const JsonObject& value) {
  key(key_name);
  members_ += '{';
  members_ += value.members_;
  members_ += '}';
  return *this;
}

JsonObject& JsonObject::merge(const JsonObject& other) {
  if (!other.members_.empty()) {
    if (!members_.empty()) {
      members_ += ',';
    }
    members_ += other.members_;
  }
  return *this;
}

}  // namespace ehcp::adapters::synthetic
