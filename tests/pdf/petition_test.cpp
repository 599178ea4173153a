// The New York motion PDF, checked the way a clinic would notice problems:
// through qpdf, pdffonts, pdfinfo and pdftotext.
#include "relief/documents/petition.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <regex>

#include "pdf_tools.hpp"

namespace relief::pdftest {
namespace {

using documents::PetitionOptions;
using documents::write_petitions;
using documents::WrittenFile;

const std::string kName = "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B H\xC6\xB0\xC6\xA1ng";  // Nguyễn Thị Hương
const std::string kNunez =
    "N\xC3\xBA\xC3\xB1"
    "ez";  // Núñez

PetitionOptions options(const std::string& dir, bool clinic = true) {
  PetitionOptions o;
  o.out_dir = dir;
  o.today = model::Date{2026, 11, 30};
  if (clinic) o.clinic = {"Riverside Legal Aid Clinic", "", "(212) 555-0142", "example.org/help"};
  return o;
}

// Writes the sample case once per test and checks the one file it makes.
class SamplePetition : public ::testing::Test {
 protected:
  void SetUp() override {
    const model::Case c = sample_case();
    auto r = write_petitions(c, ny_rules(), sample_decision(c), options(dir.path()));
    ASSERT_TRUE(r.has_value()) << r.error().to_string();
    ASSERT_EQ(of_kind(*r, "petition").size(), 1u);
    file = of_kind(*r, "petition").front();
    text = pdf_text(file.path);
  }
  TempDir dir;
  WrittenFile file;
  std::string text;
};

TEST_F(SamplePetition, OneFileForTheQueensCourtNamedWithoutPersonalData) {
  EXPECT_EQ(std::filesystem::path(file.path).filename().string(), "motion-to-vacate-ny-queens-criminal-court.pdf");
  EXPECT_EQ(file.kind, "petition");
  EXPECT_EQ(file.court, "Criminal Court of the City of New York");
  EXPECT_EQ(file.records, (std::vector<std::string>{"r1", "r2"}));
  EXPECT_GE(file.pages, 2);
  EXPECT_EQ(dir.files(), (std::vector<std::string>{"filing-instructions-en-ny-queens-criminal-court.pdf", "manifest.json",
                                                   "motion-to-vacate-ny-queens-criminal-court.pdf",
                                                   "proposed-order-ny-queens-criminal-court.pdf",
                                                   "results-and-instructions-en.html",
                                                   "sworn-statement-ny-queens-criminal-court.pdf"}))
      << "no temporary file may be left next to the papers";
}

TEST_F(SamplePetition, QpdfFindsNoErrors) {
  const Output o = run("qpdf --check " + q(file.path) + " 2>&1");
  EXPECT_EQ(o.exit, 0) << o.text;
  EXPECT_NE(o.text.find("No syntax or stream encoding errors"), std::string::npos) << o.text;
}

TEST_F(SamplePetition, EveryFontIsEmbeddedAndMapsToUnicode) {
  const Output o = run("pdffonts " + q(file.path) + " 2>&1");
  ASSERT_EQ(o.exit, 0) << o.text;
  std::istringstream lines(o.text);
  std::string line;
  int fonts = 0;
  for (int i = 0; std::getline(lines, line); ++i) {
    if (i < 2 || line.empty()) continue;  // header and dashes
    ++fonts;
    // Columns: name type encoding emb sub uni object ID; read from the right.
    std::istringstream cols(line);
    std::vector<std::string> c;
    for (std::string w; cols >> w;) c.push_back(w);
    ASSERT_GE(c.size(), 6u) << line;
    EXPECT_EQ(c[c.size() - 5], "yes") << "font not embedded: " << line;
    EXPECT_EQ(c[c.size() - 3], "yes") << "font has no Unicode map: " << line;
  }
  EXPECT_EQ(fonts, 2) << o.text;  // Liberation Serif regular and bold
}

TEST_F(SamplePetition, PagesAreUsLetter) {
  const Output o = run("pdfinfo -f 1 -l 100 " + q(file.path) + " 2>&1");
  ASSERT_EQ(o.exit, 0) << o.text;
  EXPECT_EQ(count(o.text, "612 x 792 pts"), static_cast<size_t>(file.pages)) << o.text;
  EXPECT_TRUE(std::regex_search(o.text, std::regex("Pages:\\s+" + std::to_string(file.pages) + "\n"))) << o.text;
}

TEST_F(SamplePetition, MetadataNamesTheDocumentNotThePersonAndNothingActive) {
  const Output o = run("pdfinfo " + q(file.path) + " 2>&1");
  EXPECT_NE(o.text.find("Creator:         Relief"), std::string::npos) << o.text;
  EXPECT_NE(o.text.find("Title:           Motion to vacate judgment"), std::string::npos) << o.text;
  EXPECT_NE(o.text.find("Encrypted:       no"), std::string::npos) << o.text;
  EXPECT_EQ(o.text.find("Nguy"), std::string::npos) << "the person's name leaks into metadata";
  const std::string bytes = slurp(file.path);
  for (const char* bad : {"/JavaScript", "/JS ", "/AcroForm", "/Encrypt", "/OpenAction"}) {
    EXPECT_EQ(bytes.find(bad), std::string::npos) << bad;
  }
  EXPECT_LT(bytes.size(), 200u * 1024) << "court papers should be small";
}

TEST_F(SamplePetition, UnicodeNamesAndCitationExtractExactly) {
  EXPECT_NE(text.find(kName), std::string::npos) << text;
  EXPECT_NE(text.find(kNunez), std::string::npos) << text;
  EXPECT_NE(text.find("440.10(1)(i)"), std::string::npos);
  EXPECT_NE(text.find("N.Y. Crim. Proc. Law \xC2\xA7 440.10(1)(i)"), std::string::npos);
  EXPECT_NE(text.find("440.10(6)"), std::string::npos);
  // libharu's own ToUnicode map is malformed; ours must not make poppler warn.
  const Output o = run("pdftotext " + q(file.path) + " /dev/null 2>&1");
  EXPECT_EQ(o.text, "") << o.text;
}

TEST_F(SamplePetition, CaptionAndTheStandardParts) {
  for (const char* part : {"CRIMINAL COURT OF THE CITY OF NEW YORK",
                           "COUNTY OF QUEENS",
                           "THE PEOPLE OF THE STATE OF NEW YORK,",
                           "\xE2\x80\x90"
                           "against"
                           "\xE2\x80\x90\n",
                           "Defendant.",
                           "NOTICE OF MOTION",
                           "PLEASE TAKE NOTICE",
                           "AFFIRMATION IN SUPPORT",
                           "WHEREFORE",
                           "Respectfully submitted,",
                           "VERIFICATION",
                           "penalty of perjury",
                           "Sworn to before me",
                           "Notary Public",
                           "2016QN012345",
                           "Prostitution",
                           "Petit larceny",
                           "N.Y. Penal Law \xC2\xA7 155.25",
                           "April 3, 2016",
                           "November 20, 2017",
                           "March 12, 1994",
                           "120 Example Street, Apt 4",
                           "Queens, NY 11432",
                           "Huong Nguyen",
                           "June 1, 2019",
                           "November 30, 2026"}) {
    EXPECT_NE(text.find(part), std::string::npos) << "missing: " << part;
  }
  // The arrest that ended without a conviction is not in a motion to vacate.
  EXPECT_EQ(text.find("Loitering"), std::string::npos);
}

TEST_F(SamplePetition, EmptyCaseNumberIsALabelledBlank) {
  EXPECT_TRUE(std::regex_search(text, std::regex("Docket No\\.: _{10,}"))) << text;
  EXPECT_TRUE(std::regex_search(text, std::regex("Telephone: _{10,}"))) << "no phone was entered";
}

TEST_F(SamplePetition, FooterAndPageNumbersOnEveryPage) {
  for (int p = 1; p <= file.pages; ++p) {
    const std::string page = pdf_text(file.path, p);
    EXPECT_NE(page.find("Page " + std::to_string(p) + " of " + std::to_string(file.pages)), std::string::npos) << page;
    EXPECT_NE(page.find("Prepared with Relief. This is legal information, not legal advice."), std::string::npos);
    EXPECT_NE(page.find("New York rules reviewed 2026-11-29."), std::string::npos) << page;
    EXPECT_NE(page.find("Riverside Legal Aid Clinic"), std::string::npos) << page;
    EXPECT_NE(page.find("(212) 555-0142"), std::string::npos) << page;
  }
}

TEST_F(SamplePetition, SignatureAndVerificationShareAPage) {
  bool found = false;
  for (int p = 1; p <= file.pages; ++p) {
    const std::string page = pdf_text(file.path, p);
    if (page.find("Respectfully submitted,") == std::string::npos) continue;
    found = true;
    EXPECT_NE(page.find("VERIFICATION"), std::string::npos) << page;
    EXPECT_NE(page.find("Notary Public"), std::string::npos) << page;
  }
  EXPECT_TRUE(found);
}

TEST(Petition, MissingFactsPrintAsLabelledBlanks) {
  TempDir dir;
  model::Case c = sample_case();
  c.petitioner.date_of_birth.reset();
  c.petitioner.address = {};
  c.records.resize(1);
  c.records[0].court = "";
  c.records[0].offense_date.reset();
  c.records[0].disposition_date.reset();
  c.records[0].statute = "";
  auto r = write_petitions(c, ny_rules(), decide_all(c), options(dir.path(), false));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  const std::string t = pdf_text(of_kind(*r, "petition").front().path);
  for (const char* re : {"COURT: _{10,}", "Date of birth: _{10,}", "Statute: _{10,}", "Date of offense: _{10,}",
                         "Date of judgment \\(disposition\\): _{10,}", "Address: _{10,}"}) {
    EXPECT_TRUE(std::regex_search(t, std::regex(re))) << re << "\n" << t;
  }
  EXPECT_EQ(t.find("Riverside"), std::string::npos) << "no clinic configured: no clinic line";
  EXPECT_NE(t.find("rules reviewed 2026-11-29"), std::string::npos);
}

TEST(Petition, TwoCourtsGiveTwoFiles) {
  TempDir dir;
  model::Case c = sample_case();
  c.records = {conviction("a", "2016QN000111"),
               conviction("b", "2018KN000222", "Criminal Court of the City of New York", "Kings")};
  auto all = write_petitions(c, ny_rules(), decide_all(c), options(dir.path()));
  ASSERT_TRUE(all.has_value()) << all.error().to_string();
  const auto r = of_kind(*all, "petition");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(of_kind(*all, "order").size(), 2u);
  EXPECT_EQ(of_kind(*all, "instructions").size(), 2u);
  EXPECT_EQ(r[0].path, dir.file("motion-to-vacate-ny-queens-criminal-court.pdf"));
  EXPECT_EQ(r[1].path, dir.file("motion-to-vacate-ny-kings-criminal-court.pdf"));
  const std::string queens = pdf_text(r[0].path);
  const std::string kings = pdf_text(r[1].path);
  EXPECT_NE(queens.find("COUNTY OF QUEENS"), std::string::npos);
  EXPECT_NE(queens.find("2016QN000111"), std::string::npos);
  EXPECT_EQ(queens.find("2018KN000222"), std::string::npos) << "each court sees only its own case";
  EXPECT_NE(kings.find("COUNTY OF KINGS"), std::string::npos);
  EXPECT_NE(kings.find("2018KN000222"), std::string::npos);
  EXPECT_EQ(r[1].records, std::vector<std::string>{"b"});
}

TEST(Petition, CollidingFileNamesAreMadeUnique) {
  TempDir dir;
  model::Case c = sample_case();
  c.records = {conviction("a", "1"), conviction("b", "2", "Criminal Court")};
  auto r = write_petitions(c, ny_rules(), decide_all(c), options(dir.path()));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  const auto p = of_kind(*r, "petition");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].path, dir.file("motion-to-vacate-ny-queens-criminal-court.pdf"));
  EXPECT_EQ(p[1].path, dir.file("motion-to-vacate-ny-queens-criminal-court-2.pdf"));
}

TEST(Petition, FifteenRecordsPaginateAndNothingIsLost) {
  TempDir dir;
  model::Case c = sample_case();
  c.records.clear();
  std::vector<std::string> numbers;
  for (int i = 1; i <= 15; ++i) {
    numbers.push_back("2015QN0" + std::to_string(10000 + i));
    c.records.push_back(conviction("r" + std::to_string(i), numbers.back()));
    c.records.back().offense_description =
        "Criminal possession of a controlled substance in the seventh degree, count " + std::to_string(i);
  }
  c.facts["has_official_documentation"] = true;
  auto r = write_petitions(c, ny_rules(), decide_all(c), options(dir.path()));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  ASSERT_EQ(of_kind(*r, "petition").size(), 1u);
  const WrittenFile f = of_kind(*r, "petition").front();
  EXPECT_GE(f.pages, 4);
  const std::string t = pdf_text(f.path);
  for (const std::string& n : numbers) EXPECT_GE(count(t, n), 1u) << n;
  EXPECT_NE(t.find("ADDENDUM A"), std::string::npos) << "records beyond ten continue in an addendum";
  for (int i = 1; i <= 15; ++i) {
    EXPECT_TRUE(std::regex_search(t, std::regex("count\\s+" + std::to_string(i) + "\\b"))) << i;
  }
  const std::string n = std::to_string(f.pages);
  EXPECT_NE(t.find("Page 1 of " + n), std::string::npos);
  EXPECT_NE(t.find("Page " + n + " of " + n), std::string::npos);
  EXPECT_TRUE(std::regex_search(run("pdfinfo " + q(f.path)).text, std::regex("Pages:\\s+" + n + "\n")));
  EXPECT_NE(t.find("presumption"), std::string::npos) << "official documentation creates a presumption";
}

TEST(Petition, OfficialDocumentationPresumptionOnlyWhenThereIsSome) {
  TempDir dir;
  const model::Case c = sample_case();  // has_official_documentation = false
  auto r = write_petitions(c, ny_rules(), sample_decision(c), options(dir.path()));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(pdf_text(of_kind(*r, "petition").front().path).find("presumption"), std::string::npos);
}

TEST(Petition, AddressConfidentialityProgramHidesTheAddress) {
  TempDir dir;
  model::Case c = sample_case();
  c.facts["in_address_confidentiality_program"] = true;
  auto r = write_petitions(c, ny_rules(), sample_decision(c), options(dir.path()));
  ASSERT_TRUE(r.has_value());
  const std::string t = pdf_text(of_kind(*r, "petition").front().path);
  EXPECT_TRUE(std::regex_search(
      t, std::regex("Address withheld: substitute address of the\\s+Address Confidentiality Program")))
      << t;
  EXPECT_EQ(t.find("Example Street"), std::string::npos);
  EXPECT_EQ(t.find("11432"), std::string::npos);
}

TEST(Petition, NeedsReviewRecordsAreIncluded) {
  TempDir dir;
  model::Case c = sample_case();
  auto r = write_petitions(
      c, ny_rules(),
      decide_all(c, {rules::Outcome::NeedsReview, rules::Outcome::Incomplete, rules::Outcome::NotEligible}),
      options(dir.path()));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->front().records, std::vector<std::string>{"r1"});
  EXPECT_EQ(pdf_text(r->front().path).find("Petit larceny"), std::string::npos) << "r2 is incomplete";
}

TEST(Petition, NoEligibleRecordIsAnError) {
  TempDir dir;
  const model::Case c = sample_case();
  auto r = write_petitions(
      c, ny_rules(),
      decide_all(c, {rules::Outcome::NotEligible, rules::Outcome::Incomplete, rules::Outcome::NotEligible}),
      options(dir.path()));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::BadInput);
  EXPECT_NE(r.error().message.find("no record is eligible for a petition"), std::string::npos);
  EXPECT_TRUE(dir.files().empty());
}

TEST(Petition, MissingOutputFolderIsAnErrorAndWritesNothing) {
  TempDir dir;
  const std::string missing = dir.path() + "/no-such-folder";
  const model::Case c = sample_case();
  auto r = write_petitions(c, ny_rules(), sample_decision(c), options(missing));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_NE(r.error().to_string().find("does not exist"), std::string::npos) << r.error().to_string();
  EXPECT_FALSE(std::filesystem::exists(missing));
  EXPECT_TRUE(dir.files().empty());
}

TEST(Petition, UnwritableOutputFolderIsAnErrorAndWritesNothing) {
  // root may write anywhere a mode allows, so as root use a folder no one can
  // create files in; otherwise a folder without write permission.
  TempDir dir;
  std::string target = dir.path() + "/read-only";
  if (::geteuid() == 0) {
    target = "/proc";
  } else {
    ASSERT_EQ(::mkdir(target.c_str(), 0555), 0);
  }
  const model::Case c = sample_case();
  auto r = write_petitions(c, ny_rules(), sample_decision(c), options(target));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_FALSE(std::filesystem::exists(target + "/motion-to-vacate-ny-queens-criminal-court.pdf"));
  if (::geteuid() != 0) {
    std::vector<std::string> left;
    for (const auto& e : std::filesystem::directory_iterator(target)) left.push_back(e.path().string());
    EXPECT_TRUE(left.empty());
  }
}

TEST(Petition, OutputFolderThatIsAFileIsAnError) {
  TempDir dir;
  const std::string file = dir.path() + "/not-a-folder";
  std::ofstream(file) << "x";
  const model::Case c = sample_case();
  auto r = write_petitions(c, ny_rules(), sample_decision(c), options(file));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_EQ(slurp(file), "x");
}

TEST(Petition, CharactersTheFontLacksAreRefusedNotDropped) {
  // Liberation Serif has no CJK glyphs and libharu cannot draw beyond U+FFFF:
  // printing the name without them would misname the person in court.
  for (const std::string& name : {std::string("\xE7\x8E\x8B\xE7\xA7\x80\xE8\x8B\xB1"),  // 王秀英
                                  std::string("Ana \xF0\x9F\x98\x80")}) {               // Ana 😀
    TempDir dir;
    model::Case c = sample_case();
    c.petitioner.legal_name = name;
    auto r = write_petitions(c, ny_rules(), sample_decision(c), options(dir.path()));
    ASSERT_FALSE(r.has_value()) << name;
    EXPECT_EQ(r.error().code, ErrorCode::BadInput);
    EXPECT_NE(r.error().message.find("U+"), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.find(name), std::string::npos) << "no personal data in error messages";
    EXPECT_TRUE(dir.files().empty());
  }
}

TEST(Petition, BrokenFontFileIsAnErrorNotACrash) {
  TempDir fonts;
  std::ofstream(fonts.path() + "/LiberationSerif-Regular.ttf") << "this is not a TrueType font";
  std::ofstream(fonts.path() + "/LiberationSerif-Bold.ttf") << "nor is this";
  ASSERT_EQ(::setenv("RELIEF_FONT_DIR", fonts.path().c_str(), 1), 0);
  TempDir dir;
  const model::Case c = sample_case();
  auto r = write_petitions(c, ny_rules(), sample_decision(c), options(dir.path()));
  ::unsetenv("RELIEF_FONT_DIR");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().to_string().find("fonts-liberation2"), std::string::npos) << r.error().to_string();
  EXPECT_TRUE(dir.files().empty());
}

TEST(Petition, RemediesWithoutFormsAreRefusedClearly) {
  TempDir dir;
  const model::Case c = sample_case();
  rules::RuleSet rs = ny_rules();
  for (auto& r : rs.remedies) r.forms.clear();
  auto r = write_petitions(c, rs, sample_decision(c), options(dir.path()));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::BadInput);
  EXPECT_TRUE(dir.files().empty());
}

TEST(Petition, RewritingReplacesTheFileWhole) {
  TempDir dir;
  const model::Case c = sample_case();
  auto first = write_petitions(c, ny_rules(), sample_decision(c), options(dir.path()));
  auto second = write_petitions(c, ny_rules(), sample_decision(c), options(dir.path()));
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_EQ(dir.files().size(), 6u);
  EXPECT_EQ(run("qpdf --check " + q(second->front().path) + " >/dev/null 2>&1").exit, 0);
  for (size_t i = 0; i < first->size(); ++i) {
    EXPECT_EQ((*first)[i].sha256, (*second)[i].sha256) << "the same case gives the same bytes: " << (*first)[i].path;
  }
}

}  // namespace
}  // namespace relief::pdftest
