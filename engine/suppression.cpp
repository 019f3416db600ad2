#include "engine/suppression.h"

#include <cstddef>

namespace ehcp::engine {

std::vector<bool> suppress_parts(std::span<const int> parts) {
  std::vector<bool> hidden(parts.size(), false);
  int withheld = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (is_small_count(parts[i])) {
      hidden[i] = true;
      ++withheld;
    }
  }
  if (withheld != 1) {
    return hidden;  // none to protect, or two or more: no single one can be subtracted out
  }
  std::size_t next = parts.size();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!hidden[i] && parts[i] > 0 && (next == parts.size() || parts[i] < parts[next])) {
      next = i;
    }
  }
  if (next != parts.size()) {
    hidden[next] = true;
  }
  return hidden;
}

}  // namespace ehcp::engine
