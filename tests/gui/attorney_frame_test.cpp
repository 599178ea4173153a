// Attorney mode: the real AttorneyFrame, driven through its controls and the
// same handlers its buttons, cells and menus call.
#include "attorney/attorney_frame.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <wx/choice.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include "attorney/paste_rows.hpp"
#include "gui_test_support.hpp"
#include "language.hpp"
#include "relief/crypto/envelope.hpp"
#include "relief/model/case_io.hpp"
#include "relief/model/settings.hpp"
#include "relief/rules/decision.hpp"
#include "relief/store/store.hpp"
#include "text.hpp"

namespace relief::gui {
namespace {

namespace fs = std::filesystem;
using attorney::QuestionsPanel;
using attorney::RecordColumn;
using attorney::RecordsPanel;
using test::screenshot;
using test::settle;

constexpr const char* kSample = RELIEF_SOURCE_DIR "/examples/ny-sample.case.json";
constexpr const char* kPassphrase = "correct horse battery staple";

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs the real `relief` command; returns its standard output.
std::string run_relief(const std::string& args, int& code) {
  const std::string cmd = std::string(RELIEF_EXE) + " " + args + " 2>/dev/null";
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = ::pclose(p);
  code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// Scratch settings, state folder and output folder for one test.
class AttorneyFrameTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::make_temp_dir();
    ASSERT_FALSE(dir_.empty());
    ::setenv("RELIEF_STATE_DIR", (dir_ + "/state").c_str(), 1);
    use_settings(model::StoragePolicy::KioskMemoryOnly);
  }
  void TearDown() override {
    if (frame_) frame_->Destroy();
    test::flush_idle();
    ::unsetenv("RELIEF_STATE_DIR");
    ::unsetenv("RELIEF_SETTINGS");
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void use_settings(model::StoragePolicy policy) {
    model::Settings s;
    s.mode = model::Mode::Attorney;
    s.storage_policy = policy;
    s.clinic.name = "Riverside Legal Aid Clinic";
    s.clinic.phone = "(212) 555-0142";
    const std::string path = dir_ + "/settings.json";
    ASSERT_TRUE(model::save_settings(s, path));
    ::setenv("RELIEF_SETTINGS", path.c_str(), 1);
    state_ = test::load_state();
    ASSERT_TRUE(state_);
    ASSERT_EQ(state_->settings().mode, model::Mode::Attorney);
  }

  attorney::AttorneyOptions options(std::vector<std::string> passphrases = {kPassphrase}) {
    attorney::AttorneyOptions o;
    o.store_path = dir_ + "/state/relief.db";
    o.store_options.passphrase_cost = crypto::KdfCost{1, 8192};
    o.store_options.pin_cost = crypto::KdfCost{1, 8192};
    auto given = std::make_shared<std::vector<std::string>>(std::move(passphrases));
    o.ask_passphrase = [this, given](bool first_run, const wxString& problem) -> std::optional<crypto::SecretBuffer> {
      asked_.push_back({first_run, problem});
      if (given->empty()) return std::nullopt;
      crypto::SecretBuffer b(crypto::kMaxPassphraseBytes);
      b.assign(given->front());
      given->erase(given->begin());
      return b;
    };
    return o;
  }

  AttorneyFrame* open(attorney::AttorneyOptions o) {
    frame_ = open_attorney_frame(state_, std::move(o));
    settle(frame_);
    return frame_;
  }

  // Answers every question on the Questions tab from `sample`, as a person
  // would: the facts the sample has, "Unknown" for the others. Re-planning
  // after each answer may add questions; loops until none is unanswered.
  int answer_everything(const model::Case& sample) {
    QuestionsPanel* qp = frame_->questions_panel();
    int answered = 0;
    std::set<std::string> done;  // an empty date row stays unanswered: visit it once
    for (int round = 0; round < 100; ++round) {
      frame_->flush();
      std::optional<rules::Question> open;
      for (const auto& q : qp->questions()) {
        const std::string k = (q.record ? *q.record : std::string()) + "/" + q.fact;
        if (!frame_->workspace().value_of(q) && done.insert(k).second) {
          open = q;
          break;
        }
      }
      if (!open) break;
      const model::FactMap* facts = &sample.facts;
      if (open->record) facts = &sample.find_record(*open->record)->facts;
      auto it = facts->find(open->fact);
      const nlohmann::json want = it == facts->end() ? nlohmann::json(nullptr) : it->second;
      wxWindow* control = qp->control_for(open->fact, open->record);
      EXPECT_NE(control, nullptr) << open->fact;
      if (!control) break;
      EXPECT_FALSE(control->GetName().empty());
      EXPECT_FALSE(control->GetToolTipText().empty()) << open->fact;
      if (dynamic_cast<wxChoice*>(control)) {
        const auto values = QuestionsPanel::choice_values(*open->def);
        int index = -1;
        for (std::size_t i = 0; i < values.size(); ++i) {
          if (values[i] && *values[i] == want) index = static_cast<int>(i);
        }
        EXPECT_GE(index, 0) << open->fact;
        qp->answer_choice(open->fact, open->record, index);
      } else {
        qp->answer_text(open->fact, open->record, want.is_null() ? wxString() : to_wx(want.get<std::string>()));
      }
      ++answered;
    }
    frame_->flush();
    return answered;
  }

  std::string dir_;
  std::shared_ptr<WizardState> state_;
  AttorneyFrame* frame_ = nullptr;
  std::vector<std::pair<bool, wxString>> asked_;
};

// Descriptive fields only: what the grid and the petitioner form enter.
void expect_same_records(const std::vector<model::Record>& got, const std::vector<model::Record>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    model::Record g = got[i];
    model::Record w = want[i];
    g.facts.clear();
    w.facts.clear();
    EXPECT_EQ(g, w) << "record " << w.id << "\n got: " << model::case_to_json(model::Case{"NY", {}, {}, {g}}).dump()
                    << "\nwant: " << model::case_to_json(model::Case{"NY", {}, {}, {w}}).dump();
  }
}

TEST_F(AttorneyFrameTest, NewYorkSampleThroughEveryTab) {
  const auto sample = model::load_case_file(kSample, state_->library().facts);
  ASSERT_TRUE(sample) << sample.error().to_string();
  open(options());
  EXPECT_EQ(frame_->GetTitle(), to_wx(state_->settings().window_title));
  EXPECT_EQ(frame_->notebook()->GetPageCount(), 5u);
  EXPECT_EQ(frame_->store(), nullptr) << "this storage policy keeps no store";
  EXPECT_TRUE(asked_.empty()) << "no passphrase to ask for without a store";
  screenshot(frame_, "attorney-01-start");

  // Petitioner: typed into the fields.
  frame_->notebook()->SetSelection(AttorneyFrame::kPetitionerTab);
  auto* pp = frame_->petitioner_panel();
  const model::Petitioner& want = sample->petitioner;
  pp->field("petitioner_legal_name")->SetValue(to_wx(want.legal_name));
  pp->field("petitioner_other_names")->SetValue(to_wx(want.other_names[0] + "\n" + want.other_names[1]));
  pp->field("petitioner_date_of_birth")->SetValue("03/12/1994");
  pp->field("petitioner_address_line1")->SetValue(to_wx(want.address.line1));
  pp->field("petitioner_city")->SetValue(to_wx(want.address.city));
  pp->field("petitioner_state")->SetValue(to_wx(want.address.state));
  // A wrong ZIP is said in words next to the field and announced.
  pp->field("petitioner_zip")->SetValue("114");
  EXPECT_FALSE(pp->check_field("petitioner_zip"));
  EXPECT_FALSE(pp->error_for("petitioner_zip").empty());
  EXPECT_TRUE(frame_->message().Contains(pp->error_for("petitioner_zip")));
  EXPECT_TRUE(frame_->GetStatusBar()->GetStatusText().Contains(pp->error_for("petitioner_zip")));
  settle(frame_);
  screenshot(frame_, "attorney-02-petitioner-error");
  pp->field("petitioner_zip")->SetValue(to_wx(want.address.zip));
  EXPECT_TRUE(pp->check_field("petitioner_zip"));
  EXPECT_TRUE(pp->error_for("petitioner_zip").empty());
  EXPECT_EQ(frame_->workspace().petitioner(), want);
  for (const auto& l : pp->labelled()) {
    EXPECT_TRUE(l.label->GetLabel().Contains("&")) << "no mnemonic: " << l.label->GetLabel();
    EXPECT_FALSE(l.field->GetToolTipText().empty()) << l.field->GetName();
  }
  screenshot(frame_, "attorney-02-petitioner");

  // Records: r1 cell by cell through the grid, r2 the same with US dates,
  // r3 through Paste rows with a header row in another order.
  frame_->notebook()->SetSelection(AttorneyFrame::kRecordsTab);
  RecordsPanel* rp = frame_->records_panel();
  for (int i = 0; i < 2; ++i) {
    const model::Record& r = sample->records[static_cast<std::size_t>(i)];
    EXPECT_EQ(rp->add_record(), r.id);
    const int row = rp->list()->GetItemCount() - 1;
    auto set = [&](RecordColumn c, const wxString& v) {
      EXPECT_TRUE(rp->set_cell(row, RecordsPanel::column_of(c), v)) << attorney::column_field(c) << " " << v;
    };
    set(RecordColumn::Kind, kind_short_words(r.kind));
    set(RecordColumn::Category, category_words(r.offense_category));
    set(RecordColumn::Level, level_words(r.offense_level));
    set(RecordColumn::Description, to_wx(r.offense_description));
    set(RecordColumn::Statute, to_wx(r.statute));
    auto us = [](const model::Date& d) { return wxString::Format("%02d/%02d/%04d", d.month, d.day, d.year); };
    set(RecordColumn::OffenseDate, i == 0 ? to_wx(r.offense_date->iso()) : us(*r.offense_date));
    set(RecordColumn::DispositionDate, i == 0 ? to_wx(r.disposition_date->iso()) : us(*r.disposition_date));
    set(RecordColumn::Court, to_wx(r.court));
    set(RecordColumn::County, to_wx(r.county));
    set(RecordColumn::CaseNumber, to_wx(r.case_number));
    EXPECT_EQ(rp->list()->GetTextValue(static_cast<unsigned>(row), RecordsPanel::column_of(RecordColumn::OffenseDate)),
              to_wx(r.offense_date->iso()))
        << "a US date is shown as YYYY-MM-DD once taken";
  }
  // A bad cell keeps its old value and says why.
  EXPECT_FALSE(rp->set_cell(0, RecordsPanel::column_of(RecordColumn::OffenseDate), "2016-02-30"));
  EXPECT_TRUE(rp->error_text().Contains("2016-02-30"));
  EXPECT_EQ(frame_->workspace().current().records[0].offense_date, sample->records[0].offense_date);
  EXPECT_EQ(rp->paste_rows("Offense date\tKIND\toffense_category\tDescription\tStatute\tCourt\tCounty\n"
                           "01/10/2015\tarrest no conviction\tLoitering for prostitution\t"
                           "Loitering for prostitution (dismissed)\tN.Y. Penal Law \xC2\xA7 240.37\t"
                           "Criminal Court of the City of New York\tKings\n"),
            1);
  EXPECT_TRUE(rp->paste_problems().empty()) << rp->paste_problems().utf8_string();
  expect_same_records(frame_->workspace().current().records, sample->records);
  settle(frame_);
  screenshot(frame_, "attorney-03-records");

  // Questions: every one the planner keeps on the page, answered through its control.
  frame_->notebook()->SetSelection(AttorneyFrame::kQuestionsTab);
  settle(frame_);
  screenshot(frame_, "attorney-04-questions-before");
  const int answered = answer_everything(*sample);
  EXPECT_GE(answered, 3);
  EXPECT_EQ(frame_->workspace().person_facts().at("trafficking_victim"), true);
  settle(frame_);
  screenshot(frame_, "attorney-04-questions");

  // Results: the grid shows what the core decides on the same case, and the
  // sample file itself decides the same.
  frame_->notebook()->SetSelection(AttorneyFrame::kResultsTab);
  settle(frame_);
  screenshot(frame_, "attorney-05-results");
  const model::Case entered = frame_->workspace().case_of(frame_->workspace().current());
  const rules::Decision core = rules::decide(entered, state_->rules(), state_->as_of());
  const rules::Decision from_sample = rules::decide(*sample, state_->rules(), state_->as_of());
  auto* results = frame_->results_panel();
  ASSERT_EQ(results->list()->GetItemCount(), static_cast<int>(core.records.size()));
  ASSERT_EQ(results->decision().records.size(), core.records.size());
  for (std::size_t i = 0; i < core.records.size(); ++i) {
    const auto& shown = results->decision().records[i];
    EXPECT_EQ(shown.id, core.records[i].id);
    EXPECT_EQ(shown.best.outcome, core.records[i].best.outcome) << shown.id;
    EXPECT_EQ(shown.best.outcome, from_sample.records[i].best.outcome) << shown.id;
    EXPECT_TRUE(results->list()->GetTextValue(static_cast<unsigned>(i), 0).StartsWith(to_wx(shown.id)));
    for (const auto& c : shown.best.citations) {
      EXPECT_TRUE(results->list()->GetTextValue(static_cast<unsigned>(i), 3).Contains(to_wx(c)));
    }
  }
  results->show_details(0);
  EXPECT_TRUE(results->details()->GetValue().Contains(to_wx(core.records[0].id)));
  EXPECT_TRUE(results->header_text().Contains(to_wx(state_->rules().reviewed.iso())));
  EXPECT_TRUE(results->header_text().Contains("This is legal information, not legal advice"));
  const wxString footer = test::visible_text(frame_);
  EXPECT_TRUE(footer.Contains("Riverside Legal Aid Clinic"));
  EXPECT_TRUE(footer.Contains("Rules reviewed: " + to_wx(state_->rules().reviewed.iso())));

  // Saved, the case file gives the same decision through `relief check`.
  ASSERT_TRUE(frame_->save_as(dir_ + "/sample.case.json"));
  const std::string saved = dir_ + "/sample.ny.case.json";
  ASSERT_TRUE(fs::exists(saved)) << frame_->message().utf8_string();
  EXPECT_FALSE(frame_->unsaved());
  int code = -1;
  const std::string out = run_relief("check --case " + saved + " --format json", code);
  ASSERT_EQ(code, 0) << out;
  const auto cli = nlohmann::json::parse(out);
  const auto gui = rules::decision_to_json(results->decision());
  ASSERT_EQ(cli["records"].size(), gui["records"].size());
  for (std::size_t i = 0; i < gui["records"].size(); ++i) {
    for (const char* key : {"id", "outcome", "remedy", "relief"}) {
      EXPECT_EQ(cli["records"][i].value(key, nlohmann::json()), gui["records"][i].value(key, nlohmann::json()))
          << key << " of " << gui["records"][i]["id"];
    }
  }

  // Court papers, written off the UI thread; the report says where.
  const std::string papers = dir_ + "/papers";
  fs::create_directories(papers);
  frame_->write_papers(papers);
  for (int i = 0; i < 600 && frame_->papers_busy(); ++i) settle();
  ASSERT_FALSE(frame_->papers_busy()) << "the papers were not written within a minute";
  bool pdf = false;
  for (const auto& e : fs::directory_iterator(papers)) {
    if (e.path().extension() == ".pdf") {
      pdf = true;
      EXPECT_TRUE(frame_->papers_report().Contains(to_wx(e.path().string()))) << e.path();
    }
  }
  EXPECT_TRUE(pdf) << frame_->papers_report().utf8_string();
}

TEST(AttorneyPaste, HeaderNamesDatesAndBadRows) {
  // A header in another order, names in any case, an alias ("Docket").
  auto r = attorney::parse_pasted_rows(
      "Case_Number\tdocket\tOFFENSE DATE\tKind\tOffense category\tLevel\tDisposition date\r\n"
      "\t2019-77\t3/4/2018\tConviction\ttheft\tMisdemeanor\t12/01/2018\r\n"
      "\t\t02/30/2018\tconviction\ttheft\t\t\r\n"
      "\r\n"
      "\t\"12-3\"\"4\"\t2018-05-06\tjuvenile_adjudication\tSomething else\tfelony\t\r\n"
      "\t\t2018-05-06\twho knows\t\t\t2018-05-01\r\n");
  EXPECT_TRUE(r.header);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].case_number, "2019-77") << "the later column of the same name wins";
  EXPECT_EQ(r.records[0].offense_date, model::Date::parse("2018-03-04"));
  EXPECT_EQ(r.records[0].disposition_date, model::Date::parse("2018-12-01"));
  EXPECT_EQ(r.records[0].kind, "conviction");
  EXPECT_EQ(r.records[0].offense_category, "theft");
  EXPECT_EQ(r.records[0].offense_level, "misdemeanor");
  EXPECT_EQ(r.records[1].case_number, "12-3\"4");
  EXPECT_EQ(r.records[1].kind, "juvenile_adjudication");
  EXPECT_EQ(r.records[1].offense_category, "other");
  EXPECT_EQ(r.records[1].offense_level, "felony");
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].row, 3);
  EXPECT_TRUE(r.problems[0].message.Contains("Row 3")) << r.problems[0].message;
  EXPECT_TRUE(r.problems[0].message.Contains("02/30/2018"));
  EXPECT_EQ(r.problems[1].row, 6);
  EXPECT_TRUE(r.problems[1].message.Contains("who knows"));
  EXPECT_TRUE(r.problems[1].message.Contains(attorney::column_label(RecordColumn::Category)));
  EXPECT_TRUE(r.problems[1].message.Contains("before the offense date"));

  // Without a header: the grid's column order.
  auto plain = attorney::parse_pasted_rows("conviction\tprostitution\tmisdemeanor\tProstitution\t\t2016-04-02\n");
  EXPECT_FALSE(plain.header);
  ASSERT_EQ(plain.records.size(), 1u);
  EXPECT_EQ(plain.records[0].offense_description, "Prostitution");
  EXPECT_EQ(plain.records[0].offense_date, model::Date::parse("2016-04-02"));
}

TEST_F(AttorneyFrameTest, PasteRowsReportsTheRowsNotTakenInTheWindow) {
  open(options());
  frame_->notebook()->SetSelection(AttorneyFrame::kRecordsTab);
  RecordsPanel* rp = frame_->records_panel();
  EXPECT_EQ(rp->paste_rows("conviction\ttheft\n13/01/2017\tconviction\ttheft\nfelony\n"), 1);
  EXPECT_EQ(frame_->workspace().current().records.size(), 1u) << "something was taken from a bad row";
  EXPECT_TRUE(rp->paste_problems().Contains("Row 2"));
  EXPECT_TRUE(rp->paste_problems().Contains("Row 3"));
  EXPECT_TRUE(frame_->message().Contains("2 rows not taken"));
  settle(frame_);
  screenshot(frame_, "attorney-06-paste-problems");
}

TEST_F(AttorneyFrameTest, TenRecordsByPasteAllGetResults) {
  open(options());
  std::string rows = "Kind\tOffense category\tLevel\tDescription\tStatute\tOffense date\tDisposition date\tCourt\tCounty\t"
                     "Case number\n";
  const char* categories[] = {"prostitution", "loitering_for_prostitution", "theft", "trespass", "drug_possession"};
  for (int i = 0; i < 10; ++i) {
    rows += std::string(i % 3 == 2 ? "arrest_no_conviction" : "conviction") + "\t" + categories[i % 5] +
            "\tmisdemeanor\tCharge " + std::to_string(i + 1) + "\t\t0" + std::to_string(i % 9 + 1) + "/15/201" +
            std::to_string(i % 10) + "\t\tCriminal Court\tQueens\t2010QN" + std::to_string(1000 + i) + "\n";
  }
  EXPECT_EQ(frame_->records_panel()->paste_rows(rows), 10) << frame_->records_panel()->paste_problems().utf8_string();
  frame_->flush();
  EXPECT_EQ(frame_->records_panel()->list()->GetItemCount(), 10);
  EXPECT_EQ(frame_->results_panel()->list()->GetItemCount(), 10);
  EXPECT_EQ(frame_->results_panel()->decision().records.size(), 10u);
  EXPECT_FALSE(frame_->questions_panel()->questions().empty());
  frame_->notebook()->SetSelection(AttorneyFrame::kRecordsTab);
  settle(frame_);
  screenshot(frame_, "attorney-07-ten-records");
  frame_->notebook()->SetSelection(AttorneyFrame::kQuestionsTab);
  settle(frame_);
  screenshot(frame_, "attorney-07-ten-questions");
}

TEST_F(AttorneyFrameTest, MalformedFileKeepsTheCaseAndSavedFilesOpenTheSame) {
  open(options());
  ASSERT_TRUE(frame_->open_files({kSample})) << frame_->message().utf8_string();
  EXPECT_FALSE(frame_->unsaved());
  const nlohmann::json before = model::case_to_json(frame_->workspace().case_of(frame_->workspace().current()));

  auto bad = nlohmann::json::parse(slurp(kSample));
  bad["records"][1]["offense_date"] = "2017-13-45";
  const std::string bad_path = dir_ + "/bad.case.json";
  std::ofstream(bad_path) << bad.dump(2);
  EXPECT_FALSE(frame_->open_files({bad_path}));
  EXPECT_TRUE(frame_->message().Contains(to_wx(bad_path))) << frame_->message().utf8_string();
  EXPECT_TRUE(frame_->message().Contains("records[1].offense_date")) << frame_->message().utf8_string();
  EXPECT_EQ(model::case_to_json(frame_->workspace().case_of(frame_->workspace().current())), before)
      << "a bad file changed the case on screen";
  std::ofstream(dir_ + "/torn.case.json") << "{\"schema\": \"relief.case/1\", \"jurisd";
  EXPECT_FALSE(frame_->open_files({dir_ + "/torn.case.json"}));
  EXPECT_TRUE(frame_->message().Contains("torn.case.json"));
  settle(frame_);
  screenshot(frame_, "attorney-08-bad-file");
  EXPECT_EQ(model::case_to_json(frame_->workspace().case_of(frame_->workspace().current())), before);

  // Save, start over, open again: the same case.
  ASSERT_TRUE(frame_->save_as(dir_ + "/again"));
  frame_->new_case();
  EXPECT_TRUE(frame_->workspace().empty());
  ASSERT_TRUE(frame_->open_files({dir_ + "/again.ny.case.json"})) << frame_->message().utf8_string();
  EXPECT_EQ(model::case_to_json(frame_->workspace().case_of(frame_->workspace().current())), before);
}

// The kiosk's write-only hand-off reaches the lawyer: a sealed intake opens
// with the clinic's private key, and with another key nothing changes.
TEST_F(AttorneyFrameTest, SealedIntakeOpensOnlyWithTheClinicsKey) {
  open(options());
  const auto sample = model::load_case_file(kSample, state_->library().facts);
  ASSERT_TRUE(sample) << sample.error().to_string();
  auto clinic = crypto::write_clinic_key_pair(dir_ + "/clinic");
  ASSERT_TRUE(clinic) << clinic.error().to_string();
  auto other = crypto::write_clinic_key_pair(dir_ + "/other");
  ASSERT_TRUE(other) << other.error().to_string();
  auto pub = crypto::load_clinic_public_key(clinic->public_file);
  ASSERT_TRUE(pub);
  fs::create_directories(dir_ + "/stick");
  auto sealed = crypto::seal_intake(model::case_to_json(*sample).dump(), *pub, dir_ + "/stick");
  ASSERT_TRUE(sealed) << sealed.error().to_string();

  const nlohmann::json before = model::case_to_json(frame_->workspace().case_of(frame_->workspace().current()));
  EXPECT_FALSE(frame_->import_intake(*sealed, other->secret_file));
  EXPECT_FALSE(frame_->message().empty());
  EXPECT_EQ(model::case_to_json(frame_->workspace().case_of(frame_->workspace().current())), before);

  ASSERT_TRUE(frame_->import_intake(*sealed, clinic->secret_file)) << frame_->message().utf8_string();
  const model::Case opened = frame_->workspace().case_of(frame_->workspace().current());
  EXPECT_EQ(opened.petitioner.legal_name, sample->petitioner.legal_name);
  EXPECT_EQ(opened.records.size(), sample->records.size());
  EXPECT_TRUE(frame_->unsaved()) << "an imported case is saved only where the lawyer chooses";
}

// Attorney mode in Spanish: every tab has words on every control, and each
// is screenshot for review.
TEST_F(AttorneyFrameTest, EveryTabInSpanish) {
  use_language("es");
  open(options());
  ASSERT_TRUE(frame_->open_files({kSample})) << frame_->message().utf8_string();
  const char* names[] = {"start", "petitioner", "records", "questions", "results"};
  for (int tab = 0; tab < 5; ++tab) {
    frame_->notebook()->SetSelection(static_cast<std::size_t>(tab));
    settle(frame_);
    test::expect_no_empty_labels(frame_, std::string("attorney-es-") + names[tab]);
    screenshot(frame_, "attorney-es-0" + std::to_string(tab + 1) + "-" + names[tab]);
  }
  EXPECT_NE(frame_->GetMenuBar()->GetMenuLabelText(0), "File") << "the menus are not in Spanish";
  use_language("en");
}

TEST_F(AttorneyFrameTest, SeveralJurisdictionsSaveAsOneFileEachAndOpenTogether) {
  open(options());
  ASSERT_TRUE(frame_->open_files({kSample}));
  ASSERT_NE(state_->library().find("CA"), nullptr);
  ASSERT_TRUE(frame_->add_jurisdiction("CA"));
  EXPECT_EQ(frame_->workspace().current().jurisdiction, "CA");
  EXPECT_TRUE(frame_->workspace().current().records.empty());
  frame_->records_panel()->paste_rows("conviction\tprostitution\tmisdemeanor\tSolicitation\t\t2018-02-03\n");
  EXPECT_EQ(frame_->jurisdiction_choice()->GetCount(), 2u);
  EXPECT_TRUE(frame_->results_panel()->header_text().Contains(to_wx(state_->library().find("CA")->name)));
  ASSERT_TRUE(frame_->save_as(dir_ + "/two.case.json")) << frame_->message().utf8_string();
  ASSERT_TRUE(fs::exists(dir_ + "/two.ny.case.json"));
  ASSERT_TRUE(fs::exists(dir_ + "/two.ca.case.json"));
  frame_->new_case();
  ASSERT_TRUE(frame_->open_files({dir_ + "/two.ny.case.json", dir_ + "/two.ca.case.json"}))
      << frame_->message().utf8_string();
  ASSERT_EQ(frame_->workspace().matters().size(), 2u);
  EXPECT_EQ(frame_->workspace().petitioner().legal_name, "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B H\xC6\xB0\xC6\xA1ng");
  EXPECT_EQ(frame_->workspace().matters()[0].records.size(), 3u);
  EXPECT_EQ(frame_->workspace().matters()[1].records.size(), 1u);

  // Another petitioner's file does not join them.
  auto other = nlohmann::json::parse(slurp(kSample));
  other["petitioner"]["legal_name"] = "Someone Else";
  other["jurisdiction"] = "TX";
  std::ofstream(dir_ + "/other.tx.case.json") << other.dump();
  EXPECT_FALSE(frame_->open_files({dir_ + "/two.ny.case.json", dir_ + "/other.tx.case.json"}));
  EXPECT_TRUE(frame_->message().Contains("same petitioner"));
  EXPECT_EQ(frame_->workspace().matters().size(), 2u);
}

TEST_F(AttorneyFrameTest, WorkstationStoreAutosavesEveryChange) {
  use_settings(model::StoragePolicy::AttorneyWorkstation);
  open(options());
  ASSERT_EQ(asked_.size(), 1u);
  EXPECT_TRUE(asked_[0].first) << "a new store should ask for the passphrase twice (first run)";
  ASSERT_NE(frame_->store(), nullptr) << frame_->start_panel()->store_status().utf8_string();
  frame_->records_panel()->paste_rows("conviction\tprostitution\tmisdemeanor\tProstitution\t\t2016-04-02\n");
  frame_->flush();
  auto* victim = frame_->questions_panel()->control_for("trafficking_victim", std::nullopt);
  ASSERT_NE(victim, nullptr);
  frame_->questions_panel()->answer_choice("trafficking_victim", std::nullopt, 1);  // Yes
  EXPECT_EQ(frame_->workspace().person_facts().at("trafficking_victim"), true);
  EXPECT_FALSE(frame_->unsaved()) << "the store holds every change";
  EXPECT_EQ(frame_->start_panel()->recent()->GetCount(), 1u);
  settle(frame_);
  screenshot(frame_, "attorney-09-store-start");

  {
    crypto::SecretBuffer pass(crypto::kMaxPassphraseBytes);
    pass.assign(kPassphrase);
    store::OpenOptions o;
    o.passphrase_cost = crypto::KdfCost{1, 8192};
    auto s = store::Store::open(dir_ + "/state/relief.db", pass, o);
    ASSERT_TRUE(s) << s.error().to_string();
    auto listed = s->list();
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ((*listed)[0].jurisdiction, "NY");
    EXPECT_EQ((*listed)[0].records, 1);
    auto loaded = s->load((*listed)[0].id, state_->library().facts);
    ASSERT_TRUE(loaded) << loaded.error().to_string();
    EXPECT_EQ(model::case_to_json(*loaded),
              model::case_to_json(frame_->workspace().case_of(frame_->workspace().current())));
  }
  const nlohmann::json kept = model::case_to_json(frame_->workspace().case_of(frame_->workspace().current()));
  frame_->Destroy();
  frame_ = nullptr;
  test::flush_idle();

  // Next start: a wrong passphrase is asked again, then the case reopens.
  asked_.clear();
  open(options({"not the passphrase", kPassphrase}));
  ASSERT_EQ(asked_.size(), 2u);
  EXPECT_FALSE(asked_[0].first);
  EXPECT_FALSE(asked_[1].second.empty()) << "the second ask should say why";
  ASSERT_NE(frame_->store(), nullptr);
  ASSERT_EQ(frame_->start_panel()->recent()->GetCount(), 1u);
  frame_->start_panel()->recent()->SetSelection(0);
  ASSERT_TRUE(frame_->open_stored(frame_->start_panel()->chosen_recent()));
  EXPECT_EQ(model::case_to_json(frame_->workspace().case_of(frame_->workspace().current())), kept);
}

TEST_F(AttorneyFrameTest, DamagedStoreIsReportedAndFilesStillWork) {
  use_settings(model::StoragePolicy::AttorneyWorkstation);
  fs::create_directories(dir_ + "/state");
  std::ofstream(dir_ + "/state/relief.db") << std::string(8192, 'x');
  open(options());
  EXPECT_EQ(frame_->store(), nullptr);
  EXPECT_TRUE(frame_->start_panel()->store_status().Contains("moved aside"))
      << frame_->start_panel()->store_status().utf8_string();
  EXPECT_TRUE(frame_->message().Contains("moved aside"));
  bool kept_aside = false;
  for (const auto& e : fs::directory_iterator(dir_ + "/state")) {
    if (e.path().filename().string().rfind("relief.db.corrupt-", 0) == 0) kept_aside = true;
  }
  EXPECT_TRUE(kept_aside) << "the damaged store should be kept, not deleted";
  settle(frame_);
  screenshot(frame_, "attorney-10-damaged-store");
  ASSERT_TRUE(frame_->open_files({kSample}));
  EXPECT_TRUE(frame_->save_as(dir_ + "/files-only"));
  EXPECT_TRUE(fs::exists(dir_ + "/files-only.ny.case.json"));
}

}  // namespace
}  // namespace relief::gui
