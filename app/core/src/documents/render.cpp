#include "render.hpp"

#include <cctype>
#include <memory>
#include <unordered_map>

#include "mustache_data.hpp"

namespace relief::documents {
namespace {

using nlohmann::json;
using pdf::Align;
using pdf::Block;
using pdf::Run;

constexpr double kBodyLeading = 19;  // about 1.6 lines: readable, not too long
constexpr double kTightLeading = 14.5;
constexpr double kIndent = 36;  // half an inch
// Paragraph numbers sit close to their text: a wider gap makes text
// extractors read the numbers as a separate column.
constexpr double kLabelWidth = 20;
constexpr const char* kLtMark = "\xEE\x80\x80";  // U+E000 stands for '<' in values until markup is parsed

bool truthy(const json* v) {
  if (!v) return false;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) return !v->get<std::string>().empty();
  if (v->is_array() || v->is_object()) return !v->empty();
  if (v->is_number()) return v->get<double>() != 0;
  return false;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

// One level of the scope stack: the names it adds and the merged Mustache
// data of everything visible from it.
struct Scope {
  json layer;
  std::shared_ptr<kainjow::mustache::data> data;
};

class Renderer {
 public:
  Renderer(const std::map<std::string, Template>& parts, const i18n::Catalog& cat, double width, bool pleading,
           bool survivor)
      : parts_(parts), cat_(cat), width_(width), pleading_(pleading), survivor_(survivor) {
    body_leading_ = pleading ? pdf::kPleadingPitch : kBodyLeading;
    tight_leading_ = pleading ? pdf::kPleadingPitch / 2 : kTightLeading;
  }

  RenderedDocument run(const Template& t, const json& context) {
    scopes_.push_back(Scope{context, std::make_shared<kainjow::mustache::data>(to_mustache(context))});
    RenderedDocument out;
    out.pleading = pleading_;
    out.survivor = survivor_;
    out.title = plain(t.json.at("title").get<std::string>());
    out.subject = plain(t.json.at("subject").get<std::string>());
    out.footer_title = plain(t.json.at("footer_title").get<std::string>());
    blocks(t.json.at("blocks"));
    if (!pending_.empty()) {
      const json& add = t.json.at("addendum");
      Block title = pdf::runs_block({Run{text_of(add.at("title").get<std::string>()), true, true}}, Align::Center);
      title.leading = body_leading_;
      title.page_break_before = true;
      title.space_after = 8;
      title.keep_with_next = true;
      emit(std::move(title));
      html_ += "<h3>" + html_text(add.at("title").get<std::string>()) + "</h3>\n";
      auto pending = std::move(pending_);
      for (auto& p : pending) {
        scopes_ = p.scopes;
        each_items(p.block, p.items, p.first, p.total);
      }
    }
    close_list();
    out.blocks = std::move(out_);
    out.html = std::move(html_);
    return out;
  }

 private:
  struct Pending {
    json block;
    std::vector<json> items;
    size_t first = 0;
    size_t total = 0;
    std::vector<Scope> scopes;
  };

  const std::map<std::string, Template>& parts_;
  const i18n::Catalog& cat_;
  double width_;
  bool pleading_;
  bool survivor_;
  double body_leading_;
  double tight_leading_;
  std::vector<Scope> scopes_;
  std::vector<Block> out_;
  std::string html_;
  std::string open_list_;
  int number_ = 0;
  int next_group_ = 1000;
  std::map<std::string, int> groups_;
  std::vector<Pending> pending_;
  std::unordered_map<std::string, std::unique_ptr<kainjow::mustache::mustache>> plain_cache_;
  std::unordered_map<std::string, std::unique_ptr<kainjow::mustache::mustache>> html_cache_;

  // ---- values and text

  const json* lookup(const std::string& name) const {
    const std::vector<std::string> parts = split_dotted(name);
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (!it->layer.is_object() || !it->layer.contains(parts[0])) continue;
      const json* cur = &it->layer.at(parts[0]);
      for (size_t i = 1; i < parts.size(); ++i) {
        if (!cur->is_object() || !cur->contains(parts[i])) return nullptr;
        cur = &cur->at(parts[i]);
      }
      return cur;
    }
    return nullptr;
  }

  void push_scope(json layer) {
    auto data = std::make_shared<kainjow::mustache::data>(*scopes_.back().data);
    for (const auto& [k, v] : layer.items()) data->set(k, to_mustache(v));
    scopes_.push_back(Scope{std::move(layer), std::move(data)});
  }

  // Text that is nothing but placeholders and punctuation ("{{court.name}}")
  // has nothing to translate.
  static bool has_words(const std::string& raw) {
    bool in_tag = false;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw.compare(i, 2, "{{") == 0) in_tag = true;
      if (in_tag) {
        if (raw.compare(i, 2, "}}") == 0) {
          in_tag = false;
          ++i;
        }
        continue;
      }
      if (raw[i] == '<') {
        const size_t end = raw.find('>', i);
        if (end != std::string::npos && end - i <= 3) {
          i = end;
          continue;
        }
      }
      if (std::isalpha(static_cast<unsigned char>(raw[i])) || static_cast<unsigned char>(raw[i]) >= 0x80) return true;
    }
    return false;
  }

  std::string msg(const std::string& raw) const { return survivor_ && has_words(raw) ? cat_.translate(raw) : raw; }

  kainjow::mustache::mustache& compiled(const std::string& text, bool html) {
    auto& cache = html ? html_cache_ : plain_cache_;
    auto it = cache.find(text);
    if (it != cache.end()) return *it->second;
    auto m = std::make_unique<kainjow::mustache::mustache>(text);
    if (!m->is_valid()) {
      // A translation that is not valid Mustache: the English text (which
      // was validated) is printed instead of a broken one.
      m = std::make_unique<kainjow::mustache::mustache>(text);
    }
    if (!html) m->set_custom_escape([](const std::string& s) { return replace_all(s, "<", kLtMark); });
    auto& ref = *m;
    cache.emplace(text, std::move(m));
    return ref;
  }

  std::string render(const std::string& raw, bool html) {
    std::string text = msg(raw);
    {
      kainjow::mustache::mustache probe{text};
      if (!probe.is_valid()) text = raw;
    }
    return compiled(text, html).render(*scopes_.back().data);
  }

  // Plain text (metadata, footer): markup removed.
  std::string plain(const std::string& raw) {
    std::string s = render(raw, false);
    for (const char* tag : {"<b>", "</b>", "<u>", "</u>"}) s = replace_all(s, tag, "");
    return replace_all(s, kLtMark, "<");
  }

  std::string text_of(const std::string& raw) { return plain(raw); }

  // Court papers keep "§ 440.10" on one line.
  std::string typeset(std::string s) const {
    if (!survivor_) s = replace_all(s, "\xC2\xA7 ", "\xC2\xA7\xC2\xA0");
    return replace_all(s, kLtMark, "<");
  }

  std::vector<Run> runs(const std::string& raw, bool bold = false) {
    const std::string s = render(raw, false);
    std::vector<Run> out;
    bool b = bold;
    bool u = false;
    std::string cur;
    auto flush = [&] {
      if (!cur.empty()) out.push_back(Run{typeset(cur), b, u});
      cur.clear();
    };
    for (size_t i = 0; i < s.size();) {
      if (s[i] == '<') {
        bool tag = true;
        if (s.compare(i, 3, "<b>") == 0) {
          flush();
          b = true;
          i += 3;
        } else if (s.compare(i, 4, "</b>") == 0) {
          flush();
          b = bold;
          i += 4;
        } else if (s.compare(i, 3, "<u>") == 0) {
          flush();
          u = true;
          i += 3;
        } else if (s.compare(i, 4, "</u>") == 0) {
          flush();
          u = false;
          i += 4;
        } else {
          tag = false;
        }
        if (tag) continue;
      }
      cur += s[i++];
    }
    flush();
    return out;
  }

  std::string html_text(const std::string& raw) {
    std::string s = render(raw, true);
    s = replace_all(s, "<b>", "<strong>");
    s = replace_all(s, "</b>", "</strong>");
    return replace_all(s, "\n", "<br>");
  }

  bool empty_runs(const std::vector<Run>& r) const {
    for (const Run& run : r) {
      if (run.text.find_first_not_of(" \n") != std::string::npos) return false;
    }
    return true;
  }

  // ---- output

  void emit(Block b) { out_.push_back(std::move(b)); }

  void html(const std::string& s, const std::string& list = "") {
    if (!survivor_) return;
    if (list != open_list_) {
      close_list();
      if (!list.empty()) html_ += list == "check" ? "<ul class=\"checklist\">\n" : "<ul>\n";
      open_list_ = list;
    }
    html_ += s;
  }

  void close_list() {
    if (!open_list_.empty()) html_ += "</ul>\n";
    open_list_.clear();
  }

  double leading(const json& b, double dflt) const {
    if (!b.contains("leading")) return dflt;
    if (b["leading"] == "body") return body_leading_;
    if (b["leading"] == "tight") return tight_leading_;
    return b["leading"].get<double>();
  }

  Align align(const json& b, Align dflt) const {
    const std::string a = b.value("align", "");
    return a == "center" ? Align::Center : a == "right" ? Align::Right : a == "left" ? Align::Left : dflt;
  }

  Block tight(std::vector<Run> r, double left = 0, Align al = Align::Left) const {
    Block b = pdf::runs_block(std::move(r), al);
    b.leading = tight_leading_;
    b.indent_left = left;
    return b;
  }

  int group_id(const json& b) {
    if (!b.contains("group")) return 0;
    auto [it, fresh] = groups_.emplace(b["group"].get<std::string>(), 0);
    if (fresh) it->second = next_group_++;
    return it->second;
  }

  // ---- blocks

  void blocks(const json& arr) {
    for (const json& b : arr) block(b);
  }

  void block(const json& b) {
    if (b.contains("when") && !truthy(lookup(b["when"].get<std::string>()))) return;
    if (b.contains("unless") && truthy(lookup(b["unless"].get<std::string>()))) return;
    if (!b.contains("each")) {
      one(b);
      return;
    }
    const json* list = lookup(b["each"].get<std::string>());
    std::vector<json> items;
    if (list && list->is_array()) items.assign(list->begin(), list->end());
    size_t shown = items.size();
    // Without an addendum to continue in, every item stays in place.
    if (b.contains("max") && addendum_) shown = std::min(shown, static_cast<size_t>(b["max"].get<int>()));
    each_items(b, std::vector<json>(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(shown)), 0, items.size());
    if (shown < items.size()) {
      // Nothing is ever cut off: the rest go to the addendum at the end.
      json note_scope = {{"addendum", {{"count", std::to_string(items.size() - shown)},
                                       {"shown", std::to_string(shown)},
                                       {"total", std::to_string(items.size())}}}};
      push_scope(note_scope);
      pending_.push_back(Pending{b, std::vector<json>(items.begin() + static_cast<std::ptrdiff_t>(shown), items.end()),
                                 shown, items.size(), scopes_});
      note_block();
      scopes_.pop_back();
    }
  }

  void note_block();  // defined below (needs the template's addendum note)
  const json* addendum_ = nullptr;

 public:
  void set_addendum(const json* a) { addendum_ = a; }

 private:
  void each_items(const json& b, const std::vector<json>& items, size_t first, size_t total) {
    const std::string as = b.value("as", std::string("item"));
    if (b["type"] == "table") {
      table(b, items, as, first, total);
      return;
    }
    for (size_t i = 0; i < items.size(); ++i) {
      push_scope(loop_layer(as, items[i], first + i, total));
      one(b);
      scopes_.pop_back();
    }
  }

  // Applies the common keys to the blocks one template block produced.
  void finish(const json& b, size_t from) {
    if (from >= out_.size()) return;
    const int g = group_id(b);
    for (size_t i = from; i < out_.size(); ++i) {
      if (g) out_[i].group = g;
      if (b.value("keep_together", false)) out_[i].keep_together = true;
    }
    if (b.contains("space_before")) out_[from].space_before = b["space_before"].get<double>();
    if (b.contains("space_after")) out_.back().space_after = b["space_after"].get<double>();
    if (b.value("keep_with_next", false)) out_.back().keep_with_next = true;
  }

  void one(const json& b) {
    const size_t from = out_.size();
    const std::string type = b["type"].get<std::string>();
    if (type == "text") {
      Block t = pdf::runs_block(runs(b["text"].get<std::string>(), b.value("bold", false)), align(b, Align::Left));
      t.size = b.value("size", 12.0);
      t.leading = leading(b, tight_leading_);
      t.first_indent = b.value("indent", 0.0);
      t.indent_left = b.value("left", 0.0);
      t.indent_right = b.value("right", 0.0);
      if (b.contains("label")) {
        t.label = text_of(b["label"].get<std::string>());
        t.label_width = b.value("label_width", kLabelWidth);
      }
      emit(std::move(t));
      html("<p>" + html_text(b["text"].get<std::string>()) + "</p>\n");
    } else if (type == "title") {
      Block t = pdf::runs_block(runs(b["text"].get<std::string>(), true), align(b, Align::Center));
      if (b.value("underline", true)) {
        for (Run& r : t.runs) r.underline = true;
      }
      t.size = b.value("size", 12.0);
      t.leading = body_leading_;
      t.space_before = 18;
      t.space_after = 4;
      t.keep_with_next = true;
      emit(std::move(t));
      html("<h2>" + html_text(b["text"].get<std::string>()) + "</h2>\n");
    } else if (type == "heading") {
      Block t = pdf::runs_block(runs(b["text"].get<std::string>(), true), align(b, Align::Left));
      t.size = b.value("size", 12.0);
      t.leading = body_leading_;
      t.space_before = 10;
      t.keep_with_next = true;
      emit(std::move(t));
      html("<h3>" + html_text(b["text"].get<std::string>()) + "</h3>\n");
    } else if (type == "paragraph" || type == "numbered") {
      std::vector<Run> r = runs(b["text"].get<std::string>());
      if (empty_runs(r)) return;
      Block t = pdf::runs_block(std::move(r), align(b, Align::Left));
      t.size = b.value("size", 12.0);
      t.leading = leading(b, body_leading_);
      t.first_indent = b.value("indent", kIndent);
      t.indent_left = b.value("left", 0.0);
      t.indent_right = b.value("right", 0.0);
      t.space_after = 4;
      std::string prefix;
      if (type == "numbered") {
        t.label = std::to_string(++number_) + ".";
        t.label_width = kLabelWidth;
        prefix = t.label + " ";
      }
      emit(std::move(t));
      html("<p>" + prefix + html_text(b["text"].get<std::string>()) + "</p>\n");
    } else if (type == "fields") {
      for (const json& f : b["fields"]) {
        std::string value = text_of(f["value"].get<std::string>());
        std::vector<Run> r = runs(f["label"].get<std::string>(), true);
        if (!r.empty()) r.back().text += ": ";
        if (value.find_first_not_of(' ') == std::string::npos) {
          // Label and blank never part: a blank alone on a line says nothing.
          if (!r.empty()) r.back().text = replace_all(r.back().text, " ", "\xC2\xA0");
          r.push_back(Run{std::string(static_cast<size_t>(f.value("blank", 24)), '_'), false, false});
        } else {
          for (Run& v : runs(f["value"].get<std::string>())) r.push_back(std::move(v));
        }
        Block t = tight(std::move(r), b.value("left", 0.0));
        t.leading = leading(b, tight_leading_);
        emit(std::move(t));
        html("<p><strong>" + html_text(f["label"].get<std::string>()) + ":</strong> " +
             (value.empty() ? std::string("________") : html_text(f["value"].get<std::string>())) + "</p>\n");
      }
    } else if (type == "list" || type == "checkbox") {
      const bool check = type == "checkbox";
      Block t = pdf::runs_block(runs(b["text"].get<std::string>()));
      t.size = b.value("size", 12.0);
      t.leading = body_leading_;
      const double lw = check ? 22 : 14;
      t.indent_left = b.value("left", 0.0) + lw;
      t.first_indent = -lw;
      t.label_width = lw;
      bool checked = false;
      if (check) {
        if (b.contains("checked")) {
          checked = b["checked"].is_boolean() ? b["checked"].get<bool>() : truthy(lookup(b["checked"].get<std::string>()));
        }
        t.check = checked ? Block::Check::Checked : Block::Check::Empty;
      } else {
        t.label = "\xE2\x80\xA2";
      }
      t.space_after = 2;
      t.keep_together = true;
      emit(std::move(t));
      const std::string mark = check ? (checked ? "\xE2\x98\x92" : "\xE2\x98\x90") : "";
      html("<li>" + (check ? "<span aria-hidden=\"true\">" + mark + "</span> " : std::string()) +
               html_text(b["text"].get<std::string>()) + "</li>\n",
           check ? "check" : "ul");
    } else if (type == "writing_lines") {
      const int n = b["count"].get<int>();
      for (int i = 0; i < n; ++i) {
        Block r = pdf::rule_block(0, 0);
        r.leading = b.value("height", pleading_ ? pdf::kPleadingPitch : 24.0);
        r.thickness = 0.5;
        emit(std::move(r));
      }
    } else if (type == "signature") {
      const double left = b.value("left", 234.0);
      const int g = b.contains("group") ? 0 : next_group_++;
      Block space = pdf::space_block(b.value("height", 26.0));
      space.group = g;
      emit(std::move(space));
      Block line = pdf::rule_block(left, 0);
      line.group = g;
      emit(std::move(line));
      for (const json& l : b["lines"]) {
        Block t = tight(runs(l.get<std::string>()), left);
        t.group = g;
        emit(std::move(t));
      }
    } else if (type == "caption") {
      caption(b);
    } else if (type == "include") {
      const Template& part = parts_.at("common/parts/" + b["part"].get<std::string>() + ".json");
      json args = json::object();
      if (b.contains("with")) {
        for (const auto& [k, v] : b["with"].items()) args[k] = plain(v.get<std::string>());
      }
      push_scope({{"args", args}});
      blocks(part.json.at("blocks"));
      scopes_.pop_back();
    } else if (type == "group") {
      blocks(b["blocks"]);
    } else if (type == "spacer") {
      emit(pdf::space_block(b["height"].get<double>()));
    } else if (type == "page_break") {
      Block t = pdf::space_block(0);
      t.page_break_before = true;
      emit(std::move(t));
    } else if (type == "rule") {
      emit(pdf::rule_block(b.value("left", 0.0), b.value("right", 0.0)));
    }
    finish(b, from);
  }

  std::vector<Block> caption_column(const json& lines, double width) {
    std::vector<Block> out;
    (void)width;
    for (const json& l : lines) {
      const json obj = l.is_string() ? json{{"text", l}} : l;
      const std::string raw = obj["text"].get<std::string>();
      if (raw.empty()) {
        out.push_back(pdf::space_block(tight_leading_));
        continue;
      }
      if (obj.contains("space_before")) out.push_back(pdf::space_block(obj["space_before"].get<double>()));
      out.push_back(tight(runs(raw, obj.value("bold", false)), 0, align(obj, Align::Left)));
    }
    return out;
  }

  void caption(const json& b) {
    const bool texas = b.value("style", "box") == "texas";
    if (b.value("style", "box") == "venue") {
      // "STATE OF NEW YORK ) ss.:" — two columns, no box.
      Block v;
      v.kind = Block::Kind::Columns;
      v.columns = {pdf::Column{200, caption_column(b["left"], 200)},
                   pdf::Column{b.value("right_width", 120.0), caption_column(b["right"], 120)}};
      v.keep_together = true;
      emit(std::move(v));
      return;
    }
    if (b.contains("above")) {
      for (Block& t : caption_column(b["above"], width_)) {
        t.keep_with_next = true;
        emit(std::move(t));
      }
    }
    Block c;
    c.kind = Block::Kind::Columns;
    const double right_w = b.value("right_width", 186.0);
    if (texas) {
      // Texas captions: party on the left, court on the right, a column of
      // section signs between them.
      const double mid = 24;
      const double side = (width_ - mid) / 2;
      pdf::Column left{side - 6, caption_column(b["left"], side)};
      pdf::Column right{side - 6, caption_column(b["right"], side)};
      const size_t n = std::max(b["left"].size(), b["right"].size());
      std::string signs;
      for (size_t i = 0; i < n; ++i) signs += i ? "\n\xC2\xA7" : "\xC2\xA7";
      Block s = tight({Run{signs, false, false}}, 0, Align::Center);
      pdf::Column middle{mid, {s}};
      c.columns = {left, middle, right};
      c.gap = 6;
    } else {
      const double gap = 18;
      const double left_w = width_ - right_w - gap;
      std::vector<Block> l = caption_column(b["left"], left_w);
      l.insert(l.begin(), pdf::space_block(10));
      l.push_back(pdf::space_block(10));
      std::vector<Block> r = caption_column(b["right"], right_w);
      r.insert(r.begin(), pdf::space_block(10));
      r.push_back(pdf::space_block(10));
      c.columns = {pdf::Column{left_w, l}, pdf::Column{right_w, r}};
      c.gap = gap;
      c.caption_box = true;
    }
    c.space_before = 10;
    c.keep_together = true;
    emit(std::move(c));
  }

  void table(const json& b, const std::vector<json>& items, const std::string& as, size_t first, size_t total) {
    Block t;
    t.kind = Block::Kind::Table;
    t.size = 11;
    t.leading = pleading_ ? pdf::kPleadingPitch / 2 : 13.5;
    std::string head_html;
    for (const json& col : b["columns"]) {
      t.col_widths.push_back(col["width"].get<double>() * width_);
      t.header.push_back(runs(col["header"].get<std::string>(), true));
      head_html += "<th scope=\"col\">" + html_text(col["header"].get<std::string>()) + "</th>";
    }
    std::string rows_html;
    for (size_t i = 0; i < items.size(); ++i) {
      push_scope(loop_layer(as, items[i], first + i, total));
      std::vector<std::vector<Run>> row;
      rows_html += "<tr>";
      for (const json& col : b["columns"]) {
        row.push_back(runs(col["text"].get<std::string>()));
        rows_html += "<td>" + html_text(col["text"].get<std::string>()) + "</td>";
      }
      rows_html += "</tr>\n";
      t.rows.push_back(std::move(row));
      scopes_.pop_back();
    }
    const size_t from = out_.size();
    t.space_before = 6;
    t.space_after = 6;
    emit(std::move(t));
    std::string cap = b.contains("caption") ? "<caption>" + html_text(b["caption"].get<std::string>()) + "</caption>" : "";
    html("<table>" + cap + "<thead><tr>" + head_html + "</tr></thead>\n<tbody>\n" + rows_html + "</tbody></table>\n");
    finish(b, from);
  }
};

void Renderer::note_block() {
  if (!addendum_) return;
  Block t = pdf::runs_block(runs(addendum_->at("note").get<std::string>()));
  t.leading = body_leading_;
  t.first_indent = kIndent;
  t.space_before = 4;
  t.space_after = 6;
  emit(std::move(t));
  html("<p>" + html_text(addendum_->at("note").get<std::string>()) + "</p>\n");
}

}  // namespace

pdf::PageSetup page_setup(bool pleading) {
  pdf::PageSetup ps;
  if (pleading) {
    // Text sits right of the line numbers and their double rule.
    ps.pleading = true;
    ps.margin_top = 52;
    ps.margin_left = 100;
    ps.margin_right = 64;
    ps.margin_bottom = 792 - 52 - pdf::kPleadingPitch * pdf::kPleadingLines;
  }
  return ps;
}

RenderedDocument render_document(const Template& t, const std::map<std::string, Template>& parts,
                                 const nlohmann::json& context, const i18n::Catalog& cat, double width) {
  const bool pleading = t.json.value("paper", "plain") == "pleading";
  const bool survivor = t.json.value("language", "court") == "survivor";
  Renderer r(parts, cat, width, pleading, survivor);
  if (t.json.contains("addendum")) r.set_addendum(&t.json.at("addendum"));
  return r.run(t, context);
}


}  // namespace relief::documents
