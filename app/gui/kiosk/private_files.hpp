#pragma once
#include <string>
#include <vector>

#include "relief/error.hpp"

namespace relief::gui::kiosk {

/// A folder only this user can enter (0700), made with mkdtemp under
/// $XDG_RUNTIME_DIR (memory, on systemd machines) or else $TMPDIR or /tmp,
/// for the papers of one kiosk session before their one copy goes where the
/// person chose. wipe() overwrites every file in it, unlinks it and removes
/// the folder; the destructor wipes too.
class PrivateTempDir {
 public:
  /// Makes the folder; an error when none of the places can take it.
  static Result<PrivateTempDir> create();
  PrivateTempDir(PrivateTempDir&& other) noexcept;
  PrivateTempDir& operator=(PrivateTempDir&& other) noexcept;
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  ~PrivateTempDir();

  const std::string& path() const { return path_; }
  /// Overwrites and removes every file, then the folder. Safe to call twice.
  void wipe();

 private:
  explicit PrivateTempDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

/// Overwrites a regular file's bytes with zeros (flushed), then unlinks it.
void wipe_file(const std::string& path);

/// Copies `from` to `to` the safe way: a temporary name beside `to`,
/// flushed, then renamed, so a half-written paper never appears.
Result<void> copy_file_atomically(const std::string& from, const std::string& to);

/// Folders a kiosk may save papers into: /media and /run/media when USB
/// drives are allowed, and the administrator's documents folder when set.
std::vector<std::string> allowed_roots(bool usb_allowed, const std::string& documents_folder);
/// True when `folder` (symbolic links and ".." resolved) is one of `roots`
/// or inside one.
bool inside_allowed_roots(const std::string& folder, const std::vector<std::string>& roots);

/// Stops GTK from listing files our file windows touch in
/// ~/.local/share/recently-used.xbel (gtk-recent-files-enabled = FALSE).
void disable_recent_files();
/// Whether GTK would still record recent files (for tests).
bool recent_files_enabled();

}  // namespace relief::gui::kiosk
