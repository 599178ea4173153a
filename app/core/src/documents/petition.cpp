#include "relief/documents/petition.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <set>
#include <utility>

#include "context.hpp"
#include "forms.hpp"
#include "pdf_layout.hpp"
#include "relief/i18n.hpp"
#include "relief/i18n/catalog.hpp"
#include "relief/util/atomic_file.hpp"
#include "relief/util/paths.hpp"
#include "render.hpp"
#include "sha256.hpp"

namespace relief::documents {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kFontPackage = "fonts-liberation2";

std::string lower_ascii(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// ASCII words of `s`; everything else separates words.
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
// Court names are public; a file name never carries a person's data.
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

Result<void> check_out_dir(const std::string& dir) {
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

// The sRGB profile the PDF/A output intent embeds (Debian icc-profiles-free
// or colord-data); without one the papers are still written, without the
// PDF/A parts.
std::string find_srgb_profile() {
  for (const char* p : {"/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/colord/sRGB.icc",
                        "/usr/share/color/icc/ghostscript/srgb.icc"}) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p;
  }
  return {};
}

// Turns the loader's issues into one error naming the first problem's file
// and JSON path; the rest follow in the message.
tl::unexpected<Error> forms_error(const std::vector<rules::Issue>& issues, const Error& fallback,
                                  const std::string& forms_dir) {
  std::vector<const rules::Issue*> errors;
  for (const auto& i : issues) {
    if (i.error) errors.push_back(&i);
  }
  if (errors.empty()) return tl::unexpected(fallback);
  Error e;
  e.code = ErrorCode::BadInput;
  e.file = (fs::path(forms_dir) / errors.front()->file).string();
  e.path = errors.front()->path;
  e.message = "invalid court-paper template: " + errors.front()->message;
  if (errors.size() > 1) e.message += " (and " + std::to_string(errors.size() - 1) + " more problem(s))";
  return tl::unexpected(e);
}

// What each court paper is, for the survivor's checklist.
std::string kind_text(const std::string& kind, const i18n::Catalog& cat) {
  if (kind == "petition") return cat.translate(N_("The motion or petition (the main paper)"));
  if (kind == "declaration") return cat.translate(N_("Your sworn statement"));
  if (kind == "order") return cat.translate(N_("The proposed order (for the judge to sign)"));
  return kind;
}

struct Prepared {
  WrittenFile file;
  std::string bytes;
};

struct Fonts {
  std::string regular;
  std::string bold;
};

std::vector<std::string> footer_lines(const rules::RuleSet& rules, const model::ClinicInfo& clinic,
                                      const i18n::Catalog& cat) {
  std::vector<std::string> lines;
  const std::string name = rules.name.empty() ? rules.jurisdiction : rules.name;
  // TRANSLATORS: %1$s is a state's name, %2$s a date (YYYY-MM-DD).
  lines.push_back(Message::substitute(
      cat.translate(N_("Prepared with Relief. This is legal information, not legal advice. %1$s rules reviewed %2$s.")),
      {name, rules.reviewed.iso()}));
  if (clinic.configured()) {
    std::vector<std::string> parts;
    for (const std::string* s : {&clinic.name, &clinic.phone, &clinic.website}) {
      if (!trim(*s).empty()) parts.push_back(trim(*s));
    }
    std::string contact;
    for (size_t i = 0; i < parts.size(); ++i) contact += (i ? " \xC2\xB7 " : "") + parts[i];
    // TRANSLATORS: %1$s is the clinic's name, phone and website.
    lines.push_back(Message::substitute(cat.translate(N_("Help: %1$s")), {contact}));
  }
  return lines;
}

Result<pdf::Rendered> make_pdf(const RenderedDocument& doc, const Fonts& fonts, const model::Case& c,
                               const rules::RuleSet& rules, const PetitionOptions& opts, const i18n::Catalog& cat,
                               const std::string& icc) {
  // Metadata names the paper and the court, never the person.
  const std::string name = trim(c.petitioner.legal_name);
  if (!name.empty() && (doc.title.find(name) != std::string::npos || doc.subject.find(name) != std::string::npos)) {
    return fail(ErrorCode::BadInput, "", "$.title", "a template puts the person's name in the PDF metadata");
  }
  pdf::PageSetup setup = page_setup(doc.pleading);
  setup.regular_font = fonts.regular;
  setup.bold_font = fonts.bold;
  setup.title = doc.title;
  setup.subject = doc.subject;
  setup.created = opts.today;
  setup.language = doc.survivor ? cat.language() : "en";
  setup.footer_title = doc.footer_title;
  const i18n::Catalog identity;
  const i18n::Catalog& fc = doc.survivor ? cat : identity;
  setup.footer = footer_lines(rules, opts.clinic, fc);
  // TRANSLATORS: page numbers at the foot of each page.
  setup.page_label = fc.translate(N_("Page %1$s of %2$s"));
  setup.icc_profile = icc;
  auto layout = pdf::PdfLayout::create(setup);
  if (!layout) return tl::unexpected(layout.error());
  return (*layout)->render(doc.blocks);
}

std::string html_page(const std::string& lang, const std::string& title, const std::string& body,
                      const std::vector<std::string>& footer) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"" + html_escape(lang) +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" + html_escape(title) +
      "</title>\n<style>\n"
      "body{font-family:\"Liberation Serif\",Georgia,serif;font-size:1.2rem;line-height:1.6;color:#111;"
      "background:#fff;max-width:42rem;margin:0 auto;padding:1rem}\n"
      "h1{font-size:1.8rem}h2{font-size:1.5rem;margin-top:2.5rem;border-top:2px solid #111;padding-top:1rem}"
      "h3{font-size:1.25rem;margin-top:1.5rem}\n"
      "table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #444;padding:.4rem;"
      "text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold}\n"
      "ul.checklist{list-style:none;padding-left:0}ul.checklist li{margin:.5rem 0}\n"
      ".note{border:2px solid #111;padding:.75rem}footer{margin-top:3rem;font-size:1rem}\n"
      "@media print{h2{page-break-before:always}}\n"
      "</style>\n</head>\n<body>\n<main>\n<h1>" + html_escape(title) + "</h1>\n";
  h += body;
  h += "</main>\n<footer>\n";
  for (const std::string& line : footer) h += "<p>" + html_escape(line) + "</p>\n";
  h += "</footer>\n</body>\n</html>\n";
  return h;
}

}  // namespace

Result<std::vector<WrittenFile>> write_petitions(const model::Case& c, const rules::RuleSet& rules,
                                                 const rules::Decision& d, const PetitionOptions& opts) {
  const std::string forms_dir = opts.forms_dir.empty() ? util::forms_dir() : opts.forms_dir;
  const std::string locales_dir = opts.locales_dir.empty() ? util::locales_dir() : opts.locales_dir;
  const std::string juris = lower_ascii(rules.jurisdiction.empty() ? c.jurisdiction : rules.jurisdiction);

  // Group the qualifying records by court and form, in case order.
  std::vector<CourtGroup> groups;
  for (const model::Record& rec : c.records) {
    const rules::RecordDecision* dec = nullptr;
    for (const rules::RecordDecision& rd : d.records) {
      if (rd.id == rec.id) dec = &rd;
    }
    if (!dec || !qualifies(dec->best.outcome)) continue;
    const rules::Remedy* remedy = nullptr;
    for (const rules::Remedy& r : rules.remedies) {
      if (r.id == dec->best.remedy) remedy = &r;
    }
    if (!remedy || remedy->forms.empty()) {
      return fail(ErrorCode::BadInput, rules.file, "$.remedies",
                  "court papers for " + (juris.empty() ? std::string("this jurisdiction") : rules.jurisdiction) +
                      " are not available yet: the remedy \"" + dec->best.remedy + "\" names no form in forms/");
    }
    const std::string& form = remedy->forms.front();
    auto it = std::find_if(groups.begin(), groups.end(), [&](const CourtGroup& g) {
      return g.court == rec.court && g.county == rec.county && g.form == form;
    });
    if (it == groups.end()) {
      groups.push_back(CourtGroup{form, rec.court, rec.county, remedy, {}, {}});
      it = std::prev(groups.end());
    }
    it->records.push_back(&rec);
    it->decisions.push_back(dec);
  }
  for (const rules::RecordDecision& rd : d.records) {
    if (qualifies(rd.best.outcome) && !c.find_record(rd.id)) {
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

  const Fonts fonts{util::find_font("LiberationSerif-Regular.ttf"), util::find_font("LiberationSerif-Bold.ttf")};
  for (const auto& [path, file] :
       {std::pair{fonts.regular, "LiberationSerif-Regular.ttf"}, std::pair{fonts.bold, "LiberationSerif-Bold.ttf"}}) {
    if (path.empty()) {
      return fail(ErrorCode::NotFound, file, "", std::string("font not found; install the package ") + kFontPackage);
    }
  }

  auto catalog = i18n::Catalog::load(locales_dir, opts.lang);
  if (!catalog) return tl::unexpected(catalog.error());
  const i18n::Catalog& cat = *catalog;
  const i18n::Catalog identity;

  // Every template is loaded and validated before anything is rendered: an
  // invalid one is refused whole, never half-rendered.
  std::map<std::string, FormDef> forms;
  for (const CourtGroup& g : groups) {
    if (forms.count(g.form)) continue;
    std::vector<rules::Issue> issues;
    auto form = load_form(forms_dir, g.form, issues);
    if (!form) return forms_error(issues, form.error(), forms_dir);
    forms.emplace(g.form, std::move(*form));
  }
  std::vector<rules::Issue> summary_issues;
  auto summary = load_template(forms_dir, "common/summary.json", summary_issues);
  if (!summary) return forms_error(summary_issues, summary.error(), forms_dir);

  // Texas-style forms: one set of papers per record.
  std::vector<CourtGroup> papers;
  for (const CourtGroup& g : groups) {
    if (!forms.at(g.form).one_record_per_paper) {
      papers.push_back(g);
      continue;
    }
    for (size_t i = 0; i < g.records.size(); ++i) {
      CourtGroup one = g;
      one.records = {g.records[i]};
      one.decisions = {g.decisions[i]};
      papers.push_back(std::move(one));
    }
  }

  const std::string icc = find_srgb_profile();
  const ContextInput in{c, rules, d, opts};
  const std::string lang = cat.language();
  std::vector<Prepared> prepared;
  std::set<std::string> used_slugs;
  std::string html_body;

  // Render everything in memory first, so a layout or library failure
  // leaves no file at all.
  for (const CourtGroup& g : papers) {
    const FormDef& form = forms.at(g.form);
    const std::string base = juris + "-" + court_slug(g.county, g.court);
    std::string slug = base;
    for (int n = 2; used_slugs.count(slug); ++n) slug = base + "-" + std::to_string(n);
    used_slugs.insert(slug);

    std::vector<std::string> record_ids;
    for (const model::Record* r : g.records) record_ids.push_back(r->id);
    json bundle_files = json::array();

    for (const std::string& kind : document_kinds()) {
      const Template& t = form.documents.at(kind);
      const bool survivor = t.json.value("language", "court") == "survivor";
      const i18n::Catalog& dc = survivor ? cat : identity;
      json ctx = build_context(in, g, form, dc);
      if (survivor) {
        ctx["bundle"]["files"] = bundle_files;
        ctx["bundle"]["has_files"] = !bundle_files.empty();
      }
      const pdf::PageSetup geometry = page_setup(t.json.value("paper", "plain") == "pleading");
      const double text_width = geometry.width - geometry.margin_left - geometry.margin_right;
      RenderedDocument doc = render_document(t, form.parts, ctx, dc, text_width);
      auto pdf_bytes = make_pdf(doc, fonts, c, rules, opts, dc, icc);
      if (!pdf_bytes) return tl::unexpected(pdf_bytes.error());

      std::string name = t.json.at("file_name").get<std::string>() + "-";
      if (survivor) name += lang + "-";
      name += slug + ".pdf";
      Prepared p;
      p.file.path = (fs::path(opts.out_dir) / name).string();
      p.file.kind = kind;
      p.file.court = g.court;
      p.file.county = g.county;
      p.file.form = g.form;
      p.file.records = record_ids;
      p.file.pages = pdf_bytes->pages;
      p.file.language = survivor ? lang : "en";
      p.bytes = std::move(pdf_bytes->bytes);
      if (!survivor) {
        bundle_files.push_back({{"title", doc.title},
                                {"file", name},
                                {"pages", std::to_string(p.file.pages)},
                                {"kind", kind},
                                {"kind_text", kind_text(kind, cat)}});
      }
      if (survivor) html_body += "<section>\n" + doc.html + "</section>\n";
      prepared.push_back(std::move(p));
    }
  }

  // The plain summary and every court's instructions, as accessible HTML.
  {
    json ctx = build_summary_context(in, cat);
    const RenderedDocument doc = render_document(summary->tmpl, summary->parts, ctx, cat, 468);
    const std::string page = html_page(lang, doc.title, doc.html + html_body, footer_lines(rules, opts.clinic, cat));
    Prepared p;
    p.file.path = (fs::path(opts.out_dir) / ("results-and-instructions-" + lang + ".html")).string();
    p.file.kind = "summary";
    for (const model::Record& r : c.records) p.file.records.push_back(r.id);
    p.file.language = lang;
    p.bytes = page;
    prepared.push_back(std::move(p));
  }

  for (Prepared& p : prepared) {
    p.file.bytes = p.bytes.size();
    p.file.sha256 = sha256_hex(p.bytes);
  }
  {
    json files = json::array();
    for (const Prepared& p : prepared) {
      files.push_back({{"path", fs::path(p.file.path).filename().string()},
                       {"kind", p.file.kind},
                       {"form", p.file.form},
                       {"court", p.file.court},
                       {"county", p.file.county},
                       {"records", p.file.records},
                       {"pages", p.file.pages},
                       {"language", p.file.language},
                       {"bytes", p.file.bytes},
                       {"sha256", p.file.sha256}});
    }
    const json manifest = {{"schema", "relief.bundle/1"},
                           {"jurisdiction", rules.jurisdiction},
                           {"rules_version", rules.version},
                           {"rules_reviewed", rules.reviewed.iso()},
                           {"created", opts.today.year > 0 ? opts.today.iso() : ""},
                           {"language", lang},
                           {"files", files}};
    Prepared p;
    p.file.path = (fs::path(opts.out_dir) / "manifest.json").string();
    p.file.kind = "manifest";
    p.file.language = "en";
    p.bytes = manifest.dump(2) + "\n";
    p.file.bytes = p.bytes.size();
    p.file.sha256 = sha256_hex(p.bytes);
    prepared.push_back(std::move(p));
  }

  std::vector<WrittenFile> written;
  for (Prepared& p : prepared) {
    if (auto ok = util::write_file_atomically(p.file.path, p.bytes); !ok) {
      // All or nothing: a set of papers missing one file is worse than none.
      for (const WrittenFile& w : written) {
        std::error_code ec;
        fs::remove(w.path, ec);
      }
      return tl::unexpected(ok.error());
    }
    written.push_back(std::move(p.file));
  }
  return written;
}

std::vector<std::string> validate_forms(const std::string& forms_dir) {
  std::vector<rules::Issue> issues;
  documents::validate_forms(forms_dir, issues);
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(i.to_string());
  return out;
}

}  // namespace relief::documents
