#include "adapters/files/durable_stream.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include "adapters/files/durable_file.h"
#include "adapters/files/file_descriptor.h"

namespace ehcp::adapters::files {
namespace {

engine::Status failed(const std::string& what, const std::filesystem::path& path, int err) {
  return engine::Status::storage(what + " " + path.string(), std::strerror(err));
}

}  // namespace

DurableStream::DurableStream(std::filesystem::path path) : path_(std::move(path)) {
  // The name write_file_durably gives its temporary file: hidden, beside the final one.
  std::string name(1, '.');
  name += path_.filename().string();
  name += ".tmp";
  temporary_ = path_;
  temporary_.replace_filename(name);
}

DurableStream::~DurableStream() {
  if (made_ && !committed_) {
    out_.close();
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

engine::Status DurableStream::open() {
  // Made private before a byte is written: the stream itself would take the umask's mode.
  FileDescriptor made(
      ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kPrivateFileMode));
  if (!made.valid()) {
    return failed("write", temporary_, errno);
  }
  made_ = true;
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    return failed("write", temporary_, errno);
  }
  return {};
}

engine::Status DurableStream::commit() {
  out_.close();
  if (!out_) {
    return engine::Status::storage("write " + temporary_.string(), "the write failed");
  }
  FileDescriptor written(::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC));
  if (!written.valid() || ::fsync(written.get()) != 0) {
    return failed("sync", temporary_, errno);
  }
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    return failed("rename to", path_, errno);
  }
  committed_ = true;
  return sync_directory(path_.parent_path());
}

}  // namespace ehcp::adapters::files
