// web/credentials.h
//
// Passwords and tokens, through Debian's libsodium: argon2id password hashes
// (crypto_pwhash_str, interactive limits: the salt and costs travel in the string), random
// tokens for session cookies and CSRF, their stored hashes (SHA-256, so a copy of the
// database signs no one in), and comparison in constant time. init() must have succeeded
// before any other call; the functions are then thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/status.h"

namespace ehcp::web {

// sodium_init(); kInternal when libsodium cannot start.
engine::Status init_credentials();

// An argon2id string ("$argon2id$v=19$m=...") for `password`; kInternal if out of memory.
engine::Result<std::string> hash_password(std::string_view password);
// True when `password` matches `hash` (false for an empty or malformed hash).
bool verify_password(std::string_view password, const std::string& hash);

// 32 random bytes as 64 hex digits.
std::string random_token();
// Hex SHA-256 of `token`: what the sessions table stores.
std::string token_hash(std::string_view token);
// Equal in time that depends only on the lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace ehcp::web
