// The `relief` command: parses arguments and hands them to the core.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <variant>

#include <CLI/CLI.hpp>

#include "admin_command.hpp"
#include "exit_codes.hpp"
#include "privacy_commands.hpp"
#include "relief/audit/audit.hpp"
#include "relief/documents/petition.hpp"
#include "relief/model/case_io.hpp"
#include "relief/model/settings.hpp"
#include "relief/rules/decision.hpp"
#include "relief/rules/questions.hpp"
#include "relief/rules/ruleset.hpp"
#include "relief/util/paths.hpp"
#include "relief_version.hpp"

namespace {

using nlohmann::json;
using namespace relief;

int report(const Error& e) {
  std::cerr << e.to_string() << "\n";
  return e.code == ErrorCode::BadInput || e.code == ErrorCode::NotFound || e.code == ErrorCode::Incompatible
             ? cli::kExitBadInput
             : cli::kExitFailure;
}

std::optional<rules::Library> load_rules(const std::string& dir) {
  std::vector<rules::Issue> issues;
  auto lib = rules::load_library(dir, issues);
  if (!lib) {
    for (const auto& i : issues) std::cerr << i.to_string() << "\n";
    if (issues.empty()) std::cerr << lib.error().to_string() << "\n";
    return std::nullopt;
  }
  return std::move(*lib);
}

std::optional<model::Date> parse_as_of(const std::string& text) {
  if (text.empty()) return model::Date::today();
  auto d = model::Date::parse(text);
  if (!d) std::cerr << "--as-of: expected a date YYYY-MM-DD, got \"" << text << "\"\n";
  return d;
}

std::string plain_outcome(rules::Outcome o) {
  switch (o) {
    case rules::Outcome::Eligible:
      return "ELIGIBLE";
    case rules::Outcome::NotEligible:
      return "NOT ELIGIBLE under this law";
    case rules::Outcome::NeedsReview:
      return "NEEDS A LAWYER'S REVIEW";
    case rules::Outcome::Incomplete:
      return "INCOMPLETE: more answers needed";
  }
  return "";
}

void print_text(const rules::Decision& d, const rules::RuleSet& rs, const model::Case& c,
                const model::ClinicInfo& clinic) {
  std::cout << rs.name << ": rules version " << d.rules_version << ", reviewed " << d.reviewed.iso()
            << ", decided as of " << d.as_of.iso() << "\n";
  std::cout << "This is legal information, not legal advice.\n";
  if (clinic.configured()) {
    std::cout << "Help: " << clinic.name << (clinic.phone.empty() ? "" : ", " + clinic.phone) << "\n";
  }
  for (const auto& r : d.records) {
    const auto* rec = c.find_record(r.id);
    std::cout << "\nRecord " << r.id;
    if (rec && !rec->offense_description.empty()) std::cout << " (" << rec->offense_description << ")";
    std::cout << ": " << plain_outcome(r.best.outcome);
    if (!r.best.relief.empty()) std::cout << " - " << r.best.relief;
    std::cout << "\n";
    for (const auto& cit : r.best.citations) std::cout << "  Law: " << cit << "\n";
    for (const auto& m : r.best.reasons) std::cout << "  Why: " << m.format() << "\n";
    for (const auto& m : r.best.missing) std::cout << "  Missing: " << m << "\n";
    for (const auto& m : r.best.would_change) std::cout << "  What would change it: " << m.format() << "\n";
    for (const auto& m : r.best.documents_needed) std::cout << "  Gather: " << m << "\n";
    for (const auto& a : r.alternatives) {
      std::cout << "  Also: " << a.remedy << " (" << a.relief << "): " << rules::outcome_name(a.outcome) << "\n";
    }
  }
}

struct CaseContext {
  rules::Library lib;
  model::Case c;
  const rules::RuleSet* rs = nullptr;
};

// Loads rules and the case and finds the case's jurisdiction; prints the
// error and returns the exit code on failure.
std::variant<CaseContext, int> load_case_context(const std::string& rules_dir, const std::string& case_path) {
  auto lib = load_rules(rules_dir);
  if (!lib) return cli::kExitBadInput;
  auto c = model::load_case_file(case_path, lib->facts);
  if (!c) return report(c.error());
  CaseContext ctx{std::move(*lib), std::move(*c), nullptr};
  ctx.rs = ctx.lib.find(ctx.c.jurisdiction);
  if (!ctx.rs) {
    std::cerr << case_path << ": $.jurisdiction: no rules for \"" << ctx.c.jurisdiction
              << "\" yet (see `relief jurisdictions`)\n";
    return cli::kExitBadInput;
  }
  return ctx;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Relief: clears criminal records caused by human trafficking.\n"
               "Checks each record against the state's survivor law and writes the court papers.\n"
               "This is legal information, not legal advice.",
               "relief"};
  app.set_version_flag("--version", std::string("relief ") + RELIEF_VERSION);
  app.require_subcommand(1);
  std::string rules_dir = relief::util::rules_dir();
  app.add_option("--rules", rules_dir, "Folder of rules (default: the installed rules)");

  std::string format = "text";
  std::string case_path;
  std::string as_of_text;
  auto add_format = [&](CLI::App* sub) {
    sub->add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json"}));
  };

  auto* jur = app.add_subcommand("jurisdictions", "List the jurisdictions Relief has rules for");
  add_format(jur);

  auto* check = app.add_subcommand("check", "Decide, record by record, what the law can clear");
  check->add_option("--case", case_path, "Case file (relief.case/1 JSON)")->required();
  check->add_option("--as-of", as_of_text, "Decide as of this date, YYYY-MM-DD (default: today)");
  add_format(check);

  auto* questions = app.add_subcommand("questions", "The next questions whose answers can change a result");
  questions->add_option("--case", case_path, "Case file (relief.case/1 JSON)")->required();
  questions->add_option("--as-of", as_of_text, "Decide as of this date, YYYY-MM-DD (default: today)");
  add_format(questions);

  std::string out_dir;
  auto* petition = app.add_subcommand("petition", "Write the court papers for the eligible records");
  petition->add_option("--case", case_path, "Case file (relief.case/1 JSON)")->required();
  petition->add_option("--out", out_dir, "Folder to write the papers into (must exist)")->required();
  petition->add_option("--as-of", as_of_text, "Decide as of this date, YYYY-MM-DD (default: today)");
  std::string lang = "en";
  petition->add_option("--lang", lang, "Language of the filing instructions and summary (court papers stay English)");
  add_format(petition);

  auto* rules_cmd = app.add_subcommand("rules", "Work with rules files");
  rules_cmd->require_subcommand(1);
  std::string validate_path;
  auto* validate = rules_cmd->add_subcommand("validate", "Check rules files; list every problem");
  validate->add_option("path", validate_path, "Rules folder (default: the installed rules)");

  relief::cli::AdminCommand admin(app);
  relief::cli::PrivacyCommands privacy(app, rules_dir);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? cli::kExitOk : cli::kExitBadInput;
  }
  if (admin.selected()) return admin.run();
  if (privacy.selected()) return privacy.run();

  if (*validate) {
    const std::string dir = validate_path.empty() ? rules_dir : validate_path;
    std::vector<rules::Issue> issues;
    auto lib = rules::load_library(dir, issues);
    for (const auto& i : issues) std::cerr << i.to_string() << "\n";
    if (!lib) return cli::kExitBadInput;
    std::cout << "ok: " << lib->sets.size() << " jurisdiction(s), " << lib->facts.all().size() << " facts\n";
    return cli::kExitOk;
  }

  if (*jur) {
    auto lib = load_rules(rules_dir);
    if (!lib) return cli::kExitBadInput;
    if (format == "json") {
      json arr = json::array();
      for (const auto& s : lib->sets) {
        arr.push_back({{"code", s.jurisdiction},
                       {"name", s.name},
                       {"has_survivor_specific_law", s.has_survivor_specific_law},
                       {"relief_types", s.relief_types()},
                       {"citations", s.citations()},
                       {"reviewed", s.reviewed.iso()},
                       {"confidence", s.confidence},
                       {"rules_version", s.version}});
      }
      std::cout << json{{"jurisdictions", arr}}.dump(2) << "\n";
    } else {
      for (const auto& s : lib->sets) {
        std::cout << s.jurisdiction << "  " << s.name << "  reviewed " << s.reviewed.iso() << "  confidence "
                  << s.confidence << "\n";
        for (const auto& c : s.citations()) std::cout << "    " << c << "\n";
      }
    }
    return cli::kExitOk;
  }

  auto as_of = parse_as_of(as_of_text);
  if (!as_of) return cli::kExitBadInput;
  auto loaded = load_case_context(rules_dir, case_path);
  if (std::holds_alternative<int>(loaded)) return std::get<int>(loaded);
  auto& ctx = std::get<CaseContext>(loaded);

  auto settings = model::load_settings();
  if (!settings) return report(settings.error());

  if (*check) {
    const auto d = rules::decide(ctx.c, *ctx.rs, *as_of);
    if (format == "json") {
      std::cout << rules::decision_to_json(d).dump(2) << "\n";
    } else {
      print_text(d, *ctx.rs, ctx.c, settings->clinic);
    }
    return cli::kExitOk;
  }
  if (*questions) {
    const auto qs = rules::plan_questions(ctx.c, ctx.lib, *ctx.rs, *as_of);
    if (format == "json") {
      std::cout << rules::questions_to_json(qs).dump(2) << "\n";
    } else if (qs.empty()) {
      std::cout << "No more questions: every answer that could change a result is known.\n";
    } else {
      for (const auto& q : qs) {
        std::cout << (q.record ? "[" + *q.record + "] " : std::string()) << q.def->question << "\n    (" << q.fact
                  << ")\n";
      }
    }
    return cli::kExitOk;
  }
  if (*petition) {
    std::error_code ec;
    if (!std::filesystem::is_directory(out_dir, ec)) {
      std::cerr << out_dir << ": the output folder does not exist\n";
      return cli::kExitBadInput;
    }
    const auto d = rules::decide(ctx.c, *ctx.rs, *as_of);
    documents::PetitionOptions opts;
    opts.out_dir = out_dir;
    opts.clinic = settings->clinic;
    opts.today = model::Date::today();
    opts.lang = lang;
    auto files = documents::write_petitions(ctx.c, *ctx.rs, d, opts);
    if (!files) return report(files.error());
    // Only the event and how many files: never a name or a path. A log
    // this user cannot write does not fail the papers.
    (void)audit::record(audit::Event::DocumentsWritten, {{"count", std::to_string(files->size())}});
    if (format == "json") {
      json arr = json::array();
      for (const auto& f : *files) {
        arr.push_back({{"path", f.path},
                       {"kind", f.kind},
                       {"form", f.form},
                       {"court", f.court},
                       {"records", f.records},
                       {"pages", f.pages},
                       {"language", f.language},
                       {"bytes", f.bytes},
                       {"sha256", f.sha256}});
      }
      std::cout << json{{"files", arr}}.dump(2) << "\n";
    } else {
      for (const auto& f : *files) {
        std::cout << "wrote " << f.path;
        if (f.pages > 0) std::cout << " (" << f.pages << " page(s))";
        std::cout << "\n";
      }
    }
    return cli::kExitOk;
  }
  return cli::kExitOk;
}
