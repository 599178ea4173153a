// The whole bundle for each flagship state: golden text, PDF hygiene, the
// addendum for long records lists, Spanish instructions, the manifest and
// refusal of a broken template.
#include <cstdlib>
#include <regex>

#include "pdf_tools.hpp"
#include "relief/documents/petition.hpp"
#include "relief/i18n/catalog.hpp"
#include "relief/model/case_io.hpp"
#include "relief/rules/decision.hpp"

namespace relief::pdftest {
namespace {

namespace fs = std::filesystem;
using documents::PetitionOptions;
using documents::write_petitions;
using documents::WrittenFile;
using nlohmann::json;

const model::Date kToday{2026, 11, 30};

const rules::Library& library() {
  static const rules::Library lib = [] {
    std::vector<rules::Issue> issues;
    auto l = rules::load_library(util::rules_dir(), issues);
    if (!l) throw std::runtime_error("cannot load rules");
    return std::move(*l);
  }();
  return lib;
}

std::string source(const std::string& rel) { return std::string(RELIEF_SOURCE_DIR) + "/" + rel; }

model::Case flagship_case(const std::string& code) {
  auto c = model::load_case_file(source("tests/pdf/cases/" + code + ".case.json"), library().facts);
  if (!c) throw std::runtime_error(c.error().to_string());
  return *c;
}

PetitionOptions options(const std::string& dir, const std::string& lang = "en") {
  PetitionOptions o;
  o.out_dir = dir;
  o.today = kToday;
  o.lang = lang;
  o.clinic = {"Riverside Legal Aid Clinic", "", "(212) 555-0142", "example.org/help"};
  return o;
}

Result<std::vector<WrittenFile>> bundle(const model::Case& c, const std::string& dir, const std::string& lang = "en") {
  const rules::RuleSet& rs = *library().find(c.jurisdiction);
  return write_petitions(c, rs, rules::decide(c, rs, kToday), options(dir, lang));
}

std::string normalized(const std::string& s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\f' || ch == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

class Flagship : public ::testing::TestWithParam<std::string> {};

// The text of every PDF of a fixed case, compared with tests/pdf/golden/.
// After a deliberate change: RELIEF_UPDATE_GOLDEN=1 ctest -L pdf, then
// review the diff of the golden files like any other change.
TEST_P(Flagship, BundleMatchesGoldenTextAndIsCleanPdf) {
  const std::string code = GetParam();
  TempDir dir;
  auto r = bundle(flagship_case(code), dir.path());
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  const bool update = std::getenv("RELIEF_UPDATE_GOLDEN") != nullptr;
  std::size_t total = 0;
  int pdfs = 0;
  for (const WrittenFile& f : *r) {
    total += f.bytes;
    if (fs::path(f.path).extension() != ".pdf") continue;
    ++pdfs;
    const std::string name = fs::path(f.path).filename().string();
    const std::string golden = source("tests/pdf/golden/" + code + "/" + fs::path(name).replace_extension(".txt").string());
    const std::string text = normalized(pdf_text(f.path));
    if (update) {
      fs::create_directories(fs::path(golden).parent_path());
      std::ofstream(golden) << text << "\n";
    }
    EXPECT_EQ(text + "\n", slurp(golden)) << name << " differs from " << golden;

    const Output check = run("qpdf --check " + q(f.path) + " 2>&1");
    EXPECT_EQ(check.exit, 0) << name << "\n" << check.text;
    const Output fonts = run("pdffonts " + q(f.path) + " 2>&1");
    EXPECT_EQ(count(fonts.text, " yes yes yes "), 2u) << name << ": every font embedded, subset, with a Unicode map\n"
                                                      << fonts.text;
    const Output info = run("pdfinfo -f 1 -l 99 " + q(f.path) + " 2>&1");
    EXPECT_EQ(count(info.text, "612 x 792 pts"), static_cast<size_t>(f.pages)) << name;
    EXPECT_NE(info.text.find("Encrypted:       no"), std::string::npos) << name;
    EXPECT_NE(info.text.find("JavaScript:      no"), std::string::npos) << name;
    EXPECT_NE(info.text.find("Form:            none"), std::string::npos) << name;
    EXPECT_NE(info.text.find("Metadata Stream: yes"), std::string::npos) << name;
    const std::string bytes = slurp(f.path);
    for (const char* bad : {"/JavaScript", "/AcroForm", "/Encrypt", "/OpenAction", "/Annots"}) {
      EXPECT_EQ(bytes.find(bad), std::string::npos) << name << " has " << bad;
    }
    // PDF/A-1b parts: uncompressed XMP naming part 1, conformance B; an sRGB
    // output intent; a file identifier; CIDSets for the subset fonts.
    EXPECT_NE(bytes.find("<pdfaid:part>1</pdfaid:part>"), std::string::npos) << name;
    EXPECT_NE(bytes.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos) << name;
    EXPECT_NE(bytes.find("/S /GTS_PDFA1"), std::string::npos) << name;
    EXPECT_NE(bytes.find("/DestOutputProfile "), std::string::npos) << name;
    EXPECT_NE(bytes.find("/ID ["), std::string::npos) << name;
    EXPECT_EQ(count(bytes, "/CIDSet "), 2u) << name;
    EXPECT_EQ(bytes.compare(0, 8, "%PDF-1.4"), 0) << name;
  }
  EXPECT_EQ(pdfs, code == "tx" ? 8 : 4);
  EXPECT_LT(total, 1024u * 1024) << "the whole bundle stays under 1 MB";
}

INSTANTIATE_TEST_SUITE_P(States, Flagship, ::testing::Values("ny", "ca", "fl", "tx", "il"));

TEST(Bundle, MetadataCarriesNoPersonalData) {
  for (const std::string code : {"ny", "ca", "fl", "tx", "il"}) {
    TempDir dir;
    const model::Case c = flagship_case(code);
    auto r = bundle(c, dir.path());
    ASSERT_TRUE(r.has_value()) << r.error().to_string();
    const std::string first_name = c.petitioner.legal_name.substr(0, c.petitioner.legal_name.find(' '));
    for (const WrittenFile& f : *r) {
      EXPECT_EQ(f.path.find(first_name), std::string::npos) << f.path;
      if (fs::path(f.path).extension() != ".pdf") continue;
      const std::string info = run("pdfinfo " + q(f.path)).text;
      EXPECT_EQ(info.find(first_name), std::string::npos) << info;
      EXPECT_NE(info.find("Creator:         Relief"), std::string::npos) << info;
    }
  }
}

TEST(Bundle, CaliforniaPapersAreOnNumberedPleadingPaper) {
  TempDir dir;
  auto r = bundle(flagship_case("ca"), dir.path());
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  const WrittenFile p = of_kind(*r, "petition").front();
  for (int page = 1; page <= p.pages; ++page) {
    const std::string t = pdf_text(p.path, page, true);
    for (int n = 1; n <= 28; ++n) {
      EXPECT_TRUE(std::regex_search(t, std::regex("(^|\\n)\\s*" + std::to_string(n) + "\\b"))) << "line " << n;
    }
  }
  const std::string t = pdf_text(p.path);
  EXPECT_NE(t.find("SUPERIOR COURT OF THE STATE OF CALIFORNIA"), std::string::npos);
  EXPECT_NE(t.find("Mar\xC3\xAD"
                   "a Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
                   "ez"),
            std::string::npos)
      << "Unicode names extract exactly";
  EXPECT_NE(t.find("penalty of perjury under the laws of the State of California"), std::string::npos);
}

TEST(Bundle, TexasWritesOnePetitionPerOffenseAndWarnsAboutSensitiveData) {
  TempDir dir;
  auto r = bundle(flagship_case("tx"), dir.path());
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  ASSERT_EQ(of_kind(*r, "petition").size(), 2u);
  const std::string petition = pdf_text(of_kind(*r, "petition").front().path);
  EXPECT_EQ(petition.find("February 14, 1995"), std::string::npos) << "no birth date in a Texas filing (Rule 21c)";
  EXPECT_EQ(petition.find("12 Sample Lane"), std::string::npos) << "no home address in a Texas filing (Rule 21c)";
  const std::string how = normalized(pdf_text(of_kind(*r, "instructions").front().path));
  EXPECT_NE(how.find("NOTICE: THIS DOCUMENT CONTAINS SENSITIVE DATA"), std::string::npos);
  EXPECT_NE(how.find("are not filed online in Texas"), std::string::npos);
  EXPECT_NE(how.find("Statement of Inability to Afford Payment of Court Costs"), std::string::npos)
      << "needs_fee_waiver is true";
}

TEST(Bundle, FloridaInstructionsMentionTheOfficialForm) {
  TempDir dir;
  auto r = bundle(flagship_case("fl"), dir.path());
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  const std::string how = normalized(pdf_text(of_kind(*r, "instructions").front().path));
  EXPECT_NE(how.find("3.9895"), std::string::npos);
  EXPECT_NE(how.find("The clerk may ask you to use them"), std::string::npos);
  EXPECT_EQ(how.find("If you cannot pay"), std::string::npos) << "needs_fee_waiver is false and Florida charges no fee";
}

TEST(Bundle, ThirtyRecordsContinueInAnAddendumAndLoseNothing) {
  TempDir dir;
  model::Case c = sample_case();
  c.records.clear();
  std::vector<std::string> numbers;
  for (int i = 1; i <= 30; ++i) {
    numbers.push_back("2015QN" + std::to_string(100000 + i));
    c.records.push_back(conviction("r" + std::to_string(i), numbers.back()));
  }
  auto r = write_petitions(c, ny_rules(), decide_all(c), options(dir.path()));
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  for (const std::string kind : {"petition", "declaration", "order"}) {
    const WrittenFile f = of_kind(*r, kind).front();
    const std::string t = pdf_text(f.path);
    EXPECT_NE(t.find("ADDENDUM A"), std::string::npos) << kind;
    if (std::string(kind) != "declaration") {
      EXPECT_NE(t.find("The remaining 20"), std::string::npos) << kind;
    }
    for (const std::string& n : numbers) EXPECT_NE(t.find(n), std::string::npos) << kind << " lost " << n;
    EXPECT_NE(t.find("Page " + std::to_string(f.pages) + " of " + std::to_string(f.pages)), std::string::npos);
  }
  const std::string order = pdf_text(of_kind(*r, "order").front().path);
  EXPECT_GE(count(order, "Docket No."), 2u) << "the table's header row is repeated in the addendum";
  std::size_t total = 0;
  for (const auto& f : *r) total += f.bytes;
  EXPECT_LT(total, 1024u * 1024);
}

TEST(Bundle, SpanishInstructionsAndSummaryWhileCourtPapersStayEnglish) {
  TempDir dir;
  auto r = bundle(flagship_case("ny"), dir.path(), "es");
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  const WrittenFile how = of_kind(*r, "instructions").front();
  EXPECT_EQ(how.language, "es");
  EXPECT_EQ(fs::path(how.path).filename().string(), "filing-instructions-es-ny-queens-criminal-court.pdf");
  const std::string t = normalized(pdf_text(how.path));
  for (const char* es : {"C\xC3\xB3mo presentar sus papeles", "Esta es informaci\xC3\xB3n legal, no asesor\xC3\xAD"
                                                              "a legal.",
                         "Qu\xC3\xA9 pasa despu\xC3\xA9s", "29 de noviembre de 2026", "P\xC3\xA1gina 1 de"}) {
    EXPECT_NE(t.find(es), std::string::npos) << es << "\n" << t;
  }
  for (const char* en : {"How to file your papers", "What happens next", "Step 1", "Page 1 of"}) {
    EXPECT_EQ(t.find(en), std::string::npos) << "untranslated: " << en;
  }
  const std::string html = slurp(of_kind(*r, "summary").front().path);
  EXPECT_NE(html.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(html.find("Sus resultados"), std::string::npos);
  EXPECT_NE(html.find("Cumple los requisitos"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\">"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  const std::string motion = pdf_text(of_kind(*r, "petition").front().path);
  EXPECT_NE(motion.find("NOTICE OF MOTION"), std::string::npos) << "court papers stay English";
  EXPECT_NE(motion.find("Page 1 of"), std::string::npos);
}

// Every text a survivor reads in a flagship bundle has a Spanish translation.
TEST(Bundle, SpanishCatalogCoversEveryInstructionText) {
  auto cat = i18n::Catalog::load(util::locales_dir(), "es");
  ASSERT_TRUE(cat.has_value()) << cat.error().to_string();
  std::vector<std::string> texts;
  for (const char* f : {"forms/common/instructions.json", "forms/common/summary.json"}) {
    std::function<void(const json&)> walk = [&](const json& n) {
      if (n.is_object()) {
        for (const auto& [k, v] : n.items()) {
          if ((k == "text" || k == "header" || k == "caption") && v.is_string()) {
            texts.push_back(v.get<std::string>());
          } else {
            walk(v);
          }
        }
      } else if (n.is_array()) {
        for (const auto& v : n) walk(v);
      }
    };
    walk(json::parse(slurp(source(f)))["blocks"]);
  }
  for (const auto& e : fs::recursive_directory_iterator(source("forms"))) {
    if (e.path().extension() != ".json") continue;
    const json j = json::parse(slurp(e.path().string()));
    if (j.value("schema", "") != "relief.form/1") continue;
    for (const auto& [k, v] : j["filing"].items()) {
      if (v.is_string()) texts.push_back(v.get<std::string>());
      if (v.is_array()) {
        for (const auto& t : v) texts.push_back(t.get<std::string>());
      }
    }
  }
  for (const std::string code : {"ny", "ca", "fl", "tx", "il"}) {
    for (const auto& rem : library().find(code)->remedies) {
      texts.push_back(rem.file_with);
      texts.push_back(rem.serve);
      texts.insert(texts.end(), rem.documents_needed.begin(), rem.documents_needed.end());
      texts.insert(texts.end(), rem.notes.begin(), rem.notes.end());
    }
  }
  // Text that is only placeholders and markup has nothing to translate.
  auto has_words = [](const std::string& t) {
    const std::string bare = std::regex_replace(t, std::regex("\\{\\{[^}]*\\}\\}|<[^>]{0,3}>"), "");
    return std::any_of(bare.begin(), bare.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); });
  };
  int checked = 0;
  for (const std::string& t : texts) {
    if (!has_words(t)) continue;
    EXPECT_NE(cat->translate(t), t) << "no Spanish for: " << t;
    ++checked;
  }
  EXPECT_GT(checked, 150);
}

TEST(Bundle, ManifestListsExactlyTheFilesWritten) {
  TempDir dir;
  auto r = bundle(flagship_case("ny"), dir.path());
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  ASSERT_EQ(r->back().kind, "manifest");
  const json m = json::parse(slurp(dir.file("manifest.json")));
  EXPECT_EQ(m["schema"], "relief.bundle/1");
  EXPECT_EQ(m["language"], "en");
  std::vector<std::string> listed;
  for (const auto& f : m["files"]) {
    listed.push_back(f["path"].get<std::string>());
    const std::string bytes = slurp(dir.file(f["path"].get<std::string>()));
    EXPECT_EQ(f["bytes"].get<std::size_t>(), bytes.size());
    EXPECT_EQ(f["sha256"].get<std::string>().size(), 64u);
    EXPECT_FALSE(f["kind"].get<std::string>().empty());
  }
  listed.push_back("manifest.json");
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(listed, dir.files());
  // sha256 of an empty file and of "abc", the FIPS 180-4 examples.
  EXPECT_EQ(run("printf abc | sha256sum").text.substr(0, 64),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string manifest_sum = run("sha256sum " + q(dir.file("sworn-statement-ny-queens-criminal-court.pdf"))).text;
  bool found = false;
  for (const auto& f : m["files"]) {
    if (f["path"] == "sworn-statement-ny-queens-criminal-court.pdf") {
      found = manifest_sum.compare(0, 64, f["sha256"].get<std::string>()) == 0;
    }
  }
  EXPECT_TRUE(found) << "the manifest's checksum is the file's SHA-256";
}

// A copy of forms/ with one file changed.
std::string broken_forms(const TempDir& tmp, const std::string& file, const std::string& from, const std::string& to) {
  const std::string root = tmp.path() + "/forms";
  fs::copy(source("forms"), root, fs::copy_options::recursive);
  std::string text = slurp(root + "/" + file);
  const auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  std::ofstream(root + "/" + file, std::ios::trunc) << text;
  return root;
}

TEST(Bundle, BadTemplateIsRefusedWithItsPathAndNoFileIsWritten) {
  struct Case {
    std::string file, from, to, path, message;
  };
  const std::vector<Case> cases = {
      {"ny/motion.json", "{\"type\": \"title\", \"text\": \"NOTICE OF MOTION\"}",
       "{\"type\": \"titel\", \"text\": \"NOTICE OF MOTION\"}", "$.blocks[1].type", "unknown block type \"titel\""},
      {"ny/order.json", "{{record.case_number}}", "{{record.case_numbr}}", "$.blocks[", "unknown field \"record.case_numbr\""},
      {"ny/declaration.json", "{{#court.several}}judgments{{/court.several}}", "{{#court.several}}judgments",
       "$.blocks[3].text", "bad Mustache"},
      {"common/parts/verification-notary.json", "\"params\": [\"state\", \"role\", \"signer\", \"papers\"]",
       "\"params\": [\"state\", \"role\", \"signer\", \"papers\", \"venue\"]", "$.blocks[", "needs \"venue\""},
  };
  for (const Case& k : cases) {
    TempDir tmp;
    TempDir out;
    PetitionOptions o = options(out.path());
    o.forms_dir = broken_forms(tmp, k.file, k.from, k.to);
    const model::Case c = flagship_case("ny");
    const rules::RuleSet& rs = *library().find("NY");
    auto r = write_petitions(c, rs, rules::decide(c, rs, kToday), o);
    ASSERT_FALSE(r.has_value()) << k.file;
    EXPECT_EQ(r.error().code, ErrorCode::BadInput);
    EXPECT_NE(r.error().to_string().find(k.message), std::string::npos) << r.error().to_string();
    EXPECT_NE(r.error().path.find(k.path), std::string::npos) << r.error().to_string();
    EXPECT_TRUE(out.files().empty()) << "never half-rendered: " << k.file;
  }
}

TEST(Bundle, EveryShippedTemplateIsValid) {
  const auto problems = documents::validate_forms(source("forms"));
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST(Bundle, UnknownLanguageIsAClearError) {
  TempDir dir;
  auto r = bundle(flagship_case("ny"), dir.path(), "xx");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("no translations"), std::string::npos) << r.error().to_string();
  EXPECT_TRUE(dir.files().empty());
}

TEST(Catalog, ReadsCompiledCatalogAndFallsBackToEnglish) {
  auto es = i18n::Catalog::load(util::locales_dir(), "es_MX");
  ASSERT_TRUE(es.has_value()) << es.error().to_string();
  EXPECT_EQ(es->language(), "es");
  EXPECT_EQ(es->translate("Page %1$s of %2$s"), "P\xC3\xA1gina %1$s de %2$s");
  EXPECT_EQ(es->translate("not a msgid at all"), "not a msgid at all");
  EXPECT_EQ(es->missing().count("not a msgid at all"), 1u);
  auto en = i18n::Catalog::load(util::locales_dir(), "en");
  ASSERT_TRUE(en.has_value());
  EXPECT_TRUE(en->identity());
  EXPECT_FALSE(i18n::Catalog::parse("garbage that is not a catalog", "x.mo", "es").has_value());
  EXPECT_FALSE(i18n::Catalog::load(util::locales_dir(), "../etc").has_value());
}

}  // namespace
}  // namespace relief::pdftest
