#pragma once
// Internal: page layout over libharu. The template renderer (render.cpp)
// describes a document as Blocks; PdfLayout wraps, paginates and draws them
// and returns the PDF bytes. No legal content here.
#include <memory>
#include <string>
#include <vector>

#include "relief/error.hpp"
#include "relief/model/date.hpp"

namespace relief::documents::pdf {

/// A piece of text in one style; '\n' inside forces a line break.
struct Run {
  std::string text;
  bool bold = false;
  bool underline = false;
};

/// Horizontal placement of each wrapped line.
enum class Align { Left, Center, Right };

struct Block;

/// One column of a Columns block.
struct Column {
  double width = 0;           ///< in points
  std::vector<Block> blocks;  ///< laid out top to bottom inside the column
};

/// A unit of content. Kind decides which fields matter; the rest are ignored.
struct Block {
  enum class Kind { Text, Rule, Space, Columns, Table };
  Kind kind = Kind::Text;
  /// A printed check box before the text: never a form field.
  enum class Check { None, Empty, Checked };

  // Text: runs wrapped into the column.
  std::vector<Run> runs;
  double size = 12;     ///< font size in points
  double leading = 18;  ///< baseline-to-baseline distance
  Align align = Align::Left;
  double indent_left = 0;   ///< from the column's left edge
  double indent_right = 0;  ///< from the column's right edge
  double first_indent = 0;  ///< extra indent of the first line (relative to indent_left)
  std::string label;        ///< e.g. "1.", drawn at the first line's start
  double label_width = 0;   ///< the first line's text starts this far after the label's start
  Check check = Check::None;  ///< a box (with a printed X when checked) in the label's place

  // Rule: a line across the column (inside the indents), `leading` tall.
  double thickness = 0.6;

  // Space: empty vertical space of `leading` points (dropped at a page top).

  // Columns: side-by-side columns that stay on one page.
  std::vector<Column> columns;
  double gap = 0;            ///< space between columns
  bool caption_box = false;  ///< draw lines above/below the first column and at its right edge

  // Table: a ruled grid; every row stays on one page and the header row is
  // repeated at the top of each page the table continues on.
  std::vector<double> col_widths;                   ///< in points
  std::vector<std::vector<Run>> header;             ///< one cell per column (may be empty: no header)
  std::vector<std::vector<std::vector<Run>>> rows;  ///< rows of cells

  double space_before = 0;
  double space_after = 0;
  bool page_break_before = false;  ///< starts a new page (unless the page is still empty)
  bool keep_with_next = false;  ///< never the last thing on a page when more follows
  bool keep_together = false;   ///< never split across pages (when it fits on one)
  int group = 0;                ///< consecutive blocks with the same non-zero group stay on one page
};

/// Shorthand for a text block of one run.
Block text_block(std::string text, bool bold = false, Align align = Align::Left);
/// Shorthand for a text block of several runs.
Block runs_block(std::vector<Run> runs, Align align = Align::Left);
/// A horizontal line across the column.
Block rule_block(double indent_left = 0, double indent_right = 0);
/// Vertical space.
Block space_block(double height);

/// Page size, fonts and fixed texts of one document.
struct PageSetup {
  double width = 612;  ///< US Letter
  double height = 792;
  double margin_top = 72;  ///< one inch on every side unless a paper says otherwise
  double margin_bottom = 72;
  double margin_left = 72;
  double margin_right = 72;
  /// California pleading paper: 28 numbered lines 24 pt apart, a double rule
  /// left of the text and a single rule right of it; text snaps to the lines.
  bool pleading = false;
  std::string regular_font;  ///< TrueType file path
  std::string bold_font;     ///< TrueType file path
  std::string title;         ///< PDF metadata
  std::string subject;       ///< PDF metadata
  std::string creator = "Relief";
  std::string language = "en";                   ///< the document's language (XMP dc:language)
  model::Date created;                           ///< PDF creation date (0 = none)
  std::string footer_title;                      ///< short case and paper title above the footer lines
  std::vector<std::string> footer;               ///< small lines at the foot of every page
  std::string page_label = "Page %1$s of %2$s";  ///< %1$s = page, %2$s = pages
  /// sRGB ICC profile for the PDF/A output intent; empty = no PDF/A parts.
  std::string icc_profile;
};

/// Pleading paper's line pitch and line count (Cal. Rules of Court 2.108).
inline constexpr double kPleadingPitch = 24;
inline constexpr int kPleadingLines = 28;

/// A rendered document.
struct Rendered {
  std::string bytes;
  int pages = 0;
};

/// Lays out and draws Blocks on pages with libharu. One object per document.
class PdfLayout {
 public:
  /// Loads the fonts; fails with an Error when a font file is unusable.
  static Result<std::unique_ptr<PdfLayout>> create(const PageSetup& setup);
  ~PdfLayout();
  PdfLayout(const PdfLayout&) = delete;
  PdfLayout& operator=(const PdfLayout&) = delete;

  /// Width of the usable text area between the margins.
  double content_width() const;
  /// Width of UTF-8 `text` in points.
  double text_width(const std::string& text, bool bold, double size) const;

  /// Lays out every block, draws the pages and returns the PDF bytes.
  /// Call once.
  Result<Rendered> render(const std::vector<Block>& blocks);

 private:
  struct Impl;
  explicit PdfLayout(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace relief::documents::pdf
