// A whole kiosk visit through the real wizard, in a machine of its own (a
// fresh HOME, XDG folders, TMPDIR, state folder and settings): the person
// comes back with her code and PIN, reads her results, writes her papers to
// the folder she picks, sends her answers to the clinic, keeps them again
// and leaves with Shift three times. Afterwards her name, birth date and
// address are in no file anywhere but the folder she picked.
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gui_test_support.hpp"
#include "kiosk/kept_sessions.hpp"
#include "kiosk/kiosk_screens.hpp"
#include "pages/details_page.hpp"
#include "pages/documents_page.hpp"
#include "pages/keep_dialog.hpp"
#include "pages/results_page.hpp"
#include "relief/crypto/envelope.hpp"
#include "relief/model/case_io.hpp"
#include "relief/store/store.hpp"
#include "text.hpp"
#include "widgets/wrap_text.hpp"
#include "wizard_frame.hpp"

namespace relief::gui {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSample = RELIEF_SOURCE_DIR "/examples/ny-sample.case.json";

// Points the process at a scratch machine for the life of the object.
class ScratchMachine {
 public:
  explicit ScratchMachine(const std::string& root) {
    const std::map<std::string, std::string> dirs = {
        {"HOME", "home"},         {"XDG_CONFIG_HOME", "home/.config"}, {"XDG_DATA_HOME", "home/.local/share"},
        {"XDG_CACHE_HOME", "home/.cache"}, {"XDG_STATE_HOME", "home/.local/state"}, {"XDG_RUNTIME_DIR", "run"},
        {"TMPDIR", "tmp"},        {"RELIEF_STATE_DIR", "state"}};
    for (const auto& [name, sub] : dirs) {
      const std::string path = root + "/" + sub;
      fs::create_directories(path);
      set(name, path);
    }
    fs::permissions(root + "/run", fs::perms::owner_all, fs::perm_options::replace);
    set("RELIEF_SETTINGS", root + "/etc/settings.json");
  }
  ~ScratchMachine() {
    for (const auto& [name, old] : saved_) {
      if (old) {
        ::setenv(name.c_str(), old->c_str(), 1);
      } else {
        ::unsetenv(name.c_str());
      }
    }
  }

 private:
  void set(const std::string& name, const std::string& value) {
    const char* old = std::getenv(name.c_str());
    saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

void press(wxWindow* w, int key) {
  wxKeyEvent down(wxEVT_CHAR_HOOK);
  down.m_keyCode = key;
  w->GetEventHandler()->ProcessEvent(down);
  wxKeyEvent up(wxEVT_KEY_UP);
  up.m_keyCode = key;
  w->GetEventHandler()->ProcessEvent(up);
}

TEST(PrivacySession, AKioskVisitLeavesThePersonOnlyInTheFolderSheChose) {
  const std::string root = test::make_temp_dir();
  ASSERT_FALSE(root.empty());
  ScratchMachine machine(root);
  const std::string out = root + "/usb-drive";
  const std::string intake = root + "/clinic-intake";
  fs::create_directories(out);
  fs::create_directories(intake);

  // The administrator's set-up: a kiosk that keeps by choice, saves papers
  // only into one folder, and hands sessions to the clinic sealed.
  auto keys = crypto::write_clinic_key_pair(root + "/clinic-keys");
  ASSERT_TRUE(keys) << keys.error().to_string();
  fs::create_directories(root + "/etc");
  fs::copy_file(keys->public_file, root + "/etc/relief-clinic.pub");
  model::Settings admin;
  admin.mode = model::Mode::Kiosk;
  admin.storage_policy = model::StoragePolicy::KeepByChoice;
  admin.window_title = "Clinic services";
  admin.documents_folder = out;
  admin.intake_folder = intake;
  admin.usb_allowed = false;
  ASSERT_TRUE(model::save_settings(admin, root + "/etc/settings.json"));

  auto state = test::load_state();
  ASSERT_TRUE(state);
  ASSERT_EQ(state->settings().mode, model::Mode::Kiosk);
  const auto sample = model::load_case_file(kSample, state->library().facts);
  ASSERT_TRUE(sample);
  const std::string name = sample->petitioner.legal_name;
  const std::string birth = sample->petitioner.date_of_birth ? sample->petitioner.date_of_birth->iso() : "";
  const std::string street = sample->petitioner.address.line1;
  ASSERT_FALSE(name.empty());
  ASSERT_FALSE(birth.empty());
  ASSERT_FALSE(street.empty());

  // An earlier visit kept her answers under her PIN.
  crypto::SecretBuffer pin(crypto::kMaxPassphraseBytes);
  pin.assign("582047");
  ASSERT_TRUE(state->load_case(*sample));
  auto code = kiosk::keep_session(*state, pin);
  ASSERT_TRUE(code) << code.error().to_string();
  state->clear();

  auto* frame = new WizardFrame(state);
  frame->Show();
  test::settle(frame);
  ASSERT_TRUE(frame->welcome_page() != nullptr);

  // Continue a saved session: code and PIN.
  auto* resume = new ResumeDialog(frame, *state);
  resume->Show();
  resume->code_field()->SetValue(to_wx(*code));
  resume->pin_field()->SetValue("582047");
  ASSERT_TRUE(resume->resume()) << resume->message()->text();
  resume->Destroy();
  frame->show_resumed();
  ASSERT_EQ(frame->current(), WizardFrame::kResults);
  EXPECT_EQ(state->case_data().petitioner.legal_name, name);
  frame->go_next();
  // Her name, birth date and address come back into the details screen.
  ASSERT_EQ(frame->current(), WizardFrame::kDetails);
  EXPECT_EQ(frame->details_page()->field("details_legal_name")->GetValue(), to_wx(name));
  frame->go_next();
  ASSERT_EQ(frame->current(), WizardFrame::kDocuments);
  DocumentsPage* docs = frame->documents_page();
  EXPECT_TRUE(docs->keep_button()->IsShown());
  EXPECT_TRUE(docs->send_button()->IsShown());
  EXPECT_TRUE(docs->finish_button()->IsShown());

  // A folder outside the allowed ones is refused, in words.
  docs->picker()->SetPath(to_wx(root + "/home"));
  docs->write_papers();
  EXPECT_FALSE(docs->busy());
  EXPECT_TRUE(docs->status_text().Contains(_("You cannot save the papers in that folder."))) << docs->status_text();
  EXPECT_TRUE(docs->status_text().Contains(to_wx(out)));
  test::screenshot(frame, "kiosk-07-folder-refused");

  // Her own folder: the papers go there, made in a private folder first.
  docs->picker()->SetPath(to_wx(out));
  docs->write_papers();
  for (int i = 0; i < 600 && docs->busy(); ++i) test::settle();
  ASSERT_FALSE(docs->busy());
  ASSERT_FALSE(docs->written().empty()) << docs->status_text().utf8_string();
  for (const auto& f : docs->written()) {
    EXPECT_EQ(fs::path(f.path).parent_path(), fs::path(out)) << f.path;
    EXPECT_TRUE(fs::exists(f.path)) << f.path;
  }
  const std::string temp = docs->temp_path();
  ASSERT_FALSE(temp.empty());
  EXPECT_EQ(fs::path(temp).parent_path(), fs::path(root + "/run")) << "not under XDG_RUNTIME_DIR";
  struct stat st{};
  ASSERT_EQ(::stat(temp.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_TRUE(fs::is_empty(temp)) << "the private copies outlived the final copy";

  // Send to the clinic's lawyers.
  ASSERT_TRUE(docs->send_to_clinic());
  EXPECT_TRUE(test::visible_text(docs).Contains(_("This computer cannot read them back.")));
  std::vector<fs::path> sealed;
  for (const auto& e : fs::directory_iterator(intake)) sealed.push_back(e.path());
  ASSERT_EQ(sealed.size(), 1u);
  EXPECT_EQ(sealed[0].extension(), ".reliefintake");
  docs->Scroll(0, 1000000);
  test::screenshot(frame, "kiosk-08-sent-to-clinic");

  // Keep it again, then leave with Shift three times.
  auto* keep = new KeepDialog(frame, *state);
  keep->Show();
  keep->pin_field()->SetValue("582047");
  keep->repeat_field()->SetValue("582047");
  ASSERT_TRUE(keep->save()) << keep->message()->text();
  keep->Destroy();
  for (int i = 0; i < 3; ++i) press(docs, WXK_SHIFT);
  EXPECT_TRUE(frame->neutral_screen()->IsShown());
  EXPECT_TRUE(state->empty());
  test::settle(frame);
  EXPECT_FALSE(fs::exists(temp)) << "the private folder outlived the session";
  frame->Destroy();
  test::flush_idle();

  // Every file anywhere in the machine but her folder: none names her.
  int files = 0;
  bool store_seen = false;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    if (it->path() == fs::path(out)) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    ++files;
    if (it->path().filename() == "kept-sessions.db") store_seen = true;
    const std::string bytes = slurp(it->path());
    for (const std::string& pii : {name, birth, street}) {
      EXPECT_EQ(bytes.find(pii), std::string::npos) << it->path() << " holds \"" << pii << "\"";
    }
  }
  EXPECT_TRUE(store_seen) << "the kept session was not where the test looks";
  EXPECT_GE(files, 3);
  EXPECT_FALSE(fs::exists(root + "/home/.local/share/recently-used.xbel"));
  const std::string log = slurp(root + "/state/audit.log");
  for (const char* e : {"session_resumed", "documents_written", "intake_sealed", "session_saved", "session_erased"}) {
    EXPECT_NE(log.find(e), std::string::npos) << e << " not in the audit log";
  }
  // Her papers are where she asked.
  bool pdf = false;
  for (const auto& e : fs::directory_iterator(out)) pdf = pdf || e.path().extension() == ".pdf";
  EXPECT_TRUE(pdf);
  fs::remove_all(root);
}

}  // namespace
}  // namespace relief::gui
