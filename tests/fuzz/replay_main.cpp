// tests/fuzz/replay_main.cpp
//
// Runs files through the fuzz target without libFuzzer, so every build (and the sanitizer
// build) replays the corpus as a test: `fuzz_replay FILE_OR_DIR...`. Exits 0 when every file
// went through; a crash is the failure.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t files = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        replay(entry.path());
        ++files;
      }
    } else {
      replay(path);
      ++files;
    }
  }
  std::cout << "replayed " << files << " file(s)\n";
  return files > 0 ? 0 : 1;
}
