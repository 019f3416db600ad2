// engine/detail/enum_names.h
//
// One table per enum maps each enumerator to its snake_case data name; to_string and parse_*
// functions are written over it, so the names exist in exactly one place. Internal to engine/.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ehcp::engine::detail {

template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
constexpr std::string_view name_of(const EnumNames<E, N>& names, E value) {
  for (const auto& [e, name] : names) {
    if (e == value) {
      return name;
    }
  }
  return "?";
}

template <typename E, std::size_t N>
constexpr std::optional<E> value_of(const EnumNames<E, N>& names, std::string_view text) {
  for (const auto& [e, name] : names) {
    if (name == text) {
      return e;
    }
  }
  return std::nullopt;
}

// "a, b or c": the accepted names, for error messages.
template <typename E, std::size_t N>
std::string list_names(const EnumNames<E, N>& names) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) {
      out += (i + 1 == N) ? " or " : ", ";
    }
    out += names[i].second;
  }
  return out;
}

}  // namespace ehcp::engine::detail
