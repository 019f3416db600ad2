// engine/status.h
//
// Errors are values inside ehcp: an expected failure (bad input, an event a case cannot take,
// a storage fault met by an adapter) is a Status or a Result<T> carrying an ErrorCode and a
// message. Exceptions never cross a layer; cli/ maps ErrorCode to the exit codes of the contract.
// Plain values: safe to copy and share.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace ehcp::engine {

enum class ErrorCode {
  kOk,
  kUsage,              // the caller's words were off: exit 1
  kInvalidInput,       // rejected input (a bad line, an unknown case): exit 2
  kInvalidTransition,  // an event a workflow cannot take in its state: exit 2
  kNotFound,           // a named thing does not exist: exit 2
  kStorage,            // the store failed: exit 3
  kInternal,           // anything else: exit 3
};

class Status {
 public:
  Status() = default;

  static Status usage(std::string message) { return {ErrorCode::kUsage, std::move(message)}; }
  static Status invalid_input(std::string message) {
    return {ErrorCode::kInvalidInput, std::move(message)};
  }
  static Status invalid_transition(std::string message) {
    return {ErrorCode::kInvalidTransition, std::move(message)};
  }
  static Status not_found(std::string message) {
    return {ErrorCode::kNotFound, std::move(message)};
  }
  static Status storage(std::string what, const std::string& detail) {
    return {ErrorCode::kStorage, std::move(what) + ": " + detail};
  }
  static Status internal(std::string message) { return {ErrorCode::kInternal, std::move(message)}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none. To become std::expected under C++23.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT: implicit by design, like expected
  Result(Status status) : data_(std::move(status)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  // The failure; only meaningful when !ok().
  const Status& status() const { return std::get<Status>(data_); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace ehcp::engine
