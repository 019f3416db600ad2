// web/server.h
//
// HTTP/1.1 over TCP with Boost.Beast, after Beast's advanced asynchronous server: one
// io_context run by a small pool of threads, a connection per session with keep-alive, a
// 30-second idle timeout, a 64 KiB request limit, and SIGTERM or SIGINT stopping it cleanly
// (no new connections; the io_context stops; the threads are joined). Every request is
// handed to WebService::handle. TLS is the council's reverse proxy's job.
#pragma once

#include <functional>
#include <string>

#include "engine/status.h"
#include "web/service.h"

namespace ehcp::web {

struct ListenAddress {
  std::string host;  // "127.0.0.1", "::1", "0.0.0.0"
  unsigned short port = 8080;
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:8080" (as 127.0.0.1); kUsage when malformed.
engine::Result<ListenAddress> parse_listen_address(const std::string& text);
bool is_loopback(const ListenAddress& address);

// Serves until SIGTERM or SIGINT. `on_listening` is called once with the bound port (the port
// given, or the one the system chose for port 0) before the first request is taken.
engine::Status serve(WebService& service, const ListenAddress& address, int threads,
                     const std::function<void(unsigned short)>& on_listening);

}  // namespace ehcp::web
