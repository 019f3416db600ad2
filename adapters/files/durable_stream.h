// adapters/files/durable_stream.h
//
// durable_file.h's whole-or-nothing replacement, for output too large to hold in memory (the
// SEN2 return at national scale): written as it comes to a private temporary file beside
// `path`, then synced and renamed over it by commit(). Dropped without commit(), the temporary
// file is removed and `path` is unchanged. One writer; not thread-safe.
#pragma once

#include <filesystem>
#include <fstream>
#include <ostream>

#include "engine/status.h"

namespace ehcp::adapters::files {

class DurableStream {
 public:
  explicit DurableStream(std::filesystem::path path);
  DurableStream(const DurableStream&) = delete;
  DurableStream& operator=(const DurableStream&) = delete;
  ~DurableStream();

  // Creates the temporary file (0600). kStorage naming it when it cannot.
  engine::Status open();
  std::ostream& stream() { return out_; }
  // Syncs the temporary file, renames it over `path` and syncs the directory.
  engine::Status commit();

 private:
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  std::ofstream out_;
  bool made_ = false;       // the temporary file is ours to remove
  bool committed_ = false;  // renamed over path_: nothing to remove
};

}  // namespace ehcp::adapters::files
