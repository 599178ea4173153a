#pragma once
#include <memory>
#include <string>
#include <vector>

#include <wx/filepicker.h>

#include "pages/page.hpp"
#include "paper_job.hpp"
#include "relief/documents/petition.hpp"

namespace relief::gui {

class WrapText;

/// Choose a folder, write the court papers there, and say which files were
/// written, with their full paths, or what went wrong.
class DocumentsPage : public WizardPage {
 public:
  DocumentsPage(wxWindow* parent, WizardState& state);

  wxString heading() const override;
  wxWindow* first_focus() override;

  /// What the "Write the papers" button does. The writing runs off the UI
  /// thread; busy() is true until its result is shown.
  void write_papers();
  bool busy() const { return busy_; }
  /// Called on the UI thread with what the document engine returned.
  void on_written(const Result<std::vector<documents::WrittenFile>>& result);

  wxDirPickerCtrl* picker() const { return picker_; }
  /// The status text (files written, or the error).
  wxString status_text() const;
  /// The files written by the last successful run.
  const std::vector<documents::WrittenFile>& written() const { return written_; }

 private:
  void set_status(const wxString& text, bool error);

  wxDirPickerCtrl* picker_;
  wxButton* write_;
  WrapText* status_;
  bool busy_ = false;
  std::vector<documents::WrittenFile> written_;
  // Drops a result arriving after the page is gone (the person pressed Exit).
  PaperJob job_;
};

}  // namespace relief::gui
