#pragma once
#include <string>

#include <CLI/CLI.hpp>

namespace relief::cli {

/// `relief intake …` (sealed kiosk hand-off to the clinic) and
/// `relief case export|import` (passphrase-encrypted case files). Construct
/// it on the app before parsing; after parsing, run() it when selected().
class PrivacyCommands {
 public:
  /// Adds the `intake` and `case` subcommands to `app`; `rules_dir` is read
  /// after parsing (for the fact dictionary that validates cases).
  PrivacyCommands(CLI::App& app, const std::string& rules_dir);

  /// True when the command line chose one of these commands.
  bool selected() const;
  /// Does what the command line asked; returns the process exit code.
  int run();

 private:
  int seal();
  int open();
  int keygen();
  int export_case();
  int import_case();

  const std::string& rules_dir_;
  CLI::App* intake_ = nullptr;
  CLI::App* seal_ = nullptr;
  CLI::App* open_ = nullptr;
  CLI::App* keygen_ = nullptr;
  CLI::App* case_ = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* import_ = nullptr;
  std::string case_file_;
  std::string in_;
  std::string out_;
  std::string key_file_;
  int passphrase_fd_ = 0;
};

}  // namespace relief::cli
