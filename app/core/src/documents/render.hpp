#pragma once
// Internal: turns a validated template and its context into layout Blocks
// (for the PDF) and, for survivor-facing documents, accessible HTML.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms.hpp"
#include "pdf_layout.hpp"
#include "relief/i18n/catalog.hpp"

#include "escape.hpp"

namespace relief::documents {

/// A rendered document, ready for PdfLayout.
struct RenderedDocument {
  std::vector<pdf::Block> blocks;
  std::string html;          ///< the same content as HTML (survivor documents only)
  std::string title;         ///< PDF metadata (never personal data)
  std::string subject;       ///< PDF metadata
  std::string footer_title;  ///< short case and paper title for the footer
  bool pleading = false;     ///< California pleading paper
  bool survivor = false;     ///< in the survivor's language, not a court paper
};

/// Page geometry of plain paper and of pleading paper.
pdf::PageSetup page_setup(bool pleading);

/// Renders `t` over `context`. `parts` are the shared parts it may include;
/// `cat` translates survivor-language templates (court papers ignore it).
/// Width is the text width the blocks are laid out in.
RenderedDocument render_document(const Template& t, const std::map<std::string, Template>& parts,
                                 const nlohmann::json& context, const i18n::Catalog& cat, double width);

}  // namespace relief::documents
