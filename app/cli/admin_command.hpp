#pragma once
#include <string>

#include <CLI/CLI.hpp>

namespace relief::cli {

/// `relief admin …`: settings, the administrator PIN, signing keys, rule
/// packs and retention (purge). Construct it on the app before parsing; after parsing, run() it
/// when selected().
class AdminCommand {
 public:
  /// Adds the `admin` subcommand and its own subcommands to `app`.
  explicit AdminCommand(CLI::App& app);

  /// True when the command line chose `relief admin …`.
  bool selected() const;
  /// Does what the command line asked; returns the process exit code.
  int run();

 private:
  int show();
  int set();
  int set_pin();
  int keygen();
  int pack();
  int install_pack();
  int rollback();
  int purge();

  CLI::App* admin_ = nullptr;
  CLI::App* show_ = nullptr;
  CLI::App* set_ = nullptr;
  CLI::App* set_pin_ = nullptr;
  CLI::App* keygen_ = nullptr;
  CLI::App* pack_ = nullptr;
  CLI::App* install_ = nullptr;
  CLI::App* rollback_ = nullptr;
  CLI::App* purge_ = nullptr;

  std::string format_ = "text";
  std::string key_;
  std::string value_;
  bool per_user_ = false;
  std::string out_;
  std::string rules_dir_;
  std::string forms_dir_;
  std::string secret_key_;
  std::string pack_version_;
  std::string pack_file_;
  std::string trusted_keys_;
  bool allow_older_ = false;
  std::string store_path_;
  int purge_days_ = -1;
};

}  // namespace relief::cli
