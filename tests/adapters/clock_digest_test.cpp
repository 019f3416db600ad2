// The digest `ehcp rederive` compares instead of reading a case's clock rows back: the same
// clocks in any order give the same digest, and a moved due date or any other field gives
// another (a moved clock must never be taken for an unchanged one).
#include "adapters/sqlite/clock_digest.h"

#include <catch2/catch.hpp>

using ehcp::adapters::sqlite::clock_digest;
using ehcp::engine::Clock;

namespace {

Clock clock(const char* name, int start_day, int due_day) {
  Clock c;
  c.name = name;
  c.workflow = "assessment";
  c.start = ehcp::engine::Date{date::days{20000 + start_day}};
  c.due = ehcp::engine::Date{date::days{20000 + due_day}};
  c.basis = "reg 4";
  return c;
}

}  // namespace

TEST_CASE("the same clocks in another order have the same digest") {
  const std::vector<Clock> a = {clock("decision_to_assess", 0, 42), clock("advice:ep", 50, 92)};
  const std::vector<Clock> b = {a[1], a[0]};
  CHECK(clock_digest(a) == clock_digest(b));
}

TEST_CASE("a clock whose due date moved by a day changes the digest") {
  std::vector<Clock> a = {clock("decision_to_assess", 0, 42), clock("advice:ep", 50, 92)};
  const auto before = clock_digest(a);
  a[1].due += date::days{1};
  CHECK(clock_digest(a) != before);
}

TEST_CASE("an exception, an end, a basis or a missing clock each change the digest") {
  const std::vector<Clock> a = {clock("decision_to_assess", 0, 42), clock("advice:ep", 50, 92)};
  const auto base = clock_digest(a);
  auto b = a;
  b[0].exception_on = b[0].start;
  CHECK(clock_digest(b) != base);
  b = a;
  b[0].ended_on = b[0].due;
  CHECK(clock_digest(b) != base);
  b = a;
  b[0].basis += ".";
  CHECK(clock_digest(b) != base);
  b = a;
  b.pop_back();
  CHECK(clock_digest(b) != base);
  // Fields cannot run into each other: "ab" + "c" differs from "a" + "bc".
  b = a;
  b[0].basis = "ab";
  b[0].exception_basis = "c";
  auto c = a;
  c[0].basis = "a";
  c[0].exception_basis = "bc";
  CHECK(clock_digest(b) != clock_digest(c));
}
