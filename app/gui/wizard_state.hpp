#pragma once
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "relief/model/case.hpp"
#include "relief/model/date.hpp"
#include "relief/model/settings.hpp"
#include "relief/rules/decision.hpp"
#include "relief/rules/questions.hpp"
#include "relief/rules/ruleset.hpp"

namespace relief::gui {

/// The two question steps of the wizard.
enum class Step {
  AboutYou,  ///< person facts, asked before the records are entered
  Records,   ///< record facts (and any person fact still open), after the records
};

/// Everything the wizard knows, with no window in it: the case being built,
/// the rules, which questions were already answered, and the decision.
/// Pages show what this object says; none of them decides anything.
class WizardState {
 public:
  WizardState(std::shared_ptr<const rules::Library> library, model::Settings settings, model::Date as_of);

  /// Reads the settings and the rules library. Returns nullptr and sets
  /// `error` (English, one problem a line) when the rules cannot be used;
  /// a settings problem only sets `warning` and the defaults are used.
  static std::unique_ptr<WizardState> load(std::string& error, std::string& warning);

  const model::Case& case_data() const { return case_; }
  const model::Settings& settings() const { return settings_; }
  /// Takes new administrator settings (after the administrator screen saved
  /// them). A new default jurisdiction applies when no case is under way.
  void replace_settings(model::Settings settings);
  /// Sets the mode for this run only (relief-gui --kiosk).
  void set_mode(model::Mode mode) {
    mode_override_ = mode;
    settings_.mode = mode;
  }
  const rules::Library& library() const { return *library_; }
  /// Shared so that work running off the UI thread keeps the rules alive.
  std::shared_ptr<const rules::Library> library_ptr() const { return library_; }
  /// The rules of the case's jurisdiction.
  const rules::RuleSet& rules() const { return *rules_; }
  const model::Date& as_of() const { return as_of_; }

  // --- interview ---------------------------------------------------------
  /// The next question of `step` the planner says can still change an
  /// outcome and that was not answered yet (an "I'm not sure" counts as
  /// answered). nullopt when the step has nothing more to ask.
  std::optional<rules::Question> next_question(Step step) const;
  /// Stores an answer (JSON null = "I'm not sure") and remembers it was asked.
  void answer(Step step, const rules::Question& q, const nlohmann::json& value);
  /// Undoes the bookkeeping of the last answer given in `step` and returns
  /// that question so it can be shown again; the stored value is kept so the
  /// page can show it. nullopt when nothing was answered in the step.
  std::optional<rules::Question> take_back(Step step);
  /// The stored value of a question's fact: nullopt when absent, JSON null
  /// when the answer was "I'm not sure".
  std::optional<nlohmann::json> value_of(const rules::Question& q) const;
  /// True when the question was answered (including "I'm not sure").
  bool was_answered(const rules::Question& q) const;
  /// How many answers were given in `step`.
  std::size_t answered_count(Step step) const;
  /// How many questions of `step` the planner still has open (not answered).
  std::size_t open_count(Step step) const;
  /// Every question answered so far, in the order they were asked.
  std::vector<rules::Question> answered_questions() const;

  // --- the person ---------------------------------------------------------
  /// Name, birth date and address for the papers (all may stay empty).
  void set_petitioner(model::Petitioner p) { case_.petitioner = std::move(p); }

  // --- language -----------------------------------------------------------
  /// The language the person reads ("en", "es"): the screens and the
  /// instructions sheet follow it; court papers stay in English.
  const std::string& language() const { return language_; }
  void set_language(std::string code) { language_ = std::move(code); }

  // --- records -----------------------------------------------------------
  /// Adds a record; gives it a fresh id ("r1", "r2" …) when it has none or a
  /// taken one. Returns the id.
  std::string add_record(model::Record r);
  /// Replaces the descriptive fields of a record, keeping its id and its
  /// answered facts. False when no record has that id.
  bool update_record(const std::string& id, model::Record r);
  /// Removes a record, its facts and the bookkeeping of its questions.
  bool remove_record(const std::string& id);

  // --- dates given only as a month -----------------------------------------
  /// Marks a date as known only to the month (the case holds its first
  /// day). `record` is "" for a person fact; `field` is "offense_date",
  /// "disposition_date", "sentence_completed_date" or a date fact's name.
  void set_approximate(const std::string& record, const std::string& field, bool approximate);
  bool is_approximate(const std::string& record, const std::string& field) const;

  // --- decision ----------------------------------------------------------
  /// rules::decide on the current case, recomputed on every call. When a
  /// date is known only to the month, the case is decided with the first
  /// and with the last day of that month; a record whose result differs
  /// between the two becomes needs_review, never a guess.
  const rules::Decision& decide();
  /// The last decision computed (empty before the first decide()).
  const rules::Decision& decision() const { return decision_; }

  /// The dictionary entry for a fact name as the decision writes it
  /// ("record.result_of_trafficking" or "trafficking_victim"), or nullptr.
  const model::FactDef* fact_def(const std::string& name) const;

  /// Forgets everything about the person: the case, the answers and the
  /// decision. The rules and settings stay.
  void clear();
  /// Replaces the session with a whole case (a kept session coming back):
  /// every fact it holds counts as answered (person facts in the AboutYou
  /// step, record facts in the Records step) and the case's jurisdiction's
  /// rules are used. False, and nothing changed, when no rules are loaded
  /// for that jurisdiction.
  bool load_case(model::Case c);
  /// True when nothing about the person is held.
  bool empty() const;

 private:
  struct Asked {
    Step step;
    std::string fact;
    std::optional<std::string> record;
  };
  static std::string key(const std::string& fact, const std::optional<std::string>& record);
  const model::FactMap* facts_for(const std::optional<std::string>& record) const;
  model::FactMap* facts_for(const std::optional<std::string>& record);

  std::shared_ptr<const rules::Library> library_;
  const rules::RuleSet* rules_ = nullptr;
  model::Settings settings_;
  std::optional<model::Mode> mode_override_;  ///< from the command line; outlives replace_settings()
  model::Date as_of_;
  model::Case case_;
  std::set<std::string> answered_;
  std::vector<Asked> history_;
  rules::Decision decision_;
  std::set<std::string> approximate_;  ///< "record/field" keys
  std::string language_ = "en";
};

}  // namespace relief::gui
