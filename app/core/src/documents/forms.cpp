#include "forms.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>

#include <kainjow/mustache.hpp>

#include "context.hpp"
#include "mustache_data.hpp"
#include "relief/util/atomic_file.hpp"

namespace relief::documents {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::size_t kMaxFormFileBytes = 1u << 20;

const std::vector<std::string> kCommonKeys = {"type",  "comment",        "when",          "unless",
                                              "each",  "as",             "max",           "keep_with_next",
                                              "group", "keep_together",  "space_before",  "space_after"};

// Per block type: the keys it may have, those it must have, and which of
// them are Mustache text (validated against the context).
struct BlockSpec {
  std::vector<std::string> keys;
  std::vector<std::string> required;
  std::vector<std::string> texts;
};

const std::map<std::string, BlockSpec>& block_specs() {
  static const std::map<std::string, BlockSpec> specs = {
      {"text", {{"text", "align", "bold", "size", "indent", "left", "right", "leading", "label", "label_width"}, {"text"}, {"text", "label"}}},
      {"title", {{"text", "underline", "size", "align"}, {"text"}, {"text"}}},
      {"heading", {{"text", "size", "align"}, {"text"}, {"text"}}},
      {"paragraph", {{"text", "indent", "left", "right", "leading", "size", "align"}, {"text"}, {"text"}}},
      {"numbered", {{"text"}, {"text"}, {"text"}}},
      {"fields", {{"fields", "left", "leading"}, {"fields"}, {}}},
      {"list", {{"text", "left"}, {"text"}, {"text"}}},
      {"checkbox", {{"text", "checked", "left", "size"}, {"text"}, {"text"}}},
      {"writing_lines", {{"count", "height"}, {"count"}, {}}},
      {"signature", {{"lines", "left", "height"}, {"lines"}, {}}},
      {"caption", {{"style", "above", "left", "right", "right_width"}, {"left", "right"}, {}}},
      {"table", {{"columns", "caption"}, {"columns", "each"}, {"caption"}}},
      {"include", {{"part", "with"}, {"part"}, {}}},
      {"group", {{"blocks"}, {"blocks"}, {}}},
      {"spacer", {{"height"}, {"height"}, {}}},
      {"page_break", {{}, {}, {}}},
      {"rule", {{"left", "right"}, {}, {}}},
  };
  return specs;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Validates one file's content; all problems go to issues.
class Validator {
 public:
  Validator(std::string file, std::vector<rules::Issue>& issues) : file_(std::move(file)), issues_(issues) {}

  void error(const std::string& path, const std::string& msg) {
    issues_.push_back(rules::Issue{true, file_, path, msg});
    ++errors_;
  }
  int errors() const { return errors_; }

  void keys(const json& obj, const std::string& path, const std::vector<std::string>& allowed,
            const std::vector<std::string>& required) {
    if (!obj.is_object()) {
      error(path, "expected an object");
      return;
    }
    for (const auto& [k, v] : obj.items()) {
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
        error(path + "." + k, "unknown field \"" + k + "\" (expected one of: " + join(allowed) + ")");
      }
    }
    for (const auto& k : required) {
      if (!obj.contains(k)) error(path, "missing field \"" + k + "\"");
    }
  }

  // Resolves a dotted name in the scopes, innermost first. Facts are open
  // ended (a jurisdiction may add its own), so any name under facts. is
  // accepted.
  const json* resolve(const std::string& name, const std::vector<const json*>& scopes, bool& open) const {
    open = false;
    if (name == ".") return scopes.back();
    const std::vector<std::string> parts = split_dotted(name);
    for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
      const json& scope = **it;
      if (!scope.is_object() || !scope.contains(parts[0])) continue;
      const json* cur = &scope.at(parts[0]);
      for (size_t i = 1; i < parts.size(); ++i) {
        if (parts[i - 1] == "facts" && cur->is_object()) {
          open = true;
          return cur;
        }
        if (!cur->is_object() || !cur->contains(parts[i])) return nullptr;
        cur = &cur->at(parts[i]);
      }
      return cur;
    }
    return nullptr;
  }

  // Checks the Mustache syntax (with kainjow, as it will render) and that
  // every name exists in the context.
  void text(const json& v, const std::string& path, std::vector<const json*> scopes) {
    if (!v.is_string()) {
      error(path, "expected text (a string)");
      return;
    }
    const std::string& t = v.get_ref<const std::string&>();
    kainjow::mustache::mustache m{t};
    if (!m.is_valid()) {
      error(path, "bad Mustache: " + m.error_message());
      return;
    }
    markup(t, path);
    static const json kEmpty = json::object();
    std::vector<std::string> open_sections;
    for (size_t pos = t.find("{{"); pos != std::string::npos; pos = t.find("{{", pos)) {
      const bool triple = t.compare(pos, 3, "{{{") == 0;
      const size_t end = t.find(triple ? "}}}" : "}}", pos);
      if (end == std::string::npos) break;  // kainjow reported it already
      std::string tag = t.substr(pos + (triple ? 3 : 2), end - pos - (triple ? 3 : 2));
      pos = end + (triple ? 3 : 2);
      auto trim = [](std::string s) {
        const auto b = s.find_first_not_of(' ');
        const auto e = s.find_last_not_of(' ');
        return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
      };
      tag = trim(tag);
      if (tag.empty()) continue;
      const char sigil = tag[0];
      if (sigil == '!') continue;
      if (sigil == '=' || sigil == '>' || sigil == '<') {
        error(path, "Mustache " + std::string(sigil == '=' ? "delimiter changes" : "partials") +
                        " are not supported (use an include block for shared parts)");
        continue;
      }
      const bool section = sigil == '#' || sigil == '^';
      const bool close = sigil == '/';
      const std::string name = trim(section || close || sigil == '&' ? tag.substr(1) : tag);
      if (close) {
        if (!open_sections.empty()) open_sections.pop_back();
        if (scopes.size() > 1) scopes.pop_back();
        continue;
      }
      bool open = false;
      const json* found = resolve(name, scopes, open);
      if (!found) {
        error(path, "unknown field \"" + name + "\" in {{" + tag + "}} (see the list of fields in forms/README.md)");
        found = &kEmpty;
      }
      if (section) {
        open_sections.push_back(name);
        if (sigil == '#' && !open && found->is_array()) {
          scopes.push_back(found->empty() ? &kEmpty : &found->front());
        } else if (sigil == '#' && !open && found->is_object()) {
          scopes.push_back(found);
        } else {
          scopes.push_back(&kEmpty);
        }
      }
    }
  }

  // Only <b>, <u> and their closing tags are markup; they must nest.
  void markup(const std::string& t, const std::string& path) {
    std::vector<std::string> stack;
    for (size_t pos = t.find('<'); pos != std::string::npos; pos = t.find('<', pos + 1)) {
      const size_t end = t.find('>', pos);
      if (end == std::string::npos) break;
      const std::string tag = t.substr(pos + 1, end - pos - 1);
      if (tag == "b" || tag == "u") {
        stack.push_back(tag);
      } else if (tag == "/b" || tag == "/u") {
        if (stack.empty() || stack.back() != tag.substr(1)) {
          error(path, "markup <" + tag + "> closes nothing open");
          return;
        }
        stack.pop_back();
      } else if (!tag.empty() && (std::isalpha(static_cast<unsigned char>(tag[0])) || tag[0] == '/')) {
        error(path, "unknown markup <" + tag + "> (only <b> and <u> are allowed)");
        return;
      }
    }
    if (!stack.empty()) error(path, "markup <" + stack.back() + "> is never closed");
  }

  void number(const json& obj, const std::string& key, const std::string& path, double lo, double hi) {
    if (!obj.contains(key)) return;
    const json& v = obj.at(key);
    if (!v.is_number() || v.get<double>() < lo || v.get<double>() > hi) {
      error(path + "." + key, "expected a number from " + std::to_string(static_cast<int>(lo)) + " to " +
                                  std::to_string(static_cast<int>(hi)));
    }
  }

  void boolean(const json& obj, const std::string& key, const std::string& path) {
    if (obj.contains(key) && !obj.at(key).is_boolean()) error(path + "." + key, "expected true or false");
  }

  void choice(const json& obj, const std::string& key, const std::string& path, const std::vector<std::string>& ok) {
    if (!obj.contains(key)) return;
    const json& v = obj.at(key);
    if (!v.is_string() || std::find(ok.begin(), ok.end(), v.get<std::string>()) == ok.end()) {
      error(path + "." + key, "expected one of: " + join(ok));
    }
  }

  void context_path(const json& v, const std::string& path, const std::vector<const json*>& scopes) {
    if (!v.is_string() || v.get<std::string>().empty()) {
      error(path, "expected the name of a context field");
      return;
    }
    bool open = false;
    if (!resolve(v.get<std::string>(), scopes, open)) {
      error(path, "unknown field \"" + v.get<std::string>() + "\" (see the list of fields in forms/README.md)");
    }
  }

  // A caption line: text, or {text, align, bold, space_before}.
  void caption_lines(const json& arr, const std::string& path, const std::vector<const json*>& scopes) {
    if (!arr.is_array()) {
      error(path, "expected a list of lines");
      return;
    }
    for (size_t i = 0; i < arr.size(); ++i) {
      const std::string p = path + "[" + std::to_string(i) + "]";
      const json& line = arr[i];
      if (line.is_string()) {
        text(line, p, scopes);
      } else if (line.is_object()) {
        keys(line, p, {"text", "align", "bold", "space_before"}, {"text"});
        if (line.contains("text")) text(line["text"], p + ".text", scopes);
        choice(line, "align", p, {"left", "center", "right"});
        boolean(line, "bold", p);
        number(line, "space_before", p, 0, 200);
      } else {
        error(p, "expected text or {\"text\": …}");
      }
    }
  }

  void blocks(const json& arr, const std::string& path, std::vector<const json*> scopes,
              const std::function<const Template*(const std::string&, const std::string&)>& part) {
    if (!arr.is_array()) {
      error(path, "expected a list of blocks");
      return;
    }
    for (size_t i = 0; i < arr.size(); ++i) block(arr[i], path + "[" + std::to_string(i) + "]", scopes, part);
  }

  void block(const json& b, const std::string& path, std::vector<const json*> scopes,
             const std::function<const Template*(const std::string&, const std::string&)>& part) {
    if (!b.is_object()) {
      error(path, "expected a block (an object with a \"type\")");
      return;
    }
    if (!b.contains("type") || !b["type"].is_string()) {
      error(path + ".type", "missing block type");
      return;
    }
    const std::string type = b["type"].get<std::string>();
    const auto& specs = block_specs();
    auto spec = specs.find(type);
    if (spec == specs.end()) {
      std::vector<std::string> names;
      for (const auto& [n, s] : specs) names.push_back(n);
      error(path + ".type", "unknown block type \"" + type + "\" (expected one of: " + join(names) + ")");
      return;
    }
    std::vector<std::string> allowed = kCommonKeys;
    allowed.insert(allowed.end(), spec->second.keys.begin(), spec->second.keys.end());
    keys(b, path, allowed, spec->second.required);

    for (const char* k : {"when", "unless"}) {
      if (b.contains(k)) context_path(b[k], path + "." + k, scopes);
    }
    json item_scope;  // lives until this block's checks end
    if (b.contains("each")) {
      context_path(b["each"], path + ".each", scopes);
      bool open = false;
      const json* list = b["each"].is_string() ? resolve(b["each"].get<std::string>(), scopes, open) : nullptr;
      if (list && !list->is_array()) error(path + ".each", "\"" + b["each"].get<std::string>() + "\" is not a list");
      if (b.contains("as") && (!b["as"].is_string() || b["as"].get<std::string>().empty() ||
                               b["as"].get<std::string>().find('.') != std::string::npos)) {
        error(path + ".as", "expected a simple name for each item");
      }
      const std::string as = b.value("as", std::string("item"));
      item_scope = json::object();
      item_scope[as] = list && list->is_array() && !list->empty() ? list->front() : json::object();
      item_scope["loop"] = {{"number", "1"}, {"first", true}, {"last", true}, {"count", "1"}};
      scopes.push_back(&item_scope);
    } else if (b.contains("as") || b.contains("max")) {
      error(path, "\"as\" and \"max\" need \"each\"");
    }
    number(b, "max", path, 1, 1000);
    boolean(b, "keep_with_next", path);
    boolean(b, "keep_together", path);
    number(b, "space_before", path, 0, 400);
    number(b, "space_after", path, 0, 400);
    if (b.contains("group") && !b["group"].is_string()) error(path + ".group", "expected a group name");

    for (const std::string& k : spec->second.texts) {
      if (b.contains(k)) text(b[k], path + "." + k, scopes);
    }
    choice(b, "align", path, {"left", "center", "right"});
    boolean(b, "bold", path);
    boolean(b, "underline", path);
    number(b, "size", path, 6, 24);
    number(b, "indent", path, -72, 144);
    if (type != "caption") {
      number(b, "left", path, 0, 400);
      number(b, "right", path, 0, 400);
    }
    number(b, "label_width", path, 0, 100);
    if (b.contains("leading") && !(b["leading"].is_number() || b["leading"] == "body" || b["leading"] == "tight")) {
      error(path + ".leading", "expected \"body\", \"tight\" or a number of points");
    }

    if (type == "fields") {
      const json& f = b["fields"];
      if (!f.is_array() || f.empty()) {
        error(path + ".fields", "expected a list of {\"label\", \"value\"}");
      } else {
        for (size_t i = 0; i < f.size(); ++i) {
          const std::string p = path + ".fields[" + std::to_string(i) + "]";
          keys(f[i], p, {"label", "value", "blank"}, {"label", "value"});
          if (f[i].contains("label")) text(f[i]["label"], p + ".label", scopes);
          if (f[i].contains("value")) text(f[i]["value"], p + ".value", scopes);
          if (f[i].is_object()) number(f[i], "blank", p, 4, 60);
        }
      }
    } else if (type == "checkbox") {
      if (b.contains("checked") && !b["checked"].is_boolean()) context_path(b["checked"], path + ".checked", scopes);
    } else if (type == "writing_lines") {
      number(b, "count", path, 1, 40);
      number(b, "height", path, 12, 48);
    } else if (type == "signature") {
      if (!b["lines"].is_array()) {
        error(path + ".lines", "expected a list of lines under the signature line");
      } else {
        for (size_t i = 0; i < b["lines"].size(); ++i) text(b["lines"][i], path + ".lines[" + std::to_string(i) + "]", scopes);
      }
      number(b, "height", path, 12, 96);
    } else if (type == "caption") {
      choice(b, "style", path, {"box", "texas", "venue"});
      for (const char* k : {"above", "left", "right"}) {
        if (b.contains(k)) caption_lines(b[k], path + "." + k, scopes);
      }
      number(b, "right_width", path, 100, 300);
    } else if (type == "table") {
      const json& cols = b["columns"];
      if (!cols.is_array() || cols.empty()) {
        error(path + ".columns", "expected a list of columns");
      } else {
        double total = 0;
        for (size_t i = 0; i < cols.size(); ++i) {
          const std::string p = path + ".columns[" + std::to_string(i) + "]";
          keys(cols[i], p, {"header", "text", "width"}, {"header", "text", "width"});
          if (!cols[i].is_object()) continue;
          if (cols[i].contains("header")) text(cols[i]["header"], p + ".header", scopes);
          if (cols[i].contains("text")) text(cols[i]["text"], p + ".text", scopes);
          number(cols[i], "width", p, 0, 1);
          if (cols[i].contains("width") && cols[i]["width"].is_number()) total += cols[i]["width"].get<double>();
        }
        if (total < 0.99 || total > 1.01) error(path + ".columns", "the column widths must add up to 1");
      }
    } else if (type == "include") {
      if (!b["part"].is_string()) {
        error(path + ".part", "expected the name of a part in forms/common/parts (e.g. \"verification\")");
        return;
      }
      json args = json::object();
      if (b.contains("with")) {
        if (!b["with"].is_object()) {
          error(path + ".with", "expected an object of texts");
        } else {
          for (const auto& [k, v] : b["with"].items()) {
            text(v, path + ".with." + k, scopes);
            args[k] = "";
          }
        }
      }
      const Template* p = part(b["part"].get<std::string>(), path + ".part");
      if (!p) return;
      // The part's own parameters must all be given.
      for (const auto& name : p->json.value("params", json::array())) {
        if (name.is_string() && !args.contains(name.get<std::string>())) {
          error(path + ".with", "the part \"" + b["part"].get<std::string>() + "\" needs \"" +
                                    name.get<std::string>() + "\"");
        }
      }
      (void)args;
    } else if (type == "group") {
      blocks(b["blocks"], path + ".blocks", scopes, part);
    }
  }

 private:
  std::string file_;
  std::vector<rules::Issue>& issues_;
  int errors_ = 0;
};

Result<json> read_json(const std::string& root, const std::string& rel, std::vector<rules::Issue>& issues) {
  const std::string path = (fs::path(root) / rel).string();
  auto text = util::read_file(path, kMaxFormFileBytes);
  if (!text) {
    issues.push_back(rules::Issue{true, rel, "", "cannot read this file"});
    return tl::unexpected(text.error());
  }
  try {
    return json::parse(*text);
  } catch (const json::parse_error& e) {
    issues.push_back(rules::Issue{true, rel, "", std::string("not valid JSON: ") + e.what()});
    return fail(ErrorCode::BadInput, rel, "", "not valid JSON");
  }
}

// A relative path inside the forms folder; never escapes it.
bool safe_relative(const std::string& p) {
  if (p.empty() || p[0] == '/' || p.find("..") != std::string::npos || p.find('\\') != std::string::npos) return false;
  return p.size() > 5 && p.compare(p.size() - 5, 5, ".json") == 0;
}

class Loader {
 public:
  Loader(std::string root, std::vector<rules::Issue>& issues) : root_(std::move(root)), issues_(issues) {}

  // Loads and validates a template (kind != "") or a part (kind == "").
  const Template* load(const std::string& rel, bool is_part, const std::string& from_file, const std::string& from_path) {
    auto& cache = is_part ? parts_ : templates_;
    if (auto it = cache.find(rel); it != cache.end()) return it->second.json.is_null() ? nullptr : &it->second;
    cache[rel] = Template{rel, nullptr};  // guards against an include cycle
    if (!safe_relative(rel)) {
      issues_.push_back(rules::Issue{true, from_file, from_path, "\"" + rel + "\" is not a .json file inside forms/"});
      return nullptr;
    }
    if (!fs::is_regular_file(fs::path(root_) / rel)) {
      issues_.push_back(rules::Issue{true, from_file, from_path, "\"" + rel + "\" does not exist in forms/"});
      return nullptr;
    }
    auto j = read_json(root_, rel, issues_);
    if (!j) return nullptr;
    Validator v(rel, issues_);
    const json& t = *j;
    const std::vector<const json*> scopes = {&context_shape()};
    auto part_loader = [&](const std::string& name, const std::string& at) -> const Template* {
      return load("common/parts/" + name + ".json", true, rel, at);
    };
    if (is_part) {
      v.keys(t, "$", {"schema", "comment", "params", "blocks"}, {"schema", "blocks"});
      if (t.value("schema", "") != kPartSchema) v.error("$.schema", std::string("expected \"") + kPartSchema + "\"");
      json part_scope = {{"args", json::object()}};
      if (t.contains("params")) {
        if (!t["params"].is_array()) {
          v.error("$.params", "expected a list of parameter names");
        } else {
          for (const auto& p : t["params"]) {
            if (p.is_string()) part_scope["args"][p.get<std::string>()] = "";
          }
        }
      }
      std::vector<const json*> ps = scopes;
      ps.push_back(&part_scope);
      if (t.contains("blocks")) v.blocks(t["blocks"], "$.blocks", ps, part_loader);
    } else {
      v.keys(t, "$",
             {"schema", "comment", "title", "subject", "footer_title", "file_name", "language", "paper", "addendum",
              "blocks"},
             {"schema", "title", "subject", "footer_title", "file_name", "blocks"});
      if (t.value("schema", "") != kTemplateSchema) v.error("$.schema", std::string("expected \"") + kTemplateSchema + "\"");
      for (const char* k : {"title", "subject", "footer_title"}) {
        if (t.contains(k)) v.text(t[k], std::string("$.") + k, scopes);
      }
      if (!t.contains("file_name") || !t["file_name"].is_string() || t["file_name"].get<std::string>().empty() ||
          t["file_name"].get<std::string>().find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") !=
              std::string::npos) {
        v.error("$.file_name", "expected lower-case letters, digits and hyphens (the start of the file's name)");
      }
      v.choice(t, "language", "$", {"court", "survivor"});
      v.choice(t, "paper", "$", {"plain", "pleading"});
      bool has_max = false;
      std::function<void(const json&)> find_max = [&](const json& arr) {
        if (!arr.is_array()) return;
        for (const auto& b : arr) {
          if (b.is_object() && b.contains("max")) has_max = true;
          if (b.is_object() && b.contains("blocks")) find_max(b["blocks"]);
        }
      };
      if (t.contains("blocks")) find_max(t["blocks"]);
      if (t.contains("addendum")) {
        v.keys(t["addendum"], "$.addendum", {"title", "note"}, {"title", "note"});
        for (const char* k : {"title", "note"}) {
          if (t["addendum"].is_object() && t["addendum"].contains(k)) {
            v.text(t["addendum"][k], std::string("$.addendum.") + k, scopes);
          }
        }
      } else if (has_max) {
        v.error("$.addendum", "a block has \"max\", so the template needs an addendum {\"title\", \"note\"} for the rest");
      }
      if (t.contains("blocks")) v.blocks(t["blocks"], "$.blocks", scopes, part_loader);
    }
    if (v.errors() > 0) return nullptr;
    cache[rel] = Template{rel, t};
    return &cache[rel];
  }

  const std::map<std::string, Template>& parts() const { return parts_; }

  Result<FormDef> form(const std::string& rel) {
    const size_t before = issues_.size();
    auto j = read_json(root_, rel, issues_);
    if (!j) return tl::unexpected(j.error());
    const json& f = *j;
    Validator v(rel, issues_);
    v.keys(f, "$", {"schema", "comment", "id", "jurisdiction", "short_title", "one_record_per_paper", "documents", "filing"},
           {"schema", "id", "jurisdiction", "short_title", "documents", "filing"});
    FormDef out;
    out.file = rel;
    if (f.value("schema", "") != kFormSchema) v.error("$.schema", std::string("expected \"") + kFormSchema + "\"");
    if (f.contains("id") && f["id"].is_string()) out.id = f["id"].get<std::string>();
    if (f.contains("jurisdiction") && f["jurisdiction"].is_string()) out.jurisdiction = f["jurisdiction"].get<std::string>();
    const std::vector<const json*> scopes = {&context_shape()};
    if (f.contains("short_title")) {
      v.text(f["short_title"], "$.short_title", scopes);
      if (f["short_title"].is_string()) out.short_title = f["short_title"].get<std::string>();
    }
    v.boolean(f, "one_record_per_paper", "$");
    out.one_record_per_paper = f.value("one_record_per_paper", false);
    if (f.contains("filing")) {
      const json& fi = f["filing"];
      v.keys(fi, "$.filing",
             {"copies", "file_how", "serve_how", "fees", "fee_waiver", "official_form", "privacy", "hearing",
              "next_steps"},
             {"copies", "file_how", "serve_how", "fees", "next_steps"});
      v.number(fi, "copies", "$.filing", 1, 20);
      for (const char* k : {"file_how", "serve_how", "fees", "fee_waiver", "official_form", "hearing"}) {
        if (fi.is_object() && fi.contains(k)) v.text(fi[k], std::string("$.filing.") + k, scopes);
      }
      for (const char* k : {"privacy", "next_steps"}) {
        if (!fi.is_object() || !fi.contains(k)) continue;
        if (!fi[k].is_array()) {
          v.error(std::string("$.filing.") + k, "expected a list of texts");
          continue;
        }
        for (size_t i = 0; i < fi[k].size(); ++i) {
          v.text(fi[k][i], std::string("$.filing.") + k + "[" + std::to_string(i) + "]", scopes);
        }
      }
      out.filing = fi;
    }
    if (f.contains("documents")) {
      const json& docs = f["documents"];
      if (!docs.is_object()) {
        v.error("$.documents", "expected {\"petition\": \"ny/motion.json\", …}");
      } else {
        for (const auto& kind : document_kinds()) {
          if (!docs.contains(kind)) v.error("$.documents", "missing the \"" + kind + "\" template");
        }
        for (const auto& [kind, path] : docs.items()) {
          const std::string p = "$.documents." + kind;
          if (std::find(document_kinds().begin(), document_kinds().end(), kind) == document_kinds().end()) {
            v.error(p, "unknown document kind (expected one of: " + join(document_kinds()) + ")");
            continue;
          }
          if (!path.is_string()) {
            v.error(p, "expected the template's path inside forms/");
            continue;
          }
          const Template* t = load(path.get<std::string>(), false, rel, p);
          if (t) out.documents[kind] = *t;
        }
      }
    }
    bool failed = v.errors() > 0;
    for (size_t i = before; i < issues_.size(); ++i) failed = failed || issues_[i].error;
    if (failed) return fail(ErrorCode::BadInput, rel, "", "the form has errors");
    out.parts = parts_;
    return out;
  }

 private:
  std::string root_;
  std::vector<rules::Issue>& issues_;
  std::map<std::string, Template> templates_;
  std::map<std::string, Template> parts_;
};

// Every form file: forms/<folder>/*.json whose schema is relief.form/1.
std::map<std::string, std::string> form_files(const std::string& root, std::vector<rules::Issue>& issues) {
  std::map<std::string, std::string> by_id;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& dir : fs::directory_iterator(root, ec)) {
    if (!dir.is_directory()) continue;
    for (const auto& e : fs::directory_iterator(dir.path(), ec)) {
      if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    const std::string rel = fs::relative(p, root, ec).string();
    auto text = util::read_file(p.string(), kMaxFormFileBytes);
    if (!text) continue;
    json j = json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("schema", "") != kFormSchema) continue;
    if (!j.contains("id") || !j["id"].is_string()) {
      issues.push_back(rules::Issue{true, rel, "$.id", "missing form id"});
      continue;
    }
    const std::string id = j["id"].get<std::string>();
    if (auto [it, fresh] = by_id.emplace(id, rel); !fresh) {
      issues.push_back(rules::Issue{true, rel, "$.id", "the form id \"" + id + "\" is also used by " + it->second});
    }
  }
  return by_id;
}

}  // namespace

const std::vector<std::string>& document_kinds() {
  static const std::vector<std::string> kinds = {"petition", "declaration", "order", "instructions"};
  return kinds;
}

Result<FormDef> load_form(const std::string& forms_dir, const std::string& id, std::vector<rules::Issue>& issues) {
  std::error_code ec;
  if (!fs::is_directory(forms_dir, ec)) {
    issues.push_back(rules::Issue{true, forms_dir, "", "the forms folder does not exist"});
    return fail(ErrorCode::NotFound, forms_dir, "", "the forms folder does not exist (reinstall Relief)");
  }
  const auto files = form_files(forms_dir, issues);
  auto it = files.find(id);
  if (it == files.end()) {
    issues.push_back(rules::Issue{true, forms_dir, "", "no form with the id \"" + id + "\""});
    return fail(ErrorCode::NotFound, forms_dir, "", "no court-paper template has the form id \"" + id +
                                                        "\" named by the rules");
  }
  Loader loader(forms_dir, issues);
  return loader.form(it->second);
}

Result<StandaloneTemplate> load_template(const std::string& forms_dir, const std::string& rel,
                                         std::vector<rules::Issue>& issues) {
  Loader loader(forms_dir, issues);
  const Template* t = loader.load(rel, false, rel, "");
  if (!t) return fail(ErrorCode::BadInput, rel, "", "the template has errors");
  return StandaloneTemplate{*t, loader.parts()};
}

std::vector<std::string> validate_forms(const std::string& forms_dir, std::vector<rules::Issue>& issues) {
  std::vector<std::string> ids;
  for (const auto& [id, rel] : form_files(forms_dir, issues)) {
    Loader loader(forms_dir, issues);
    (void)loader.form(rel);
    ids.push_back(id);
  }
  (void)load_template(forms_dir, "common/summary.json", issues);
  return ids;
}

}  // namespace relief::documents
