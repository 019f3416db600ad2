#include "adapters/files/durable_file.h"

#include <cerrno>
#include <cstdio>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include "adapters/files/file_descriptor.h"

namespace ehcp::adapters::files {
namespace {

namespace fs = std::filesystem;

engine::Status io_error(const std::string& what, const fs::path& path, int err) {
  return engine::Status::storage(what + " " + path.string(), std::generic_category().message(err));
}

}  // namespace

engine::Status make_private_directory(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    return {};
  }
  if (dir.has_parent_path() && dir.parent_path() != dir) {
    if (auto status = make_private_directory(dir.parent_path()); !status.ok()) {
      return status;
    }
  }
  if (!fs::create_directory(dir, ec) && ec) {
    return engine::Status::storage("make directory " + dir.string(), ec.message());
  }
  fs::permissions(dir, kPrivateDirectory, ec);
  if (ec) {
    return engine::Status::storage("set permissions of " + dir.string(), ec.message());
  }
  return {};
}

engine::Status write_file(const fs::path& path, std::string_view bytes, ::mode_t mode, bool sync) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
  if (!fd.valid()) {
    return io_error("write", path, errno);
  }
  while (!bytes.empty()) {
    const ::ssize_t n = ::write(fd.get(), bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return io_error("write", path, errno);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  if (sync && ::fsync(fd.get()) != 0) {
    return io_error("sync", path, errno);
  }
  if (const int err = fd.close(); err != 0) {
    return io_error("close", path, err);
  }
  return {};
}

engine::Status sync_directory(const fs::path& dir) {
  FileDescriptor fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd.valid()) {
    return io_error("open directory", dir, errno);
  }
  if (::fsync(fd.get()) != 0) {
    return io_error("sync directory", dir, errno);
  }
  return {};
}

engine::Status sync_file_system(const fs::path& dir) {
  FileDescriptor fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd.valid()) {
    return io_error("open directory", dir, errno);
  }
  if (::syncfs(fd.get()) != 0) {
    return io_error("sync the file system of", dir, errno);
  }
  return {};
}

engine::Status write_file_durably(const fs::path& path, std::string_view bytes) {
  // Appended piecewise: operator+ on a literal trips GCC 12's -Wrestrict false positive at -O3.
  std::string name(1, '.');
  name += path.filename().string();
  name += ".tmp";
  fs::path temporary = path;
  temporary.replace_filename(name);
  if (auto status = write_file(temporary, bytes, kPrivateFileMode, true); !status.ok()) {
    return status;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return io_error("rename to", path, err);
  }
  return sync_directory(path.parent_path());
}

}  // namespace ehcp::adapters::files
