#include <algorithm>
#include <cctype>

#include <wx/intl.h>

#include "attorney/panels.hpp"
#include "text.hpp"
#include "widgets/style.hpp"

namespace relief::gui::attorney {
namespace {

constexpr int kQuestionWidth = 560;

wxString topic_words(const std::string& topic) {
  if (topic == "trafficking") return _("Trafficking");
  if (topic == "proof") return _("Proof");
  if (topic == "safety") return _("Safety");
  if (topic == "court") return _("Court");
  if (topic == "history") return _("Criminal history");
  if (topic == "record") return _("This record");
  std::string s = topic;
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return to_wx(s);
}

wxString value_words(const model::FactDef& def, const std::optional<nlohmann::json>& v) {
  if (!v) return _("(not answered)");
  if (v->is_null()) return _("Unknown");
  if (v->is_boolean()) return v->get<bool>() ? _("Yes") : _("No");
  if (v->is_string()) return def.type == model::FactType::Choice ? choice_words(def.name, v->get<std::string>())
                                                                  : to_wx(v->get<std::string>());
  return to_wx(v->dump());
}

}  // namespace

QuestionsPanel::QuestionsPanel(wxWindow* parent, Host& host)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL,
                       "questions_panel"),
      host_(host),
      content_(new wxBoxSizer(wxVERTICAL)) {
  SetScrollRate(0, 20);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(content_, 1, wxEXPAND | wxALL, 12);
  SetSizer(outer);
  refresh();
}

std::string QuestionsPanel::key(const std::string& fact, const std::optional<std::string>& record) {
  return (record ? *record : std::string()) + "/" + fact;
}

QuestionsPanel::Row* QuestionsPanel::row(const std::string& k) {
  auto it = rows_.find(k);
  return it == rows_.end() ? nullptr : &it->second;
}

std::vector<std::optional<nlohmann::json>> QuestionsPanel::choice_values(const model::FactDef& def) {
  std::vector<std::optional<nlohmann::json>> out{std::nullopt};
  if (def.type == model::FactType::Bool) {
    out.emplace_back(true);
    out.emplace_back(false);
  } else {
    for (const auto& c : def.choices) out.emplace_back(c);
  }
  out.emplace_back(nlohmann::json(nullptr));
  return out;
}

void QuestionsPanel::refresh() {
  Workspace& ws = host_.workspace();
  std::vector<rules::Question> qs = ws.person_questions();
  for (auto& q : ws.record_questions()) qs.push_back(std::move(q));
  bool same = qs.size() == shown_.size();
  for (std::size_t i = 0; same && i < qs.size(); ++i) {
    same = key(qs[i].fact, qs[i].record) == key(shown_[i].fact, shown_[i].record);
  }
  if (!same) rebuild(qs);
  show_values();
}

void QuestionsPanel::rebuild(const std::vector<rules::Question>& qs) {
  // Keep the keyboard where it was: the same question's control, if it stays.
  wxString focused;
  if (wxWindow* f = wxWindow::FindFocus(); f && f->GetParent() == this) focused = f->GetName();

  Freeze();
  content_->Clear(true);
  rows_.clear();
  shown_ = qs;
  Workspace& ws = host_.workspace();

  auto* intro = new wxStaticText(this, wxID_ANY,
                                 _("Only the questions whose answers can still change a result are listed; the list "
                                   "changes as you answer. \"Unknown\" is an answer: the rules treat it as not known."),
                                 wxDefaultPosition, wxDefaultSize, 0, "questions_intro");
  intro->Wrap(900);
  content_->Add(intro, 0, wxBOTTOM, 8);
  if (qs.empty()) {
    content_->Add(new wxStaticText(this, wxID_ANY,
                                   _("No question can change a result now. Add records, or see the Results tab."),
                                   wxDefaultPosition, wxDefaultSize, 0, "questions_none"));
  }

  wxFlexGridSizer* grid = nullptr;
  std::string group;
  std::string topic;
  for (const auto& q : qs) {
    const std::string this_group = q.record ? *q.record : std::string();
    if (!grid || this_group != group) {
      group = this_group;
      topic.clear();
      wxString title = _("About the petitioner");
      if (q.record) {
        const model::Record* r = ws.find_record(*q.record);
        // TRANSLATORS: %1$s is a record id (r1), %2$s names the record.
        title = wxString::Format(_("Record %1$s: %2$s"), to_wx(*q.record), r ? record_title(*r) : wxString());
      }
      // The font first, then the words: the size is measured in the font it shows.
      auto* heading = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                       to_wx("questions_group_" + (q.record ? *q.record : std::string("person"))));
      heading->SetFont(scaled_font(heading, 1.15, true));
      heading->SetLabelText(title);
      // GTK measured bold text in a frozen window too narrow: size it from the text.
      heading->SetMinSize(heading->GetTextExtent(title) + wxSize(8, 4));
      content_->Add(heading, 0, wxTOP | wxBOTTOM, 8);
      grid = new wxFlexGridSizer(3, 4, 12);
      grid->AddGrowableCol(2, 1);
      content_->Add(grid, 0, wxEXPAND | wxLEFT, 12);
    }
    if (!q.record && q.def->topic != topic) {
      topic = q.def->topic;
      auto* t = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                 to_wx("questions_topic_" + topic));
      t->SetFont(scaled_font(t, 1.0, true));
      t->SetLabelText(topic_words(topic));
      t->SetMinSize(t->GetTextExtent(topic_words(topic)) + wxSize(8, 4));
      grid->Add(t, 0, wxTOP, 6);
      grid->AddSpacer(0);
      grid->AddSpacer(0);
    }
    const std::string k = key(q.fact, q.record);
    const wxString name = to_wx("q_" + (q.record ? *q.record : std::string("person")) + "_" + q.fact);
    auto* label = new wxStaticText(this, wxID_ANY, tr(q.def->question), wxDefaultPosition, wxDefaultSize, 0,
                                   name + "_label");
    label->Wrap(kQuestionWidth);
    // Every group's answers line up in one column.
    label->SetMinSize(wxSize(kQuestionWidth, -1));
    const wxString help = q.def->help.empty() ? tr(q.def->question) : tr(q.def->help);
    label->SetToolTip(help);
    Row r;
    r.q = q;
    if (q.def->type == model::FactType::Bool || q.def->type == model::FactType::Choice) {
      wxArrayString items;
      for (const auto& v : choice_values(*q.def)) items.Add(value_words(*q.def, v));
      auto* choice = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(170, -1), items, 0, wxDefaultValidator, name);
      choice->Bind(wxEVT_CHOICE, [this, k](wxCommandEvent&) { take_choice(k); });
      r.control = choice;
    } else {
      auto* text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(170, -1), wxTE_PROCESS_ENTER,
                                  wxDefaultValidator, name);
      if (q.def->type == model::FactType::Date) text->SetHint(_("YYYY-MM-DD"));
      text->Bind(wxEVT_TEXT, [this, k](wxCommandEvent&) { take_text(k, false); });
      text->Bind(wxEVT_TEXT_ENTER, [this, k](wxCommandEvent&) { take_text(k, true); });
      text->Bind(wxEVT_KILL_FOCUS, [this, k](wxFocusEvent& e) {
        e.Skip();
        take_text(k, true);
      });
      r.control = text;
    }
    r.control->SetToolTip(help);
    r.error = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name + "_error");
    r.error->SetForegroundColour(error_colour());
    grid->Add(label, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(r.control, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(r.error, 0, wxALIGN_CENTER_VERTICAL);
    rows_[k] = r;
  }
  Layout();
  FitInside();
  Thaw();
  if (!focused.empty()) {
    if (wxWindow* again = FindWindow(focused)) again->SetFocus();
  }
}

void QuestionsPanel::show_values() {
  loading_ = true;
  for (auto& [k, r] : rows_) {
    const auto value = host_.workspace().value_of(r.q);
    if (auto* choice = dynamic_cast<wxChoice*>(r.control)) {
      const auto values = choice_values(*r.q.def);
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == value) choice->SetSelection(static_cast<int>(i));
      }
    } else if (auto* text = dynamic_cast<wxTextCtrl*>(r.control)) {
      // A value being typed is left alone; only a stored one is shown.
      if (value && value->is_string() && r.error->GetLabelText().empty()) {
        const wxString stored = to_wx(value->get<std::string>());
        if (text->GetValue() != stored && !text->HasFocus()) text->ChangeValue(stored);
      }
    }
  }
  loading_ = false;
}

void QuestionsPanel::take_choice(const std::string& k) {
  if (loading_) return;
  Row* r = row(k);
  auto* choice = r ? dynamic_cast<wxChoice*>(r->control) : nullptr;
  if (!choice) return;
  const auto values = choice_values(*r->q.def);
  const int sel = choice->GetSelection();
  if (sel < 0 || sel >= static_cast<int>(values.size())) return;
  host_.workspace().set_value(r->q, values[static_cast<std::size_t>(sel)]);
  host_.changed(Change::Answers);
}

void QuestionsPanel::take_text(const std::string& k, bool final) {
  if (loading_) return;
  Row* r = row(k);
  auto* text = r ? dynamic_cast<wxTextCtrl*>(r->control) : nullptr;
  if (!text) return;
  wxString typed = text->GetValue();
  typed.Trim().Trim(false);
  std::optional<nlohmann::json> value;
  wxString problem;
  if (typed.empty()) {
    value = std::nullopt;
  } else if (r->q.def->type == model::FactType::Date) {
    if (auto d = parse_typed_date(from_wx(typed))) {
      value = d->iso();
    } else {
      problem = _("Not a date: write it as YYYY-MM-DD or MM/DD/YYYY.");
    }
  } else {
    value = from_wx(typed);
  }
  if (!problem.empty()) {
    // While typing, a date is not a date yet: say so only when the field is left.
    if (final && r->error->GetLabelText() != problem) {
      r->error->SetLabelText(problem);
      Layout();
      // TRANSLATORS: %1$s is a question, %2$s what is wrong with the answer.
      host_.announce(wxString::Format(_("%1$s %2$s"), tr(r->q.def->question), problem), true);
    }
    return;
  }
  if (!r->error->GetLabelText().empty()) {
    r->error->SetLabelText(wxString());
    Layout();
  }
  if (host_.workspace().value_of(r->q) == value) return;
  host_.workspace().set_value(r->q, value);
  host_.changed(Change::Answers);
}

wxWindow* QuestionsPanel::control_for(const std::string& fact, const std::optional<std::string>& record) const {
  auto it = rows_.find(key(fact, record));
  return it == rows_.end() ? nullptr : it->second.control;
}

void QuestionsPanel::answer_choice(const std::string& fact, const std::optional<std::string>& record, int selection) {
  auto* choice = dynamic_cast<wxChoice*>(control_for(fact, record));
  if (!choice) return;
  choice->SetSelection(selection);
  take_choice(key(fact, record));
}

void QuestionsPanel::answer_text(const std::string& fact, const std::optional<std::string>& record,
                                 const wxString& text) {
  auto* entry = dynamic_cast<wxTextCtrl*>(control_for(fact, record));
  if (!entry) return;
  entry->ChangeValue(text);
  take_text(key(fact, record), true);
}

wxString QuestionsPanel::error_for(const std::string& fact, const std::optional<std::string>& record) const {
  auto it = rows_.find(key(fact, record));
  return it == rows_.end() ? wxString() : it->second.error->GetLabelText();
}

}  // namespace relief::gui::attorney
