#include "pages/documents_page.hpp"

#include <filesystem>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <wx/app.h>
#include <wx/utils.h>
#include <wx/button.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

#include "kiosk/kept_sessions.hpp"
#include "kiosk/private_files.hpp"
#include "pages/keep_dialog.hpp"
#include "text.hpp"
#include "widgets/legal_footer.hpp"
#include "widgets/accessible.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

namespace {

// The kiosk's second step: one copy of each paper into the folder the
// person chose (each written atomically), then the private copies wiped.
// On any failure the copies already made are removed again, so the chosen
// folder holds all the papers or none.
Result<std::vector<documents::WrittenFile>> move_to_final(std::vector<documents::WrittenFile> files,
                                                          const std::string& final_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> made;
  Result<void> failed;
  for (auto& f : files) {
    const std::string to = (fs::path(final_dir) / fs::path(f.path).filename()).string();
    if (auto r = kiosk::copy_file_atomically(f.path, to); !r) {
      failed = tl::unexpected(r.error());
      break;
    }
    made.push_back(to);
  }
  for (const auto& f : files) kiosk::wipe_file(f.path);
  if (!failed) {
    std::error_code ec;
    for (const auto& m : made) fs::remove(m, ec);
    return tl::unexpected(failed.error());
  }
  for (std::size_t i = 0; i < files.size(); ++i) files[i].path = made[i];
  return files;
}

}  // namespace

DocumentsPage::DocumentsPage(wxWindow* parent, WizardState& state) : WizardPage(parent, state, "documents_page") {
  content_->Add(new WrapText(this, _("Your court papers"), "documents_heading", 1.6, true));
  content_->Add(new WrapText(this,
                             _("We can write the court papers for the records that can be cleared or that "
                               "a lawyer should look at. The papers have your name and your records in "
                               "them: save them where only you or your lawyer can get them, for example "
                               "on your own USB drive."),
                             "documents_intro", 1.15),
                0, wxTOP | wxBOTTOM, 12);

  auto* folder_label = new WrapText(this, _("Save the papers in this folder:"), "documents_folder_label", 1.15, true);
  content_->Add(folder_label, 0, wxTOP, 8);
  picker_ = new wxDirPickerCtrl(this, wxID_ANY, wxStandardPaths::Get().GetDocumentsDir(),
                                _("Choose a folder for the papers"), wxDefaultPosition, wxDefaultSize,
                                wxDIRP_USE_TEXTCTRL | wxDIRP_DIR_MUST_EXIST, wxDefaultValidator, "documents_folder");
  picker_->SetToolTip(_("The folder where the papers will be saved"));
  picker_->SetMinSize(wxSize(560, kMinTarget));
  if (wxWindow* text = picker_->GetTextCtrl()) {
    text->SetName("documents_folder_text");
    text->SetMinSize(wxSize(-1, kMinTarget));
    set_labelled_by(text, folder_label);
  }
  if (wxControl* button = picker_->GetPickerCtrl()) {
    button->SetName("documents_folder_button");
    // wx's own "Browse" is translated in few languages: use our words.
    button->SetLabel(_("Choose a folder"));
    button->SetToolTip(_("Choose the folder with a file window"));
    button->SetMinSize(wxSize(-1, kMinTarget));
  }
  content_->Add(picker_, 0, wxEXPAND | wxTOP, 4);

  write_ =
      make_button(this, _("Write the papers"), "documents_write", _("Write the court papers into the chosen folder"));
  scale_font(write_, 1.2, true);
  write_->SetMinSize(wxSize(write_->GetBestSize().x + 32, kMinTarget + 8));
  content_->Add(write_, 0, wxTOP, 16);
  write_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { write_papers(); });

  status_ = new WrapText(this, wxString(), "documents_status", 1.15);
  status_->Hide();
  content_->Add(status_, 0, wxTOP, 16);

  // Printing, once the papers are written, where the clinic allows it and
  // a print system (CUPS's lp) is installed.
  print_ = make_button(this, _("Print the papers"), "documents_print",
                       _("Send the papers and the instructions to the printer"));
  print_->Hide();
  content_->Add(print_, 0, wxTOP, 12);
  print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print_papers(); });
  print_status_ = new WrapText(this, wxString(), "documents_print_status", 1.15);
  print_status_->Hide();
  content_->Add(print_status_, 0, wxTOP, 8);

  // What else the person can do; each shows only where the settings allow.
  more_heading_ = new WrapText(this, _("What you can do now"), "documents_more_heading", 1.25, true);
  content_->Add(more_heading_, 0, wxTOP, 28);
  keep_ = make_button(this, _("Save my answers to finish later"), "documents_keep",
                      _("Lock your answers with a PIN you choose, to go on another day"));
  content_->Add(keep_, 0, wxTOP, 12);
  keep_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_keep_dialog(this, state_); });
  send_ = make_button(this, _("Send my answers to the clinic's lawyers"), "documents_send",
                      _("Send your answers, locked, to the lawyers of this clinic. Only they can open them."));
  content_->Add(send_, 0, wxTOP, 12);
  send_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { send_to_clinic(); });
  send_status_ = new WrapText(this, wxString(), "documents_send_status", 1.15);
  send_status_->Hide();
  content_->Add(send_status_, 0, wxTOP, 8);
  finish_ = make_button(this, _("Finish and erase"), "documents_finish",
                        _("Erase your answers from this computer and go back to the start"));
  scale_font(finish_, 1.1, true);
  finish_->SetMinSize(wxSize(finish_->GetBestSize().x + 32, kMinTarget));
  content_->Add(finish_, 0, wxTOP, 20);
  finish_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (on_finish_) on_finish_();
  });

  add_legal_footer(this, content_, state_);
  refresh();
}

void DocumentsPage::refresh() {
  const model::Settings& s = state_.settings();
  const bool kiosk_mode = s.mode == model::Mode::Kiosk;
  keep_->Show(kiosk::keep_allowed(s));
  send_->Show(kiosk::send_available(s));
  finish_->Show(kiosk_mode);
  more_heading_->Show(keep_->IsShown() || send_->IsShown() || finish_->IsShown());
  if (kiosk_mode) {
    // Start the file window in a place the kiosk allows.
    const auto roots = kiosk::allowed_roots(s.usb_allowed, s.documents_folder);
    if (!kiosk::inside_allowed_roots(from_wx(picker_->GetPath()), roots)) {
      picker_->SetPath(wxString());
      for (auto it = roots.rbegin(); it != roots.rend(); ++it) {
        if (wxFileName::DirExists(to_wx(*it))) picker_->SetPath(to_wx(*it));
      }
    }
  }
  relayout();
}

bool DocumentsPage::send_to_clinic() {
  auto sent = [&] {
    wxBusyCursor busy;
    return kiosk::send_to_clinic(state_);
  }();
  if (!sent) {
    send_status_->SetText(wxString::Format(_("Your answers could not be sent. Please ask the clinic staff for "
                                             "help.\n(%s)"),
                                           to_wx(sent.error().to_string())));
    send_status_->SetForegroundColour(error_colour());
  } else {
    send_status_->SetText(_("Done. Your answers were sent to the clinic's lawyers. They are locked so that only the "
                            "lawyers can open them. This computer cannot read them back."));
    send_status_->SetForegroundColour(good_colour());
    send_->Disable();
  }
  send_status_->Show();
  relayout();
  return static_cast<bool>(sent);
}

void DocumentsPage::end_session() {
  // A paper still being written keeps its own reference; the folder is
  // wiped when that is done.
  temp_.reset();
  written_.clear();
  status_->SetText(wxString());
  status_->Hide();
  print_->Hide();
  print_status_->SetText(wxString());
  print_status_->Hide();
  send_status_->SetText(wxString());
  send_status_->Hide();
  send_->Enable();
}

std::string DocumentsPage::temp_path() const { return temp_ ? temp_->path() : std::string(); }

DocumentsPage::~DocumentsPage() = default;

wxString DocumentsPage::heading() const { return _("Court papers"); }

wxWindow* DocumentsPage::first_focus() {
  if (wxWindow* text = picker_->GetTextCtrl()) return text;
  return picker_;
}

wxString DocumentsPage::status_text() const { return status_->text(); }
wxString DocumentsPage::print_status_text() const { return print_status_->text(); }


void DocumentsPage::set_status(const wxString& text, bool error) {
  status_->SetText(text);
  status_->SetForegroundColour(error ? error_colour() : wxNullColour);
  status_->Show(!text.empty());
  relayout();
}

void DocumentsPage::write_papers() {
  if (busy_) return;
  const wxString folder = picker_->GetPath();
  if (folder.empty() || !wxFileName::DirExists(folder)) {
    set_status(_("Please choose a folder that exists first."), true);
    picker_->SetFocus();
    return;
  }
  const model::Settings& settings = state_.settings();
  const bool kiosk_mode = settings.mode == model::Mode::Kiosk;
  if (kiosk_mode) {
    const auto roots = kiosk::allowed_roots(settings.usb_allowed, settings.documents_folder);
    if (roots.empty()) {
      set_status(_("This computer is not set up to save papers. Please ask the clinic staff for help."), true);
      return;
    }
    if (!kiosk::inside_allowed_roots(from_wx(folder), roots)) {
      wxString places;
      for (const auto& r : roots) places += "\n" + bullet() + to_wx(r);
      // TRANSLATORS: %s is a list of folders, one per line.
      set_status(wxString::Format(_("You cannot save the papers in that folder. On this computer, papers can only "
                                    "be saved on a USB drive or in the clinic's folder:%s\nPlease choose a folder "
                                    "there."),
                                  places),
                 true);
      picker_->SetFocus();
      return;
    }
    if (!temp_) {
      auto made = kiosk::PrivateTempDir::create();
      if (!made) {
        set_status(wxString::Format(_("We could not write the papers.\n%s\nAsk the clinic staff for help."),
                                    to_wx(made.error().to_string())),
                   true);
        return;
      }
      temp_ = std::make_shared<kiosk::PrivateTempDir>(std::move(*made));
    }
  }
  busy_ = true;
  written_.clear();
  write_->Disable();
  set_status(_("Writing the papers. This takes a few seconds..."), false);

  // Everything the worker needs is copied: the person may press Exit while
  // it runs, which clears the case and destroys this page.
  const std::string final_dir = from_wx(folder);
  PaperTask task;
  task.options.out_dir = kiosk_mode ? temp_->path() : final_dir;
  task.options.clinic = state_.settings().clinic;
  task.options.today = state_.as_of();
  // Court papers stay in English; the instructions sheet follows the screens.
  task.options.lang = state_.language();
  task.rules = &state_.rules();
  task.c = state_.case_data();
  task.decision = state_.decide();
  if (kiosk_mode) {
    // Made in the private folder, then copied to the chosen one; the temp
    // folder stays alive until the copy is done.
    std::shared_ptr<kiosk::PrivateTempDir> temp = temp_;
    task.after = [temp, final_dir](PaperJob::Files files) { return move_to_final(std::move(files), final_dir); };
  }
  std::vector<PaperTask> tasks;
  tasks.push_back(std::move(task));
  job_.start(state_.library_ptr(), std::move(tasks),
             [this](const std::vector<Result<PaperJob::Files>>& results) { on_written(results.front()); });
}

void DocumentsPage::on_written(const Result<std::vector<documents::WrittenFile>>& result) {
  busy_ = false;
  write_->Enable();
  if (!result) {
    // The core's message is English; it names the file and what failed.
    set_status(wxString::Format(_("We could not write the papers.\n%s\nAsk the clinic staff for "
                                  "help."),
                                to_wx(result.error().to_string())),
               true);
    return;
  }
  written_ = *result;
  kiosk::note(audit::Event::DocumentsWritten, {}, static_cast<int>(written_.size()));
  wxString text = written_files_text(written_);
  text += "\n\n" + _("Print them, read them, and sign them where it says so before you file "
                     "them. Take them to the clinic staff if you want help.");
  set_status(text, false);
  print_->Show(state_.settings().printing_allowed && !print_command().empty());
  print_status_->Hide();
  relayout();
}

std::string DocumentsPage::print_command() {
  // CUPS's lp, found on PATH.
  const char* path = std::getenv("PATH");
  if (!path) return {};
  std::string dirs = path;
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string candidate = dirs.substr(start, end - start) + "/lp";
    if (end > start && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

bool DocumentsPage::print_papers() {
  const std::string lp = print_command();
  std::vector<std::string> pdfs;
  for (const auto& f : written_) {
    if (f.path.size() > 4 && f.path.compare(f.path.size() - 4, 4, ".pdf") == 0) pdfs.push_back(f.path);
  }
  if (lp.empty() || pdfs.empty() || !state_.settings().printing_allowed) return false;
  // One argument each, never a shell: a folder name cannot become a command.
  std::vector<const char*> argv{lp.c_str(), "--"};
  for (const auto& p : pdfs) argv.push_back(p.c_str());
  argv.push_back(nullptr);
  wxBusyCursor busy;
  const long rc = wxExecute(const_cast<char**>(argv.data()), wxEXEC_SYNC | wxEXEC_NODISABLE);
  if (rc != 0) {
    print_status_->SetText(_("The printer did not take the papers. Ask the clinic staff for help; your papers are "
                             "still saved in the folder."));
    print_status_->SetForegroundColour(error_colour());
  } else {
    print_status_->SetText(wxString::Format(
        wxPLURAL("We sent %d paper to the printer. Collect it there.",
                 "We sent %d papers to the printer. Collect them there.", static_cast<int>(pdfs.size())),
        static_cast<int>(pdfs.size())));
    print_status_->SetForegroundColour(wxNullColour);
  }
  print_status_->Show();
  relayout();
  return rc == 0;
}

}  // namespace relief::gui
