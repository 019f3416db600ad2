#include "web/server.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <thread>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace ehcp::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::size_t kBodyLimit = 64 * 1024;
constexpr auto kIdle = std::chrono::seconds(30);

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Request to_request(const http::request<http::string_body>& in, const std::string& remote) {
  Request out;
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  for (const auto& field : in) {
    auto name = lower(std::string(field.name_string()));
    auto [it, added] = out.headers.emplace(name, std::string(field.value()));
    if (!added && name == "cookie") {
      it->second += "; " + std::string(field.value());
    }
  }
  out.body = in.body();
  out.remote = remote;
  return out;
}

http::response<http::string_body> to_beast(Response in, unsigned version, bool keep_alive) {
  http::response<http::string_body> out{static_cast<http::status>(in.status), version};
  out.set(http::field::server, "ehcp");
  out.set(http::field::content_type, in.content_type);
  for (const auto& [name, value] : in.headers) {
    out.insert(name, value);
  }
  out.body() = std::move(in.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, WebService& service)
      : stream_(std::move(socket)), service_(service) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? "unknown" : endpoint.address().to_string();
  }

  void start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Connection::read, shared_from_this()));
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(kBodyLimit);
    stream_.expires_after(kIdle);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Connection::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) {
      close();
      return;
    }
    const auto request = parser_->release();
    const bool keep_alive = request.keep_alive();
    auto response = std::make_shared<http::response<http::string_body>>(
        to_beast(service_.handle(to_request(request, remote_)), request.version(), keep_alive));
    http::async_write(
        stream_, *response,
        [self = shared_from_this(), response](beast::error_code write_ec, std::size_t) {
          if (write_ec || response->need_eof()) {
            self->close();
            return;
          }
          self->read();
        });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  WebService& service_;
  std::string remote_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, tcp::acceptor acceptor, WebService& service)
      : ioc_(ioc), acceptor_(std::move(acceptor)), service_(service) {}

  void accept() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

  void stop() {
    beast::error_code ignored;
    acceptor_.close(ignored);
  }

 private:
  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) {
      return;
    }
    if (!ec) {
      std::make_shared<Connection>(std::move(socket), service_)->start();
    }
    accept();
  }

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  WebService& service_;
};

}  // namespace

engine::Result<ListenAddress> parse_listen_address(const std::string& text) {
  ListenAddress out;
  std::string port;
  if (text.starts_with("[")) {
    const auto close = text.find("]:");
    if (close == std::string::npos) {
      return engine::Status::usage("--listen: '" + text + "' is not [IPv6]:PORT");
    }
    out.host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) {
      return engine::Status::usage("--listen: '" + text + "' is not HOST:PORT");
    }
    out.host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (out.host == "localhost") {
    out.host = "127.0.0.1";
  }
  boost::system::error_code ec;
  net::ip::make_address(out.host, ec);
  if (ec) {
    return engine::Status::usage("--listen: '" + out.host + "' is not an IP address");
  }
  if (port.empty() || port.size() > 5 ||
      !std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); }) ||
      std::stoi(port) > 65535) {
    return engine::Status::usage("--listen: '" + port + "' is not a port number");
  }
  out.port = static_cast<unsigned short>(std::stoi(port));
  return out;
}

bool is_loopback(const ListenAddress& address) {
  boost::system::error_code ec;
  const auto a = net::ip::make_address(address.host, ec);
  return !ec && a.is_loopback();
}

engine::Status serve(WebService& service, const ListenAddress& address, int threads,
                     const std::function<void(unsigned short)>& on_listening) {
  threads = std::max(1, threads);
  net::io_context ioc{threads};
  tcp::acceptor acceptor(ioc);
  unsigned short port = 0;
  try {
    const tcp::endpoint endpoint{net::ip::make_address(address.host), address.port};
    acceptor.open(endpoint.protocol());
    acceptor.set_option(net::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(net::socket_base::max_listen_connections);
    port = acceptor.local_endpoint().port();
  } catch (const boost::system::system_error& e) {
    return engine::Status::usage("cannot listen on " + address.host + ":" +
                                 std::to_string(address.port) + ": " + e.what());
  }
  auto listener = std::make_shared<Listener>(ioc, std::move(acceptor), service);
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code&, int) {
    listener->stop();
    ioc.stop();
  });
  listener->accept();
  on_listening(port);
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) {
    pool.emplace_back([&ioc] { ioc.run(); });
  }
  ioc.run();
  for (auto& t : pool) {
    t.join();
  }
  return {};
}

}  // namespace ehcp::web
