// adapters/config/smtp_config.h
//
// How the outbox reaches a mail server ("notify": {"transport": "smtp", "smtp": {...}}): the
// council's submission server, STARTTLS required unless the server is on this machine, and
// the account to authenticate as. The password is never in the configuration: it is named by
// an environment variable or a file (readable by the service's user only), read when mail is
// sent. Errors name the field: "notify.smtp.url must be smtp://host[:port] or smtps://...".
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/status.h"

namespace ehcp::adapters::config {

enum class OutboxTransport {
  kFiles,  // each digest an .eml file in the outbox directory (the default)
  kSmtp,   // each digest submitted to the SMTP server below
};

enum class SmtpSecurity {
  kStartTls,  // smtp:// upgraded with STARTTLS, refused if the server does not offer it
  kTls,       // smtps:// (implicit TLS, port 465)
  kNone,      // plain text: only for a relay on this machine (localhost, 127.0.0.0/8, ::1)
};

struct SmtpConfig {
  std::string url;  // "smtp://mail.council.example:587"; no user or password in it
  SmtpSecurity security = SmtpSecurity::kStartTls;
  std::string username;         // empty: no authentication
  std::string password_env;     // the environment variable holding the password, or
  std::string password_file;    // the file holding it (its first line)
  std::string ca_file;          // the council's own CA certificates (PEM); empty: the system's
  int attempts = 4;             // tries per message before the delivery gives up for the night
  double backoff_seconds = 30;  // the pause after the first failed try; doubled after each
  int timeout_seconds = 60;     // per try: connecting and the whole conversation
};

// Reads notify.transport and notify.smtp from the notify section into `transport` and `out`.
engine::Status read_outbox_transport(const nlohmann::json& notify, OutboxTransport& transport,
                                     SmtpConfig& out);

// The password `config` names, read now; "" when it names none. kInvalidInput naming the
// variable or file when it is not there.
engine::Result<std::string> smtp_password(const SmtpConfig& config);

}  // namespace ehcp::adapters::config
