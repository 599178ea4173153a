#!/usr/bin/env bash
# Regenerates locales/relief.pot, the template every <lang>.po translates:
# xgettext over the C++ sources (keywords _, N_, wxTRANSLATE, wxPLURAL), plus the English
# texts in rules/ and forms/ (extract_json.py). Then merge a catalog with
#   msgmerge --update --backup=none locales/es.po locales/relief.pot
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
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
mv "$tmp/relief.pot" locales/relief.pot
echo "wrote locales/relief.pot ($(grep -c '^msgid ' locales/relief.pot) messages)"
