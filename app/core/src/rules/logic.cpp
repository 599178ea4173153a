#include "relief/rules/logic.hpp"

#include <utility>

namespace relief::rules {
namespace {

using nlohmann::json;

const json& args_of(const json& expr, std::string& op) {
  const auto it = expr.begin();
  op = it.key();
  return it.value();
}

// JsonLogic lets a single argument stand without an array.
std::vector<const json*> arg_list(const json& args) {
  std::vector<const json*> out;
  if (args.is_array()) {
    for (const auto& a : args) out.push_back(&a);
  } else {
    out.push_back(&args);
  }
  return out;
}

bool truthy(const json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0.0;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  if (v.is_array() || v.is_object()) return !v.empty();
  return true;
}

Evaluated known(json v) { return Evaluated{std::move(v), {}}; }

Evaluated unknown(std::set<std::string> vars) { return Evaluated{std::nullopt, std::move(vars)}; }

void merge(std::set<std::string>& into, const std::set<std::string>& from) { into.insert(from.begin(), from.end()); }

// -1, 0, 1; nullopt when the two cannot be ordered.
std::optional<int> compare(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) {
    const double x = a.get<double>();
    const double y = b.get<double>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_string() && b.is_string()) {
    // ISO dates order correctly as text, so one rule serves both.
    const auto& x = a.get_ref<const std::string&>();
    const auto& y = b.get_ref<const std::string&>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  return std::nullopt;
}

std::optional<model::Date> as_date(const json& v) {
  if (!v.is_string()) return std::nullopt;
  return model::Date::parse(v.get<std::string>());
}

}  // namespace

Tri Evaluated::truth() const {
  if (!value) return Tri::Unknown;
  return truthy(*value) ? Tri::True : Tri::False;
}

Evaluator::Evaluator(VarLookup lookup, model::Date as_of) : lookup_(std::move(lookup)), as_of_(as_of) {}

Evaluated Evaluator::eval(const json& expr) const {
  if (expr.is_null()) return unknown({});
  if (expr.is_array()) {
    json out = json::array();
    std::set<std::string> vars;
    bool any_unknown = false;
    for (const auto& e : expr) {
      auto r = eval(e);
      if (!r.value) {
        any_unknown = true;
        merge(vars, r.unknown_vars);
      } else {
        out.push_back(*r.value);
      }
    }
    if (any_unknown) return unknown(std::move(vars));
    return known(std::move(out));
  }
  if (!expr.is_object() || expr.size() != 1) return known(expr);

  std::string op;
  const json& raw = args_of(expr, op);
  const auto args = arg_list(raw);

  if (op == "var") {
    const json& name = *args.at(0);
    const std::string n = name.is_string() ? name.get<std::string>() : name.dump();
    if (auto v = lookup_(n); v && !v->is_null()) return known(*v);
    if (args.size() > 1) return eval(*args[1]);
    return unknown({n});
  }
  if (op == "known") {
    const json& name = args.at(0)->is_object() && args.at(0)->contains("var") ? (*args.at(0))["var"] : *args.at(0);
    const std::string n = name.is_string() ? name.get<std::string>() : name.dump();
    auto v = lookup_(n);
    const bool has = v && !v->is_null();
    // A false `known` still names the variable: if this leads to an unknown
    // result, answering it is what would settle the matter.
    return Evaluated{json(has), has ? std::set<std::string>{} : std::set<std::string>{n}};
  }
  if (op == "as_of") return known(as_of_.iso());

  if (op == "and" || op == "or") {
    const bool is_and = op == "and";
    std::set<std::string> vars;
    bool any_unknown = false;
    for (const json* a : args) {
      auto r = eval(*a);
      const Tri t = r.truth();
      if (t == (is_and ? Tri::False : Tri::True)) return known(json(!is_and));
      if (t == Tri::Unknown) {
        any_unknown = true;
        merge(vars, r.unknown_vars);
      }
    }
    if (any_unknown) return unknown(std::move(vars));
    return known(json(is_and));
  }
  if (op == "!" || op == "!!") {
    auto r = eval(*args.at(0));
    if (!r.value) return r;
    const bool t = truthy(*r.value);
    return known(json(op == "!" ? !t : t));
  }
  if (op == "if" || op == "?:") {
    // Kleene if: an unknown condition keeps both branches alive; if they
    // agree the answer is known anyway.
    std::function<Evaluated(size_t)> from = [&](size_t i) -> Evaluated {
      if (i >= args.size()) return known(json(nullptr));
      if (i + 1 == args.size()) return eval(*args[i]);
      auto c = eval(*args[i]);
      switch (c.truth()) {
        case Tri::True:
          return eval(*args[i + 1]);
        case Tri::False: {
          auto rest = from(i + 2);
          if (!rest.value) merge(rest.unknown_vars, c.unknown_vars);
          return rest;
        }
        case Tri::Unknown: {
          auto then = eval(*args[i + 1]);
          auto rest = from(i + 2);
          if (then.value && rest.value && *then.value == *rest.value) return then;
          std::set<std::string> vars = c.unknown_vars;
          merge(vars, then.unknown_vars);
          merge(vars, rest.unknown_vars);
          return unknown(std::move(vars));
        }
      }
      return unknown({});
    };
    return from(0);
  }

  // Every remaining operator needs all of its operands known.
  std::vector<json> vals;
  std::set<std::string> vars;
  bool any_unknown = false;
  for (const json* a : args) {
    auto r = eval(*a);
    if (!r.value) {
      any_unknown = true;
      merge(vars, r.unknown_vars);
    } else {
      vals.push_back(*r.value);
    }
  }
  if (any_unknown) return unknown(std::move(vars));

  if (op == "==" || op == "===") return known(json(vals.at(0) == vals.at(1)));
  if (op == "!=" || op == "!==") return known(json(vals.at(0) != vals.at(1)));
  if (op == "<" || op == "<=" || op == ">" || op == ">=") {
    for (size_t i = 0; i + 1 < vals.size(); ++i) {
      auto c = compare(vals[i], vals[i + 1]);
      if (!c) return unknown({});
      const bool ok = op == "<" ? *c < 0 : op == "<=" ? *c <= 0 : op == ">" ? *c > 0 : *c >= 0;
      if (!ok) return known(json(false));
    }
    return known(json(true));
  }
  if (op == "in") {
    const json& needle = vals.at(0);
    const json& hay = vals.at(1);
    if (hay.is_array()) {
      for (const auto& h : hay) {
        if (h == needle) return known(json(true));
      }
      return known(json(false));
    }
    if (hay.is_string() && needle.is_string()) {
      return known(json(hay.get<std::string>().find(needle.get<std::string>()) != std::string::npos));
    }
    return known(json(false));
  }
  if (op == "years_between") {
    auto a = as_date(vals.at(0));
    auto b = as_date(vals.at(1));
    if (!a || !b) return unknown({});
    return known(json(model::Date::whole_years_between(*a, *b)));
  }
  if (op == "date_add_years") {
    auto a = as_date(vals.at(0));
    if (!a || !vals.at(1).is_number_integer()) return unknown({});
    model::Date d = *a;
    d.year += vals[1].get<int>();
    if (d.month == 2 && d.day == 29 && !model::Date::parse(d.iso())) d.day = 28;
    return known(json(d.iso()));
  }
  return unknown({});
}

const std::set<std::string>& known_operators() {
  static const std::set<std::string> kOps = {"var", "known", "as_of", "and", "or", "!", "!!", "if", "?:",
                                             "==", "===", "!=", "!==", "<", "<=", ">", ">=", "in",
                                             "years_between", "date_add_years"};
  return kOps;
}

std::string validate_expression(const json& expr, const std::string& path, std::string& path_out) {
  if (expr.is_array()) {
    for (size_t i = 0; i < expr.size(); ++i) {
      auto msg = validate_expression(expr[i], path + "[" + std::to_string(i) + "]", path_out);
      if (!msg.empty()) return msg;
    }
    return {};
  }
  if (!expr.is_object()) return {};
  if (expr.size() != 1) {
    path_out = path;
    return "an operation must have exactly one operator, found " + std::to_string(expr.size());
  }
  std::string op;
  const json& raw = args_of(expr, op);
  const std::string here = path + "." + op;
  if (!known_operators().count(op)) {
    path_out = here;
    return "unknown operator \"" + op + "\"";
  }
  const auto args = arg_list(raw);
  auto need = [&](size_t lo, size_t hi) -> std::string {
    if (args.size() < lo || args.size() > hi) {
      path_out = here;
      return "\"" + op + "\" takes " + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi)) +
             " operand(s), found " + std::to_string(args.size());
    }
    return {};
  };
  std::string msg;
  if (op == "var" || op == "known") {
    if (!(msg = need(1, op == "var" ? 2 : 1)).empty()) return msg;
    if (!args[0]->is_string() || args[0]->get<std::string>().empty()) {
      path_out = here;
      return "\"" + op + "\" needs a fact name";
    }
    return {};
  }
  if (op == "as_of") return raw.is_array() && raw.empty() ? std::string{} : need(0, 0);
  if (op == "!" || op == "!!") msg = need(1, 1);
  if (op == "==" || op == "===" || op == "!=" || op == "!==" || op == "in" || op == "years_between" ||
      op == "date_add_years") {
    msg = need(2, 2);
  }
  if (op == "<" || op == "<=" || op == ">" || op == ">=") msg = need(2, 3);
  if (op == "and" || op == "or") msg = need(1, 64);
  if (op == "if" || op == "?:") msg = need(1, 64);
  if (!msg.empty()) return msg;
  return validate_expression(raw, here, path_out);
}

void collect_vars(const json& expr, std::set<std::string>& out) {
  if (expr.is_array()) {
    for (const auto& e : expr) collect_vars(e, out);
    return;
  }
  if (!expr.is_object() || expr.size() != 1) return;
  std::string op;
  const json& raw = args_of(expr, op);
  if (op == "var" || op == "known") {
    const auto args = arg_list(raw);
    if (!args.empty() && args[0]->is_string()) out.insert(args[0]->get<std::string>());
    return;
  }
  collect_vars(raw, out);
}

}  // namespace relief::rules
