#include "engine/case_ref.h"

#include <catch2/catch.hpp>

using ehcp::engine::case_ref_problem;

TEST_CASE("a case reference of letters, digits and . _ / - is valid") {
  CHECK_FALSE(case_ref_problem("A-0001").has_value());
  CHECK_FALSE(case_ref_problem("north/2026_01.7").has_value());
  CHECK_FALSE(case_ref_problem(std::string(64, 'x')).has_value());
}

TEST_CASE("an empty, over-long or ill-formed case reference is rejected with the reason") {
  CHECK(case_ref_problem("") == "case reference is empty");
  CHECK(case_ref_problem(std::string(65, 'x')) ==
        "case reference is 65 characters long; at most 64 are allowed");
  CHECK(case_ref_problem("A 1") ==
        "case reference has ' ' at position 2; only letters, digits and . _ / - are allowed");
  CHECK(case_ref_problem("A\n1")->find("byte 10 at position 2") != std::string::npos);
  CHECK(case_ref_problem("Zo\xC3\xAB")->find("byte 195 at position 3") != std::string::npos);
}
