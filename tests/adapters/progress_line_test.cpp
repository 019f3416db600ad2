// The progress line a long command rewrites on a terminal: counts with thousands, a share and
// time left only when the total is known, a rate only once the stage has run long enough.
#include "adapters/render/progress_line.h"

#include <catch2/catch.hpp>

using ehcp::adapters::render::progress_line;
using ehcp::adapters::render::with_thousands;

TEST_CASE("counts are written with thousands separators") {
  CHECK(with_thousands(0) == "0");
  CHECK(with_thousands(999) == "999");
  CHECK(with_thousands(1000) == "1,000");
  CHECK(with_thousands(17556500) == "17,556,500");
}

TEST_CASE("a stage with a known total says the share done, the rate and the time left") {
  // 1,200,000 of 2,400,000 in 20 s: 60,000 a second, 1,200,000 to go is 20 s.
  CHECK(progress_line("import", "reading", "lines", 1'200'000, 2'400'000, 20.0) ==
        "import: reading 1,200,000 of about 2,400,000 lines (50%), 60,000 a second, about 20 s "
        "left");
  // 90,000 of 1,000,000 cases at 1,000 a second: 910 s to go is 15 min 10 s.
  CHECK(progress_line("rederive", "deriving", "cases", 90'000, 1'000'000, 90.0) ==
        "rederive: deriving 90,000 of about 1,000,000 cases (9%), 1,000 a second, about 15 min "
        "10 s left");
}

TEST_CASE("a stage without a total, or only just begun, says only what it can") {
  CHECK(progress_line("import", "reading", "lines", 2048, 0, 5.0) ==
        "import: reading 2,048 lines, 409 a second");
  CHECK(progress_line("import", "reading", "lines", 2048, 4096, 0.2) ==
        "import: reading 2,048 of about 4,096 lines (50%)");
  // An estimate that fell short of what is done is no total at all.
  CHECK(progress_line("import", "reading", "lines", 5000, 4096, 0.2) ==
        "import: reading 5,000 lines");
  CHECK(progress_line("import", "saving", "", 0, 0, 3.0) == "import: saving...");
}
