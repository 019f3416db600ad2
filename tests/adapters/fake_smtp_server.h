// tests/adapters/fake_smtp_server.h
//
// A tiny SMTP server for the tests of the SMTP transport, on 127.0.0.1 at a port the kernel
// picks, in a thread of the test itself: it speaks just enough of RFC 5321 (EHLO, AUTH PLAIN,
// MAIL, RCPT, DATA, RSET, NOOP, QUIT) for libcurl, offers no STARTTLS, and records every
// message it accepts. It can refuse a recipient outright (550) and defer the first DATA
// commands (451), as real servers do. Stopped and joined when it goes out of scope.
#pragma once

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ehcp::test {

struct ReceivedMail {
  std::string from;
  std::vector<std::string> to;
  std::string data;  // as sent, dot-stuffing undone
};

class FakeSmtpServer {
 public:
  // `user`/`password`: the only login accepted; empty user: no AUTH offered.
  FakeSmtpServer(std::string user = "", std::string password = "")
      : user_(std::move(user)), password_(std::move(password)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(listener_, 4);
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeSmtpServer() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }
  FakeSmtpServer(const FakeSmtpServer&) = delete;
  FakeSmtpServer& operator=(const FakeSmtpServer&) = delete;

  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  void refuse(const std::string& address) {
    std::lock_guard lock(mutex_);
    refused_.insert(address);
  }
  void defer_data(int times) { deferrals_ = times; }

  std::vector<ReceivedMail> mail() const {
    std::lock_guard lock(mutex_);
    return mail_;
  }
  int data_commands() const { return data_commands_; }
  int logins() const { return logins_; }
  int mail_commands() const { return mail_commands_; }

 private:
  // Reads one CRLF line, or "" at the end of the connection.
  static bool read_line(int fd, std::string& buffer, std::string& line) {
    while (true) {
      const auto end = buffer.find("\r\n");
      if (end != std::string::npos) {
        line = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        return true;
      }
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 5000) <= 0) {
        return false;
      }
      char chunk[4096];
      const auto n = ::read(fd, chunk, sizeof chunk);
      if (n <= 0) {
        return false;
      }
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }
  static void reply(int fd, const std::string& text) {
    const std::string out = text + "\r\n";
    (void)!::write(fd, out.data(), out.size());
  }
  static std::string decode_base64(const std::string& in) {
    static const std::string kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned value = 0;
    int bits = 0;
    for (const char c : in) {
      const auto at = kAlphabet.find(c);
      if (at == std::string::npos) {
        continue;
      }
      value = (value << 6) | static_cast<unsigned>(at);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += static_cast<char>((value >> bits) & 0xFF);
      }
    }
    return out;
  }
  bool login_ok(const std::string& encoded) const {
    return decode_base64(encoded) == std::string(1, '\0') + user_ + '\0' + password_;
  }

  void serve() {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) {
        continue;
      }
      const int fd = ::accept(listener_, nullptr, nullptr);
      if (fd >= 0) {
        converse(fd);
        ::close(fd);
      }
    }
  }

  void converse(int fd) {
    std::string buffer, line;
    reply(fd, "220 fake.invalid ESMTP");
    ReceivedMail current;
    bool authenticated = user_.empty();
    while (!stop_ && read_line(fd, buffer, line)) {
      const std::string verb = line.substr(0, 4);
      if (verb == "EHLO" || verb == "HELO") {
        reply(fd, user_.empty() ? "250 fake.invalid" : "250-fake.invalid\r\n250 AUTH PLAIN");
      } else if (line.starts_with("AUTH PLAIN")) {
        std::string response = line.size() > 11 ? line.substr(11) : "";
        if (response.empty()) {
          reply(fd, "334 ");
          if (!read_line(fd, buffer, response)) {
            return;
          }
        }
        authenticated = login_ok(response);
        logins_ += authenticated ? 1 : 0;
        reply(fd, authenticated ? "235 2.7.0 accepted" : "535 5.7.8 bad credentials");
      } else if (verb == "MAIL") {
        ++mail_commands_;
        if (!authenticated) {
          reply(fd, "530 5.7.0 authentication required");
          continue;
        }
        current = {};
        current.from = line.substr(line.find(':') + 1);
        reply(fd, "250 ok");
      } else if (verb == "RCPT") {
        const auto open = line.find('<');
        const std::string address = line.substr(open + 1, line.find('>') - open - 1);
        std::lock_guard lock(mutex_);
        if (refused_.count(address) != 0) {
          reply(fd, "550 5.1.1 no such mailbox");
        } else {
          current.to.push_back(address);
          reply(fd, "250 ok");
        }
      } else if (verb == "DATA") {
        ++data_commands_;
        if (deferrals_ > 0) {
          --deferrals_;
          reply(fd, "451 4.3.0 try again later");
          continue;
        }
        reply(fd, "354 go ahead");
        while (read_line(fd, buffer, line) && line != ".") {
          current.data += (line.starts_with("..") ? line.substr(1) : line) + "\r\n";
        }
        {
          std::lock_guard lock(mutex_);
          mail_.push_back(current);
        }
        reply(fd, "250 2.0.0 queued");
      } else if (verb == "QUIT") {
        reply(fd, "221 bye");
        return;
      } else if (verb == "RSET" || verb == "NOOP") {
        reply(fd, "250 ok");
      } else {
        reply(fd, "502 5.5.2 not implemented");
      }
    }
  }

  std::string user_, password_;
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<int> deferrals_{0};
  std::atomic<int> data_commands_{0};
  std::atomic<int> logins_{0};
  std::atomic<int> mail_commands_{0};
  mutable std::mutex mutex_;
  std::set<std::string> refused_;
  std::vector<ReceivedMail> mail_;
};

}  // namespace ehcp::test
