#!/bin/bash
# kiosk_check.sh SOURCE_DIR: the kiosk set-up's pieces that can be checked
# without turning this machine into a kiosk.
set -euo pipefail
src=$(cd "$1" && pwd)
kiosk="$src/installer/kiosk"
fail() { echo "FAIL: $*" >&2; exit 1; }

# The unit: systemd's own checker, quiet on success. It also checks that the
# ExecStart binary (/usr/bin/cage) exists.
report=$(systemd-analyze verify --man=no "$kiosk/relief-kiosk.service" 2>&1) || fail "systemd-analyze verify: $report"
[ -z "$report" ] || fail "systemd-analyze verify complained: $report"
grep -qx 'ExecStart=/usr/bin/cage -d -- /usr/bin/relief-gui --kiosk' "$kiosk/relief-kiosk.service" ||
  fail "the unit does not run relief-gui --kiosk in cage"
grep -qx 'Restart=always' "$kiosk/relief-kiosk.service" || fail "the unit does not restart the kiosk"
echo "systemd-analyze verify: ok"

for s in setup-kiosk.sh undo-kiosk.sh cups-privacy.sh; do
  bash -n "$kiosk/$s" || fail "$s has a syntax error"
done

# CUPS: applying twice leaves one No of each; undo gives the file back.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'LogLevel warn\nPreserveJobHistory Yes\nPreserveJobFiles 1d\n<Location />\n  Order allow,deny\n</Location>\n' > "$tmp/cupsd.conf"
cp "$tmp/cupsd.conf" "$tmp/original"
"$kiosk/cups-privacy.sh" apply "$tmp/cupsd.conf"
"$kiosk/cups-privacy.sh" apply "$tmp/cupsd.conf"
[ "$(grep -c '^PreserveJobFiles No$' "$tmp/cupsd.conf")" = 1 ] || fail "PreserveJobFiles No not set once"
[ "$(grep -c '^PreserveJobHistory No$' "$tmp/cupsd.conf")" = 1 ] || fail "PreserveJobHistory No not set once"
if grep -Eq 'Preserve.* (Yes|1d)$' "$tmp/cupsd.conf"; then fail "an old Preserve setting survived"; fi
"$kiosk/cups-privacy.sh" undo "$tmp/cupsd.conf"
cmp -s "$tmp/cupsd.conf" "$tmp/original" || fail "undo did not restore cupsd.conf"
echo "cups-privacy: ok"
