// `ehcp help-man [FILE]` and `ehcp help-completion [FILE]`: the man page and the bash completion
// script, made from the command line's own definition (every subcommand, option and help text
// registered in main.cpp), so neither is maintained by hand. Hidden from --help; the build runs
// them and `cmake --install` installs what they write (cli/CMakeLists.txt).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "ehcp/version.h"

namespace ehcp::cli {
namespace {

std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

std::vector<const CLI::Option*> visible_options(const CLI::App& app) {
  return app.get_options([](const CLI::Option* o) { return !o->get_group().empty(); });
}

// Text as roff takes it: backslashes escaped, no line starting with a control character.
std::string roff(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) {
    out.insert(0, "\\&");
  }
  return out;
}

// "--as-of TEXT", "--undelivered", "FILE": an option as a user types it.
std::string usage_of(const CLI::Option& o, bool bold) {
  const std::string b = bold ? "\\fB" : "", i = bold ? "\\fI" : "", r = bold ? "\\fR" : "";
  if (!o.nonpositional()) {
    return i + roff(o.get_name(true)) + r;
  }
  std::string names;
  for (const auto& s : o.get_snames()) {
    names += (names.empty() ? "" : ", ") + b + "\\-" + s + r;
  }
  for (const auto& l : o.get_lnames()) {
    names += (names.empty() ? "" : ", ") + b + "\\-\\-" + roff(l) + r;
  }
  if (o.get_type_size() != 0 && !o.get_type_name().empty()) {
    names += " " + i + roff(o.get_type_name()) + r;
  }
  return names;
}

void man_options(std::ostream& out, const CLI::App& app) {
  for (const auto* o : visible_options(app)) {
    if (o->get_lnames() == std::vector<std::string>{"help"}) {
      continue;
    }
    out << ".TP\n" << usage_of(*o, true) << "\n" << roff(o->get_description()) << "\n";
  }
}

void man_commands(std::ostream& out, const CLI::App& app, const std::string& path) {
  for (const auto* sub : visible_subcommands(app)) {
    const std::string name = path + " " + sub->get_name();
    out << ".SS \"" << roff(name) << "\"\n" << roff(sub->get_description()) << "\n";
    man_options(out, *sub);
    man_commands(out, *sub, name);
  }
}

std::string man_page(const CLI::App& app) {
  std::ostringstream out;
  out << ".TH EHCP 1 \"\" \"ehcp " << roff(kVersion) << "\" \"User Commands\"\n"
      << ".SH NAME\nehcp \\- "
      << roff(app.get_description().substr(app.get_description().find(": ") + 2))
      << "\n.SH SYNOPSIS\n\\fBehcp\\fR [\\fIoptions\\fR] \\fIcommand\\fR [\\fIcommand "
         "options\\fR]\n"
      << ".SH DESCRIPTION\nEvents in, clocks out: ehcp records a council's EHC needs assessment "
         "and plan events and derives every statutory clock from them.\nThe global options "
         "below may be given before or after the command.\n"
      << ".SH OPTIONS\n";
  man_options(out, app);
  out << ".SH COMMANDS\n";
  man_commands(out, app, "ehcp");
  out << ".SH ENVIRONMENT\n.TP\n.B EHCP_DB\nThe database when \\-\\-db is not given.\n"
      << ".TP\n.B EHCP_CONFIG\nThe LA configuration when \\-\\-config is not given.\n"
      << ".SH EXIT STATUS\n0 success, 1 usage error, 2 rejected input, 3 anything else "
         "(storage, a failed integrity check, a mail server that will not take the mail).\n"
      << ".SH SEE ALSO\nThe project's README.md, docs/operations.md (installing, backing up, "
         "restoring, upgrading) and docs/scheduling.md.\n";
  return out.str();
}

// Every command path ("ehcp", "ehcp outbox", "ehcp outbox deliver") with the words that may
// follow it: its subcommands and options, and the global options (they fall through).
void completion_table(const CLI::App& app, const std::string& path,
                      const std::vector<std::string>& global,
                      std::vector<std::pair<std::string, std::string>>& out) {
  std::vector<std::string> list;
  auto add = [&list](const std::string& word) {
    if (std::find(list.begin(), list.end(), word) == list.end()) {
      list.push_back(word);
    }
  };
  for (const auto* sub : visible_subcommands(app)) {
    add(sub->get_name());
  }
  for (const auto* o : visible_options(app)) {
    for (const auto& l : o->get_lnames()) {
      add("--" + l);
    }
  }
  for (const auto& g : global) {
    if (path == "ehcp" || g != "--version") {
      add(g);
    }
  }
  std::string words;
  for (const auto& w : list) {
    words += (words.empty() ? "" : " ") + w;
  }
  out.emplace_back(path, words);
  for (const auto* sub : visible_subcommands(app)) {
    completion_table(*sub, path + " " + sub->get_name(), global, out);
  }
}

std::string completion_script(const CLI::App& app) {
  std::vector<std::string> global;
  for (const auto* o : visible_options(app)) {
    for (const auto& l : o->get_lnames()) {
      global.push_back("--" + l);
    }
  }
  std::vector<std::pair<std::string, std::string>> table;
  completion_table(app, "ehcp", global, table);
  std::ostringstream out;
  out << "# bash completion for ehcp " << kVersion << ": made by `ehcp help-completion`.\n"
      << "_ehcp() {\n"
      << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" path=\"ehcp\" i words\n"
      << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "    case \"$path ${COMP_WORDS[i]}\" in\n";
  std::string paths;
  for (std::size_t k = 1; k < table.size(); ++k) {
    paths += (paths.empty() ? "" : "|") + ("\"" + table[k].first + "\"");
  }
  out << "      " << paths << ") path=\"$path ${COMP_WORDS[i]}\" ;;\n"
      << "    esac\n  done\n  case \"$path\" in\n";
  for (const auto& [path, words] : table) {
    out << "    \"" << path << "\") words=\"" << words << "\" ;;\n";
  }
  out << "  esac\n"
      << "  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
      << "}\n"
      << "complete -o default -F _ehcp ehcp\n";
  return out.str();
}

engine::Status write_out(const std::string& file, const std::string& text) {
  if (file.empty() || file == "-") {
    std::cout << text;
    return {};
  }
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    return engine::Status::storage("write " + file, "cannot write the file");
  }
  return {};
}

}  // namespace

void add_help_commands(CLI::App& app, Context& /*context*/, Run& run) {
  auto file = std::make_shared<std::string>();
  auto* man = app.add_subcommand("help-man", "Write the man page, made from this help")->group("");
  man->add_option("file", *file, "Where (default: standard output)");
  man->callback(
      [&app, &run, file] { run = [&app, file] { return write_out(*file, man_page(app)); }; });
  auto* completion =
      app.add_subcommand("help-completion", "Write the bash completion script")->group("");
  completion->add_option("file", *file, "Where (default: standard output)");
  completion->callback([&app, &run, file] {
    run = [&app, file] { return write_out(*file, completion_script(app)); };
  });
}

}  // namespace ehcp::cli
