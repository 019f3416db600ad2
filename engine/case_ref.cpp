#include "engine/case_ref.h"

namespace ehcp::engine {
namespace {

bool allowed(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '/' || c == '-';
}

}  // namespace

std::optional<std::string> case_ref_problem(std::string_view ref) {
  if (ref.empty()) {
    return "case reference is empty";
  }
  if (ref.size() > kMaxCaseRefLength) {
    return "case reference is " + std::to_string(ref.size()) + " characters long; at most " +
           std::to_string(kMaxCaseRefLength) + " are allowed";
  }
  for (std::size_t i = 0; i < ref.size(); ++i) {
    if (!allowed(ref[i])) {
      const unsigned char c = static_cast<unsigned char>(ref[i]);
      const std::string shown =
          (c >= 0x20 && c < 0x7f) ? std::string("'") + ref[i] + "'" : "byte " + std::to_string(c);
      return "case reference has " + shown + " at position " + std::to_string(i + 1) +
             "; only letters, digits and . _ / - are allowed";
    }
  }
  return std::nullopt;
}

}  // namespace ehcp::engine
