// tests/cli/sandbox.h
//
// What the tests of the real ehcp binary share: a scratch directory with its own database,
// removed at the end of the test, and a way to run `ehcp` in it and collect what it said.
#pragma once

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace ehcp::test {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class Sandbox {
 public:
  Sandbox() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("ehcp-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  ~Sandbox() { fs::remove_all(dir_); }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  fs::path path(const std::string& name) const { return dir_ / name; }
  std::string db() const { return path("ehcp.db").string(); }

  // Runs `ehcp --db <db> <args>`, stdin from `input` if given.
  Outcome ehcp(const std::string& args, const std::string& input = "") const {
    const auto out = path("stdout"), err = path("stderr"), in = path("stdin");
    std::ofstream(in, std::ios::binary) << input;
    const std::string command = std::string(EHCP_BINARY) + " --db " + db() + " " + args + " <" +
                                in.string() + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

 private:
  fs::path dir_;
};

}  // namespace ehcp::test
