#include "pages/documents_page.hpp"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

#include "text.hpp"
#include "widgets/legal_footer.hpp"
#include "widgets/accessible.hpp"
#include "widgets/style.hpp"
#include "widgets/wrap_text.hpp"

namespace relief::gui {

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

  add_legal_footer(this, content_, state_);
}

wxString DocumentsPage::heading() const { return _("Court papers"); }

wxWindow* DocumentsPage::first_focus() {
  if (wxWindow* text = picker_->GetTextCtrl()) return text;
  return picker_;
}

wxString DocumentsPage::status_text() const { return status_->text(); }

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
  busy_ = true;
  written_.clear();
  write_->Disable();
  set_status(_("Writing the papers. This takes a few seconds..."), false);

  // Everything the worker needs is copied: the person may press Exit while
  // it runs, which clears the case and destroys this page.
  PaperTask task;
  task.options.out_dir = from_wx(folder);
  task.options.clinic = state_.settings().clinic;
  task.options.today = state_.as_of();
  task.rules = &state_.rules();
  task.c = state_.case_data();
  task.decision = state_.decide();
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
  wxString text = written_files_text(written_);
  text += "\n\n" + _("Print them, read them, and sign them where it says so before you file "
                     "them. Take them to the clinic staff if you want help.");
  set_status(text, false);
}

}  // namespace relief::gui
