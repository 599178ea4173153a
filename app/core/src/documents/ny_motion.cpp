#include "ny_motion.hpp"

#include <algorithm>

namespace relief::documents {
namespace {

using pdf::Align;
using pdf::Block;
using pdf::Run;

constexpr double kBodyLeading = 19;  // about 1.6 lines: readable, not too long
constexpr double kTightLeading = 14.5;
constexpr double kIndent = 36;  // half an inch
// Paragraph numbers sit close to their text: a wider gap makes text
// extractors read the numbers as a separate column.
constexpr double kLabelWidth = 20;
constexpr const char* kReliefCitation = "N.Y. Crim. Proc. Law \xC2\xA7 440.10(6)";
constexpr const char* kProcedureCitation = "N.Y. Crim. Proc. Law \xC2\xA7 440.30";

Run R(std::string s) { return Run{std::move(s), false, false}; }
Run B(std::string s) { return Run{std::move(s), true, false}; }

std::string blank(size_t n) { return std::string(n, '_'); }

// "§ 440.10" must not break across lines.
std::string keep_section_together(std::string s) {
  const std::string from = "\xC2\xA7 ";
  const std::string to = "\xC2\xA7\xC2\xA0";
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

// Court and county names are ASCII in practice; only ASCII letters are
// changed so that a UTF-8 sequence is never damaged.
std::string upper_ascii(std::string s) {
  for (char& ch : s) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string date_or_blank(const std::optional<model::Date>& d, size_t n = 20) { return d ? d->long_form() : blank(n); }

std::string or_blank(const std::string& s, size_t n = 24) {
  const std::string t = trim(s);
  return t.empty() ? blank(n) : t;
}

// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? (items.size() > 2 ? ", and " : " and ") : ", ";
    out += items[i];
  }
  return out;
}

bool fact_true(const model::FactMap& facts, const std::string& name) {
  auto it = facts.find(name);
  return it != facts.end() && it->second.is_boolean() && it->second.get<bool>();
}

std::string fact_string(const model::FactMap& facts, const std::string& name) {
  auto it = facts.find(name);
  return it != facts.end() && it->second.is_string() ? it->second.get<std::string>() : "";
}

std::string offense_level_text(const std::string& level) {
  if (level.empty() || level == "unknown") return "";
  return level;
}

// Builds the paper top to bottom, numbering the affirmation's paragraphs.
class Builder {
 public:
  std::vector<Block> blocks;

  void add(Block b) { blocks.push_back(std::move(b)); }

  void title(std::string text, double space_before = 18) {
    Block b = pdf::runs_block({Run{std::move(text), true, true}}, Align::Center);
    b.leading = kBodyLeading;
    b.space_before = space_before;
    b.space_after = 4;
    b.keep_with_next = true;
    add(std::move(b));
  }

  void heading(std::string text) {
    Block b = pdf::text_block(std::move(text), true);
    b.leading = kBodyLeading;
    b.space_before = 10;
    b.keep_with_next = true;
    add(std::move(b));
  }

  // A body paragraph with its first line indented.
  Block& plain(std::vector<Run> runs) {
    Block b = pdf::runs_block(std::move(runs));
    b.leading = kBodyLeading;
    b.first_indent = kIndent;
    b.space_after = 4;
    add(std::move(b));
    return blocks.back();
  }

  // A numbered paragraph: "1." half an inch in, text at one inch.
  Block& numbered(std::vector<Run> runs) {
    Block& b = plain(std::move(runs));
    b.label = std::to_string(++number_) + ".";
    b.label_width = kLabelWidth;
    return b;
  }

  // Ruled lines to write on by hand.
  void writing_lines(int n, int group) {
    for (int i = 0; i < n; ++i) {
      Block b = pdf::rule_block(0, 0);
      b.leading = 24;
      b.thickness = 0.5;
      b.group = group;
      add(std::move(b));
    }
  }

  int next_number() const { return number_ + 1; }

 private:
  int number_ = 0;
};

Block tight(std::vector<Run> runs, double indent_left = 0, Align align = Align::Left) {
  Block b = pdf::runs_block(std::move(runs), align);
  b.leading = kTightLeading;
  b.indent_left = indent_left;
  return b;
}

std::string name_of(const model::Case& c) {
  const std::string n = trim(c.petitioner.legal_name);
  return n.empty() ? blank(30) : n;
}

// Inside sentences a name stays on one line, so a search finds it whole;
// a very long name may break, or it would leave a ragged gap before it.
std::string unbroken(std::string s) {
  if (s.size() > 32) return s;
  std::string out;
  for (char ch : s) out += ch == ' ' ? std::string("\xC2\xA0") : std::string(1, ch);
  return out;
}

// The citations the records of this paper rest on, in first-seen order.
std::vector<std::string> citations_for(const rules::RuleSet& rules, const CourtGroup& g) {
  std::vector<std::string> out;
  for (const rules::RecordDecision* d : g.decisions) {
    std::string cite;
    for (const rules::Remedy& r : rules.remedies) {
      if (r.id == d->best.remedy) cite = r.citation;
    }
    if (cite.empty() && !d->best.citations.empty()) cite = d->best.citations.front();
    if (cite.empty() && !rules.remedies.empty()) cite = rules.remedies.front().citation;
    if (!cite.empty() && std::find(out.begin(), out.end(), cite) == out.end()) out.push_back(cite);
  }
  return out;
}

std::vector<std::string> docket_list(const CourtGroup& g) {
  std::vector<std::string> out;
  for (const model::Record* r : g.records) out.push_back(or_blank(r->case_number, 14));
  return out;
}

Block caption(const model::Case& c, const CourtGroup& g, double width) {
  const double right_w = 186;
  const double gap = 18;
  const double left_w = width - right_w - gap;

  pdf::Column left{left_w, {}};
  left.blocks.push_back(pdf::space_block(10));
  left.blocks.push_back(tight({R("THE PEOPLE OF THE STATE OF NEW YORK,")}));
  left.blocks.push_back(pdf::space_block(14));
  // U+2010 HYPHEN looks like "-" but text extractors do not take it for a
  // line-end hyphen and join "-against-" to the defendant's name.
  left.blocks.push_back(tight({R("\xE2\x80\x90"
                                 "against"
                                 "\xE2\x80\x90")},
                              0, Align::Center));
  left.blocks.push_back(pdf::space_block(14));
  left.blocks.push_back(tight({B(name_of(c) + ",")}));
  left.blocks.push_back(pdf::space_block(6));
  Block def = tight({R("Defendant.")}, 0, Align::Right);
  def.indent_right = 12;
  left.blocks.push_back(def);
  left.blocks.push_back(pdf::space_block(10));

  pdf::Column right{right_w, {}};
  right.blocks.push_back(pdf::space_block(10));
  const std::vector<std::string> dockets = docket_list(g);
  std::string list;
  for (size_t i = 0; i < dockets.size(); ++i) list += (i ? ", " : "") + dockets[i];
  right.blocks.push_back(tight({B(dockets.size() == 1 ? "Docket No.: " : "Docket Nos.: "), R(list)}));
  right.blocks.push_back(pdf::space_block(12));
  right.blocks.push_back(
      tight({B("NOTICE OF MOTION AND AFFIRMATION IN SUPPORT OF MOTION TO VACATE "
               "JUDGMENT (CPL 440.10(1)(i))")}));
  right.blocks.push_back(pdf::space_block(10));

  Block b;
  b.kind = Block::Kind::Columns;
  b.columns = {left, right};
  b.gap = gap;
  b.caption_box = true;
  b.space_before = 10;
  b.keep_together = true;
  return b;
}

std::vector<Run> record_runs(const model::Record& r, const std::string& ground) {
  std::vector<Run> runs;
  auto field = [&](const std::string& label, const std::string& value) {
    if (!runs.empty()) runs.push_back(R("\n"));
    runs.push_back(B(label + ": "));
    runs.push_back(R(keep_section_together(value)));
  };
  field("Offense", or_blank(r.offense_description, 30));
  std::string statute = or_blank(r.statute, 24);
  if (const std::string lvl = offense_level_text(r.offense_level); !lvl.empty()) statute += " (" + lvl + ")";
  field("Statute", statute);
  field("Date of offense", date_or_blank(r.offense_date));
  if (r.arrest_date) field("Date of arrest", r.arrest_date->long_form());
  field("Date of judgment (disposition)", date_or_blank(r.disposition_date));
  field("Docket No.", or_blank(r.case_number, 22));
  if (!ground.empty()) field("Ground", ground);
  return runs;
}

void signature_lines(Builder& out, const std::string& name, int group) {
  const double x = 234;
  Block space = pdf::space_block(26);
  space.group = group;
  out.add(space);
  Block line = pdf::rule_block(x, 0);
  line.group = group;
  out.add(line);
  Block who = tight({R(name + ", Defendant")}, x);
  who.group = group;
  out.add(who);
}

}  // namespace

std::string ny_title(const CourtGroup& g) {
  std::string where = trim(g.court);
  if (!trim(g.county).empty()) where += (where.empty() ? "" : ", ") + trim(g.county) + " County";
  return "Motion to vacate judgment (CPL 440.10(1)(i))" + (where.empty() ? "" : " - " + where);
}

std::vector<std::string> ny_footer(const rules::RuleSet& rules, const model::ClinicInfo& clinic) {
  std::vector<std::string> lines;
  lines.push_back("Prepared with Relief. This is legal information, not legal advice. " +
                  (rules.name.empty() ? std::string("New York") : rules.name) + " rules reviewed " +
                  rules.reviewed.iso() + ".");
  if (clinic.configured()) {
    std::vector<std::string> parts;
    for (const std::string* s : {&clinic.name, &clinic.phone, &clinic.website}) {
      if (!trim(*s).empty()) parts.push_back(trim(*s));
    }
    std::string line = "Help: ";
    for (size_t i = 0; i < parts.size(); ++i) line += (i ? " \xC2\xB7 " : "") + parts[i];
    lines.push_back(line);
  }
  return lines;
}

std::vector<Block> ny_motion_blocks(const model::Case& c, const rules::RuleSet& rules, const CourtGroup& g,
                                    const PetitionOptions& opts, double width) {
  Builder out;
  const std::string name = unbroken(name_of(c));
  const bool several = g.records.size() > 1;
  const std::string judgments = several ? "judgments" : "judgment";
  const std::string each_judgment = several ? "each judgment" : "the judgment";
  const std::string offenses = several ? "offenses" : "offense";
  const std::string instruments = several ? "accusatory instruments" : "accusatory instrument";
  const std::vector<std::string> cites = citations_for(rules, g);
  const std::string cite = keep_section_together(join_and(cites));
  const std::string today = opts.today.year > 0 ? opts.today.long_form() : blank(20);
  const std::string county = trim(g.county);

  // Court and county above the caption box, as New York papers show them.
  {
    Block court = tight({B(trim(g.court).empty() ? "COURT: " + blank(32) : upper_ascii(trim(g.court)))});
    court.keep_with_next = true;
    out.add(court);
    Block cty = tight({B("COUNTY OF " + (county.empty() ? blank(20) : upper_ascii(county)))});
    cty.keep_with_next = true;
    out.add(cty);
    out.add(caption(c, g, width));
  }

  // Notice of motion.
  out.title("NOTICE OF MOTION");
  out.plain({B("PLEASE TAKE NOTICE"),
             R(" that, upon the annexed affirmation of " + name + ", dated " + today +
               ", and upon all the papers and proceedings in this case, the defendant will move this "
               "Court, at the courthouse located at " +
               blank(30) + ", in Part " + blank(6) + ", on " + blank(18) + " at " + blank(8) +
               " (a date and time to be set by the Court), or as soon "
               "after that as the motion can be heard, for an order under " +
               cite + " vacating " + each_judgment +
               " of conviction listed in the annexed affirmation; dismissing the " + instruments + " under " +
               kReliefCitation + "; and granting such other relief as the Court finds just and proper.")});
  out.plain(
      {B("PLEASE TAKE FURTHER NOTICE"), R(" that this motion is made in writing and on notice to the People, as " +
                                          std::string(kProcedureCitation) + " provides.")});
  {
    Block dated = tight({B("Dated: "), R(today)});
    dated.space_before = 8;
    dated.group = 1;
    out.add(dated);
    signature_lines(out, name, 1);
    Block to = tight({B("TO: "), R("District Attorney, " + (county.empty() ? blank(16) : county) +
                                   " County\nAddress: " + blank(40))});
    to.space_before = 12;
    to.indent_left = 0;
    to.group = 1;
    out.add(to);
    Block clerk = tight({R("Clerk of the Court, " + or_blank(g.court, 32))});
    clerk.indent_left = 27;
    clerk.space_before = 6;
    clerk.group = 1;
    out.add(clerk);
  }

  // Affirmation.
  out.title("AFFIRMATION IN SUPPORT OF MOTION TO VACATE JUDGMENT", 22);
  out.plain({R("I, " + name + ", state as follows:")}).keep_with_next = true;

  out.heading("The defendant");
  {
    std::vector<Run> runs = {
        R("I am the defendant in this case. I make this affirmation in support of my motion to vacate "
          "the " +
          judgments + " of conviction listed below. My full legal name is "),
        B(name), R(". ")};
    if (c.petitioner.date_of_birth) {
      runs.push_back(R("My date of birth is " + c.petitioner.date_of_birth->long_form() + "."));
    } else {
      // Label and blank never part: a blank alone on a line says nothing.
      runs.push_back(B(unbroken("Date of birth:") + "\xC2\xA0"));
      runs.push_back(R(blank(20) + "."));
    }
    out.numbered(runs);
  }
  {
    std::vector<std::string> others;
    for (const std::string& n : c.petitioner.other_names) {
      if (!trim(n).empty()) others.push_back("\xE2\x80\x9C" + unbroken(trim(n)) + "\xE2\x80\x9D");
    }
    if (!others.empty()) {
      out.numbered(
          {R("The court records of " + std::string(several ? "these cases" : "this case") + " may show me under " +
             (others.size() > 1 ? "other names: " : "another name: ") + join_and(others) + ".")});
    }
  }

  out.heading(several ? "The judgments to be vacated" : "The judgment to be vacated");
  out.numbered({R(std::string("I ask the Court to vacate the following ") +
                  (several ? "judgments of conviction, each" : "judgment of conviction,") + " entered by this Court:")})
      .keep_with_next = true;
  for (size_t i = 0; i < g.records.size(); ++i) {
    std::string ground;
    if (cites.size() > 1) {
      for (const rules::Remedy& r : rules.remedies) {
        if (r.id == g.decisions[i]->best.remedy) ground = r.citation;
      }
    }
    Block rec = pdf::runs_block(record_runs(*g.records[i], ground));
    rec.leading = kTightLeading;
    rec.indent_left = kIndent + kLabelWidth + 6;
    rec.first_indent = -(kLabelWidth + 6);
    rec.label = "(" + std::to_string(i + 1) + ")";
    rec.label_width = kLabelWidth + 6;
    rec.space_before = 4;
    rec.space_after = 6;
    rec.keep_together = true;
    out.add(std::move(rec));
  }

  out.heading("Grounds for vacating the " + judgments);
  out.numbered({R("This motion is made under " + cite +
                  ". That provision allows this Court to vacate a "
                  "judgment of conviction when the defendant's participation in the offense was a result "
                  "of having been a victim of trafficking.")});
  {
    const std::string kind = fact_string(c.facts, "trafficking_kind");
    std::string what = "trafficking";
    if (kind == "sex") what = "sex trafficking";
    if (kind == "labor") what = "labor trafficking";
    if (kind == "both") what = "sex trafficking and labor trafficking";
    out.numbered(
        {R("I was a victim of " + what + ". My participation in " + (several ? "each offense" : "the offense") +
           " listed above was a result of having "
           "been a victim of trafficking.")});
  }
  {
    Block& b = out.numbered(
        {R("I describe the trafficking, and how it led to " + std::string(several ? "each offense" : "the offense") +
           ", on the lines below or in a sworn statement attached as "),
         B("Exhibit\xC2\xA0" + blank(4)), R(".")});
    b.keep_with_next = true;
    out.writing_lines(6, 2);
  }
  if (fact_true(c.facts, "has_official_documentation")) {
    out.numbered({R("I have official documentation from a government agency of my status as a victim of "
                    "trafficking at the time of the " +
                    offenses + ". A copy is attached as "),
                  B("Exhibit\xC2\xA0" + blank(4)),
                  R(". Under " + cite +
                    ", such documentation creates a presumption that my participation "
                    "in the " +
                    offenses + " was a result of having been a victim of trafficking.")});
  }
  if (fact_true(c.facts, "has_provider_documentation")) {
    out.numbered({R("Letters or records from people who helped me, such as a service provider, counselor, "
                    "attorney or medical provider, are attached as "),
                  B("Exhibit\xC2\xA0" + blank(4)), R(".")});
  }

  out.heading("Due diligence and safety");
  {
    std::vector<Run> runs = {
        R("I have made this motion with due diligence after I stopped being a victim "
          "of trafficking or sought services as a victim. ")};
    const std::string end = fact_string(c.facts, "trafficking_end_date");
    if (auto d = model::Date::parse(end)) {
      runs.push_back(R("The trafficking ended on or about " + d->long_form() + ". "));
    } else if (fact_true(c.facts, "trafficking_ended")) {
      runs.push_back(R("The trafficking ended on or about " + blank(18) + " (date). "));
    }
    runs.push_back(
        R("The reasons for any time that passed before this motion, including any reasonable "
          "fear for my safety or for the safety of my family or of other victims, are (write "
          "\xE2\x80\x9Cnone\xE2\x80\x9D if there are none):"));
    Block& b = out.numbered(runs);
    b.keep_with_next = true;
    out.writing_lines(3, 3);
  }
  out.numbered(
      {R("Because these papers describe my experience as a victim of trafficking, I ask the Court "
         "to keep this motion and its supporting papers confidential.")});

  out.heading("Relief requested");
  out.numbered({R("I ask the Court to vacate " + each_judgment + " listed above and to dismiss the " + instruments +
                  ", as provided in " + kReliefCitation + ".")});

  out.plain(
         {B("WHEREFORE"),
          R(", I respectfully ask the Court to grant this motion and to issue an order (a) vacating " + each_judgment +
            " of conviction listed above under " + cite + "; (b) dismissing the " + instruments + " under " +
            kReliefCitation + "; and (c) granting such other and further relief as the Court finds just and proper.")})
      .space_before = 8;

  // Date, signature and verification stay on one page.
  constexpr int kSign = 4;
  {
    Block dated = tight({B("Dated: "), R(today + ", at " + blank(22) + ", New York")});
    dated.space_before = 14;
    dated.group = kSign;
    out.add(dated);
    Block resp = tight({R("Respectfully submitted,")}, 234);
    resp.space_before = 14;
    resp.group = kSign;
    out.add(resp);
    signature_lines(out, name, kSign);

    std::vector<Run> contact;
    if (fact_true(c.facts, "in_address_confidentiality_program")) {
      contact = {R("Address withheld: substitute address of the Address Confidentiality Program\n"),
                 B("Substitute address: "), R(blank(14))};
    } else {
      const model::Address& a = c.petitioner.address;
      if (trim(a.line1).empty()) {
        contact = {B("Address: "), R(blank(26))};
      } else {
        contact = {R(trim(a.line1))};
      }
      if (!trim(a.line2).empty()) contact.push_back(R("\n" + trim(a.line2)));
      if (trim(a.city).empty() && trim(a.state).empty() && trim(a.zip).empty()) {
        contact.push_back(B("\nCity, state, ZIP: "));
        contact.push_back(R(blank(18)));
      } else {
        contact.push_back(R("\n" + or_blank(a.city, 14) + ", " + or_blank(a.state, 4) + " " + or_blank(a.zip, 8)));
      }
    }
    contact.push_back(B("\nTelephone: "));
    contact.push_back(R(or_blank(c.petitioner.phone, 22)));
    if (!trim(c.petitioner.email).empty()) {
      contact.push_back(B("\nEmail: "));
      contact.push_back(R(trim(c.petitioner.email)));
    }
    contact.push_back(B("\nAttorney (if any): "));
    contact.push_back(R(blank(16)));
    Block cb = tight(contact, 234);
    cb.group = kSign;
    out.add(cb);
  }
  {
    Block v = pdf::runs_block({Run{"VERIFICATION", true, true}}, Align::Center);
    v.leading = kBodyLeading;
    v.space_before = 20;
    v.group = kSign;
    out.add(v);

    Block venue;
    venue.kind = Block::Kind::Columns;
    venue.columns = {pdf::Column{200, {tight({R("STATE OF NEW YORK\n\nCOUNTY OF " + blank(16))})}},
                     pdf::Column{80, {tight({R(")\n)  ss.:\n)")})}}};
    venue.space_before = 6;
    venue.group = kSign;
    out.add(venue);

    Block text = pdf::runs_block({R("I, " + name +
                                    ", being duly sworn, state under penalty of perjury that I am "
                                    "the defendant in this case; that I have read the notice of motion and "
                                    "affirmation above; and that the facts stated in them are true to my own "
                                    "knowledge, except as to matters stated on information and belief, and as "
                                    "to those matters I believe them to be true.")});
    text.leading = kTightLeading + 1;
    text.first_indent = kIndent;
    text.space_before = 8;
    text.group = kSign;
    out.add(text);
    signature_lines(out, name, kSign);

    Block sworn = tight({R("Sworn to before me this " + blank(5) + " day of " + blank(14) + ", 20" + blank(4))});
    sworn.space_before = 14;
    sworn.group = kSign;
    out.add(sworn);
    Block space = pdf::space_block(26);
    space.group = kSign;
    out.add(space);
    Block line = pdf::rule_block(0, 234);
    line.group = kSign;
    out.add(line);
    Block notary = tight({R("Notary Public\nMy commission expires: " + blank(14))});
    notary.group = kSign;
    out.add(notary);
  }
  return std::move(out.blocks);
}

}  // namespace relief::documents
