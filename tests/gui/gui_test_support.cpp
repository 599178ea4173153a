#include "gui_test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/control.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/radiobut.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "widgets/wrap_text.hpp"

namespace relief::gui::test {

void settle(wxWindow* w) {
  for (int i = 0; i < 6; ++i) {
    wxTheApp->ProcessPendingEvents();
    wxYield();
    wxMilliSleep(15);
  }
  if (w) {
    w->Update();
    wxYield();
  }
}

void flush_idle() {
  for (int i = 0; i < 3; ++i) {
    wxYield();
    wxTheApp->ProcessIdle();
  }
}

namespace {

// True when every sampled pixel is the same colour: the DC gave us nothing.
bool looks_blank(const wxBitmap& bmp) {
  wxImage img = bmp.ConvertToImage();
  if (!img.IsOk()) return true;
  const unsigned char* d = img.GetData();
  const long n = static_cast<long>(img.GetWidth()) * img.GetHeight();
  for (long i = 1; i < n; i += 97) {
    if (d[3 * i] != d[0] || d[3 * i + 1] != d[1] || d[3 * i + 2] != d[2]) return false;
  }
  return true;
}

}  // namespace

void screenshot(wxWindow* w, const std::string& name) {
  const char* dir = std::getenv("RELIEF_SCREENSHOT_DIR");
  if (!dir || !*dir) return;
  std::filesystem::create_directories(dir);
  w->Raise();
  settle(w);
  const wxSize size = w->GetClientSize();
  wxBitmap bmp(size.x, size.y, 24);
  {
    wxMemoryDC mem(bmp);
    wxClientDC dc(w);
    mem.Blit(0, 0, size.x, size.y, &dc, 0, 0);
  }
  if (looks_blank(bmp)) {
    // Some GTK 3 windows cannot be read back through their own DC; the
    // X root window (Xvfb has no compositor) always can.
    wxMemoryDC mem(bmp);
    wxScreenDC screen;
    const wxPoint origin = w->ClientToScreen(wxPoint(0, 0));
    mem.Blit(0, 0, size.x, size.y, &screen, origin.x, origin.y);
  }
  bmp.SaveFile(wxString::FromUTF8(std::string(dir) + "/" + name + ".png"), wxBITMAP_TYPE_PNG);
}

wxString visible_text(wxWindow* root) {
  wxString out;
  for (wxWindow* child : root->GetChildren()) {
    if (!child->IsShown()) continue;
    if (auto* t = dynamic_cast<WrapText*>(child)) {
      out += t->text() + "\n";
    } else if (dynamic_cast<wxStaticText*>(child) || dynamic_cast<wxStaticBox*>(child) ||
               dynamic_cast<wxButton*>(child) || dynamic_cast<wxRadioButton*>(child)) {
      out += wxControl::RemoveMnemonics(child->GetLabel()) + "\n";
    }
    if (!child->IsTopLevel()) out += visible_text(child);
  }
  return out;
}

std::string make_temp_dir() {
  std::string templ = (std::filesystem::temp_directory_path() / "relief-gui-test-XXXXXX").string();
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  const char* made = mkdtemp(buf.data());
  return made ? std::string(made) : std::string();
}

std::shared_ptr<WizardState> load_state() {
  std::string error;
  std::string warning;
  std::shared_ptr<WizardState> s = WizardState::load(error, warning);
  EXPECT_TRUE(s) << error;
  return s;
}

void expect_no_empty_labels(wxWindow* root, const std::string& where) {
  for (wxWindow* w : root->GetChildren()) {
    if (!w->IsShown()) continue;
    if (dynamic_cast<wxButton*>(w) || dynamic_cast<wxRadioButton*>(w) || dynamic_cast<wxCheckBox*>(w)) {
      EXPECT_FALSE(w->GetLabel().empty()) << where << ": " << w->GetName();
    }
    if (auto* t = dynamic_cast<WrapText*>(w)) {
      // Status lines may be empty while hidden; a shown one must say something.
      EXPECT_FALSE(t->text().empty()) << where << ": " << w->GetName();
    }
    expect_no_empty_labels(w, where);
  }
}

}  // namespace relief::gui::test
