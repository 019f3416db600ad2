#include "adapters/config/smtp_config.h"

#include <cstdlib>
#include <fstream>

#include "adapters/jsonl/field_reader.h"

namespace ehcp::adapters::config {
namespace {

using engine::Status;

constexpr int kMaxAttempts = 10;
constexpr double kMaxBackoffSeconds = 3600;
constexpr int kMaxTimeoutSeconds = 600;

bool has_control_or_space(const std::string& s) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) {
      return true;
    }
  }
  return false;
}

// The host of "smtp://host:port/..." ("[::1]" without brackets), "" when there is none.
std::string host_of(const std::string& url) {
  const auto start = url.find("://") + 3;
  std::string rest = url.substr(start, url.find('/', start) - start);
  if (rest.starts_with("[")) {
    return rest.substr(1, rest.find(']') - 1);
  }
  return rest.substr(0, rest.find(':'));
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

Status read_smtp(const nlohmann::json& section, SmtpConfig& out) {
  if (!section.is_object()) {
    return Status::invalid_input("notify.smtp must be an object");
  }
  if (section.contains("password")) {
    return Status::invalid_input(
        "notify.smtp.password: the password is never kept in the configuration; name it with "
        "password_env (an environment variable) or password_file");
  }
  jsonl::FieldReader r(section, "notify.smtp.");
  out.url = r.required_string("url");
  const auto security = r.optional_string("security");
  out.username = r.optional_string("username").value_or("");
  out.password_env = r.optional_string("password_env").value_or("");
  out.password_file = r.optional_string("password_file").value_or("");
  out.ca_file = r.optional_string("ca_file").value_or("");
  const auto attempts = r.optional_int("attempts");
  const auto timeout = r.optional_int("timeout_seconds");
  if (r.error()) {
    return Status::invalid_input(*r.error());
  }
  if (!(out.url.starts_with("smtp://") || out.url.starts_with("smtps://")) ||
      has_control_or_space(out.url) || host_of(out.url).empty() ||
      out.url.find('@') != std::string::npos) {
    return Status::invalid_input(
        "notify.smtp.url must be smtp://host[:port] or smtps://host[:port], without user or "
        "password, not '" +
        out.url + "'");
  }
  out.security = out.url.starts_with("smtps://") ? SmtpSecurity::kTls : SmtpSecurity::kStartTls;
  if (security && *security == "none") {
    if (out.security == SmtpSecurity::kTls) {
      return Status::invalid_input("notify.smtp.security 'none' contradicts an smtps:// url");
    }
    if (!is_loopback(host_of(out.url))) {
      return Status::invalid_input(
          "notify.smtp.security 'none' is only for a relay on this machine (localhost); '" +
          host_of(out.url) + "' must be reached with STARTTLS");
    }
    out.security = SmtpSecurity::kNone;
  } else if (security && *security != "starttls" && *security != "tls") {
    return Status::invalid_input("notify.smtp.security must be starttls, tls or none, not '" +
                                 *security + "'");
  }
  if (has_control_or_space(out.username)) {
    return Status::invalid_input("notify.smtp.username must not hold spaces or control characters");
  }
  if (!out.password_env.empty() && !out.password_file.empty()) {
    return Status::invalid_input("notify.smtp: give password_env or password_file, not both");
  }
  if (out.username.empty() != (out.password_env.empty() && out.password_file.empty())) {
    return Status::invalid_input(
        "notify.smtp: username and a password (password_env or password_file) go together");
  }
  if (attempts) {
    if (*attempts < 1 || *attempts > kMaxAttempts) {
      return Status::invalid_input("notify.smtp.attempts must be 1 to " +
                                   std::to_string(kMaxAttempts));
    }
    out.attempts = *attempts;
  }
  if (const auto it = section.find("backoff_seconds"); it != section.end()) {
    if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > kMaxBackoffSeconds) {
      return Status::invalid_input("notify.smtp.backoff_seconds must be a number from 0 to " +
                                   std::to_string(static_cast<int>(kMaxBackoffSeconds)));
    }
    out.backoff_seconds = it->get<double>();
  }
  if (timeout) {
    if (*timeout < 1 || *timeout > kMaxTimeoutSeconds) {
      return Status::invalid_input("notify.smtp.timeout_seconds must be 1 to " +
                                   std::to_string(kMaxTimeoutSeconds));
    }
    out.timeout_seconds = *timeout;
  }
  return {};
}

}  // namespace

Status read_outbox_transport(const nlohmann::json& notify, OutboxTransport& transport,
                             SmtpConfig& out) {
  const auto it = notify.find("transport");
  if (it != notify.end() && !it->is_null()) {
    if (!it->is_string() || (*it != "files" && *it != "smtp")) {
      return Status::invalid_input("notify.transport must be files or smtp");
    }
    transport = *it == "smtp" ? OutboxTransport::kSmtp : OutboxTransport::kFiles;
  }
  const auto smtp = notify.find("smtp");
  if (smtp != notify.end() && !smtp->is_null()) {
    if (auto status = read_smtp(*smtp, out); !status.ok()) {
      return status;
    }
  } else if (transport == OutboxTransport::kSmtp) {
    return Status::invalid_input("notify.transport is smtp but there is no notify.smtp section");
  }
  return {};
}

engine::Result<std::string> smtp_password(const SmtpConfig& config) {
  if (!config.password_env.empty()) {
    const char* value = std::getenv(config.password_env.c_str());
    if (value == nullptr || *value == '\0') {
      return Status::invalid_input("notify.smtp.password_env: $" + config.password_env +
                                   " is not set");
    }
    return std::string(value);
  }
  if (!config.password_file.empty()) {
    std::ifstream in(config.password_file);
    std::string line;
    if (!in || !std::getline(in, line) || line.empty()) {
      return Status::invalid_input("notify.smtp.password_file: cannot read a password from " +
                                   config.password_file);
    }
    if (line.back() == '\r') {
      line.pop_back();
    }
    return line;
  }
  return std::string();
}

}  // namespace ehcp::adapters::config
