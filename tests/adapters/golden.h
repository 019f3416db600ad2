// tests/adapters/golden.h
//
// Golden-file checks for the renderers: the output must equal tests/fixtures/golden/<name>
// byte for byte. EHCP_UPDATE_GOLDEN=1 rewrites the file instead (then review the diff).
#pragma once

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <catch2/catch.hpp>

namespace ehcp::test {

inline void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(EHCP_FIXTURES) + "/golden/" + name;
  const char* update = std::getenv("EHCP_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  INFO("golden file " << path << " (EHCP_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(in.good());
  const std::string expected{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  CHECK(actual == expected);
}

}  // namespace ehcp::test
