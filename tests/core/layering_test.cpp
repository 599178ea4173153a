// The core must not depend on wxWidgets: the CLI and these tests run with no
// display, and the rules engine stays reusable.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

TEST(Layering, CoreIncludesNoWxWidgetsHeader) {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(std::string(RELIEF_SOURCE_DIR) + "/app/core")) {
    if (!e.is_regular_file()) continue;
    const auto ext = e.path().extension();
    if (ext != ".cpp" && ext != ".hpp" && ext != ".txt" && ext != ".cmake") continue;
    ++files;
    std::ifstream in(e.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      EXPECT_EQ(line.find("#include <wx/"), std::string::npos) << e.path() << ":" << n;
      EXPECT_EQ(line.find("Relief::wx"), std::string::npos) << e.path() << ":" << n << " (wx in the core's build)";
      EXPECT_EQ(line.find("wxWidgets_"), std::string::npos) << e.path() << ":" << n << " (wx in the core's build)";
    }
  }
  EXPECT_GT(files, 10);
}
