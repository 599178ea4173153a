#include "relief/error.hpp"

namespace relief {

std::string Error::to_string() const {
  std::string out;
  for (const std::string* part : {&file, &path}) {
    if (!part->empty()) {
      out += *part;
      out += ": ";
    }
  }
  out += message;
  return out;
}

std::string Message::substitute(const std::string& templ, const std::vector<std::string>& args) {
  // Positional placeholders only (%1$s …), so translators can reorder them;
  // "%%" is a literal percent sign.
  std::string out;
  out.reserve(templ.size());
  for (size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] != '%' || i + 1 >= templ.size()) {
      out += templ[i];
      continue;
    }
    if (templ[i + 1] == '%') {
      out += '%';
      ++i;
      continue;
    }
    size_t j = i + 1;
    size_t n = 0;
    while (j < templ.size() && templ[j] >= '0' && templ[j] <= '9') {
      n = n * 10 + static_cast<size_t>(templ[j] - '0');
      ++j;
    }
    if (n > 0 && j + 1 < templ.size() && templ[j] == '$' && templ[j + 1] == 's') {
      if (n <= args.size()) out += args[n - 1];
      i = j + 1;
      continue;
    }
    out += templ[i];
  }
  return out;
}

std::string Message::format() const { return substitute(id, args); }

}  // namespace relief
