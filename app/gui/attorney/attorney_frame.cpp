#include "attorney/attorney_frame.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include <wx/app.h>
#include <wx/choicdlg.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stdpaths.h>

#include "attorney/passphrase_dialog.hpp"
#include "relief/crypto/envelope.hpp"
#include "relief/model/case_io.hpp"
#include "relief/util/paths.hpp"
#include "text.hpp"
#include "widgets/legal_footer.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

using attorney::Change;

namespace {

enum MenuId {
  kIdNew = wxID_HIGHEST + 1,
  kIdOpen,
  kIdSave,
  kIdSaveAs,
  kIdIntake,
  kIdPapers,
  kIdQuit,
  kIdRecentNone,
  kIdRecentFirst,
  kIdRecentLast = kIdRecentFirst + 9,
};

constexpr int kAutosaveDelayMs = 700;

// A case file's text is checked as strictly before it is written as when it
// is read: a file this window writes always opens again.
Result<void> validate(const model::Case& c, const std::string& path, const model::FactDictionary& dict) {
  auto again = model::case_from_json(model::case_to_json(c), path, dict);
  if (!again) return tl::unexpected(again.error());
  return {};
}

wxString matter_label(const rules::RuleSet& rs) {
  // TRANSLATORS: %1$s is a state's name, %2$s its postal code.
  return wxString::Format(_("%1$s (%2$s)"), to_wx(rs.name), to_wx(rs.jurisdiction));
}

}  // namespace

AttorneyFrame::AttorneyFrame(std::shared_ptr<WizardState> state, attorney::AttorneyOptions options)
    : wxFrame(nullptr, wxID_ANY, to_wx(state->settings().window_title), wxDefaultPosition, wxSize(1200, 860),
              wxDEFAULT_FRAME_STYLE, "attorney_frame"),
      state_(std::move(state)),
      options_(std::move(options)),
      workspace_(state_->library_ptr(), state_->settings().default_jurisdiction, state_->as_of()),
      autosave_timer_(this) {
  SetMinSize(wxSize(900, 640));
  CreateStatusBar(1);
  build_menu();

  // Creation order is the tab order: jurisdiction, notebook, footer.
  panel_ = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "attorney_content");
  auto* top = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  auto* jlabel = new wxStaticText(panel_, wxID_ANY, _("&Jurisdiction:"), wxDefaultPosition, wxDefaultSize, 0,
                                  "jurisdiction_label");
  jurisdiction_ = new wxChoice(panel_, wxID_ANY, wxDefaultPosition, wxSize(240, -1), 0, nullptr, 0, wxDefaultValidator,
                               "jurisdiction_choice");
  jurisdiction_->SetToolTip(_("The jurisdiction shown. Each one is saved as its own case file; the petitioner and "
                              "the facts about the person are shared."));
  add_jurisdiction_ = new wxButton(panel_, wxID_ANY, _("Add anot&her jurisdiction..."), wxDefaultPosition,
                                   wxDefaultSize, 0, wxDefaultValidator, "jurisdiction_add");
  add_jurisdiction_->SetToolTip(_("Check the same petitioner's records under another state's law"));
  bar->Add(jlabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  bar->Add(jurisdiction_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
  bar->Add(add_jurisdiction_, 0, wxALIGN_CENTER_VERTICAL);
  top->Add(bar, 0, wxALL, 8);
  message_ = new wxStaticText(panel_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "attorney_message");
  top->Add(message_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);

  book_ = new wxNotebook(panel_, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "attorney_tabs");
  start_ = new attorney::StartPanel(book_, [this](int c) { start_command(c); });
  petitioner_ = new attorney::PetitionerPanel(book_, *this);
  records_ = new attorney::RecordsPanel(book_, *this);
  questions_ = new attorney::QuestionsPanel(book_, *this);
  results_ = new attorney::ResultsPanel(book_, *this);
  book_->AddPage(start_, _("Start"));
  book_->AddPage(petitioner_, _("Petitioner"));
  book_->AddPage(records_, _("Records"));
  book_->AddPage(questions_, _("Questions"));
  book_->AddPage(results_, _("Results"));
  book_->SetToolTip(_("Ctrl+Page Down and Ctrl+Page Up move between the tabs"));
  top->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

  footer_ = new wxPanel(panel_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "attorney_footer");
  top->Add(footer_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
  panel_->SetSizer(top);
  update_footer();

  jurisdiction_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    const int sel = jurisdiction_->GetSelection();
    if (sel != wxNOT_FOUND) select_matter(static_cast<std::size_t>(sel));
  });
  add_jurisdiction_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_add_jurisdiction(); });
  book_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    e.Skip();
    // A message about another tab would only confuse; the status bar keeps it.
    if (!message_->GetLabelText().empty()) {
      message_->SetLabelText(wxString());
      panel_->Layout();
    }
  });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { autosave(); }, autosave_timer_.GetId());
  Bind(wxEVT_CHAR_HOOK, &AttorneyFrame::on_char_hook, this);
  Bind(wxEVT_CLOSE_WINDOW, &AttorneyFrame::on_close, this);

  start_->set_store_status(_("Cases are saved only to the case files you choose."));
  refresh_all();
  file_dirty_ = false;
}

AttorneyFrame::~AttorneyFrame() { autosave_timer_.Stop(); }

void AttorneyFrame::build_menu() {
  auto* file = new wxMenu;
  file->Append(kIdNew, _("&New\tCtrl+N"), _("Start an empty case"));
  file->Append(kIdOpen, _("&Open case file...\tCtrl+O"), _("Open case files of one petitioner"));
  file->Append(kIdSave, _("&Save\tCtrl+S"), _("Save every jurisdiction to its case file"));
  file->Append(kIdSaveAs, _("Save &as...\tCtrl+Shift+S"), _("Save every jurisdiction as NAME.xx.case.json"));
  file->Append(kIdIntake, _("&Import a sealed intake...\tCtrl+I"),
               _("Open answers a clinic kiosk sent sealed, with the clinic's private key"));
  recent_menu_ = new wxMenu;
  file->AppendSubMenu(recent_menu_, _("&Recent cases"), _("Cases kept in this workstation's encrypted store"));
  file->AppendSeparator();
  file->Append(kIdPapers, _("&Write court papers...\tCtrl+Shift+P"), _("Write the petitions, orders and instructions"));
  file->AppendSeparator();
  file->Append(kIdQuit, _("&Quit\tCtrl+Q"), _("Close this window"));
  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  SetMenuBar(bar);
  rebuild_recent_menu({});

  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (confirm_discard()) new_case();
  }, kIdNew);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_open_menu(); }, kIdOpen);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_save_menu(); }, kIdSave);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_save_as_menu(); }, kIdSaveAs);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_intake_menu(); }, kIdIntake);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_papers_menu(); }, kIdPapers);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, kIdQuit);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& e) {
        const auto i = static_cast<std::size_t>(e.GetId() - kIdRecentFirst);
        if (i < recent_ids_.size() && confirm_discard()) open_stored(recent_ids_[i]);
      },
      kIdRecentFirst, kIdRecentLast);
}

void AttorneyFrame::rebuild_recent_menu(const std::vector<store::CaseSummary>& cases) {
  while (recent_menu_->GetMenuItemCount() > 0) recent_menu_->Destroy(recent_menu_->FindItemByPosition(0));
  recent_ids_.clear();
  for (const auto& c : cases) {
    if (recent_ids_.size() > static_cast<std::size_t>(kIdRecentLast - kIdRecentFirst)) break;
    recent_menu_->Append(kIdRecentFirst + static_cast<int>(recent_ids_.size()), attorney::recent_case_label(c));
    recent_ids_.push_back(c.id);
  }
  if (recent_ids_.empty()) {
    recent_menu_->Append(kIdRecentNone, store_ ? _("(no kept cases yet)") : _("(no case store open)"));
    recent_menu_->Enable(kIdRecentNone, false);
  }
}

// --- Host ------------------------------------------------------------------

void AttorneyFrame::announce(const wxString& text, bool error) {
  // wx has no live-region call on GTK: the status bar (which screen readers
  // can read on demand) and a message line near the top carry it.
  SetStatusText(text);
  message_->SetLabelText(text);
  message_->SetForegroundColour(error ? error_colour() : wxNullColour);
  message_->Wrap(std::max(400, panel_->GetClientSize().x - 20));
  panel_->Layout();
}

void AttorneyFrame::changed(Change what) {
  file_dirty_ = true;
  store_dirty_ = true;
  if (what != Change::Petitioner) {
    results_->refresh();
    // The control that sent this may be inside the questions page: rebuild
    // it once the event is over.
    if (!questions_pending_) {
      questions_pending_ = true;
      CallAfter([this] {
        if (!questions_pending_) return;
        questions_pending_ = false;
        questions_->refresh();
      });
    }
  } else {
    results_->refresh();  // the petitioner's birth date can matter
  }
  if (what == Change::Records || what == Change::Matter) refresh_jurisdictions();
  if (store_) {
    // Typing in a field saves once the typing pauses; everything else at once.
    if (what == Change::Petitioner) {
      autosave_timer_.StartOnce(kAutosaveDelayMs);
    } else {
      autosave();
    }
  }
}

void AttorneyFrame::flush() {
  if (questions_pending_) {
    questions_pending_ = false;
    questions_->refresh();
  }
  if (autosave_timer_.IsRunning()) {
    autosave_timer_.Stop();
    autosave();
  }
}

// --- store -----------------------------------------------------------------

void AttorneyFrame::start_store() {
  if (state_->settings().storage_policy != model::StoragePolicy::AttorneyWorkstation) {
    start_->set_store_status(_("Cases are saved only to the case files you choose (the storage policy keeps no "
                               "case store on this computer)."));
    refresh_recent();
    return;
  }
  if (auto ok = crypto::init(); !ok) {
    start_->set_store_status(_("The case store cannot be used (the encryption library did not start). Cases are "
                               "saved only to the case files you choose."));
    return;
  }
  const std::string path = options_.store_path.empty() ? util::state_dir() + "/relief.db" : options_.store_path;
  std::error_code ec;
  const bool first_run = !std::filesystem::exists(path, ec);
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);

  attorney::PassphrasePrompt ask = options_.ask_passphrase;
  if (!ask) {
    ask = [this](bool first, const wxString& problem) -> std::optional<crypto::SecretBuffer> {
      attorney::PassphraseDialog dialog(this, first, problem);
      if (dialog.ShowModal() != wxID_OK) return std::nullopt;
      return dialog.take();
    };
  }
  wxString problem;
  for (int tries = 0; tries < 5; ++tries) {
    std::optional<crypto::SecretBuffer> pass = ask(first_run, problem);
    if (!pass) {
      start_->set_store_status(_("The case store is not open: cases are saved only to the case files you choose."));
      refresh_recent();
      return;
    }
    store::OpenOptions opts = options_.store_options;
    opts.keep_corrupt_aside = true;
    auto opened = store::Store::open(path, *pass, opts);
    pass->clear();
    if (opened) {
      store_ = std::make_unique<store::Store>(std::move(*opened));
      if (!store_->moved_aside().empty()) {
        const wxString aside = to_wx(store_->moved_aside());
        store_.reset();
        // TRANSLATORS: %s is a file path.
        const wxString text = wxString::Format(
            _("The case store was damaged and could not be read. It was moved aside, not deleted: %s. Until it is "
              "looked at, cases are saved only to the case files you choose."),
            aside);
        start_->set_store_status(text);
        announce(text, true);
        refresh_recent();
        return;
      }
      int purged = 0;
      if (auto p = store_->purge_older_than(state_->settings().retention_days)) purged = *p;
      wxString text = wxString::Format(
          wxPLURAL("The encrypted case store is open. Every change is saved to it as you work. Cases unchanged for "
                   "%d day are removed (the clinic's retention setting).",
                   "The encrypted case store is open. Every change is saved to it as you work. Cases unchanged for "
                   "%d days are removed (the clinic's retention setting).",
                   state_->settings().retention_days),
          state_->settings().retention_days);
      if (purged > 0) {
        text += " " + wxString::Format(wxPLURAL("%d old case was removed now.", "%d old cases were removed now.",
                                                purged),
                                       purged);
      }
      start_->set_store_status(text);
      refresh_recent();
      if (!workspace_.empty()) autosave();
      return;
    }
    if (opened.error().code == ErrorCode::BadInput) {
      problem = _("That passphrase does not open the case store. Try again.");
      continue;
    }
    // TRANSLATORS: %s is the technical reason, in English.
    const wxString text = wxString::Format(
        _("The case store cannot be opened, so cases are saved only to the case files you choose. Reason: %s"),
        to_wx(opened.error().to_string()));
    start_->set_store_status(text);
    announce(text, true);
    refresh_recent();
    return;
  }
  start_->set_store_status(_("The case store is not open (too many wrong passphrases): cases are saved only to "
                             "the case files you choose."));
  refresh_recent();
}

void AttorneyFrame::refresh_recent() {
  std::vector<store::CaseSummary> cases;
  if (store_) {
    if (auto listed = store_->list()) {
      cases = std::move(*listed);
    } else {
      announce(wxString::Format(_("The case store could not list its cases: %s"),
                                to_wx(listed.error().to_string())),
               true);
    }
  }
  start_->set_recent(cases, store_ != nullptr);
  rebuild_recent_menu(cases);
}

void AttorneyFrame::autosave() {
  autosave_timer_.Stop();
  if (!store_ || workspace_.empty()) return;
  for (auto& m : workspace_.matters()) {
    auto id = store_->save(workspace_.case_of(m), m.store_id);
    if (!id) {
      // TRANSLATORS: %s is the technical reason, in English.
      announce(wxString::Format(_("This change could not be saved to the case store: %s. Save to a case file."),
                                to_wx(id.error().to_string())),
               true);
      return;
    }
    m.store_id = *id;
  }
  store_dirty_ = false;
  refresh_recent();
}

bool AttorneyFrame::replace_with_one(model::Case c) {
  std::vector<attorney::LoadedFile> files;
  files.push_back({std::string(), std::move(c)});
  std::string problem;
  if (!workspace_.replace_with(std::move(files), problem)) {
    announce(to_wx(problem), true);
    return false;
  }
  return true;
}

bool AttorneyFrame::open_stored(std::int64_t id) {
  if (!store_) return false;
  auto c = store_->load(id, state_->library().facts);
  if (!c) {
    announce(wxString::Format(_("Case %1$lld could not be opened from the store: %2$s"), static_cast<long long>(id),
                              to_wx(c.error().to_string())),
             true);
    return false;
  }
  if (!replace_with_one(std::move(*c))) return false;
  workspace_.current().store_id = id;
  refresh_all();
  file_dirty_ = false;
  store_dirty_ = false;
  // TRANSLATORS: %lld is a case number in the store.
  book_->SetSelection(kRecordsTab);
  announce(wxString::Format(_("Opened case %lld from the store."), static_cast<long long>(id)));
  return true;
}

// --- files -----------------------------------------------------------------

bool AttorneyFrame::unsaved() const { return file_dirty_ && (!store_ || store_dirty_); }

bool AttorneyFrame::confirm_discard() {
  flush();
  if (!unsaved()) return true;
  wxMessageDialog ask(this, _("This case has changes that are not saved. Save them first?"), _("Unsaved changes"),
                      wxYES_NO | wxCANCEL | wxYES_DEFAULT | wxICON_QUESTION);
  ask.SetYesNoCancelLabels(_("Save"), _("Do not save"), _("Cancel"));
  switch (ask.ShowModal()) {
    case wxID_YES:
      on_save_menu();
      return !unsaved();
    case wxID_NO:
      return true;
    default:
      return false;
  }
}

void AttorneyFrame::new_case() {
  workspace_.clear(state_->settings().default_jurisdiction);
  refresh_all();
  file_dirty_ = false;
  store_dirty_ = false;
  book_->SetSelection(kPetitionerTab);
  announce(_("New case."));
}

bool AttorneyFrame::open_files(const std::vector<std::string>& paths) {
  std::vector<attorney::LoadedFile> files;
  wxString problems;
  for (const auto& p : paths) {
    auto c = model::load_case_file(p, state_->library().facts);
    if (!c) {
      problems += "\n" + bullet() + to_wx(c.error().to_string());
      continue;
    }
    files.push_back({p, std::move(*c)});
  }
  if (!problems.empty()) {
    announce(_("Nothing was opened: a case file is not valid. Nothing in the window changed.") + problems, true);
    return false;
  }
  std::string problem;
  if (!workspace_.replace_with(std::move(files), problem)) {
    announce(_("Nothing was opened: the files do not belong together. Nothing in the window changed.") + "\n" +
                 bullet() + to_wx(problem),
             true);
    return false;
  }
  refresh_all();
  file_dirty_ = false;
  store_dirty_ = true;
  if (store_) autosave();
  book_->SetSelection(kRecordsTab);
  announce(wxString::Format(wxPLURAL("Opened %d case file.", "Opened %d case files.", static_cast<int>(paths.size())),
                            static_cast<int>(paths.size())));
  return true;
}

bool AttorneyFrame::write_matters(const std::vector<std::string>& paths) {
  const auto& matters = workspace_.matters();
  // Every file is checked before any is written.
  for (std::size_t i = 0; i < matters.size(); ++i) {
    if (auto ok = validate(workspace_.case_of(matters[i]), paths[i], state_->library().facts); !ok) {
      announce(_("Nothing was saved: the case is not valid yet.") + "\n" + bullet() + to_wx(ok.error().to_string()),
               true);
      return false;
    }
  }
  for (std::size_t i = 0; i < matters.size(); ++i) {
    if (auto ok = model::save_case_file(workspace_.case_of(matters[i]), paths[i]); !ok) {
      announce(_("The case could not be saved.") + "\n" + bullet() + to_wx(ok.error().to_string()), true);
      return false;
    }
    workspace_.matters()[i].file = paths[i];
  }
  file_dirty_ = false;
  wxString list;
  for (const auto& p : paths) list += "\n" + bullet() + to_wx(p);
  announce(wxString::Format(wxPLURAL("Saved %d case file:", "Saved %d case files:", static_cast<int>(paths.size())),
                            static_cast<int>(paths.size())) +
           list);
  return true;
}

bool AttorneyFrame::save() {
  flush();
  std::vector<std::string> paths;
  for (const auto& m : workspace_.matters()) {
    if (m.file.empty()) return false;
    paths.push_back(m.file);
  }
  return write_matters(paths);
}

bool AttorneyFrame::save_as(const std::string& chosen) {
  flush();
  const std::string base = attorney::Workspace::base_of(chosen);
  std::vector<std::string> paths;
  for (const auto& m : workspace_.matters()) paths.push_back(attorney::Workspace::file_name_for(base, m.jurisdiction));
  return write_matters(paths);
}

void AttorneyFrame::on_open_menu() {
  if (!confirm_discard()) return;
  wxFileDialog dialog(this, _("Open case files (one per jurisdiction)"), wxStandardPaths::Get().GetDocumentsDir(),
                      wxString(), _("Case files (*.case.json)|*.case.json|JSON files (*.json)|*.json"),
                      wxFD_OPEN | wxFD_FILE_MUST_EXIST | wxFD_MULTIPLE);
  if (dialog.ShowModal() != wxID_OK) return;
  wxArrayString chosen;
  dialog.GetPaths(chosen);
  std::vector<std::string> paths;
  for (const auto& p : chosen) paths.push_back(from_wx(p));
  open_files(paths);
}

bool AttorneyFrame::import_intake(const std::string& intake_file, const std::string& key_file) {
  auto secret = crypto::load_clinic_secret_key(key_file);
  if (!secret) {
    announce(_("The intake was not opened: the clinic's private key could not be read.") + "\n" + bullet() +
                 to_wx(secret.error().to_string()),
             true);
    return false;
  }
  auto json = crypto::open_intake(intake_file, *secret);
  if (!json) {
    announce(_("The intake was not opened: it is damaged, or sealed for another clinic's key. Nothing in the "
               "window changed.") +
                 "\n" + bullet() + to_wx(json.error().to_string()),
             true);
    return false;
  }
  auto c = model::parse_case(*json, intake_file, state_->library().facts);
  if (!c) {
    announce(_("Nothing was opened: a case file is not valid. Nothing in the window changed.") + "\n" + bullet() +
                 to_wx(c.error().to_string()),
             true);
    return false;
  }
  // No file of its own: the case is saved only where the lawyer chooses.
  if (!replace_with_one(std::move(*c))) return false;
  refresh_all();
  file_dirty_ = true;
  store_dirty_ = true;
  if (store_) autosave();
  book_->SetSelection(kRecordsTab);
  announce(_("Opened the sealed intake. Save it to a case file or keep it in the store; the intake file itself is "
             "not changed."));
  return true;
}

void AttorneyFrame::on_intake_menu() {
  if (!confirm_discard()) return;
  wxFileDialog intake(this, _("Choose the sealed intake"), wxStandardPaths::Get().GetDocumentsDir(), wxString(),
                      _("Sealed intakes (*.reliefintake)|*.reliefintake"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (intake.ShowModal() != wxID_OK) return;
  wxFileDialog key(this, _("Choose the clinic's private key (relief-clinic.key)"), wxString(), "relief-clinic.key",
                   _("Clinic private keys (*.key)|*.key"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (key.ShowModal() != wxID_OK) return;
  import_intake(from_wx(intake.GetPath()), from_wx(key.GetPath()));
}

void AttorneyFrame::on_save_menu() {
  bool has_files = true;
  for (const auto& m : workspace_.matters()) has_files = has_files && !m.file.empty();
  if (has_files) {
    save();
  } else {
    on_save_as_menu();
  }
}

void AttorneyFrame::on_save_as_menu() {
  // TRANSLATORS: the file dialog's hint; each jurisdiction gets NAME.xx.case.json.
  wxFileDialog dialog(this, _("Save the case as (one file per jurisdiction: NAME.xx.case.json)"),
                      wxStandardPaths::Get().GetDocumentsDir(), "case.case.json",
                      _("Case files (*.case.json)|*.case.json"), wxFD_SAVE);
  if (dialog.ShowModal() != wxID_OK) return;
  const std::string base = attorney::Workspace::base_of(from_wx(dialog.GetPath()));
  wxString existing;
  for (const auto& m : workspace_.matters()) {
    const std::string p = attorney::Workspace::file_name_for(base, m.jurisdiction);
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) existing += "\n" + to_wx(p);
  }
  if (!existing.empty()) {
    wxMessageDialog ask(this, _("These files exist already. Replace them?") + existing, _("Replace files"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels(_("Replace"), _("Cancel"));
    if (ask.ShowModal() != wxID_YES) return;
  }
  save_as(from_wx(dialog.GetPath()));
}

// --- court papers ------------------------------------------------------------

void AttorneyFrame::on_papers_menu() {
  wxDirDialog dialog(this, _("Choose a folder for the court papers"), wxStandardPaths::Get().GetDocumentsDir(),
                     wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
  if (dialog.ShowModal() != wxID_OK) return;
  write_papers(from_wx(dialog.GetPath()), true);
}

void AttorneyFrame::write_papers(const std::string& folder, bool tell) {
  if (papers_.busy()) return;
  flush();
  std::vector<PaperTask> tasks;
  wxString skipped;
  const bool several = workspace_.matters().size() > 1;
  for (const auto& m : workspace_.matters()) {
    rules::Decision d = workspace_.decide(m);
    const bool any = std::any_of(d.records.begin(), d.records.end(), [](const rules::RecordDecision& rd) {
      return rd.best.outcome == rules::Outcome::Eligible || rd.best.outcome == rules::Outcome::NeedsReview;
    });
    if (!any) {
      skipped += " " + to_wx(m.jurisdiction);
      continue;
    }
    PaperTask t;
    t.c = workspace_.case_of(m);
    t.rules = &workspace_.rules_of(m);
    t.decision = std::move(d);
    t.options.clinic = state_->settings().clinic;
    t.options.today = state_->as_of();
    // Each jurisdiction's papers and manifest in a folder of its own ("ny").
    t.options.out_dir = several ? folder + "/" + wxString(to_wx(m.jurisdiction)).Lower().utf8_string() : folder;
    if (several) {
      std::error_code ec;
      std::filesystem::create_directories(t.options.out_dir, ec);
    }
    tasks.push_back(std::move(t));
  }
  if (tasks.empty()) {
    papers_report_ = _("No record is eligible or needs review yet, so there are no court papers to write.");
    announce(papers_report_, true);
    return;
  }
  papers_report_.clear();
  announce(_("Writing the court papers..."));
  papers_.start(state_->library_ptr(), std::move(tasks),
                [this, tell, skipped](const std::vector<Result<PaperJob::Files>>& results) {
                  std::vector<documents::WrittenFile> files;
                  wxString failed;
                  for (const auto& r : results) {
                    if (r) {
                      files.insert(files.end(), r->begin(), r->end());
                    } else {
                      failed += "\n" + bullet() + to_wx(r.error().to_string());
                    }
                  }
                  wxString report = files.empty() ? wxString() : written_files_text(files);
                  if (!failed.empty()) {
                    if (!report.empty()) report += "\n\n";
                    report += _("These papers could not be written:") + failed;
                  }
                  if (!skipped.empty()) {
                    // TRANSLATORS: %s lists postal codes.
                    report += "\n\n" + wxString::Format(_("No papers for:%s (no record is eligible or needs review)."),
                                                        skipped);
                  }
                  papers_report_ = report;
                  const wxString first = report.BeforeFirst('\n');
                  announce(failed.empty() ? first : _("Some court papers could not be written."), !failed.empty());
                  if (tell) {
                    wxMessageDialog done(this, report, _("Court papers"),
                                         wxOK | (failed.empty() ? wxICON_INFORMATION : wxICON_WARNING));
                    done.SetOKLabel(_("Close"));
                    done.ShowModal();
                  }
                });
}

// --- jurisdictions -----------------------------------------------------------

bool AttorneyFrame::add_jurisdiction(const std::string& code) {
  if (!workspace_.add_matter(code)) return false;
  refresh_all();
  changed(Change::Matter);
  return true;
}

void AttorneyFrame::on_add_jurisdiction() {
  std::set<std::string> have;
  for (const auto& m : workspace_.matters()) have.insert(m.jurisdiction);
  wxArrayString labels;
  std::vector<std::string> codes;
  for (const auto& rs : state_->library().sets) {
    if (have.count(rs.jurisdiction)) continue;
    labels.Add(matter_label(rs));
    codes.push_back(rs.jurisdiction);
  }
  if (codes.empty()) {
    announce(_("Every jurisdiction with rules is already in this case."));
    return;
  }
  wxSingleChoiceDialog dialog(this, _("Check this petitioner's records under which jurisdiction's law?"),
                              _("Add a jurisdiction"), labels);
  if (dialog.ShowModal() != wxID_OK) return;
  add_jurisdiction(codes[static_cast<std::size_t>(dialog.GetSelection())]);
}

void AttorneyFrame::select_matter(std::size_t index) {
  if (!workspace_.select(index)) return;
  refresh_all();
  announce(wxString::Format(_("Showing %s."), matter_label(workspace_.rules_of(workspace_.current()))));
}

// --- refreshing --------------------------------------------------------------

void AttorneyFrame::refresh_jurisdictions() {
  jurisdiction_->Clear();
  for (const auto& m : workspace_.matters()) {
    const rules::RuleSet& rs = workspace_.rules_of(m);
    // TRANSLATORS: %1$s names a jurisdiction, %2$d counts its records.
    jurisdiction_->Append(wxString::Format(wxPLURAL("%1$s: %2$d record", "%1$s: %2$d records",
                                                    static_cast<int>(m.records.size())),
                                           matter_label(rs), static_cast<int>(m.records.size())));
  }
  jurisdiction_->SetSelection(static_cast<int>(workspace_.current_index()));
}

void AttorneyFrame::update_footer() {
  footer_->DestroyChildren();
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  add_legal_footer(footer_, sizer, state_->settings(), workspace_.rules_of(workspace_.current()));
  // The survivor screens' large type does not fit a dense window: one size.
  for (wxWindow* w : footer_->GetChildren()) w->SetFont(panel_->GetFont());
  if (auto* d = dynamic_cast<wxStaticText*>(footer_->FindWindow("footer_disclaimer"))) d->SetFont(panel_->GetFont().Bold());
  footer_->SetSizer(sizer, true);
  panel_->Layout();
}

void AttorneyFrame::refresh_all() {
  questions_pending_ = false;
  refresh_jurisdictions();
  petitioner_->refresh();
  records_->refresh();
  questions_->refresh();
  results_->refresh();
  update_footer();
}

// --- keys and closing ----------------------------------------------------------

void AttorneyFrame::on_char_hook(wxKeyEvent& e) {
  // Alt+letter on a label moves to the field it names. GTK does this for
  // buttons and menus itself; labels of text fields need help.
  if (e.GetModifiers() == wxMOD_ALT) {
    const int key = e.GetKeyCode();
    if (key < 128 && std::isalnum(key)) {
      const wxChar wanted = static_cast<wxChar>(std::tolower(key));
      auto find_in = [&](wxWindow* root) -> wxWindow* {
        const wxWindowList& kids = root->GetChildren();
        for (auto it = kids.begin(); it != kids.end(); ++it) {
          auto* label = dynamic_cast<wxStaticText*>(*it);
          if (!label || !label->IsShown()) continue;
          const wxString text = label->GetLabel();
          const int amp = text.Find('&');
          if (amp == wxNOT_FOUND || amp + 1 >= static_cast<int>(text.length())) continue;
          if (static_cast<wxChar>(std::tolower(text[static_cast<std::size_t>(amp + 1)].GetValue())) != wanted) {
            continue;
          }
          for (auto next = std::next(it); next != kids.end(); ++next) {
            if ((*next)->IsShown() && (*next)->IsEnabled() && (*next)->AcceptsFocus()) return *next;
          }
        }
        return nullptr;
      };
      wxWindow* target = nullptr;
      if (wxWindow* page = book_->GetCurrentPage()) target = find_in(page);
      if (!target) target = find_in(panel_);
      if (target) {
        target->SetFocus();
        return;
      }
    }
  }
  e.Skip();
}

void AttorneyFrame::on_close(wxCloseEvent& e) {
  if (e.CanVeto() && !confirm_discard()) {
    e.Veto();
    return;
  }
  flush();
  autosave_timer_.Stop();
  e.Skip();  // default handling destroys the frame
}

void AttorneyFrame::start_command(int command) {
  switch (command) {
    case attorney::StartPanel::kNew:
      if (confirm_discard()) new_case();
      break;
    case attorney::StartPanel::kOpenFile:
      on_open_menu();
      break;
    case attorney::StartPanel::kOpenRecent:
      if (const std::int64_t id = start_->chosen_recent(); id != 0 && confirm_discard()) open_stored(id);
      break;
    default:
      break;
  }
}

AttorneyFrame* open_attorney_frame(std::shared_ptr<WizardState> state, attorney::AttorneyOptions options) {
  auto* frame = new AttorneyFrame(std::move(state), std::move(options));
  frame->Show();
  frame->start_store();
  return frame;
}

}  // namespace relief::gui
