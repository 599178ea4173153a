#!/bin/bash
# undo-kiosk.sh: undoes setup-kiosk.sh. Run as root. Keeps the relief
# package, /etc/relief/settings.json (back in root's hands) and installed
# rule packs; leaves cage and cups installed (remove them with apt if unused).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
user=relief-kiosk
notes=/var/lib/relief/kiosk-setup

[ "$(id -u)" -eq 0 ] || { echo "undo-kiosk.sh: run it as root: sudo $0" >&2; exit 1; }

echo "== The kiosk service"
systemctl disable --now relief-kiosk.service 2>/dev/null || true
rm -f /etc/systemd/system/relief-kiosk.service
systemctl daemon-reload
if [ -s "$notes/default-target" ]; then systemctl set-default "$(cat "$notes/default-target")"; fi
if [ -s "$notes/display-manager" ]; then systemctl enable "$(cat "$notes/display-manager")" || true; fi

if [ -e "$notes/cups" ]; then
  echo "== Printing: CUPS settings as before"
  "$here/cups-privacy.sh" undo /etc/cups/cupsd.conf
  systemctl restart cups.service || true
fi

echo "== Settings back to root"
if [ -f /etc/relief/settings.json ]; then
  chown root:root /etc/relief/settings.json
  chmod 0640 /etc/relief/settings.json
fi
if [ -s "$notes/etc-relief-mode" ] && [ "$(cat "$notes/etc-relief-mode")" != none ]; then
  read -r mode owner group < "$notes/etc-relief-mode"
  chown "$owner:$group" /etc/relief
  chmod "$mode" /etc/relief
elif [ -d /etc/relief ]; then
  chown root:root /etc/relief
  chmod 0755 /etc/relief
fi
echo "   (the settings still say mode kiosk; change it with: sudo relief admin set mode survivor)"

if [ -e "$notes/created-user" ] && id "$user" >/dev/null 2>&1; then
  echo "== Removing the account $user"
  deluser --remove-home "$user" >/dev/null
fi
rm -rf "$notes"
echo "Done. Reboot to get the normal login screen back."
