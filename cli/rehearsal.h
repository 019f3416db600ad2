// cli/rehearsal.h
//
// The commands that send (`tick`, `nightly`) act on a date after today in London only as a
// rehearsal: a tick as of next June would fire every escalation due by then and queue real
// messages, and a night run a day early would leave the real night skipped. With --rehearse they
// run on a scratch copy of the database (SQLite's online backup, safe while others write) in a
// private temporary folder, deliver nothing, and the copy is removed when they finish.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "cli/context.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::cli {

// Ok unless `as_of` is after today in London and the command is not rehearsing: then a usage
// error saying what `command` would have sent and that --rehearse tries it safely.
engine::Status refuse_future_send(engine::Date as_of, bool rehearse, const std::string& command);

class Rehearsal {
 public:
  // Copies the database of `context` into a new private temporary folder.
  static engine::Result<std::unique_ptr<Rehearsal>> begin(const Context& context);
  ~Rehearsal();
  Rehearsal(const Rehearsal&) = delete;
  Rehearsal& operator=(const Rehearsal&) = delete;

  // `context` pointed at the scratch copy.
  Context context() const { return context_; }
  // The scratch folder, for the files the rehearsal writes (its reports, its outbox).
  const std::filesystem::path& folder() const { return folder_; }

 private:
  Rehearsal(Context context, std::filesystem::path folder)
      : context_(std::move(context)), folder_(std::move(folder)) {}

  Context context_;
  std::filesystem::path folder_;
};

// What a rehearsal says when it is over (on stderr, so the output reads as the real one would).
inline constexpr const char* kRehearsalNote =
    "rehearsal: run on a scratch copy of the database, now removed; nothing was delivered and "
    "the database is unchanged";

}  // namespace ehcp::cli
