// adapters/synthetic/json_object.h
//
// A JSON object written straight to text, member by member, in the order given. The generator
// writes tens of millions of small objects, and building a document tree for each would cost
// more than all the rest of the generation. Strings are escaped (quotes, backslashes, control
// characters), so any text is safe in them. A value; not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

class JsonObject {
 public:
  JsonObject& text(std::string_view key, std::string_view value);
  JsonObject& number(std::string_view key, std::int64_t value);
  JsonObject& flag(std::string_view key, bool value);
  JsonObject& date(std::string_view key, engine::Date value);
  JsonObject& object(std::string_view key, const JsonObject& value);
  // Appends the other object's members after this one's.
  JsonObject& merge(const JsonObject& other);

  // The members so far, without the braces ("" when there are none).
  const std::string& members() const { return members_; }
  // The whole object: {"key":value,...}.
  std::string str() const { return "{" + members_ + "}"; }

 private:
  void key(std::string_view name);

  std::string members_;
};

// Appends `value` to `out` as a JSON string, quotes included.
void append_json_string(std::string& out, std::string_view value);

}  // namespace ehcp::adapters::synthetic
