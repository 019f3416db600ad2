// A streamed file replaces the old one whole, private, or not at all.
#include "adapters/files/durable_stream.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <unistd.h>

namespace fs = std::filesystem;
using ehcp::adapters::files::DurableStream;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Folder {
  Folder()
      : dir(fs::temp_directory_path() / ("ehcp-durable-stream-" + std::to_string(::getpid()))) {
    fs::create_directories(dir);
  }
  ~Folder() { fs::remove_all(dir); }
  fs::path dir;
};

}  // namespace

TEST_CASE("a committed stream replaces the file, private, and leaves no temporary file") {
  Folder f;
  const auto path = f.dir / "return.xml";
  std::ofstream(path) << "last year's";
  {
    DurableStream out(path);
    REQUIRE(out.open().ok());
    out.stream() << "<Message>" << 2027 << "</Message>\n";
    CHECK(read(path) == "last year's");  // unchanged until committed
    REQUIRE(out.commit().ok());
  }
  CHECK(read(path) == "<Message>2027</Message>\n");
  CHECK((fs::status(path).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);
  CHECK(std::distance(fs::directory_iterator(f.dir), fs::directory_iterator()) == 1);
}

TEST_CASE("a stream dropped before commit leaves the file as it was and nothing else") {
  Folder f;
  const auto path = f.dir / "return.xml";
  std::ofstream(path) << "last year's";
  {
    DurableStream out(path);
    REQUIRE(out.open().ok());
    out.stream() << "half a return";
  }
  CHECK(read(path) == "last year's");
  CHECK(std::distance(fs::directory_iterator(f.dir), fs::directory_iterator()) == 1);
}

TEST_CASE("a stream that cannot be made says which file") {
  DurableStream out("/nonexistent-ehcp-folder/return.xml");
  const auto status = out.open();
  REQUIRE_FALSE(status.ok());
  CHECK(status.message().find("/nonexistent-ehcp-folder/.return.xml.tmp") != std::string::npos);
}
