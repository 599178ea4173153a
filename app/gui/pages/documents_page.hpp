#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <wx/filepicker.h>

#include "pages/page.hpp"
#include "paper_job.hpp"
#include "relief/documents/petition.hpp"

namespace relief::gui {

class WrapText;
namespace kiosk {
class PrivateTempDir;
}

/// Choose a folder, write the court papers there, and say which files were
/// written, with their full paths, or what went wrong. On a kiosk the
/// folder must be on a USB drive or the clinic's folder, and the papers are
/// made in a private temporary folder first. Also: keep the answers for
/// later, send them sealed to the clinic, and (kiosk) finish and erase.
class DocumentsPage : public WizardPage {
 public:
  DocumentsPage(wxWindow* parent, WizardState& state);
  ~DocumentsPage() override;

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

  /// Shows the buttons the settings allow; called each time the page opens.
  void refresh();
  /// What "Send my answers to the clinic's lawyers" does.
  bool send_to_clinic();
  /// What "Finish and erase" does: asks the window to end the session.
  void set_on_finish(std::function<void()> on_finish) { on_finish_ = std::move(on_finish); }
  /// The session is over: forgets the status and the files listed, and
  /// wipes the private temporary folder (once a paper being written is done).
  void end_session();
  /// The private temporary folder of this session ("" when none is open).
  std::string temp_path() const;

  /// What "Print the papers" does: the PDFs written go to CUPS's `lp`.
  /// False when nothing was printed (not allowed, no lp, or lp failed).
  bool print_papers();
  wxButton* print_button() const { return print_; }
  wxString print_status_text() const;
  /// The path of `lp` on PATH, or "" when printing is not possible.
  static std::string print_command();

  wxButton* keep_button() const { return keep_; }
  wxButton* send_button() const { return send_; }
  wxButton* finish_button() const { return finish_; }

 private:
  void set_status(const wxString& text, bool error);

  wxDirPickerCtrl* picker_;
  wxButton* write_;
  WrapText* status_;
  wxButton* print_;
  WrapText* print_status_;
  WrapText* more_heading_;
  wxButton* keep_;
  wxButton* send_;
  WrapText* send_status_;
  wxButton* finish_;
  std::function<void()> on_finish_;
  std::shared_ptr<kiosk::PrivateTempDir> temp_;
  bool busy_ = false;
  std::vector<documents::WrittenFile> written_;
  // Drops a result arriving after the page is gone (the person pressed Exit).
  PaperJob job_;
};

}  // namespace relief::gui
