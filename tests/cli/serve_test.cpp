// `ehcp serve` for real, on a loopback port the system chooses: it answers two requests on one
// keep-alive connection, a sign-in made with `ehcp user add` works through the socket, an
// import runs beside it, and SIGTERM stops it, exit 0.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/cli/sandbox.h"

using namespace ehcp::test;
using namespace std::chrono_literals;

namespace {

// Sends `request` on `fd` and reads one response: headers, then Content-Length bytes.
std::string round_trip(int fd, const std::string& request) {
  REQUIRE(::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  std::string in;
  char buffer[4096];
  std::size_t need = std::string::npos;
  while (need == std::string::npos || in.size() < need) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    REQUIRE(n > 0);
    in.append(buffer, static_cast<std::size_t>(n));
    const auto end = in.find("\r\n\r\n");
    if (need == std::string::npos && end != std::string::npos) {
      const auto at = in.find("Content-Length: ");
      REQUIRE(at != std::string::npos);
      need = end + 4 + std::stoul(in.substr(at + 16));
    }
  }
  return in;
}

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  return fd;
}

std::string cookie_value(const std::string& response, const std::string& name) {
  const auto at = response.find("Set-Cookie: " + name + "=");
  REQUIRE(at != std::string::npos);
  const auto start = at + 13 + name.size();
  return response.substr(start, response.find(';', start) - start);
}

}  // namespace

TEST_CASE(
    "ehcp serve answers on loopback with keep-alive, beside an import, and stops on SIGTERM") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(
      box.ehcp("user add 'Sam Okafor' --role caseworker --team North", "correct horse battery\n")
          .exit_code == 0);
  const std::string out = box.path("serve.out").string();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (std::freopen(out.c_str(), "w", stdout) == nullptr) {
      ::_exit(127);
    }
    ::execl(EHCP_BINARY, EHCP_BINARY, "--db", box.db().c_str(), "serve", "--listen", "127.0.0.1:0",
            "--insecure-cookies", "--threads", "2", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int port = 0;
  for (int i = 0; i < 100 && port == 0; ++i) {
    const auto text = slurp(out);
    if (const auto at = text.find("127.0.0.1:"); at != std::string::npos && text.back() == '\n') {
      port = std::stoi(text.substr(at + 10));
    } else {
      std::this_thread::sleep_for(50ms);
    }
  }
  REQUIRE(port > 0);

  const int fd = connect_to(port);
  const auto sign_in = round_trip(fd, "GET /sign-in HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(sign_in.starts_with("HTTP/1.1 200"));
  CHECK(sign_in.find("Content-Security-Policy: default-src 'none'") != std::string::npos);
  const auto form_token = cookie_value(sign_in, "ehcp_form");
  // The same connection again: keep-alive.
  const std::string body = "csrf=" + form_token + "&name=Sam+Okafor&password=correct+horse+battery";
  const auto signed_in =
      round_trip(fd, "POST /sign-in HTTP/1.1\r\nHost: x\r\nCookie: ehcp_form=" + form_token +
                         "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                         std::to_string(body.size()) + "\r\n\r\n" + body);
  CHECK(signed_in.starts_with("HTTP/1.1 303"));
  const auto session = cookie_value(signed_in, "ehcp_session");
  CHECK(signed_in.find("HttpOnly; SameSite=Strict") != std::string::npos);

  // An import while the server holds its connections open: neither blocks the other.
  const std::string events =
      R"({"case":"N-1","type":"case_opened","on":"2026-01-02","id":"n1","child":{"given_name":"Ann","family_name":"Example","dob":"2015-03-14"},"caseworker":"Sam Okafor","team":"North"})"
      "\n";
  CHECK(box.ehcp("import - --as-of 2026-02-10", events).exit_code == 0);
  const auto page = round_trip(
      fd, "GET /cases/N-1 HTTP/1.1\r\nHost: x\r\nCookie: ehcp_session=" + session + "\r\n\r\n");
  CHECK(page.starts_with("HTTP/1.1 200"));
  CHECK(page.find("Ann Example") != std::string::npos);
  CHECK(page.find("Cache-Control: no-store") != std::string::npos);
  ::close(fd);
  CHECK(box.ehcp("audit --case N-1").out.find("Sam Okafor") != std::string::npos);

  REQUIRE(::kill(pid, SIGTERM) == 0);
  int status = 0;
  bool reaped = false;
  for (int i = 0; i < 100 && !reaped; ++i) {
    reaped = ::waitpid(pid, &status, WNOHANG) == pid;
    if (!reaped) {
      std::this_thread::sleep_for(50ms);
    }
  }
  if (!reaped) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    FAIL("still running 5 s after SIGTERM");
  }
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
