// adapters/files/file_descriptor.h
//
// A POSIX file descriptor closed when it goes out of scope. Not shared across threads.
#pragma once

#include <cerrno>

#include <unistd.h>

namespace ehcp::adapters::files {

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }

  bool valid() const { return fd_ >= 0; }
  int get() const { return fd_; }
  // Closes now, returning errno on failure (a write-back error can surface here) or 0.
  int close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

}  // namespace ehcp::adapters::files
