#include "adapters/detail/nearest.h"

#include <algorithm>
#include <cctype>

namespace ehcp::adapters::detail {
namespace {

constexpr std::size_t kShortest = 3;  // a letter or two is inside too many names to say

// How near `candidate` is to `word`: one inside the other first, then fewer edits; nullopt when
// too far to be what was meant.
struct Nearness {
  bool inside = false;
  std::size_t distance = 0;
};

std::optional<Nearness> nearness(std::string_view word, std::string_view candidate) {
  const bool inside = std::min(word.size(), candidate.size()) >= kShortest &&
                      (word.find(candidate) != std::string_view::npos ||
                       candidate.find(word) != std::string_view::npos);
  const std::size_t d = edit_distance(word, candidate);
  if (!inside && d * 2 > std::max<std::size_t>(word.size(), 2)) {
    return std::nullopt;
  }
  return Nearness{inside, d};
}

bool nearer(const Nearness& a, const Nearness& b) {
  return a.inside != b.inside ? a.inside : a.distance < b.distance;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  // One name inside the other (office_closures, closures) first; else the nearest by edits.
  std::optional<std::string> best;
  Nearness best_nearness;
  for (const auto& c : candidates) {
    const auto n = nearness(word, c);
    if (n && (!best || nearer(*n, best_nearness))) {
      best = c;
      best_nearness = *n;
    }
  }
  return best;
}

std::vector<std::string> nearest_names(std::string_view word,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  const std::string folded = lower(word);
  std::vector<std::pair<Nearness, const std::string*>> near;
  for (const auto& c : candidates) {
    if (const auto n = nearness(folded, lower(c))) {
      near.emplace_back(*n, &c);
    }
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return nearer(a.first, b.first); });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < near.size() && i < limit; ++i) {
    out.push_back(*near[i].second);
  }
  return out;
}

}  // namespace ehcp::adapters::detail
