#include "adapters/notify/smtp_transport.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <mutex>
#include <thread>

#include <curl/curl.h>

namespace ehcp::adapters::notify {
namespace {

constexpr long kMaxConnectSeconds = 30;

// The message as curl reads it for DATA (curl does the dot-stuffing and the final ".").
struct Upload {
  const std::string* bytes;
  std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->bytes->size() - upload->at);
  std::memcpy(buffer, upload->bytes->data() + upload->at, n);
  upload->at += n;
  return n;
}

// A curl result that no pause will mend: the account, TLS or the server's certificate.
bool is_fatal(CURLcode rc) {
  return rc == CURLE_LOGIN_DENIED || rc == CURLE_USE_SSL_FAILED ||
         rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE ||
         rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_UNSUPPORTED_PROTOCOL ||
         rc == CURLE_URL_MALFORMAT || rc == CURLE_AUTH_ERROR;
}

}  // namespace

struct SmtpTransport::Handle {
  CURL* curl = nullptr;
  curl_slist* recipients = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  ~Handle() {
    curl_slist_free_all(recipients);
    if (curl != nullptr) {
      curl_easy_cleanup(curl);
    }
  }
};

SmtpTransport::SmtpTransport(config::SmtpConfig config, std::string from, std::string password)
    : config_(std::move(config)),
      from_(std::move(from)),
      password_(std::move(password)),
      handle_(std::make_unique<Handle>()) {}

SmtpTransport::~SmtpTransport() = default;

engine::Result<std::unique_ptr<SmtpTransport>> SmtpTransport::open(const config::SmtpConfig& config,
                                                                   const std::string& from,
                                                                   const std::string& password) {
  static std::once_flag global;
  static CURLcode global_rc = CURLE_OK;
  std::call_once(global, [] { global_rc = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (global_rc != CURLE_OK) {
    return engine::Status::storage("start libcurl", curl_easy_strerror(global_rc));
  }
  std::unique_ptr<SmtpTransport> t(new SmtpTransport(config, from, password));
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    return engine::Status::storage("start libcurl", "curl_easy_init failed");
  }
  t->handle_->curl = curl;
  curl_easy_setopt(curl, CURLOPT_URL, t->config_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, t->handle_->error);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(t->config_.timeout_seconds));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT,
                   std::min(kMaxConnectSeconds, static_cast<long>(t->config_.timeout_seconds)));
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   t->config_.security == config::SmtpSecurity::kNone
                       ? static_cast<long>(CURLUSESSL_NONE)
                       : static_cast<long>(CURLUSESSL_ALL));
  if (!t->config_.ca_file.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, t->config_.ca_file.c_str());
  }
  if (!t->config_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, t->config_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, t->password_.c_str());
  }
  t->from_ = "<" + t->from_ + ">";
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, t->from_.c_str());
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  return t;
}

engine::Result<std::string> SmtpTransport::send(const Digest& d, const std::string& eml) {
  CURL* curl = handle_->curl;
  curl_slist_free_all(handle_->recipients);
  handle_->recipients = curl_slist_append(nullptr, ("<" + d.mail.address + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, handle_->recipients);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(eml.size()));
  std::string last;
  long last_code = 0;
  for (int attempt = 1; attempt <= config_.attempts; ++attempt) {
    Upload upload{&eml};
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    handle_->error[0] = '\0';
    const CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) {
      return config_.url;
    }
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    last = handle_->error[0] != '\0' ? handle_->error : curl_easy_strerror(rc);
    if (code != 0) {
      last = "server said " + std::to_string(code) + ": " + last;
    }
    last_code = code;
    if (is_fatal(rc)) {
      return engine::Status::storage("send mail through " + config_.url, last);
    }
    if (code >= 500 && code < 600) {
      return engine::Status::invalid_input("refused (" + last + ")");
    }
    if (attempt < config_.attempts) {
      const double pause = config_.backoff_seconds * std::pow(2.0, attempt - 1);
      std::this_thread::sleep_for(std::chrono::duration<double>(pause));
    }
  }
  const std::string tries =
      std::to_string(config_.attempts) + " tr" + (config_.attempts == 1 ? "y" : "ies");
  if (last_code >= 400 && last_code < 500) {
    // The server is there but will not take this one yet: the next night tries it again.
    return engine::Status::invalid_input("deferred after " + tries + " (" + last + ")");
  }
  return engine::Status::storage("send mail through " + config_.url,
                                 "no delivery after " + tries + ": " + last);
}

}  // namespace ehcp::adapters::notify
