// adapters/files/durable_file.h
//
// Files that survive a crash whole or not at all: written under a temporary name in the same
// directory, synced, renamed over the final name, and the directory synced. A reader never
// sees half a report or half a message, and writing again replaces, never adds. Files and
// directories made here are private to the service's user: they hold children's data.
#pragma once

#include <filesystem>
#include <string_view>

#include <sys/types.h>

#include "engine/status.h"

namespace ehcp::adapters::files {

// Owner read/write only for files, owner only for directories.
inline constexpr std::filesystem::perms kPrivateFile =
    std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
inline constexpr std::filesystem::perms kPrivateDirectory = std::filesystem::perms::owner_all;

// Makes `dir` and its missing parents; those it makes are private. kStorage naming the path.
engine::Status make_private_directory(const std::filesystem::path& dir);

inline constexpr ::mode_t kPrivateFileMode = 0600;

// Writes `bytes` to `path` (created with `mode`, or truncated), synced to disk when `sync`.
engine::Status write_file(const std::filesystem::path& path, std::string_view bytes, ::mode_t mode,
                          bool sync);

// Makes the renames done in `dir` durable.
engine::Status sync_directory(const std::filesystem::path& dir);

// Flushes everything written to the file system holding `dir` (syncfs): one flush for a batch
// of files instead of one each, which is what makes a night's thousands of messages cheap.
engine::Status sync_file_system(const std::filesystem::path& dir);

// Replaces `path` with `bytes` atomically and durably (temporary file, sync, rename, sync the
// directory). kStorage naming the path on failure; `path` is then unchanged.
engine::Status write_file_durably(const std::filesystem::path& path, std::string_view bytes);

}  // namespace ehcp::adapters::files
