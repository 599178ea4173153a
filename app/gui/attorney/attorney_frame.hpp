#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "attorney/panels.hpp"
#include "attorney/workspace.hpp"
#include "paper_job.hpp"
#include "relief/crypto/crypto.hpp"
#include "relief/store/store.hpp"
#include "wizard_state.hpp"

namespace relief::gui {

namespace attorney {

/// Asks for the store passphrase: `first_run` when the store does not exist
/// yet (set it, typed twice); `problem` says why it is asked again. nullopt:
/// the attorney chose to save to files only.
using PassphrasePrompt = std::function<std::optional<crypto::SecretBuffer>(bool first_run, const wxString& problem)>;

/// How the attorney window keeps cases; the defaults are what relief-gui uses.
struct AttorneyOptions {
  /// The workstation store; empty: util::state_dir() + "/relief.db".
  std::string store_path;
  /// How the store is opened (tests lower the key-derivation cost).
  store::OpenOptions store_options;
  /// Empty: the masked passphrase dialog.
  PassphrasePrompt ask_passphrase;
};

}  // namespace attorney

/// Attorney mode: dense tabs (petitioner, records, questions, results) over
/// one matter per jurisdiction, case files, the encrypted workstation store
/// with autosave, and the court papers.
class AttorneyFrame : public wxFrame, public attorney::Host {
 public:
  explicit AttorneyFrame(std::shared_ptr<WizardState> state, attorney::AttorneyOptions options = {});
  ~AttorneyFrame() override;

  // --- Host -----------------------------------------------------------------
  attorney::Workspace& workspace() override { return workspace_; }
  const WizardState& state() const override { return *state_; }
  void changed(attorney::Change what) override;
  void announce(const wxString& text, bool error = false) override;

  // --- the store ------------------------------------------------------------
  /// Under the attorney_workstation storage policy: asks for the passphrase
  /// and opens the store (a damaged one is moved aside, reported, and the
  /// window goes on saving to files only). Otherwise says files only.
  void start_store();
  /// The open store, or nullptr (files only).
  store::Store* store() { return store_.get(); }
  /// Re-reads the store's case list into the Start tab and the File menu.
  void refresh_recent();
  /// Opens case `id` from the store (without asking about unsaved work).
  bool open_stored(std::int64_t id);

  // --- files ----------------------------------------------------------------
  /// True when there are changes saved neither to a file nor to the store.
  bool unsaved() const;
  /// Asks what to do with unsaved changes; true to go on (saved or discarded).
  bool confirm_discard();
  /// Starts an empty case (without asking).
  void new_case();
  /// Opens case files of one petitioner, one per jurisdiction (without
  /// asking). A file that is not a valid case file changes nothing and the
  /// message names it and its first problem.
  bool open_files(const std::vector<std::string>& paths);
  /// Opens a case a kiosk sealed for the clinic (`relief intake seal`, or
  /// "Send my answers to the clinic's lawyers"), with the clinic's private
  /// key file. A wrong key or a damaged intake changes nothing.
  bool import_intake(const std::string& intake_file, const std::string& key_file);
  /// Saves every matter to its file; false (nothing written) when one has no
  /// file yet or does not validate.
  bool save();
  /// Saves every matter as "<base>.<xx>.case.json" next to `chosen`.
  bool save_as(const std::string& chosen);
  /// Writes the court papers of every matter with something to file into
  /// `folder` (a subfolder per jurisdiction when there are several), off the
  /// UI thread. `tell` shows the result in a dialog as well.
  void write_papers(const std::string& folder, bool tell = false);
  bool papers_busy() const { return papers_.busy(); }
  /// What the last paper run said (files and where, or what went wrong).
  const wxString& papers_report() const { return papers_report_; }

  // --- jurisdictions --------------------------------------------------------
  /// Adds (or goes to) the matter of a jurisdiction; false for unknown codes.
  bool add_jurisdiction(const std::string& code);
  /// Shows matter `index`.
  void select_matter(std::size_t index);

  // --- for tests and the start-up code -------------------------------------
  wxNotebook* notebook() const { return book_; }
  wxChoice* jurisdiction_choice() const { return jurisdiction_; }
  attorney::StartPanel* start_panel() const { return start_; }
  attorney::PetitionerPanel* petitioner_panel() const { return petitioner_; }
  attorney::RecordsPanel* records_panel() const { return records_; }
  attorney::QuestionsPanel* questions_panel() const { return questions_; }
  attorney::ResultsPanel* results_panel() const { return results_; }
  /// The message line under the jurisdiction chooser.
  wxString message() const { return message_->GetLabelText(); }
  /// Runs what is waiting for the next idle moment (re-planned questions,
  /// a debounced autosave) now.
  void flush();
  enum TabIndex { kStartTab, kPetitionerTab, kRecordsTab, kQuestionsTab, kResultsTab };

 private:
  void build_menu();
  void rebuild_recent_menu(const std::vector<store::CaseSummary>& cases);
  void refresh_jurisdictions();
  void refresh_all();
  void autosave();
  bool write_matters(const std::vector<std::string>& paths);
  void on_open_menu();
  void on_intake_menu();
  /// Puts `c` in the window as the only matter, with no file of its own;
  /// false (said on the message line) when the workspace refuses it.
  bool replace_with_one(model::Case c);
  void on_save_menu();
  void on_save_as_menu();
  void on_papers_menu();
  void on_add_jurisdiction();
  void on_char_hook(wxKeyEvent& e);
  void on_close(wxCloseEvent& e);
  void start_command(int command);
  void update_footer();

  std::shared_ptr<WizardState> state_;
  attorney::AttorneyOptions options_;
  attorney::Workspace workspace_;
  std::unique_ptr<store::Store> store_;
  std::vector<std::int64_t> recent_ids_;

  wxPanel* panel_;
  wxChoice* jurisdiction_;
  wxButton* add_jurisdiction_;
  wxStaticText* message_;
  wxNotebook* book_;
  attorney::StartPanel* start_;
  attorney::PetitionerPanel* petitioner_;
  attorney::RecordsPanel* records_;
  attorney::QuestionsPanel* questions_;
  attorney::ResultsPanel* results_;
  wxPanel* footer_;
  wxMenu* recent_menu_ = nullptr;
  wxTimer autosave_timer_;

  bool file_dirty_ = false;   ///< changed since the last file save or open
  bool store_dirty_ = false;  ///< changed since the last successful autosave
  bool questions_pending_ = false;
  PaperJob papers_;
  wxString papers_report_;
};

/// Creates the attorney window for `state`, shows it, opens the workstation
/// store when the storage policy says so, and returns it. The survivor
/// screens may call this to switch to attorney mode.
AttorneyFrame* open_attorney_frame(std::shared_ptr<WizardState> state, attorney::AttorneyOptions options = {});

}  // namespace relief::gui
