// adapters/config/config_reader.h
//
// Reads the objects of the LA configuration field by field and records every problem it meets,
// each starting with the full key path ("calendar.closures[2].to: impossible date 2026-02-30"),
// so a council sees all its mistakes in one run rather than one a run. A key an object does not
// know is a problem naming the nearest one it does ("calendar.office_closures: unknown key; did
// you mean calendar.closures?"): a misspelt key silently ignored would drop a closure or an
// override without a word. Every string read is refused when it holds a control character (a CR
// or LF in an address would end up in a mail header). Used by the readers of la_config.cpp,
// indicator_config.cpp and rule_overrides.cpp only; a reader and its Problems are not shared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/detail/nearest.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::adapters::config {

// Every problem found in one configuration, in the order met.
class Problems {
 public:
  // Records "<path>: <what>".
  void add(const std::string& path, const std::string& what);
  bool empty() const { return list_.empty(); }
  const std::vector<std::string>& list() const { return list_; }
  // Ok when there are none; else kInvalidInput with one problem a line.
  engine::Status status() const;

 private:
  std::vector<std::string> list_;
};

// The candidate nearest `word`, when near enough to be what was meant (adapters/detail/nearest.h,
// shared with the names of caseworkers and teams).
using detail::nearest;

// "calendar" and "closures" give "calendar.closures"; "" and "la" give "la". A key holding a
// control character is quoted as JSON writes it, so a problem stays on one line.
std::string key_path(const std::string& path, std::string_view key);
// "calendar.closures" and 2 give "calendar.closures[2]".
std::string index_path(const std::string& path, std::size_t index);

// A value as a message shows it: a short scalar as JSON writes it (so a CR shows as \r), an
// array or object by its type.
std::string shown(const nlohmann::json& value);

bool has_control_character(std::string_view text);
// local@domain: an unquoted local part of letters, digits and !#$%&'*+-/=?^_`{|}~. (no leading,
// trailing or double dot) and a domain (is_domain). No spaces, no control characters.
bool is_address(std::string_view text);
// Labels of letters, digits and '-' (none starting or ending with '-'), 1 to 63 characters
// each, joined by single dots: "exampleshire.gov.uk".
bool is_domain(std::string_view text);

enum class Need { kOptional, kRequired };

// One object of the configuration at `path`. Absent and null fields count as not given.
class ConfigObject {
 public:
  // A problem when `value` is not an object (`shape` says what it should be, "{date, name}"):
  // every field is then absent. A problem for each key not in `known`.
  ConfigObject(const nlohmann::json& value, std::string path, std::vector<std::string> known,
               Problems& problems, std::string_view shape = "");
  // An object whose keys are names the council chooses ("caseworkers": {name: address}): any
  // key is allowed.
  ConfigObject(const nlohmann::json& value, std::string path, Problems& problems,
               std::string_view shape);

  bool is_object() const { return object_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string path_of(std::string_view key) const { return key_path(path_, key); }
  // The field, or nullptr when absent or null (and then a problem when required).
  const nlohmann::json* find(std::string_view key, Need need = Need::kOptional) const;

  // A string without control characters.
  std::optional<std::string> text(std::string_view key, Need need = Need::kOptional) const;
  // The same, not empty.
  std::optional<std::string> name(std::string_view key, Need need = Need::kOptional) const;
  std::optional<engine::Date> date(std::string_view key, Need need = Need::kOptional) const;
  std::optional<std::int64_t> whole(std::string_view key, std::int64_t min, std::int64_t max,
                                    Need need = Need::kOptional) const;
  // A finite number from `min` to `max`.
  std::optional<double> number(std::string_view key, double min, double max,
                               Need need = Need::kOptional) const;
  std::optional<bool> flag(std::string_view key) const;
  std::optional<std::string> address(std::string_view key, Need need = Need::kOptional) const;
  std::optional<std::string> domain(std::string_view key, Need need = Need::kOptional) const;
  // The array or object, or nullptr when absent (a problem when required) or of another type.
  const nlohmann::json* array(std::string_view key, Need need = Need::kOptional) const;
  const nlohmann::json* object(std::string_view key, std::string_view shape = "",
                               Need need = Need::kOptional) const;

  // One of the names `parse` knows (`accepted` lists them for the message).
  template <typename Parse, typename Accepted>
  auto choice(std::string_view key, Parse parse, Accepted accepted,
              Need need = Need::kOptional) const
      -> std::optional<std::remove_reference_t<decltype(*parse(std::string_view{}))>> {
    const auto given = text(key, need);
    if (!given) {
      return std::nullopt;
    }
    auto value = parse(*given);
    if (!value) {
      problems_.add(path_of(key), "must be " + accepted() + ", not " + shown(*find(key)));
    }
    return value;
  }

  Problems& problems() const { return problems_; }

 private:
  const nlohmann::json* object_ = nullptr;
  std::string path_;
  Problems& problems_;
};

// Reads a string `value` at `path` without control characters, else records why and nullopt.
std::optional<std::string> text_at(const nlohmann::json& value, const std::string& path,
                                   Problems& problems);

}  // namespace ehcp::adapters::config
