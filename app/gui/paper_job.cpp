#include "paper_job.hpp"

#include <wx/app.h>
#include <wx/intl.h>

#include "text.hpp"

namespace relief::gui {

PaperJob::~PaperJob() {
  if (worker_.joinable()) worker_.join();
}

void PaperJob::start(std::shared_ptr<const rules::Library> library, std::vector<PaperTask> tasks, Done done) {
  if (busy_) return;
  if (worker_.joinable()) worker_.join();
  busy_ = true;
  std::weak_ptr<int> alive = alive_;
  worker_ = std::thread([this, library = std::move(library), tasks = std::move(tasks), done = std::move(done),
                         alive]() {
    std::vector<Result<Files>> results;
    results.reserve(tasks.size());
    for (const auto& t : tasks) {
      auto written = documents::write_petitions(t.c, *t.rules, t.decision, t.options);
      if (written && t.after) written = t.after(std::move(*written));
      results.push_back(std::move(written));
    }
    wxTheApp->CallAfter([this, alive, done, results = std::move(results)]() {
      if (!alive.lock()) return;
      busy_ = false;
      done(results);
    });
  });
}

wxString written_files_text(const std::vector<documents::WrittenFile>& files) {
  wxString text = wxString::Format(wxPLURAL("We wrote %d file:", "We wrote %d files:", static_cast<int>(files.size())),
                                   static_cast<int>(files.size()));
  for (const auto& f : files) {
    text += "\n" + bullet() + to_wx(f.path);
    if (!f.court.empty()) {
      // TRANSLATORS: %1$s is a court's name, %2$d a number of pages.
      text += "\n    " + wxString::Format(wxPLURAL("For: %1$s (%2$d page)", "For: %1$s (%2$d pages)", f.pages),
                                          to_wx(f.court), f.pages);
    }
  }
  return text;
}

}  // namespace relief::gui
