// tests for the web service's small parts: escaping, URLs and cookies, the router, the
// sign-in rate limiter, and passwords and tokens.
#include <catch2/catch.hpp>

#include "web/credentials.h"
#include "web/html.h"
#include "web/rate_limiter.h"
#include "web/router.h"
#include "web/url.h"

using namespace ehcp;

TEST_CASE("escape turns every character that could open markup or end an attribute into an entity",
          "[web]") {
  CHECK(web::escape("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(web::escape("Ada Example") == "Ada Example");
  CHECK(web::escape("") == "");
}

TEST_CASE("a query and a form body are percent-decoded, plus as space, first value kept", "[web]") {
  const auto q = web::parse_query("name=Sam+Okafor&x=%3Cb%3E&x=second&empty=&bad=%zz");
  CHECK(q.at("name") == "Sam Okafor");
  CHECK(q.at("x") == "<b>");
  CHECK(q.at("empty") == "");
  CHECK(q.at("bad") == "%zz");
  CHECK(web::path_of("/cases/N%2D1?as_of=2026-01-01") == "/cases/N-1");
  CHECK(web::query_of("/cases/N-1?as_of=2026-01-01").at("as_of") == "2026-01-01");
  CHECK(web::percent_decode(web::percent_encode("A/b c&d")) == "A/b c&d");
}

TEST_CASE("cookies are split on semicolons and trimmed", "[web]") {
  const auto c = web::parse_cookies("a=1;  ehcp_session=abc ; junk; b=");
  CHECK(c.at("a") == "1");
  CHECK(c.at("ehcp_session") == "abc");
  CHECK(c.at("b") == "");
  CHECK(!c.contains("junk"));
}

TEST_CASE("the router passes path parameters, tells 405 from 404, and answers HEAD as GET",
          "[web]") {
  web::Router router;
  router.add({"GET", "/cases/{ref}", {"caseworker"}, nullptr});
  router.add({"GET", "/assets/", {}, nullptr, true});
  auto m = router.match("GET", "/cases/N-1");
  REQUIRE(m);
  REQUIRE(m->route != nullptr);
  CHECK(m->path_params.at("ref") == "N-1");
  CHECK(router.match("HEAD", "/cases/N-1")->route != nullptr);
  CHECK(!router.match("GET", "/cases/"));
  CHECK(!router.match("GET", "/cases/N-1/more"));
  auto post = router.match("POST", "/cases/N-1");
  REQUIRE(post);
  CHECK(!post->method_allowed);
  CHECK(router.match("GET", "/assets/fonts/x.woff2")->route != nullptr);
}

TEST_CASE("after five failures in the window a key is refused until the oldest leaves it",
          "[web]") {
  using namespace std::chrono;
  web::RateLimiter limiter(5, minutes(15));
  const auto t0 = system_clock::time_point{} + hours(1000);
  for (int i = 0; i < 5; ++i) {
    CHECK(limiter.allowed("account:x", t0 + minutes(i)));
    limiter.failed("account:x", t0 + minutes(i));
  }
  CHECK(!limiter.allowed("account:x", t0 + minutes(5)));
  CHECK(limiter.allowed("account:y", t0 + minutes(5)));
  // The first failure (t0) leaves the window at t0 + 15 min.
  CHECK(limiter.allowed("account:x", t0 + minutes(15)));
  limiter.succeeded("account:x");
  CHECK(limiter.allowed("account:x", t0 + minutes(6)));
}

TEST_CASE("a password hash is argon2id and verifies only its own password", "[web]") {
  REQUIRE(web::init_credentials().ok());
  const auto hash = web::hash_password("correct horse battery");
  REQUIRE(hash.ok());
  CHECK(hash.value().starts_with("$argon2id$"));
  CHECK(web::verify_password("correct horse battery", hash.value()));
  CHECK(!web::verify_password("correct horse batterz", hash.value()));
  CHECK(!web::verify_password("anything", ""));
}

TEST_CASE("tokens are 64 hex digits, differ each time, and are stored as their SHA-256", "[web]") {
  REQUIRE(web::init_credentials().ok());
  const auto a = web::random_token();
  const auto b = web::random_token();
  CHECK(a.size() == 64);
  CHECK(a != b);
  CHECK(web::token_hash("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(web::constant_time_equal(a, a));
  CHECK(!web::constant_time_equal(a, b));
  CHECK(!web::constant_time_equal(a, a.substr(1)));
}
