#!/usr/bin/env bash
# Regenerates locales/relief.pot, the template every <lang>.po translates:
# xgettext over the C++ sources (keywords _, N_, wxTRANSLATE, wxPLURAL),
# plus the English texts in rules/ and forms/ (extract_json.py). Then merge
# a catalog with
#   msgmerge --update --backup=none locales/es.po locales/relief.pot
#
# Usage: update-pot.sh [--output FILE]
#   --output FILE  write the template to FILE instead of locales/relief.pot
#                  (check-pot.sh uses this to compare without touching it)
set -euo pipefail

usage() { sed -n '2,10s/^# \{0,1\}//p' "$0"; }

out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --output) [ $# -ge 2 ] || { usage >&2; exit 2; }; out="$2"; shift 2 ;;
    --output=*) out="${1#--output=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "update-pot.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
# A relative --output is relative to where the script was called from.
if [ -n "$out" ] && [ "${out#/}" = "$out" ]; then out="$PWD/$out"; fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
: "${out:=$root/locales/relief.pot}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mapfile -t sources < <(find app -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort)
xgettext --language=C++ --from-code=UTF-8 --add-comments=TRANSLATORS: \
  --keyword=_ --keyword=N_ --keyword=wxTRANSLATE --keyword=wxPLURAL:1,2 \
  --package-name=relief --msgid-bugs-address="(none)" \
  --output="$tmp/code.pot" "${sources[@]}"
python3 locales/extract_json.py "$root" > "$tmp/data.pot"
# msgcat needs a header on the data part.
{
  printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
  cat "$tmp/data.pot"
} > "$tmp/data-h.pot"
msgcat --use-first --sort-by-file --output-file="$tmp/relief.pot" "$tmp/code.pot" "$tmp/data-h.pot"
# No creation date: the file changes only when the texts change.
sed -i '/^"POT-Creation-Date:/d' "$tmp/relief.pot"
mv "$tmp/relief.pot" "$out"
echo "wrote ${out#"$root"/} ($(grep -c '^msgid ' "$out") messages)"
