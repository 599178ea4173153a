#include "relief/documents/petition.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <set>
#include <utility>

#include "ny_motion.hpp"
#include "pdf_layout.hpp"
#include "relief/util/atomic_file.hpp"
#include "relief/util/paths.hpp"

namespace relief::documents {
namespace {

constexpr const char* kFontPackage = "fonts-liberation2";

std::string lower_ascii(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// ASCII words of `s` joined by '-'; everything else separates words.
std::vector<std::string> slug_words(const std::string& s) {
  std::vector<std::string> words;
  std::string cur;
  for (char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if (u < 0x80 && std::isalnum(u)) {
      cur += static_cast<char>(std::tolower(u));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// "Criminal Court of the City of New York" -> "criminal-court": the court's
// name up to the word "court" says which court it is; the county says where.
std::string court_slug(const std::string& county, const std::string& court) {
  std::vector<std::string> parts = slug_words(county);
  const std::vector<std::string> cw = slug_words(court);
  for (size_t i = 0; i < cw.size(); ++i) {
    parts.push_back(cw[i]);
    if (cw[i] == "court" && i >= 1) break;
  }
  std::string slug;
  for (const std::string& p : parts) {
    if (slug.size() + p.size() + 1 > 60) break;
    slug += (slug.empty() ? "" : "-") + p;
  }
  return slug.empty() ? "court" : slug;
}

bool qualifies(rules::Outcome o) { return o == rules::Outcome::Eligible || o == rules::Outcome::NeedsReview; }

const model::Record* find_record(const model::Case& c, const std::string& id) {
  for (const model::Record& r : c.records) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

Result<void> check_out_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  if (dir.empty()) return fail(ErrorCode::Io, "", "", "no output folder was given for the court papers");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return fail(ErrorCode::Io, dir, "", "the output folder does not exist; create it or choose another folder");
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    return fail(ErrorCode::Io, dir, "", "cannot write in the output folder (permission denied); choose another folder");
  }
  return {};
}

struct Prepared {
  WrittenFile file;
  std::string bytes;
};

}  // namespace

Result<std::vector<WrittenFile>> write_petitions(const model::Case& c, const rules::RuleSet& rules,
                                                 const rules::Decision& d, const PetitionOptions& opts) {
  const std::string juris = lower_ascii(rules.jurisdiction.empty() ? c.jurisdiction : rules.jurisdiction);
  if (juris != "ny") {
    return fail(ErrorCode::BadInput, rules.file, "$.jurisdiction",
                "court papers for " + (juris.empty() ? std::string("this jurisdiction") : rules.jurisdiction) +
                    " are not available yet; Relief writes New York (NY) papers only");
  }

  // Group the qualifying records by court, in the order the case lists them.
  std::vector<CourtGroup> groups;
  for (const model::Record& rec : c.records) {
    const rules::RecordDecision* dec = nullptr;
    for (const rules::RecordDecision& rd : d.records) {
      if (rd.id == rec.id) dec = &rd;
    }
    if (!dec || !qualifies(dec->best.outcome)) continue;
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const CourtGroup& g) { return g.court == rec.court && g.county == rec.county; });
    if (it == groups.end()) {
      groups.push_back(CourtGroup{rec.court, rec.county, {}, {}});
      it = std::prev(groups.end());
    }
    it->records.push_back(&rec);
    it->decisions.push_back(dec);
  }
  for (const rules::RecordDecision& rd : d.records) {
    if (qualifies(rd.best.outcome) && !find_record(c, rd.id)) {
      return fail(ErrorCode::BadInput, "", "$.records",
                  "the decision names record \"" + rd.id + "\", which is not in the case");
    }
  }
  if (groups.empty()) {
    return fail(ErrorCode::BadInput, "", "$.records",
                "no record is eligible for a petition: none is eligible or needs review under the " +
                    (rules.name.empty() ? rules.jurisdiction : rules.name) + " rules");
  }

  if (auto ok = check_out_dir(opts.out_dir); !ok) return tl::unexpected(ok.error());

  const std::string regular = util::find_font("LiberationSerif-Regular.ttf");
  const std::string bold = util::find_font("LiberationSerif-Bold.ttf");
  for (const auto& [path, file] :
       {std::pair{regular, "LiberationSerif-Regular.ttf"}, std::pair{bold, "LiberationSerif-Bold.ttf"}}) {
    if (path.empty()) {
      return fail(ErrorCode::NotFound, file, "", std::string("font not found; install the package ") + kFontPackage);
    }
  }

  // Render everything in memory first, so a layout or library failure
  // leaves no file at all.
  std::vector<Prepared> prepared;
  std::set<std::string> used_names;
  for (const CourtGroup& g : groups) {
    pdf::PageSetup setup;
    setup.regular_font = regular;
    setup.bold_font = bold;
    setup.title = ny_title(g);
    setup.subject =
        "Notice of motion and affirmation to vacate judgment under N.Y. Crim. Proc. Law "
        "\xC2\xA7 440.10(1)(i)";
    setup.created = opts.today;
    setup.footer = ny_footer(rules, opts.clinic);
    auto layout = pdf::PdfLayout::create(setup);
    if (!layout) return tl::unexpected(layout.error());
    auto rendered = (*layout)->render(ny_motion_blocks(c, rules, g, opts, (*layout)->content_width()));
    if (!rendered) return tl::unexpected(rendered.error());

    const std::string base = "motion-to-vacate-ny-" + court_slug(g.county, g.court);
    std::string name = base + ".pdf";
    for (int n = 2; used_names.count(name); ++n) name = base + "-" + std::to_string(n) + ".pdf";
    used_names.insert(name);

    Prepared p;
    p.file.path = (std::filesystem::path(opts.out_dir) / name).string();
    p.file.kind = "petition";
    p.file.court = g.court;
    for (const model::Record* r : g.records) p.file.records.push_back(r->id);
    p.file.pages = rendered->pages;
    p.bytes = std::move(rendered->bytes);
    prepared.push_back(std::move(p));
  }

  std::vector<WrittenFile> written;
  for (Prepared& p : prepared) {
    if (auto ok = util::write_file_atomically(p.file.path, p.bytes); !ok) {
      // All or nothing: a set of papers missing one court is worse than none.
      for (const WrittenFile& w : written) {
        std::error_code ec;
        std::filesystem::remove(w.path, ec);
      }
      return tl::unexpected(ok.error());
    }
    written.push_back(std::move(p.file));
  }
  return written;
}

}  // namespace relief::documents
