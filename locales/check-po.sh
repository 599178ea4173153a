#!/usr/bin/env bash
# Fails unless a catalog is complete against the template: no untranslated
# or fuzzy entry, no message missing from it, no message (msgctxt + msgid)
# that the template does not have, and no format-string error.
# Usage: check-po.sh LANG.po [TEMPLATE]   (default: locales/relief.pot)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -ge 1 ] || { echo "usage: check-po.sh LANG.po [TEMPLATE]" >&2; exit 2; }
po="$1"
pot="${2:-$here/relief.pot}"
name="$(basename "$po")"
export LC_ALL=C
fail=0

# Format strings, header, plural forms; then the counts.
if ! stats="$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)"; then
  printf '%s\n' "$stats" >&2
  echo "$name: msgfmt --check found errors" >&2
  exit 1
fi
stats="$(printf '%s\n' "$stats" | tail -n 1)"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "$name is not complete: $stats" >&2
    msgattrib --untranslated --no-obsolete --no-wrap "$po" | grep -E '^msgid "[^"]' | sed 's/^/  untranslated: /' >&2 || true
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep -E '^msgid "[^"]' | sed 's/^/  fuzzy: /' >&2 || true
    fail=1 ;;
esac

# Every message of the template is in the catalog (translated or not: the
# counts above catch those)...
if ! out="$(msgcmp --no-fuzzy-matching --use-fuzzy --use-untranslated "$po" "$pot" 2>&1)"; then
  printf '%s\n' "$out" | grep -v 'warning: this message is not used' >&2 || true
  echo "$name lacks messages of $(basename "$pot"): run msgmerge --update --backup=none $name $(basename "$pot")" >&2
  fail=1
fi
# ...and the catalog has no message the template does not have (obsolete
# #~ entries are ignored by gettext and do not count).
if ! out="$(msgcmp --no-fuzzy-matching --use-untranslated "$pot" "$po" 2>&1)"; then
  printf '%s\n' "$out" | grep -v 'warning: this message is not used' >&2 || true
  echo "$name has messages that are not in $(basename "$pot"): run msgmerge --update --backup=none $name $(basename "$pot")" >&2
  fail=1
fi

[ "$fail" -eq 0 ] && echo "$name is complete: $stats"
exit "$fail"
