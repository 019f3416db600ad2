// Killing `ehcp nightly` at any point loses nothing and duplicates nothing: a night killed with
// SIGKILL at many different moments and then run again to the end leaves exactly what one
// uninterrupted run leaves (the same escalations, the same messages, one file per message); so
// does a crash loop that also kills a hand-run `outbox deliver` to another folder, with every
// message in exactly one of the two; and the night's record totals the night however many runs
// it took.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

class Folder {
 public:
  explicit Folder(const std::string& name) {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() / ("ehcp-kill-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter++) + "-" + name);
    fs::create_directories(dir_);
  }
  ~Folder() { fs::remove_all(dir_); }
  fs::path path(const std::string& name) const { return dir_ / name; }

 private:
  fs::path dir_;
};

// Runs ehcp with `args`; returns the exit status.
int ehcp(const Folder& f, const std::string& args) {
  const std::string command = std::string(EHCP_BINARY) + " --db " + f.path("ehcp.db").string() +
                              " " + args + " >/dev/null 2>&1";
  return std::system(command.c_str());
}

// Starts `ehcp nightly` for 1 May 2026, its output thrown away.
pid_t start_nightly(const Folder& f) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const std::string db = f.path("ehcp.db").string();
    const std::string reports = f.path("reports").string();
    const std::string outbox = f.path("outbox").string();
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    ::execl(EHCP_BINARY, EHCP_BINARY, "--db", db.c_str(), "nightly", "--as-of", "2026-05-01",
            "--reports", reports.c_str(), "--outbox", outbox.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// Starts `ehcp outbox deliver --to <f>/by-hand`, as someone might by hand during the night.
pid_t start_delivery(const Folder& f) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const std::string db = f.path("ehcp.db").string();
    const std::string to = f.path("by-hand").string();
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    ::execl(EHCP_BINARY, EHCP_BINARY, "--db", db.c_str(), "outbox", "deliver", "--to", to.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// Kills `pid` (if still running) and reaps it. True when the kill ended it.
bool kill_and_reap(pid_t pid) {
  const bool running = ::kill(pid, SIGKILL) == 0;
  int status = 0;
  ::waitpid(pid, &status, 0);
  return running && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

// Starts `ehcp nightly` and kills it after `delay`. True when it was still running then.
bool kill_nightly_after(const Folder& f, std::chrono::microseconds delay) {
  const pid_t pid = start_nightly(f);
  std::this_thread::sleep_for(delay);
  return kill_and_reap(pid);
}

// 120 synthetic cases, requests spread over January to April 2026, so that on 1 May their
// clocks stand on every rung of the ladder.
std::string caseload() {
  std::ostringstream out;
  for (int i = 0; i < 120; ++i) {
    const int month = 1 + i % 4;
    const int day = 1 + (i * 7) % 28;
    char on[11];
    std::snprintf(on, sizeof on, "2026-%02d-%02d", month, day);
    const std::string ref = "K-" + std::to_string(1000 + i);
    out << R"({"case":")" << ref << R"(","type":"case_opened","on":")" << on
        << R"(","child":{"given_name":"Kit","family_name":"Example","dob":"2016-05-02"},)"
        << R"("caseworker":"Worker )" << i % 7 << R"(","team":"Team )" << i % 3 << "\"}\n";
    out << R"({"case":")" << ref << R"(","type":"assessment_requested","on":")" << on
        << R"(","source":"parent"})"
        << "\n";
  }
  return out.str();
}

void prepare(const Folder& f) {
  std::ofstream(f.path("events.jsonl")) << caseload();
  REQUIRE(ehcp(f, "init") == 0);
  REQUIRE(ehcp(f, "import " + f.path("events.jsonl").string() + " --as-of 2026-05-01") == 0);
}

// What a night leaves, as comparable text.
std::multiset<std::string> escalations(const Folder& f) {
  SQLite::Database db(f.path("ehcp.db").string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db,
                      "SELECT case_ref || ' ' || clock || ' ' || rung || ' ' || outcome "
                      "FROM escalations");
  std::multiset<std::string> out;
  while (q.executeStep()) {
    out.insert(q.getColumn(0).getString());
  }
  return out;
}

std::multiset<std::string> messages(const Folder& f) {
  SQLite::Database db(f.path("ehcp.db").string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db,
                      "SELECT case_ref || ' ' || clock || ' ' || rung || ' ' || role || ' ' || "
                      "address || ' ' || (delivered_at IS NOT NULL) FROM outbox");
  std::multiset<std::string> out;
  while (q.executeStep()) {
    out.insert(q.getColumn(0).getString());
  }
  return out;
}

// One digest a person a night: the number of (address, night) pairs in the outbox.
std::size_t digests(const Folder& f) {
  SQLite::Database db(f.path("ehcp.db").string(), SQLite::OPEN_READONLY);
  return static_cast<std::size_t>(
      db.execAndGet("SELECT count(*) FROM (SELECT DISTINCT address, created_on FROM outbox)")
          .getInt64());
}

// The night's record: fired, skipped, messages, delivered.
std::string night_row(const Folder& f) {
  SQLite::Database db(f.path("ehcp.db").string(), SQLite::OPEN_READONLY);
  return db
      .execAndGet(
          "SELECT fired || ' ' || skipped || ' ' || messages || ' ' || delivered FROM "
          "nightly_runs WHERE as_of = '2026-05-01'")
      .getString();
}

// What the ledgers hold for the night, in night_row's order (every message delivered).
std::string ledger_totals(const Folder& f) {
  SQLite::Database db(f.path("ehcp.db").string(), SQLite::OPEN_READONLY);
  return db
      .execAndGet(
          "SELECT (SELECT count(*) FROM escalations WHERE outcome = 'notified') || ' ' "
          "|| (SELECT count(*) FROM escalations WHERE outcome = 'skipped') || ' ' || "
          "(SELECT count(*) FROM outbox) || ' ' || (SELECT count(*) FROM outbox)")
      .getString();
}

std::set<std::string> files_in(const fs::path& dir) {
  std::set<std::string> out;
  if (!fs::exists(dir)) {
    return out;
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    out.insert(entry.path().filename().string());
  }
  return out;
}

}  // namespace

TEST_CASE("a nightly run killed at any moment, then run again, leaves what one run leaves") {
  Folder whole("whole");
  prepare(whole);
  REQUIRE(ehcp(whole, "nightly --as-of 2026-05-01 --reports " + whole.path("reports").string() +
                          " --outbox " + whole.path("outbox").string()) == 0);
  const auto expected_escalations = escalations(whole);
  const auto expected_messages = messages(whole);
  REQUIRE(expected_messages.size() > 50);

  Folder killed("killed");
  prepare(killed);
  int interrupted = 0;
  for (int ms : {2, 5, 10, 15, 20, 30, 40, 60, 80, 120}) {
    interrupted += kill_nightly_after(killed, std::chrono::milliseconds(ms)) ? 1 : 0;
  }
  CHECK(interrupted > 0);  // at least one kill landed mid-run
  REQUIRE(ehcp(killed, "nightly --as-of 2026-05-01 --reports " + killed.path("reports").string() +
                           " --outbox " + killed.path("outbox").string()) == 0);

  CHECK(escalations(killed) == expected_escalations);
  CHECK(messages(killed) == expected_messages);
  // One file per person's night, no temporary left behind.
  auto files = files_in(killed.path("outbox"));
  files.erase(".ehcp-deliver.lock");
  CHECK(files == [&] {
    auto w = files_in(whole.path("outbox"));
    w.erase(".ehcp-deliver.lock");
    return w;
  }());
  CHECK(files.size() == digests(whole));
  CHECK(files_in(killed.path("reports")) == files_in(whole.path("reports")));
}

TEST_CASE("a night run again after a kill that followed its tick records the whole night") {
  Folder f("row");
  prepare(f);
  // What a nightly killed once its tick had committed leaves: the tick's rungs and messages.
  REQUIRE(ehcp(f, "tick --as-of 2026-05-01") == 0);
  REQUIRE(ehcp(f, "nightly --as-of 2026-05-01 --reports " + f.path("reports").string() +
                      " --outbox " + f.path("outbox").string()) == 0);
  const std::string row = night_row(f);
  CHECK(row == ledger_totals(f));
  CHECK(row.substr(0, 2) != "0 ");  // the tick's rungs are the night's
}

TEST_CASE(
    "nightly and outbox deliver killed at random moments lose nothing and send nothing twice") {
  Folder whole("loop-whole");
  prepare(whole);
  REQUIRE(ehcp(whole, "nightly --as-of 2026-05-01 --reports " + whole.path("reports").string() +
                          " --outbox " + whole.path("outbox").string()) == 0);

  Folder f("loop");
  prepare(f);
  const auto seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 random(seed);
  // A whole night of these 120 cases takes about 130 ms on the reference machine (the tick, the
  // reports, then the delivery), so the moments fall all over it; the hand delivery starts at a
  // random moment of the night and is killed soon after.
  std::uniform_int_distribution<int> delay_us(0, 130'000);
  const auto sleep = [&](int divisor) {
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random) / divisor));
  };
  int killed = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (int round = 0; round < 40 && std::chrono::steady_clock::now() < deadline; ++round) {
    const pid_t night = start_nightly(f);
    sleep(2);
    const pid_t hand = start_delivery(f);
    sleep(2);
    killed += kill_and_reap(night) ? 1 : 0;
    sleep(4);
    killed += kill_and_reap(hand) ? 1 : 0;
  }
  CHECK(killed > 0);
  REQUIRE(ehcp(f, "nightly --as-of 2026-05-01 --reports " + f.path("reports").string() +
                      " --outbox " + f.path("outbox").string()) == 0);
  REQUIRE(ehcp(f, "outbox deliver --to " + f.path("by-hand").string()) == 0);

  CHECK(escalations(f) == escalations(whole));
  SQLite::Database db(f.path("ehcp.db").string(), SQLite::OPEN_READONLY);
  const int total = db.execAndGet("SELECT count(*) FROM outbox").getInt();
  CHECK(total == static_cast<int>(messages(whole).size()));
  CHECK(db.execAndGet("SELECT count(*) FROM outbox WHERE delivered_at IS NULL").getInt() == 0);
  // Each message in exactly one folder, once; nothing half-written left behind.
  SQLite::Statement marked(db, "SELECT delivered_to FROM outbox");
  while (marked.executeStep()) {
    CHECK(fs::exists(marked.getColumn(0).getString()));
  }
  auto night_files = files_in(f.path("outbox"));
  auto hand_files = files_in(f.path("by-hand"));
  night_files.erase(".ehcp-deliver.lock");
  hand_files.erase(".ehcp-deliver.lock");
  for (const auto& name : night_files) {
    INFO(name);
    CHECK(hand_files.count(name) == 0);
    CHECK(name.ends_with(".eml"));
  }
  for (const auto& name : hand_files) {
    CHECK(name.ends_with(".eml"));
  }
  // One digest a person a night, each in one folder: a run claims all it finds at once.
  CHECK(night_files.size() + hand_files.size() == digests(f));
  // The night's row totals the night (what the hand-run delivered is not the night's).
  SQLite::Statement by_hand(db, "SELECT count(*) FROM outbox WHERE delivered_to LIKE ? || '/%'");
  by_hand.bind(1, f.path("by-hand").string());
  REQUIRE(by_hand.executeStep());
  const auto hand_delivered = static_cast<std::size_t>(by_hand.getColumn(0).getInt64());
  SQLite::Statement row(db,
                        "SELECT fired, skipped, messages, delivered FROM nightly_runs WHERE "
                        "as_of = '2026-05-01'");
  REQUIRE(row.executeStep());
  CHECK(row.getColumn(2).getInt() == total);
  CHECK(static_cast<std::size_t>(row.getColumn(3).getInt()) == total - hand_delivered);
  CHECK(row.getColumn(0).getInt() + row.getColumn(1).getInt() ==
        static_cast<int>(escalations(whole).size()));
}
