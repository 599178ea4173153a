#pragma once
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace relief {

/// What kind of problem an Error reports; the CLI maps these to exit codes.
enum class ErrorCode {
  BadInput,      ///< the user's or rule author's file is wrong (exit 2)
  NotFound,      ///< a file or record that should exist does not (exit 2)
  Io,            ///< reading or writing failed (disk full, permissions)
  Incompatible,  ///< written by a newer Relief, or an unsupported schema
  Corrupt,       ///< a database or file failed its integrity check
  Internal,      ///< a library failed in a way the user cannot fix
};

/// A user-actionable error: where it happened and what was expected.
/// `message` is English (untranslated); `where` is "file: $.json.path" or
/// "file: SQL step".
struct Error {
  ErrorCode code = ErrorCode::BadInput;
  std::string file;     ///< file the problem is in (may be empty)
  std::string path;     ///< JSON path ("$.records[0].offense_date") or step
  std::string message;  ///< what was expected / what went wrong

  /// One line: "file: path: message", leaving out empty parts.
  std::string to_string() const;
};

/// The result of anything a user or rule author can get wrong.
template <typename T>
using Result = tl::expected<T, Error>;

/// Shorthand for returning an error from a function returning Result<T>.
inline tl::unexpected<Error> fail(ErrorCode code, std::string file, std::string path,
                                  std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(file), std::move(path), std::move(message)});
}

/// A translatable message: an English msgid with positional placeholders
/// (%1$s, %2$s …) and its arguments. The core never translates; the GUI
/// translates `id`, the CLI prints format().
struct Message {
  std::string id;
  std::vector<std::string> args;

  /// The English text with the arguments substituted.
  std::string format() const;
  /// Substitutes the arguments into an already translated template.
  static std::string substitute(const std::string& templ, const std::vector<std::string>& args);
};

}  // namespace relief
