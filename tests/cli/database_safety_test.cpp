// The database is safe in a council's hands: a damaged file is refused before anything is
// written to it (and `ehcp check` says so), everything ehcp creates is private whatever the
// umask, a database of a newer schema is refused by init too, a read-only folder still serves
// the commands that only read, a writer waiting on another gives up only after --wait and says
// why, and `import` of a folder is a usage error.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/cli/sandbox.h"

namespace fs = std::filesystem;
using ehcp::test::Outcome;
using ehcp::test::Sandbox;
using ehcp::test::slurp;

namespace {

const std::string kFixtures = EHCP_FIXTURES;

void load_fixture(const Sandbox& box) {
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(
      box.ehcp("import " + kFixtures + "/every_event_type.jsonl --as-of 2026-11-25").exit_code ==
      0);
}

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

// Overwrites 4 KiB in the middle of the file with random bytes, on a page boundary.
void damage(const fs::path& file) {
  const auto size = fs::file_size(file);
  REQUIRE(size >= 3 * 4096);
  std::mt19937 random(17);
  std::string noise(4096, '\0');
  for (auto& c : noise) {
    c = static_cast<char>(random());
  }
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(size / 2 / 4096 * 4096));
  f.write(noise.data(), static_cast<std::streamsize>(noise.size()));
}

}  // namespace

TEST_CASE("a damaged database is refused by every writer, untouched, and ehcp check says so") {
  Sandbox box;
  load_fixture(box);
  auto sound = box.ehcp("check");
  CHECK(sound.exit_code == 0);
  CHECK(sound.out == "database " + box.db() + ": ok\n");

  damage(box.db());
  const std::string before = slurp(box.db());
  for (const std::string& command : std::vector<std::string>{
           "tick --as-of 2026-11-25", "init",
           "import " + kFixtures + "/every_event_type.jsonl --as-of 2026-11-25",
           "nightly --as-of 2026-11-25 --reports " + box.path("r").string() + " --outbox " +
               box.path("o").string()}) {
    INFO(command);
    auto r = box.ehcp(command);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("is damaged and was not written to") != std::string::npos);
    CHECK(r.err.find("Restore it from the latest backup") != std::string::npos);
  }
  CHECK(slurp(box.db()) == before);
  CHECK_FALSE(fs::exists(box.path("o")));

  auto check = box.ehcp("check");
  CHECK(check.exit_code == 3);
  CHECK_FALSE(check.out.empty());  // each problem SQLite found, one a line
  CHECK(check.err.find("database " + box.db() + " is damaged: ") != std::string::npos);
}

TEST_CASE("the database, exports, reports and the outbox are private under umask 022") {
  const ::mode_t previous = ::umask(022);
  Sandbox box;
  load_fixture(box);
  CHECK(box.ehcp("export " + box.path("export.jsonl").string()).exit_code == 0);
  {
    // Held open, so that the -wal and -shm files the night writes through stay to be seen.
    SQLite::Database reader(box.db(), SQLite::OPEN_READONLY);
    reader.execAndGet("SELECT count(*) FROM events");
    CHECK(box.ehcp("nightly --as-of 2026-11-25 --reports " + box.path("reports").string() +
                   " --outbox " + box.path("outbox").string())
              .exit_code == 0);
    for (const char* suffix : {"", "-wal", "-shm"}) {
      INFO(suffix);
      if (fs::exists(box.db() + suffix)) {
        CHECK(mode_of(box.db() + suffix) == 0600);
      }
    }
  }
  ::umask(previous);
  CHECK(mode_of(box.db()) == 0600);
  CHECK(mode_of(box.path("export.jsonl")) == 0600);
  for (const char* dir : {"reports", "outbox"}) {
    INFO(dir);
    CHECK(mode_of(box.path(dir)) == 0700);
    int files = 0;
    for (const auto& entry : fs::directory_iterator(box.path(dir))) {
      INFO(entry.path());
      CHECK(mode_of(entry.path()) == 0600);
      ++files;
    }
    CHECK(files > 0);
  }
}

TEST_CASE("init refuses a database of a newer schema, as every other command does") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  {
    SQLite::Database db(box.db(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  for (const char* command : {"init", "case list"}) {
    INFO(command);
    auto r = box.ehcp(command);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("newer than this ehcp understands; upgrade ehcp") != std::string::npos);
    CHECK(r.out.find("ready") == std::string::npos);
  }
  SQLite::Database db(box.db(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 99);
}

namespace {

// Runs ehcp on `db` as a user who cannot write the database's folder: root's tests drop to
// nobody (root writes anywhere), others' make the folder read-only.
Outcome ehcp_without_write(const Sandbox& box, const std::string& db,
                           const std::vector<std::string>& args) {
  const auto out = box.path("ro-stdout"), err = box.path("ro-stderr");
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(o, 1);
    ::dup2(e, 2);
    if (::getuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      ::_exit(126);
    }
    std::vector<const char*> argv{EHCP_BINARY, "--db", db.c_str()};
    for (const auto& a : args) {
      argv.push_back(a.c_str());
    }
    argv.push_back(nullptr);
    ::execv(EHCP_BINARY, const_cast<char* const*>(argv.data()));
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

}  // namespace

TEST_CASE("a database in a folder that cannot be written still serves the commands that read") {
  Sandbox box;
  const fs::path folder = box.path("restored");
  fs::create_directories(folder);
  const std::string db = (folder / "ehcp.db").string();
  const std::string ehcp = std::string(EHCP_BINARY) + " --db " + db;
  REQUIRE(std::system((ehcp + " init >/dev/null").c_str()) == 0);
  REQUIRE(std::system((ehcp + " import " + kFixtures +
                       "/every_event_type.jsonl --as-of 2026-11-25 >/dev/null")
                          .c_str()) == 0);
  REQUIRE_FALSE(fs::exists(db + "-wal"));  // closed cleanly: a reader would have to make one
  const bool root = ::getuid() == 0;
  if (root) {
    fs::permissions(box.path(""), fs::perms(0755));
    REQUIRE(::chown(db.c_str(), 65534, 65534) == 0);
    fs::permissions(folder, fs::perms(0755));
  } else {
    fs::permissions(folder, fs::perms(0555));
  }
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"case", "list"},
        {"case", "show", "T-1", "--as-of", "2026-11-25"},
        {"queue", "--as-of", "2026-11-25", "--format", "csv"},
        {"report", "breaches", "--as-of", "2026-11-25", "--format", "json"},
        {"check"}}) {
    INFO(args[0] << " " << args[1 % args.size()]);
    auto r = ehcp_without_write(box, db, args);
    CHECK(r.err == "");
    CHECK(r.exit_code == 0);
    CHECK_FALSE(r.out.empty());
  }
  auto tick = ehcp_without_write(box, db, {"tick", "--as-of", "2026-11-25"});
  CHECK(tick.exit_code == 3);  // a writer still cannot write, and says so
  fs::permissions(folder, fs::perms(0755));
}

TEST_CASE("a writer waits for another for up to --wait seconds, then says why it gave up") {
  Sandbox box;
  load_fixture(box);
  SQLite::Database other(box.db(), SQLite::OPEN_READWRITE);
  {
    SQLite::Transaction holding(other, SQLite::TransactionBehavior::IMMEDIATE);
    auto r = box.ehcp("--wait 1 tick --as-of 2026-11-25");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("database is locked") != std::string::npos);
    CHECK(r.err.find("another process") != std::string::npos);
    CHECK(r.err.find("for all of the 1 s this one waited") != std::string::npos);
    CHECK(r.err.find("--wait SECONDS") != std::string::npos);
  }
  // Held for a second: a writer given 20 waits its turn and then runs.
  std::thread release([&other] {
    SQLite::Transaction holding(other, SQLite::TransactionBehavior::IMMEDIATE);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto r = box.ehcp("--wait 20 tick --as-of 2026-11-25");
  release.join();
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("tick as of 2026-11-25: "));
}

TEST_CASE("import of a folder is a usage error naming it") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  auto r = box.ehcp("import " + box.path("").string());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(box.path("").string() + " is a folder") != std::string::npos);
  CHECK(r.out.empty());
}
