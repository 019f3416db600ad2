#include "adapters/sqlite/clock_digest.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace ehcp::adapters::sqlite {
namespace {

// FNV-1a, 64 bits, fed field by field; each string with its length first, so that fields
// cannot run into each other ("ab","c" and "a","bc" differ).
class Fnv {
 public:
  void bytes(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) {
      h_ ^= p[i];
      h_ *= 1099511628211ULL;
    }
  }
  void number(std::int64_t v) {
    unsigned char le[8];  // little-endian whatever the platform: the digest is stored
    for (int i = 0; i < 8; ++i) {
      le[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(v) >> (8 * i));
    }
    bytes(le, sizeof le);
  }
  void text(const std::string& s) {
    number(static_cast<std::int64_t>(s.size()));
    bytes(s.data(), s.size());
  }
  void date(engine::Date d) { number(d.time_since_epoch().count()); }
  void date(const std::optional<engine::Date>& d) {
    number(d ? 1 : 0);
    if (d) {
      date(*d);
    }
  }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 14695981039346656037ULL;
};

}  // namespace

bool clock_order(const engine::Clock& a, const engine::Clock& b) {
  return std::tie(a.start, a.name, a.detail, a.due, a.workflow, a.met_on, a.ended_on,
                  a.exception_on, a.statutory, a.basis, a.exception_basis) <
         std::tie(b.start, b.name, b.detail, b.due, b.workflow, b.met_on, b.ended_on,
                  b.exception_on, b.statutory, b.basis, b.exception_basis);
}

std::uint64_t clock_digest(std::span<const engine::Clock> clocks) {
  std::vector<const engine::Clock*> order;
  order.reserve(clocks.size());
  for (const auto& c : clocks) {
    order.push_back(&c);
  }
  std::sort(order.begin(), order.end(),
            [](const engine::Clock* a, const engine::Clock* b) { return clock_order(*a, *b); });
  Fnv h;
  h.number(static_cast<std::int64_t>(order.size()));
  for (const engine::Clock* c : order) {
    h.text(c->name);
    h.text(c->workflow);
    h.date(c->start);
    h.date(c->due);
    h.date(c->met_on);
    h.date(c->ended_on);
    h.date(c->exception_on);
    h.number(c->statutory ? 1 : 0);
    h.text(c->basis);
    h.text(c->exception_basis);
    h.text(c->detail);
  }
  return h.value();
}

}  // namespace ehcp::adapters::sqlite
