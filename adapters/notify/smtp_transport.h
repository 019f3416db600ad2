// adapters/notify/smtp_transport.h
//
// Delivery of the outbox's digests to the council's mail server over SMTP (libcurl): the
// submission port with STARTTLS (required: a server that does not offer it gets nothing,
// unless it is a relay on this machine and the configuration says "security": "none"), or
// implicit TLS (smtps://), authenticated as the configured account. A digest counts as sent
// only once the server has accepted the whole message (its 250 after DATA). A try that fails
// for want of an answer, or is told to come back later (4xx), is tried again after a pause
// that doubles each time, up to the configured number of tries; a message the server refuses
// outright (5xx) is left undelivered while the next are tried; a refused login, a missing
// STARTTLS or a server still silent after every try stops the delivery. One connection is kept
// across messages. Not shared across threads.
#pragma once

#include <memory>
#include <string>

#include "adapters/config/smtp_config.h"
#include "adapters/notify/outbox_delivery.h"
#include "engine/status.h"

namespace ehcp::adapters::notify {

class SmtpTransport final : public Transport {
 public:
  // A transport to `config`'s server, as envelope sender `from`, logging in with `password`
  // when `config` names a user.
  static engine::Result<std::unique_ptr<SmtpTransport>> open(const config::SmtpConfig& config,
                                                             const std::string& from,
                                                             const std::string& password);
  ~SmtpTransport() override;
  SmtpTransport(const SmtpTransport&) = delete;
  SmtpTransport& operator=(const SmtpTransport&) = delete;

  engine::Result<std::string> send(const Digest& d, const std::string& eml) override;
  std::size_t batch() const override { return 1; }  // marked as soon as the server accepts
  std::string where() const override { return config_.url; }

 private:
  struct Handle;
  SmtpTransport(config::SmtpConfig config, std::string from, std::string password);

  config::SmtpConfig config_;
  std::string from_;
  std::string password_;
  std::unique_ptr<Handle> handle_;
};

}  // namespace ehcp::adapters::notify
