#pragma once
#include <functional>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "relief/model/date.hpp"

namespace relief::rules {

/// Kleene truth value: unknown is a value of its own, never false.
enum class Tri { False, True, Unknown };

/// Resolves a variable name to its value; nullopt means unknown.
using VarLookup = std::function<std::optional<nlohmann::json>(const std::string&)>;

/// The result of evaluating an expression: a value (nullopt = unknown) and
/// the unknown variables that left it unknown.
struct Evaluated {
  std::optional<nlohmann::json> value;
  std::set<std::string> unknown_vars;

  /// The value as a truth value (JSON truthiness; unknown stays unknown).
  Tri truth() const;
};

/// Evaluates a JsonLogic expression under three-valued logic.
///
/// Standard operators: var, and, or, !, !!, ==, !=, ===, !==, <, <=, >, >=,
/// in, if. A JSON null literal means unknown. Relief's additions: `known` (true iff the variable has a
/// value), `years_between` [date, date] (whole years), `date_add_years`
/// [date, n], and `as_of` (the evaluation date). Comparisons on two dates
/// ("YYYY-MM-DD") compare as dates.
class Evaluator {
 public:
  Evaluator(VarLookup lookup, model::Date as_of);
  /// Evaluates `expr`; operator names must already have been validated.
  Evaluated eval(const nlohmann::json& expr) const;

 private:
  VarLookup lookup_;
  model::Date as_of_;
};

/// Every operator name the evaluator knows.
const std::set<std::string>& known_operators();

/// Checks that `expr` uses only known operators with sane arity; returns ""
/// when fine, else a message, and fills `path_out` with the offending path.
std::string validate_expression(const nlohmann::json& expr, const std::string& path,
                                std::string& path_out);

/// Every variable name an expression reads.
void collect_vars(const nlohmann::json& expr, std::set<std::string>& out);

}  // namespace relief::rules
