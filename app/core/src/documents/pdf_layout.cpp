#include "pdf_layout.hpp"

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "escape.hpp"
#include "sha256.hpp"
#include "relief/util/atomic_file.hpp"

namespace relief::documents::pdf {

Block text_block(std::string text, bool bold, Align align) {
  return runs_block({Run{std::move(text), bold, false}}, align);
}

Block runs_block(std::vector<Run> runs, Align align) {
  Block b;
  b.kind = Block::Kind::Text;
  b.runs = std::move(runs);
  b.align = align;
  return b;
}

Block rule_block(double indent_left, double indent_right) {
  Block b;
  b.kind = Block::Kind::Rule;
  b.indent_left = indent_left;
  b.indent_right = indent_right;
  b.leading = 6;
  return b;
}

Block space_block(double height) {
  Block b;
  b.kind = Block::Kind::Space;
  b.leading = height;
  return b;
}

namespace {

// Where things sit: x from the left edge, y from the TOP edge (downwards),
// converted to PDF's bottom-up coordinates only when drawing.
struct Text {
  double x = 0;
  double y = 0;  // baseline
  std::string text;
  bool bold = false;
  double size = 12;
};

struct Stroke {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.6;
};

// The smallest unit pagination moves: one wrapped line, or a whole caption.
struct Row {
  double height = 0;
  std::vector<Text> texts;      // y relative to the row's top
  std::vector<Stroke> strokes;  // y relative to the row's top
};

struct Measured {
  double space_before = 0;
  double space_after = 0;
  std::vector<Row> rows;
  std::optional<Row> header;  // a table's header, repeated on each page it continues on
  bool page_break_before = false;
  bool keep_with_next = false;
  bool keep_together = false;
  int group = 0;

  double rows_height(size_t from, size_t to) const {
    double h = 0;
    for (size_t i = from; i < to && i < rows.size(); ++i) h += rows[i].height;
    return h;
  }
  double height() const { return rows_height(0, rows.size()); }
};

struct Page {
  std::vector<Text> texts;
  std::vector<Stroke> strokes;
};

struct Frag {
  std::string text;
  bool bold = false;
  bool underline = false;
  double width = 0;
};

struct Word {
  std::vector<Frag> frags;
  double width = 0;
  double space_after = 0;  // width of the space that followed it
  bool break_after = false;
};

struct Line {
  std::vector<std::pair<double, Frag>> frags;  // x offset from the line start
  double width = 0;
};

// Length of the UTF-8 sequence starting with byte `c` (1 for stray bytes, so
// malformed input still advances).
size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

// Non-breaking spaces keep "§ 440.10" together while wrapping; they are
// drawn as plain spaces so that a search for "§ 440.10" finds the text.
std::string for_drawing(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out += ' ';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A ToUnicode CMap for libharu's UTF-8 Type0 fonts. libharu writes character
// codes as UCS-2 code points but gives such fonts a copy of its *encoding*
// CMap (with begincidrange) as /ToUnicode, which is not a valid ToUnicode
// map: poppler complains and other readers may extract nothing. This one maps
// every code to the same code point. bfrange entries may only vary in the
// last byte, hence one range per high byte; surrogates are skipped.
std::string identity_to_unicode_cmap() {
  std::string m =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::string chunk;
  int n = 0;
  auto flush = [&] {
    if (n == 0) return;
    m += std::to_string(n) + " beginbfrange\n" + chunk + "endbfrange\n";
    chunk.clear();
    n = 0;
  };
  for (int hi = 0; hi < 256; ++hi) {
    if (hi >= 0xD8 && hi <= 0xDF) continue;
    char line[40];
    std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
    chunk += line;
    if (++n == 100) flush();  // at most 100 entries per section
  }
  flush();
  m += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return m;
}

}  // namespace

struct PdfLayout::Impl {
  PageSetup setup;
  HPDF_Doc doc = nullptr;
  HPDF_Font regular = nullptr;
  HPDF_Font bold = nullptr;
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = 0;
  mutable std::map<std::pair<std::string, bool>, double> width_cache;  // at 1 pt

  ~Impl() {
    if (doc) HPDF_Free(doc);
  }

  // libharu's error callback: only records the first error. libharu then
  // returns an error status from the failing call and we check `error`
  // after each step; no longjmp ever crosses C++ frames.
  static void on_error(HPDF_STATUS code, HPDF_STATUS detail_no, void* user) {
    auto* self = static_cast<Impl*>(user);
    if (self->error == HPDF_OK) {
      self->error = code;
      self->detail = detail_no;
    }
  }

  tl::unexpected<Error> library_error(const std::string& step) const {
    char buf[96];
    std::snprintf(buf, sizeof buf, "PDF library error 0x%04X (detail %u) while ", static_cast<unsigned>(error),
                  static_cast<unsigned>(detail));
    // Out of memory or a failing stream is an environment problem; anything
    // else means we drove libharu wrongly.
    const bool io = error == HPDF_FAILD_TO_ALLOC_MEM || error == HPDF_FILE_IO_ERROR || error == HPDF_FILE_OPEN_ERROR ||
                    error == HPDF_STREAM_EOF;
    return fail(io ? ErrorCode::Io : ErrorCode::Internal, "", "", buf + step);
  }

  double width_at_1pt(const std::string& s, bool is_bold) const {
    auto key = std::make_pair(s, is_bold);
    if (auto it = width_cache.find(key); it != width_cache.end()) return it->second;
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(
        is_bold ? bold : regular, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size()));
    const double w = static_cast<double>(tw.width) / 1000.0;
    width_cache.emplace(std::move(key), w);
    return w;
  }

  double width(const std::string& s, bool is_bold, double size) const {
    return s.empty() ? 0 : width_at_1pt(s, is_bold) * size;
  }

  std::vector<Word> split_words(const Block& b) const {
    std::vector<Word> words;
    Word cur;
    auto add_byte = [&](const Run& r, char ch) {
      if (cur.frags.empty() || cur.frags.back().bold != r.bold || cur.frags.back().underline != r.underline) {
        cur.frags.push_back(Frag{"", r.bold, r.underline, 0});
      }
      cur.frags.back().text += ch;
    };
    auto finish = [&](double space, bool hard) {
      if (cur.frags.empty() && !hard) return;  // collapse repeated spaces
      for (auto& f : cur.frags) {
        f.width = width(f.text, f.bold, b.size);
        cur.width += f.width;
      }
      cur.space_after = space;
      cur.break_after = hard;
      words.push_back(std::move(cur));
      cur = Word{};
    };
    for (const Run& r : b.runs) {
      for (char ch : r.text) {
        if (ch == ' ') {
          finish(width(" ", r.bold, b.size), false);
        } else if (ch == '\n') {
          finish(0, true);
        } else {
          add_byte(r, ch);
        }
      }
    }
    finish(0, false);
    return words;
  }

  // Splits a word too long for any line at a character boundary so that the
  // head fits in `avail` (at least one character).
  std::pair<Word, Word> split_long_word(const Word& w, double avail, double size) const {
    Word head;
    Word tail = w;
    tail.frags.clear();
    tail.width = 0;
    bool full = false;
    for (const Frag& f : w.frags) {
      if (full) {
        tail.frags.push_back(f);
        continue;
      }
      Frag h{"", f.bold, f.underline, 0};
      size_t i = 0;
      while (i < f.text.size()) {
        const size_t n = std::min(utf8_len(static_cast<unsigned char>(f.text[i])), f.text.size() - i);
        const std::string next = h.text + f.text.substr(i, n);
        const double nw = width(next, f.bold, size);
        if (head.width + nw > avail && !(head.frags.empty() && h.text.empty())) {
          full = true;
          break;
        }
        h.text = next;
        h.width = nw;
        i += n;
      }
      if (!h.text.empty()) {
        head.width += h.width;
        head.frags.push_back(h);
      }
      if (i < f.text.size()) {
        Frag t{f.text.substr(i), f.bold, f.underline, 0};
        t.width = width(t.text, t.bold, size);
        tail.frags.push_back(t);
      }
    }
    for (const Frag& f : tail.frags) tail.width += f.width;
    return {head, tail};
  }

  // Splits a word at non-breaking spaces (which become ordinary spaces) and
  // after hyphens.
  std::vector<Word> split_at_soft_breaks(const Word& w, double size) const {
    std::vector<Word> parts(1);
    auto close = [&](double space) {
      Word& p = parts.back();
      for (Frag& f : p.frags) {
        f.width = width(f.text, f.bold, size);
        p.width += f.width;
      }
      p.space_after = space;
      parts.emplace_back();
    };
    for (const Frag& f : w.frags) {
      parts.back().frags.push_back(Frag{"", f.bold, f.underline, 0});
      for (size_t i = 0; i < f.text.size(); ++i) {
        const auto c = static_cast<unsigned char>(f.text[i]);
        if (c == 0xC2 && i + 1 < f.text.size() && static_cast<unsigned char>(f.text[i + 1]) == 0xA0) {
          ++i;
          close(width(" ", f.bold, size));
          parts.back().frags.push_back(Frag{"", f.bold, f.underline, 0});
          continue;
        }
        parts.back().frags.back().text += f.text[i];
        if (f.text[i] == '-' && i + 1 < f.text.size()) {
          close(0);
          parts.back().frags.push_back(Frag{"", f.bold, f.underline, 0});
        }
      }
    }
    Word& last = parts.back();
    for (Frag& f : last.frags) {
      f.width = width(f.text, f.bold, size);
      last.width += f.width;
    }
    last.space_after = w.space_after;
    last.break_after = w.break_after;
    // Drop empty fragments and words left by adjacent break points.
    std::vector<Word> out;
    for (Word& p : parts) {
      p.frags.erase(std::remove_if(p.frags.begin(), p.frags.end(), [](const Frag& f) { return f.text.empty(); }),
                    p.frags.end());
      if (!p.frags.empty() || p.break_after) out.push_back(std::move(p));
    }
    return out;
  }

  std::vector<Line> wrap(const Block& b, double first_avail, double avail) const {
    std::vector<Line> lines(1);
    std::vector<Word> words = split_words(b);
    double pending_space = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      Word w = words[i];
      const double line_avail = lines.size() == 1 ? first_avail : avail;
      Line& line = lines.back();
      const double at = line.frags.empty() ? 0 : line.width + pending_space;
      if (!line.frags.empty() && at + w.width > line_avail) {
        lines.emplace_back();
        pending_space = 0;
        --i;  // retry this word on the new line
        continue;
      }
      if (line.frags.empty() && w.width > line_avail && !w.frags.empty()) {
        // Too long even for a whole line: give up non-breaking spaces and
        // break after hyphens first, and only then inside a word.
        std::vector<Word> parts = split_at_soft_breaks(w, b.size);
        if (parts.size() > 1) {
          words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
          words.insert(words.begin() + static_cast<std::ptrdiff_t>(i), parts.begin(), parts.end());
          --i;
          continue;
        }
        auto [head, tail] = split_long_word(w, line_avail, b.size);
        double x = 0;
        for (const Frag& f : head.frags) {
          line.frags.emplace_back(x, f);
          x += f.width;
        }
        line.width = head.width;
        words[i] = tail;
        lines.emplace_back();
        pending_space = 0;
        --i;
        continue;
      }
      double x = at;
      for (const Frag& f : w.frags) {
        line.frags.emplace_back(x, f);
        x += f.width;
      }
      if (!w.frags.empty()) line.width = at + w.width;
      pending_space = w.space_after;
      if (w.break_after) {
        lines.emplace_back();
        pending_space = 0;
      }
    }
    if (lines.size() > 1 && lines.back().frags.empty()) lines.pop_back();
    return lines;
  }

  Measured measure_text(const Block& b, double col_width) const {
    Measured m;
    double label_w = b.label.empty() ? 0 : std::max(b.label_width, width(b.label, false, b.size) + 4);
    if (b.check != Block::Check::None) label_w = std::max(b.label_width, 0.75 * b.size + 8);
    const double first_x = b.indent_left + b.first_indent + label_w;
    const double right = col_width - b.indent_right;
    const std::vector<Line> lines = wrap(b, right - first_x, right - b.indent_left);
    // Baseline centred on the cap height inside the leading.
    const double baseline = (b.leading + 0.66 * b.size) / 2;
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      Row row;
      row.height = b.leading;
      const double start = i == 0 ? first_x : b.indent_left;
      double x0 = start;
      if (b.align == Align::Center) x0 = start + (right - start - line.width) / 2;
      if (b.align == Align::Right) x0 = right - line.width;
      if (i == 0 && !b.label.empty() && b.check == Block::Check::None) {
        row.texts.push_back(Text{b.indent_left + b.first_indent, baseline, b.label, false, b.size});
      }
      if (i == 0 && b.check != Block::Check::None) {
        // A square as tall as a capital letter, sitting on the baseline.
        const double side = 0.75 * b.size;
        const double x = b.indent_left + b.first_indent;
        const double y1 = baseline + 0.08 * b.size;
        const double y0 = y1 - side;
        const double w = 0.06 * b.size;
        row.strokes.push_back(Stroke{x, y0, x + side, y0, w});
        row.strokes.push_back(Stroke{x + side, y0, x + side, y1, w});
        row.strokes.push_back(Stroke{x + side, y1, x, y1, w});
        row.strokes.push_back(Stroke{x, y1, x, y0, w});
        if (b.check == Block::Check::Checked) {
          // A printed letter X, so that the mark extracts as text.
          const double xs = 0.7 * b.size;
          const double xw = width("X", true, xs);
          row.texts.push_back(Text{x + (side - xw) / 2, y1 - (side - 0.66 * xs) / 2 - 0.02 * b.size, "X", true, xs});
        }
      }
      bool underlining = false;  // extend one stroke under consecutive words
      for (const auto& [dx, f] : line.frags) {
        row.texts.push_back(Text{x0 + dx, baseline, f.text, f.bold, b.size});
        if (f.underline && underlining) {
          row.strokes.back().x2 = x0 + dx + f.width;
        } else if (f.underline) {
          const double uy = baseline + 0.12 * b.size;
          row.strokes.push_back(Stroke{x0 + dx, uy, x0 + dx + f.width, uy, 0.05 * b.size});
        }
        underlining = f.underline;
      }
      m.rows.push_back(std::move(row));
    }
    return m;
  }

  Measured measure(const Block& b, double col_width) const {
    Measured m;
    switch (b.kind) {
      case Block::Kind::Text:
        m = measure_text(b, col_width);
        break;
      case Block::Kind::Rule: {
        Row row;
        row.height = b.leading;
        row.strokes.push_back(
            Stroke{b.indent_left, b.leading / 2, col_width - b.indent_right, b.leading / 2, b.thickness});
        m.rows.push_back(std::move(row));
        break;
      }
      case Block::Kind::Space:
        // Pure space: disappears at the top of a page like any space_before.
        m.space_before = b.leading;
        break;
      case Block::Kind::Columns:
        m.rows.push_back(measure_columns(b));
        break;
      case Block::Kind::Table:
        m = measure_table(b);
        break;
    }
    m.space_before += b.space_before;
    m.space_after = b.space_after;
    m.keep_with_next = b.keep_with_next;
    m.keep_together = b.keep_together;
    m.group = b.group;
    m.page_break_before = b.page_break_before;
    return m;
  }

  // One table row: every cell wrapped in its column, the row as tall as its
  // tallest cell, ruled on all sides.
  Row measure_table_row(const Block& b, const std::vector<std::vector<Run>>& cells, bool is_header) const {
    constexpr double kPadX = 4;
    constexpr double kPadY = 3;
    Row out;
    std::vector<Measured> ms;
    double tallest = 0;
    double x = 0;
    for (size_t c = 0; c < b.col_widths.size(); ++c) {
      Block cell = runs_block(c < cells.size() ? cells[c] : std::vector<Run>{});
      if (is_header) {
        for (Run& r : cell.runs) r.bold = true;
      }
      cell.size = b.size;
      cell.leading = b.leading;
      Measured m = measure_text(cell, b.col_widths[c] - 2 * kPadX);
      double y = kPadY;
      for (const Row& r : m.rows) {
        for (Text t : r.texts) {
          t.x += x + kPadX;
          t.y += y;
          out.texts.push_back(std::move(t));
        }
        for (Stroke s : r.strokes) {
          s.x1 += x + kPadX;
          s.x2 += x + kPadX;
          s.y1 += y;
          s.y2 += y;
          out.strokes.push_back(s);
        }
        y += r.height;
      }
      tallest = std::max(tallest, y + kPadY);
      x += b.col_widths[c];
    }
    // On pleading paper a row fills whole half lines, so its rules meet.
    if (setup.pleading) tallest = std::ceil(tallest / (kPleadingPitch / 2) - 0.01) * (kPleadingPitch / 2);
    out.height = tallest;
    const double w = is_header ? 0.8 : 0.5;
    out.strokes.push_back(Stroke{0, 0, x, 0, w});
    out.strokes.push_back(Stroke{0, tallest, x, tallest, w});
    double vx = 0;
    out.strokes.push_back(Stroke{0, 0, 0, tallest, 0.5});
    for (double cw : b.col_widths) {
      vx += cw;
      out.strokes.push_back(Stroke{vx, 0, vx, tallest, 0.5});
    }
    return out;
  }

  Measured measure_table(const Block& b) const {
    Measured m;
    if (!b.header.empty()) m.header = measure_table_row(b, b.header, true);
    for (const auto& cells : b.rows) m.rows.push_back(measure_table_row(b, cells, false));
    // The header starts the table and never stays behind alone.
    if (m.header) m.rows.insert(m.rows.begin(), *m.header);
    return m;
  }

  Row measure_columns(const Block& b) const {
    Row out;
    double x = 0;
    std::vector<double> heights;
    for (const Column& col : b.columns) {
      double y = 0;
      for (const Block& inner : col.blocks) {
        const Measured m = measure(inner, col.width);
        y += m.space_before;
        for (const Row& r : m.rows) {
          for (Text t : r.texts) {
            t.x += x;
            t.y += y;
            out.texts.push_back(std::move(t));
          }
          for (Stroke s : r.strokes) {
            s.x1 += x;
            s.x2 += x;
            s.y1 += y;
            s.y2 += y;
            out.strokes.push_back(s);
          }
          y += r.height;
        }
        y += m.space_after;
      }
      heights.push_back(y);
      x += col.width + b.gap;
    }
    out.height = heights.empty() ? 0 : *std::max_element(heights.begin(), heights.end());
    if (b.caption_box && !b.columns.empty()) {
      const double w = b.columns.front().width;
      out.strokes.push_back(Stroke{0, 0, w, 0, 0.8});
      out.strokes.push_back(Stroke{0, out.height, w, out.height, 0.8});
      out.strokes.push_back(Stroke{w, 0, w, out.height, 0.8});
    }
    return out;
  }

  // Places measured blocks on pages, honouring keep-with-next, keep-together,
  // groups and a two-line minimum at the foot and head of a split paragraph.
  std::vector<Page> paginate(const std::vector<Measured>& blocks) const {
    const double top = setup.margin_top;
    const double bottom = setup.pleading ? top + kPleadingPitch * kPleadingLines : setup.height - setup.margin_bottom;
    const double full = bottom - top;
    std::vector<Page> pages(1);
    double y = top;
    bool empty = true;

    auto new_page = [&] {
      pages.emplace_back();
      y = top;
      empty = true;
    };
    // On pleading paper a line of body text sits on a numbered line, and
    // anything smaller on a half line, so the numbers stay meaningful.
    auto row_height = [&](const Row& r) {
      return setup.pleading ? std::ceil(r.height / (kPleadingPitch / 2) - 0.01) * (kPleadingPitch / 2) : r.height;
    };
    auto snapped = [&](double at, const Row& r) {
      if (!setup.pleading) return at;
      const double step = r.height >= kPleadingPitch - 0.01 ? kPleadingPitch : kPleadingPitch / 2;
      return top + std::ceil((at - top) / step - 0.01) * step;
    };
    auto place = [&](const Row& r) {
      y = snapped(y, r);
      for (Text t : r.texts) {
        t.x += setup.margin_left;
        t.y += y;
        pages.back().texts.push_back(std::move(t));
      }
      for (Stroke s : r.strokes) {
        s.x1 += setup.margin_left;
        s.x2 += setup.margin_left;
        s.y1 += y;
        s.y2 += y;
        pages.back().strokes.push_back(s);
      }
      y += row_height(r);
      empty = false;
    };
    // Height a block needs when it must sit whole on this page.
    auto whole = [](const Measured& m, bool first) {
      return (first ? 0 : m.space_before) + m.height() + m.space_after;
    };

    // On pleading paper small gaps would only push text to the next line;
    // gaps count in whole half lines, rounded down.
    std::vector<Measured> snapped_blocks;
    if (setup.pleading) {
      snapped_blocks = blocks;
      for (Measured& m : snapped_blocks) {
        m.space_before = std::floor(m.space_before / (kPleadingPitch / 2) + 0.01) * (kPleadingPitch / 2);
        m.space_after = std::floor(m.space_after / (kPleadingPitch / 2) + 0.01) * (kPleadingPitch / 2);
      }
    }
    const std::vector<Measured>& list = setup.pleading ? snapped_blocks : blocks;
    for (size_t i = 0; i < list.size(); ++i) {
      const Measured& m = list[i];
      if (m.page_break_before && !empty) new_page();

      // A group (e.g. signature + verification) moves to a fresh page whole.
      if (m.group != 0 && (i == 0 || list[i - 1].group != m.group) && !empty) {
        double h = 0;
        for (size_t j = i; j < list.size() && list[j].group == m.group; ++j) h += whole(list[j], j == i);
        if (h + m.space_before > bottom - y && h <= full) new_page();
      }
      if (m.keep_together && !empty) {
        const double h = whole(m, false) - m.space_after;
        if (h > bottom - y && h - m.space_before <= full) new_page();
      }
      // Headings: the chain of keep-with-next blocks plus the first two lines
      // of what follows must fit, or the chain starts a new page.
      if (m.keep_with_next && (i == 0 || !list[i - 1].keep_with_next) && !empty) {
        double h = 0;
        size_t j = i;
        for (; j < list.size() && list[j].keep_with_next; ++j) h += whole(list[j], false);
        if (j < list.size() && list[j].group != 0) {
          for (size_t k = j; k < list.size() && list[k].group == list[j].group; ++k) h += whole(list[k], false);
        } else if (j < list.size()) {
          const Measured& next = list[j];
          const size_t lines = next.keep_together ? next.rows.size() : std::min<size_t>(2, next.rows.size());
          h += next.space_before + next.rows_height(0, lines);
        }
        if (h > bottom - y && h - m.space_before <= full) new_page();
      }

      if (!empty) y += m.space_before;
      size_t k = 0;
      const size_t n = m.rows.size();
      while (k < n) {
        const bool fresh = empty;
        if (k > 0 && m.header && empty) place(*m.header);
        size_t fit = 0;
        for (double at = y; k + fit < n;) {
          const double next = snapped(at, m.rows[k + fit]) + row_height(m.rows[k + fit]);
          if (next > bottom + 0.01) break;
          at = next;
          ++fit;
        }
        if (k + fit < n) {
          // Orphan: never leave one line of a paragraph at a page foot.
          if (fit < 2 && n - k >= 2 && !fresh) fit = 0;
          // Widow: never carry one line alone to the next page.
          if (fit >= 3 && n - (k + fit) == 1) --fit;
          if (fit == 0 && fresh) fit = 1;  // taller than a page: place it anyway
        }
        for (size_t r = 0; r < fit; ++r) place(m.rows[k + r]);
        k += fit;
        if (k < n) new_page();
      }
      y += m.space_after;
    }
    return pages;
  }

  // Decodes UTF-8 strictly; kInvalid marks a byte sequence that is not UTF-8.
  static constexpr std::uint32_t kInvalid = 0xFFFFFFFF;
  static std::vector<std::uint32_t> code_points(const std::string& s) {
    std::vector<std::uint32_t> out;
    for (size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      const size_t n = utf8_len(c);
      if ((n == 1 && c >= 0x80) || i + n > s.size()) {
        out.push_back(kInvalid);
        ++i;
        continue;
      }
      std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
      bool ok = true;
      for (size_t k = 1; k < n; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        ok = ok && (cc & 0xC0) == 0x80;
        cp = (cp << 6) | (cc & 0x3Fu);
      }
      static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      if (!ok || cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kInvalid;
      out.push_back(cp);
      i += ok ? n : 1;
    }
    return out;
  }

  // libharu draws a character the font lacks as nothing at all, and skips
  // characters beyond U+FFFF: on a court paper a name would silently lose
  // letters. Such text is refused instead.
  std::set<std::uint32_t> unprintable(const std::vector<Text>& texts) const {
    std::set<std::uint32_t> bad;
    for (const Text& t : texts) {
      auto attr = static_cast<HPDF_FontAttr>(static_cast<HPDF_Dict>(t.bold ? bold : regular)->attr);
      for (std::uint32_t cp : code_points(t.text)) {
        if (cp == kInvalid || cp > 0xFFFF) {
          bad.insert(cp);
        } else if (cp != 0xA0 && HPDF_TTFontDef_GetGlyphid(attr->fontdef, static_cast<HPDF_UINT16>(cp)) == 0) {
          bad.insert(cp);
        }
      }
    }
    return bad;
  }

  bool fix_to_unicode(HPDF_Font font) const {
    auto dict = static_cast<HPDF_Dict>(font);
    auto attr = static_cast<HPDF_FontAttr>(dict->attr);
    if (!attr || attr->type != HPDF_FONT_TYPE0_TT || !attr->cmap_stream || !attr->cmap_stream->stream) {
      return false;
    }
    HPDF_MemStream_FreeData(attr->cmap_stream->stream);
    return HPDF_Stream_WriteStr(attr->cmap_stream->stream, identity_to_unicode_cmap().c_str()) == HPDF_OK;
  }

  void draw_text(HPDF_Page page, const Text& t) const {
    HPDF_Page_SetFontAndSize(page, t.bold ? bold : regular, static_cast<HPDF_REAL>(t.size));
    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(t.x), static_cast<HPDF_REAL>(setup.height - t.y),
                      for_drawing(t.text).c_str());
  }

  // ---- PDF/A-1b parts. libharu 2.3's own PDF/A helpers write XMP without
  // escaping, name the intent's profile key with a trailing space and derive
  // the file identifier from the clock; these do the same jobs correctly and
  // reproducibly.


  std::string xmp_date() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00Z", setup.created.year, setup.created.month,
                  setup.created.day);
    return buf;
  }

  bool add_metadata() {
    const char* producer = HPDF_GetInfoAttr(doc, HPDF_INFO_PRODUCER);
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "<dc:format>application/pdf</dc:format>\n";
    if (!setup.title.empty()) {
      x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + html_escape(setup.title) +
           "</rdf:li></rdf:Alt></dc:title>\n";
    }
    if (!setup.subject.empty()) {
      x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + html_escape(setup.subject) +
           "</rdf:li></rdf:Alt></dc:description>\n";
    }
    x += "<dc:language><rdf:Bag><rdf:li>" + html_escape(setup.language) + "</rdf:li></rdf:Bag></dc:language>\n";
    x += "</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
    x += "<xmp:CreatorTool>" + html_escape(setup.creator) + "</xmp:CreatorTool>\n";
    if (setup.created.year > 0) {
      x += "<xmp:CreateDate>" + xmp_date() + "</xmp:CreateDate>\n<xmp:ModifyDate>" + xmp_date() +
           "</xmp:ModifyDate>\n";
    }
    x += "</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    if (producer) x += "<pdf:Producer>" + html_escape(producer) + "</pdf:Producer>\n";
    x += "</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
         "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n</rdf:Description>\n"
         "</rdf:RDF>\n</x:xmpmeta>\n";
    x += std::string(1024, ' ') + "\n<?xpacket end=\"w\"?>";

    // PDF/A-1 forbids filters on the metadata stream: it must be readable
    // by tools that know nothing of PDF.
    HPDF_Dict xmp = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!xmp) return false;
    xmp->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_STATUS st = HPDF_Dict_AddName(xmp, "Type", "Metadata");
    st += HPDF_Dict_AddName(xmp, "Subtype", "XML");
    st += HPDF_Stream_Write(xmp->stream, reinterpret_cast<const HPDF_BYTE*>(x.data()), static_cast<HPDF_UINT>(x.size()));
    st += HPDF_Dict_Add(doc->catalog, "Metadata", xmp);
    return st == HPDF_OK;
  }

  Result<void> add_output_intent() {
    auto icc = util::read_file(setup.icc_profile, 1u << 20);
    if (!icc) return fail(ErrorCode::NotFound, setup.icc_profile, "",
                          "cannot read the sRGB colour profile (install the package icc-profiles-free)");
    HPDF_Dict profile = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!profile) return library_error("adding the colour profile");
    profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_STATUS st = HPDF_Dict_AddNumber(profile, "N", 3);
    st += HPDF_Stream_Write(profile->stream, reinterpret_cast<const HPDF_BYTE*>(icc->data()),
                            static_cast<HPDF_UINT>(icc->size()));
    HPDF_Dict intent = HPDF_Dict_New(doc->mmgr);
    if (!intent) return library_error("adding the output intent");
    st += HPDF_Xref_Add(doc->xref, intent);
    st += HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    st += HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    st += HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(doc->mmgr, "sRGB IEC61966-2.1", nullptr));
    st += HPDF_Dict_Add(intent, "Info", HPDF_String_New(doc->mmgr, "sRGB IEC61966-2.1", nullptr));
    st += HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    HPDF_Array intents = HPDF_Array_New(doc->mmgr);
    if (!intents) return library_error("adding the output intent");
    st += HPDF_Array_Add(intents, intent);
    st += HPDF_Dict_Add(doc->catalog, "OutputIntents", intents);
    if (st != HPDF_OK || error != HPDF_OK) return library_error("adding the output intent");
    return {};
  }

  // A file identifier derived from the content, so the same papers give the
  // same bytes (and the manifest the same checksum) on every run.
  bool add_file_id(const std::vector<Page>& pages) {
    std::string seed = setup.title + '\n' + setup.subject + '\n' + setup.created.iso();
    for (const Page& p : pages) {
      for (const Text& t : p.texts) seed += t.text;
    }
    const auto digest = sha256(seed);
    HPDF_Array id = HPDF_Array_New(doc->mmgr);
    if (!id) return false;
    HPDF_STATUS st = HPDF_Dict_Add(doc->trailer, "ID", id);
    st += HPDF_Array_Add(id, HPDF_Binary_New(doc->mmgr, const_cast<HPDF_BYTE*>(digest.data()), 16));
    st += HPDF_Array_Add(id, HPDF_Binary_New(doc->mmgr, const_cast<HPDF_BYTE*>(digest.data()), 16));
    return st == HPDF_OK;
  }

  // PDF/A-1 wants a CIDSet naming the characters of every subset font. The
  // font descriptor is made here, once all text is drawn, the way libharu
  // would make it when saving (it then keeps this one), plus the CIDSet.
  bool add_font_descriptor(HPDF_Font font) const {
    auto attr = static_cast<HPDF_FontAttr>(static_cast<HPDF_Dict>(font)->attr);
    if (!attr || attr->type != HPDF_FONT_TYPE0_TT) return false;
    HPDF_FontDef def = attr->fontdef;
    auto def_attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    if (def->descriptor || !def_attr->embedding) return true;
    HPDF_Dict descriptor = HPDF_Dict_New(doc->mmgr);
    HPDF_Dict font_data = HPDF_DictStream_New(doc->mmgr, attr->xref);
    HPDF_Dict cid_set = HPDF_DictStream_New(doc->mmgr, attr->xref);
    if (!descriptor || !font_data || !cid_set) return false;
    if (HPDF_TTFontDef_SaveFontData(def, font_data->stream) != HPDF_OK) return false;
    font_data->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_STATUS st = HPDF_Dict_Add(descriptor, "FontFile2", font_data);
    st += HPDF_Dict_AddNumber(font_data, "Length1", def_attr->length1);
    st += HPDF_Dict_AddNumber(font_data, "Length2", 0);
    st += HPDF_Dict_AddNumber(font_data, "Length3", 0);

    // Character codes are UCS-2 code points (CIDs); a CID is present when
    // its glyph went into the subset.
    std::vector<HPDF_BYTE> bits(65536 / 8, 0);
    bits[0] |= 0x80;  // CID 0, .notdef, is always there
    std::uint32_t last = 0;
    for (std::uint32_t cp = 1; cp < 65536; ++cp) {
      const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(cp));
      if (gid != 0 && gid < def_attr->num_glyphs && def_attr->glyph_tbl.flgs[gid]) {
        bits[cp / 8] |= static_cast<HPDF_BYTE>(0x80 >> (cp % 8));
        last = cp;
      }
    }
    // libharu lists the width of every character the font has; only the
    // ones drawn matter, and the full list costs 10 KB per font.
    if (HPDF_Array widths = HPDF_Array_New(doc->mmgr)) {
      const HPDF_INT16 dw = def->missing_width;
      HPDF_Array run = nullptr;
      std::uint32_t next = 0;
      for (std::uint32_t cp = 1; cp <= last; ++cp) {
        if (!(bits[cp / 8] & (0x80 >> (cp % 8)))) continue;
        const HPDF_INT16 w = HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UNICODE>(cp));
        if (w == dw) continue;
        if (!run || cp != next) {
          run = HPDF_Array_New(doc->mmgr);
          st += HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(cp));
          st += HPDF_Array_Add(widths, run);
        }
        st += HPDF_Array_AddNumber(run, w);
        next = cp + 1;
      }
      st += HPDF_Dict_Add(attr->descendant_font, "W", widths);
    }
    cid_set->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    st += HPDF_Stream_Write(cid_set->stream, bits.data(), last / 8 + 1);
    st += HPDF_Dict_Add(descriptor, "CIDSet", cid_set);

    st += HPDF_Xref_Add(attr->xref, descriptor);
    st += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    st += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
    st += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
    st += HPDF_Dict_AddNumber(descriptor, "CapHeight", def->cap_height);
    st += HPDF_Dict_AddNumber(descriptor, "Flags", def->flags);
    st += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(doc->mmgr, def->font_bbox));
    st += HPDF_Dict_AddName(descriptor, "FontName", def_attr->base_font);
    st += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
    st += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
    st += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
    def->descriptor = descriptor;
    return st == HPDF_OK;
  }

  // The pleading paper itself: line numbers in the left margin, a double
  // rule beside them and a single rule right of the text, on every page.
  void draw_pleading(HPDF_Page page) const {
    const double top = setup.margin_top;
    const double bottom = top + kPleadingPitch * kPleadingLines;
    const double rule_x = setup.margin_left - 10;
    const double right_x = setup.width - setup.margin_right + 8;
    HPDF_Page_SetLineWidth(page, 0.5);
    for (double x : {rule_x, rule_x - 2.5}) {
      HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(setup.height));
      HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x), 0);
      HPDF_Page_Stroke(page);
    }
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(right_x), static_cast<HPDF_REAL>(setup.height));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(right_x), 0);
    HPDF_Page_Stroke(page);
    // The rule under the last line separates the footer, as CRC 2.110 shows it.
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(rule_x), static_cast<HPDF_REAL>(setup.height - bottom - 4));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(right_x), static_cast<HPDF_REAL>(setup.height - bottom - 4));
    HPDF_Page_Stroke(page);
  }

  std::vector<Text> pleading_numbers() const {
    std::vector<Text> out;
    constexpr double kSize = 12;
    for (int n = 1; n <= kPleadingLines; ++n) {
      const std::string label = std::to_string(n);
      const double row_top = setup.margin_top + (n - 1) * kPleadingPitch;
      const double baseline = row_top + (kPleadingPitch + 0.66 * kSize) / 2;
      out.push_back(Text{setup.margin_left - 20 - width(label, false, kSize), baseline, label, false, kSize});
    }
    return out;
  }
};

PdfLayout::PdfLayout(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfLayout::~PdfLayout() = default;

Result<std::unique_ptr<PdfLayout>> PdfLayout::create(const PageSetup& setup) {
  auto impl = std::make_unique<Impl>();
  impl->setup = setup;
  Impl* s = impl.get();
  s->doc = HPDF_New(&Impl::on_error, s);
  if (!s->doc) return fail(ErrorCode::Internal, "", "", "the PDF library could not start (out of memory?)");
  HPDF_SetCompressionMode(s->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(s->doc);
  HPDF_SetCurrentEncoder(s->doc, "UTF-8");
  if (s->error != HPDF_OK) return s->library_error("setting up UTF-8 text");
  // PDF/A-1 is built on PDF 1.4.
  s->doc->pdf_version = HPDF_VER_14;

  for (auto [path, target] : {std::pair{&setup.regular_font, &s->regular}, std::pair{&setup.bold_font, &s->bold}}) {
    const char* name = HPDF_LoadTTFontFromFile(s->doc, path->c_str(), HPDF_TRUE);
    if (!name || s->error != HPDF_OK) {
      return fail(ErrorCode::Io, *path, "", "cannot load this TrueType font (reinstall the package fonts-liberation2)");
    }
    *target = HPDF_GetFont(s->doc, name, "UTF-8");
    if (!*target || s->error != HPDF_OK) return s->library_error("loading the font " + *path);
    if (!s->fix_to_unicode(*target) || s->error != HPDF_OK) {
      return s->library_error("adding text-extraction data to the font " + *path);
    }
  }

  auto set_info = [&](HPDF_InfoType type, const std::string& value) {
    if (!value.empty()) HPDF_SetInfoAttr(s->doc, type, value.c_str());
  };
  set_info(HPDF_INFO_TITLE, setup.title);
  set_info(HPDF_INFO_SUBJECT, setup.subject);
  set_info(HPDF_INFO_CREATOR, setup.creator);
  if (setup.created.year > 0) {
    HPDF_Date d{};
    d.year = setup.created.year;
    d.month = setup.created.month;
    d.day = setup.created.day;
    d.ind = 'Z';  // UTC, as the XMP copy says
    HPDF_SetInfoDateAttr(s->doc, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(s->doc, HPDF_INFO_MOD_DATE, d);
  }
  if (s->error != HPDF_OK) return s->library_error("writing the document information");
  return std::unique_ptr<PdfLayout>(new PdfLayout(std::move(impl)));
}

double PdfLayout::content_width() const {
  return impl_->setup.width - impl_->setup.margin_left - impl_->setup.margin_right;
}

double PdfLayout::text_width(const std::string& text, bool bold, double size) const {
  return impl_->width(text, bold, size);
}

Result<Rendered> PdfLayout::render(const std::vector<Block>& blocks) {
  Impl& s = *impl_;
  const PageSetup& ps = s.setup;
  const double width = content_width();

  std::vector<Measured> measured;
  measured.reserve(blocks.size());
  for (const Block& b : blocks) measured.push_back(s.measure(b, width));
  const std::vector<Page> pages = s.paginate(measured);
  if (s.error != HPDF_OK) return s.library_error("measuring text");

  // The foot of every page, bottom up: the disclaimer and clinic lines, the
  // short title of the case and paper, and the page number above them.
  constexpr double kFooterSize = 7.5;
  constexpr double kFooterLeading = 9;
  constexpr double kTitleSize = 8.5;
  constexpr double kLabelSize = 10;
  const double foot_width = ps.width - 2 * 54;
  std::vector<Text> footer;
  std::vector<std::vector<Text>> footer_lines;
  for (const std::string& line : ps.footer) {
    Block fb = text_block(line, false, Align::Center);
    fb.size = kFooterSize;
    fb.leading = kFooterLeading;
    for (const Row& r : s.measure(fb, foot_width).rows) footer_lines.push_back(r.texts);
  }
  double fy = ps.height - 22 - kFooterLeading * static_cast<double>(footer_lines.size() > 0 ? footer_lines.size() - 1 : 0);
  for (auto& line : footer_lines) {
    for (Text t : line) {
      t.x += 54;
      t.y = fy;
      footer.push_back(std::move(t));
    }
    fy += kFooterLeading;
  }
  double label_y = ps.height - 22 - kFooterLeading * static_cast<double>(footer_lines.size()) - 3;
  if (!ps.footer_title.empty()) {
    Block tb = text_block(ps.footer_title, false, Align::Center);
    tb.size = kTitleSize;
    tb.leading = 10;
    const auto rows = s.measure(tb, foot_width).rows;
    if (!rows.empty()) {
      for (Text t : rows.front().texts) {
        t.x += 54;
        t.y = label_y;
        footer.push_back(std::move(t));
      }
    }
    label_y -= 11.5;
  }

  const std::string total = std::to_string(pages.size());
  std::vector<Text> labels;
  for (size_t p = 0; p < pages.size(); ++p) {
    const std::string label = Message::substitute(ps.page_label, {std::to_string(p + 1), total});
    labels.push_back(Text{(ps.width - s.width(label, false, kLabelSize)) / 2, label_y, label, false, kLabelSize});
  }
  const std::vector<Text> numbers = ps.pleading ? s.pleading_numbers() : std::vector<Text>{};

  {
    std::vector<Text> all = footer;
    all.insert(all.end(), labels.begin(), labels.end());
    for (const Page& page : pages) all.insert(all.end(), page.texts.begin(), page.texts.end());
    if (const std::set<std::uint32_t> bad = s.unprintable(all); !bad.empty()) {
      // Code points only: the message must not carry a name into a log.
      std::string list;
      for (std::uint32_t cp : bad) {
        char buf[16];
        if (cp == Impl::kInvalid) {
          std::snprintf(buf, sizeof buf, "invalid UTF-8");
        } else {
          std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
        }
        list += (list.empty() ? "" : ", ") + std::string(buf);
      }
      return fail(
          ErrorCode::BadInput, "", "",
          "the text contains characters the court-paper font cannot print (" + list + "); write them in Latin letters");
    }
  }

  for (size_t p = 0; p < pages.size(); ++p) {
    HPDF_Page page = HPDF_AddPage(s.doc);
    if (!page) return s.library_error("adding a page");
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(ps.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(ps.height));
    if (ps.pleading) s.draw_pleading(page);

    for (const Stroke& st : pages[p].strokes) {
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(st.width));
      HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(st.x1), static_cast<HPDF_REAL>(ps.height - st.y1));
      HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(st.x2), static_cast<HPDF_REAL>(ps.height - st.y2));
      HPDF_Page_Stroke(page);
    }

    HPDF_Page_BeginText(page);
    // Line numbers first, so that text extraction reads them apart from the
    // body rather than glued to the start of each line.
    for (const Text& t : numbers) s.draw_text(page, t);
    for (const Text& t : pages[p].texts) s.draw_text(page, t);
    s.draw_text(page, labels[p]);
    for (const Text& t : footer) s.draw_text(page, t);
    HPDF_Page_EndText(page);
    if (s.error != HPDF_OK) return s.library_error("drawing page " + std::to_string(p + 1));
  }

  if (!s.add_font_descriptor(s.regular) || !s.add_font_descriptor(s.bold) || s.error != HPDF_OK) {
    return s.library_error("embedding the fonts");
  }
  if (!s.add_file_id(pages) || s.error != HPDF_OK) return s.library_error("adding the file identifier");
  if (!ps.icc_profile.empty()) {
    if (!s.add_metadata() || s.error != HPDF_OK) return s.library_error("adding the XMP metadata");
    if (auto ok = s.add_output_intent(); !ok) return tl::unexpected(ok.error());
  }

  if (HPDF_SaveToStream(s.doc) != HPDF_OK || s.error != HPDF_OK) return s.library_error("saving the PDF");
  const HPDF_UINT32 size = HPDF_GetStreamSize(s.doc);
  Rendered out;
  out.pages = static_cast<int>(pages.size());
  out.bytes.resize(size);
  HPDF_UINT32 got = 0;
  while (got < size) {
    HPDF_UINT32 chunk = size - got;
    const HPDF_STATUS st = HPDF_ReadFromStream(s.doc, reinterpret_cast<HPDF_BYTE*>(out.bytes.data()) + got, &chunk);
    got += chunk;
    if (st == HPDF_STREAM_EOF || chunk == 0) break;
    if (st != HPDF_OK) return s.library_error("reading the PDF from memory");
  }
  if (got != size) {
    return fail(ErrorCode::Internal, "", "",
                "the PDF library returned " + std::to_string(got) + " of " + std::to_string(size) + " bytes");
  }
  return out;
}

}  // namespace relief::documents::pdf
