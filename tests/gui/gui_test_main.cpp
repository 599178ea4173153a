// gui_tests: a wxApp that never runs its main loop, so the tests can create
// frames, poke their controls and let events through with wxYield.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/log.h>

#include "app.hpp"
#include "language.hpp"

namespace {

class TestApp : public wxApp {
 public:
  // No command-line parsing and no frame: the tests make their own.
  bool OnInit() override { return true; }
};

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  wxApp::SetInstance(new TestApp);
  if (!wxEntryStart(argc, argv)) {
    std::fprintf(stderr, "gui_tests: cannot initialise wxWidgets (no display?)\n");
    return 1;
  }
  if (!wxTheApp->CallOnInit()) return 1;
  // Errors go to stderr, never into a modal dialog that would hang the run.
  delete wxLog::SetActiveTarget(new wxLogStderr);
  wxInitAllImageHandlers();
  relief::gui::use_language("en");

  const int rc = RUN_ALL_TESTS();
  wxTheApp->OnExit();
  wxEntryCleanup();
  return rc;
}
