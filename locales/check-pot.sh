#!/usr/bin/env bash
# Fails when locales/relief.pot is stale: regenerates the template from the
# sources into a temporary file (update-pot.sh --output) and compares the two
# sets of messages (msgctxt, msgid, msgid_plural). Source references,
# comments, flags and order are ignored, so moving a string does not count.
# Usage: check-pot.sh [COMMITTED_POT]   (default: locales/relief.pot)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
committed="${1:-$here/relief.pot}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# One line per message: its msgctxt, msgid and msgid_plural, sorted.
keys() {
  local text
  text="$(LC_ALL=C msgcat --no-wrap --no-location "$1")" || return 1
  printf '%s\n' "$text" | LC_ALL=C awk '
    function flush() { if (key != "" && key != "msgid \"") print key "\""; key = "" }
    /^#/ { next }
    /^(msgctxt|msgid|msgid_plural) "/ {
      if ($1 == "msgid_plural" || (prev == "msgctxt" && $1 == "msgid")) key = key "\" "
      else flush()
      sub(/"$/, ""); key = key $0; keep = 1; prev = $1; next
    }
    /^msgstr/ { keep = 0; prev = "msgstr"; next }
    /^"/ { if (keep) { s = $0; sub(/^"/, "", s); sub(/"$/, "", s); key = key s }; next }
    END { flush() }' | LC_ALL=C sort
}

if ! bash "$here/update-pot.sh" --output "$tmp/fresh.pot" > "$tmp/log" 2>&1; then
  cat "$tmp/log" >&2
  echo "check-pot.sh: could not regenerate the template (see above)" >&2
  exit 2
fi
if ! keys "$committed" > "$tmp/committed.keys"; then
  echo "check-pot.sh: cannot read $committed" >&2
  exit 2
fi
keys "$tmp/fresh.pot" > "$tmp/fresh.keys"
if ! diff -u --label "locales/relief.pot" --label "the sources now" \
     "$tmp/committed.keys" "$tmp/fresh.keys" > "$tmp/diff"; then
  echo "locales/relief.pot is out of date: run locales/update-pot.sh" >&2
  echo "(then msgmerge --update --backup=none locales/<lang>.po locales/relief.pot)" >&2
  echo "Messages only in relief.pot (-) and only in the sources (+):" >&2
  grep -E '^[-+][^-+]' "$tmp/diff" >&2 || true
  exit 1
fi
echo "locales/relief.pot is up to date ($(wc -l < "$tmp/fresh.keys") messages)"
