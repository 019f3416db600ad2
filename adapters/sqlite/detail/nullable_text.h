// adapters/sqlite/detail/nullable_text.h
//
// An optional text column: bound as NULL when absent, read back as nullopt when NULL. For the
// stores' queries only.
#pragma once

#include <optional>
#include <string>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

namespace ehcp::adapters::sqlite::detail {

inline void bind_text_or_null(SQLite::Statement& s, int index,
                              const std::optional<std::string>& v) {
  if (v) {
    s.bind(index, *v);
  } else {
    s.bind(index);  // NULL
  }
}

inline std::optional<std::string> text_or_null(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

}  // namespace ehcp::adapters::sqlite::detail
