// adapters/jsonl/field_reader.h
//
// Reads typed fields out of one JSON object and keeps the first problem it meets, worded for a
// caseworker ("missing field 'outcome'", "field 'on': impossible date 2026-02-30"). Values
// read after a problem are placeholders; callers check error() once at the end. Not shared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/config/sen2_pack.h"
#include "engine/civil_date.h"
#include "engine/event.h"

namespace ehcp::adapters::jsonl {

class FieldReader {
 public:
  // `prefix` names nested objects in messages: "child." gives "field 'child.dob'".
  explicit FieldReader(const nlohmann::json& object, std::string prefix = "")
      : object_(object), prefix_(std::move(prefix)) {}

  std::string required_string(const char* name);
  std::optional<std::string> optional_string(const char* name);
  engine::Date required_date(const char* name);
  std::optional<engine::Date> optional_date(const char* name);
  std::optional<int> optional_int(const char* name);
  std::optional<std::int64_t> optional_int64(const char* name);  // any whole number JSON holds
  bool optional_bool(const char* name, bool absent_value);
  engine::Setting required_setting(const char* name);
  std::optional<engine::Setting> optional_setting(const char* name);
  engine::Child required_child(const char* name);
  // A code of one of the rule pack's SEN2 lists: nullopt when absent or null.
  std::optional<std::string> optional_code(const char* name, const config::Sen2CodeList& codes);

  // For enums: parse(text) gives the value or nullopt, accepted() lists the names.
  template <typename Parse, typename Accepted>
  auto required_enum(const char* name, Parse parse, Accepted accepted)
      -> std::remove_reference_t<decltype(*parse(std::string_view{}))> {
    using E = std::remove_reference_t<decltype(*parse(std::string_view{}))>;
    const std::string text = required_string(name);
    if (error_) {
      return E{};
    }
    if (auto value = parse(text)) {
      return *value;
    }
    fail("field '" + field(name) + "' must be " + accepted() + ", not '" + text + "'");
    return E{};
  }

  // The same, for an optional field: nullopt when absent or null.
  template <typename Parse, typename Accepted>
  auto optional_enum(const char* name, Parse parse, Accepted accepted)
      -> std::optional<std::remove_reference_t<decltype(*parse(std::string_view{}))>> {
    if (find(name) == nullptr) {
      return std::nullopt;
    }
    return required_enum(name, parse, accepted);
  }

  const std::optional<std::string>& error() const { return error_; }

 private:
  // The field's value, or nullptr when absent or null (both mean "not given").
  const nlohmann::json* find(const char* name) const;
  std::string field(const char* name) const { return prefix_ + name; }
  void fail(std::string message);
  // Adopts a nested reader's first problem.
  void adopt(const FieldReader& nested);

  const nlohmann::json& object_;
  std::string prefix_;
  std::optional<std::string> error_;
};

}  // namespace ehcp::adapters::jsonl
