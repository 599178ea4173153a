#pragma once
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include <wx/string.h>

#include "relief/documents/petition.hpp"
#include "relief/model/case.hpp"
#include "relief/rules/decision.hpp"
#include "relief/rules/ruleset.hpp"

namespace relief::gui {

/// One set of court papers to write: a case, its rules and its decision.
struct PaperTask {
  model::Case c;
  const rules::RuleSet* rules = nullptr;  ///< kept alive by PaperJob's library
  rules::Decision decision;
  documents::PetitionOptions options;
  /// Runs on the worker after the papers were written (e.g. moves them out
  /// of a private temporary folder); its result is the task's result.
  std::function<Result<std::vector<documents::WrittenFile>>(std::vector<documents::WrittenFile>)> after;
};

/// Writes court papers off the UI thread and hands the results back on the
/// UI thread. Everything the worker needs is copied in, so the window that
/// started it may close (or the person press Exit) while it runs: a result
/// arriving after this object is gone is dropped.
class PaperJob {
 public:
  using Files = std::vector<documents::WrittenFile>;
  /// One result per task, in task order.
  using Done = std::function<void(const std::vector<Result<Files>>&)>;

  PaperJob() = default;
  PaperJob(const PaperJob&) = delete;
  PaperJob& operator=(const PaperJob&) = delete;
  ~PaperJob();

  /// Starts writing `tasks` one after the other; `done` runs on the UI
  /// thread. `library` keeps the tasks' rules alive. Does nothing when busy.
  void start(std::shared_ptr<const rules::Library> library, std::vector<PaperTask> tasks, Done done);
  /// True from start() until `done` has run.
  bool busy() const { return busy_; }

 private:
  bool busy_ = false;
  std::thread worker_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

/// "We wrote 5 files:" and one line per file with its full path and, for
/// court papers, the court and the page count.
wxString written_files_text(const std::vector<documents::WrittenFile>& files);

}  // namespace relief::gui
