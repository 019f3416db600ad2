#include "adapters/config/smtp_config.h"

#include <cstdlib>
#include <fstream>

#include "adapters/config/config_reader.h"

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

void read_smtp(const nlohmann::json& value, const std::string& path, Problems& problems,
               SmtpConfig& out) {
  const ConfigObject smtp(
      value, path,
      {"url", "security", "username", "password", "password_env", "password_file", "ca_file",
       "attempts", "backoff_seconds", "timeout_seconds"},
      problems);
  if (smtp.find("password") != nullptr) {
    problems.add(smtp.path_of("password"),
                 "the password is never kept in the configuration; name it with password_env "
                 "(an environment variable) or password_file");
  }
  const auto url = smtp.text("url", Need::kRequired);
  const auto security = smtp.text("security");
  out.username = smtp.text("username").value_or("");
  out.password_env = smtp.text("password_env").value_or("");
  out.password_file = smtp.text("password_file").value_or("");
  out.ca_file = smtp.text("ca_file").value_or("");
  out.attempts = static_cast<int>(smtp.whole("attempts", 1, kMaxAttempts).value_or(out.attempts));
  out.backoff_seconds =
      smtp.number("backoff_seconds", 0, kMaxBackoffSeconds).value_or(out.backoff_seconds);
  out.timeout_seconds = static_cast<int>(
      smtp.whole("timeout_seconds", 1, kMaxTimeoutSeconds).value_or(out.timeout_seconds));
  if (url) {
    out.url = *url;
    if (!(out.url.starts_with("smtp://") || out.url.starts_with("smtps://")) ||
        has_control_or_space(out.url) || host_of(out.url).empty() ||
        out.url.find('@') != std::string::npos) {
      problems.add(smtp.path_of("url"),
                   "must be smtp://host[:port] or smtps://host[:port], without user or password, "
                   "not " +
                       shown(*smtp.find("url")));
      return;
    }
    out.security = out.url.starts_with("smtps://") ? SmtpSecurity::kTls : SmtpSecurity::kStartTls;
  }
  if (security && *security == "none") {
    if (out.security == SmtpSecurity::kTls) {
      problems.add(smtp.path_of("security"), "'none' contradicts an smtps:// url");
    } else if (!out.url.empty() && !is_loopback(host_of(out.url))) {
      problems.add(smtp.path_of("security"),
                   "'none' is only for a relay on this machine (localhost); '" + host_of(out.url) +
                       "' must be reached with STARTTLS");
    } else {
      out.security = SmtpSecurity::kNone;
    }
  } else if (security && *security != "starttls" && *security != "tls") {
    problems.add(smtp.path_of("security"),
                 "must be starttls, tls or none, not " + shown(*smtp.find("security")));
  }
  if (has_control_or_space(out.username)) {
    problems.add(smtp.path_of("username"), "must not hold spaces");
  }
  if (!out.password_env.empty() && !out.password_file.empty()) {
    problems.add(path, "give password_env or password_file, not both");
  }
  if (out.username.empty() != (out.password_env.empty() && out.password_file.empty())) {
    problems.add(path, "username and a password (password_env or password_file) go together");
  }
}

}  // namespace

void read_outbox_transport(const ConfigObject& notify, OutboxTransport& transport,
                           SmtpConfig& out) {
  Problems& problems = notify.problems();
  if (const auto given = notify.text("transport")) {
    if (*given == "files" || *given == "smtp") {
      transport = *given == "smtp" ? OutboxTransport::kSmtp : OutboxTransport::kFiles;
    } else {
      problems.add(notify.path_of("transport"),
                   "must be files or smtp, not " + shown(*notify.find("transport")));
    }
  }
  if (const auto* smtp = notify.find("smtp")) {
    read_smtp(*smtp, notify.path_of("smtp"), problems, out);
  } else if (transport == OutboxTransport::kSmtp) {
    problems.add(notify.path_of("transport"), "is smtp but there is no notify.smtp section");
  }
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
