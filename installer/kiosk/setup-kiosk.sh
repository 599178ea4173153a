#!/bin/bash
# setup-kiosk.sh: turns a fresh Debian 12 machine with the relief package
# installed into a Relief kiosk. Run as root. Undo with undo-kiosk.sh.
#
#  - creates the unprivileged account relief-kiosk (no password, no shell);
#  - installs cage (and cups unless --no-printing) from Debian;
#  - runs relief-gui --kiosk in cage from relief-kiosk.service on tty7,
#    logged in automatically, restarted whenever it exits;
#  - sets kiosk mode in /etc/relief/settings.json and lets the kiosk account
#    save settings from the administrator screen (and nothing else in /etc);
#  - makes CUPS keep no job files and no job history.
# What it changed is noted in /var/lib/relief/kiosk-setup for undo-kiosk.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
user=relief-kiosk
notes=/var/lib/relief/kiosk-setup
printing=1
install_packages=1
for arg in "$@"; do
  case "$arg" in
    --no-printing) printing=0 ;;
    --no-install) install_packages=0 ;;
    -h|--help) sed -n '2,13p' "$0"; echo "Options: --no-printing  --no-install (packages already there)"; exit 0 ;;
    *) echo "setup-kiosk.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

[ "$(id -u)" -eq 0 ] || { echo "setup-kiosk.sh: run it as root: sudo $0" >&2; exit 1; }
command -v relief-gui >/dev/null && command -v relief >/dev/null || {
  echo "setup-kiosk.sh: install the relief package first: sudo apt install ./relief_*.deb" >&2; exit 1; }

if [ "$install_packages" = 1 ]; then
  pkgs=(cage)
  [ "$printing" = 1 ] && pkgs+=(cups)
  echo "== Installing ${pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}"
fi
command -v cage >/dev/null || { echo "setup-kiosk.sh: cage is missing (apt-get install cage)" >&2; exit 1; }
install -d -m 0755 "$notes"

echo "== The kiosk account: $user"
if ! id "$user" >/dev/null 2>&1; then
  adduser --disabled-password --gecos "Relief kiosk" --shell /usr/sbin/nologin "$user" >/dev/null
  touch "$notes/created-user"
fi
passwd -l "$user" >/dev/null
# The session's devices come from logind; the groups are a fallback for
# graphics drivers that still check them.
for g in video render input; do getent group "$g" >/dev/null && adduser "$user" "$g" >/dev/null; done

echo "== Settings: kiosk mode"
if [ ! -e "$notes/etc-relief-mode" ]; then
  if [ -d /etc/relief ]; then stat -c '%a %U %G' /etc/relief > "$notes/etc-relief-mode"; else echo "none" > "$notes/etc-relief-mode"; fi
fi
# setgid: new settings files belong to the kiosk group; sticky: the kiosk
# account may replace only what it owns (settings.json), never trusted-keys/.
install -d -m 3775 -o root -g "$user" /etc/relief
install -d -m 0755 -o root -g root /etc/relief/trusted-keys
if [ "$(relief admin show --format json | sed -n 's/.*"storage_policy": "\([a-z_]*\)".*/\1/p')" = attorney_workstation ]; then
  relief admin set storage_policy kiosk_memory_only
fi
relief admin set mode kiosk >/dev/null
chown "$user:$user" /etc/relief/settings.json
chmod 0640 /etc/relief/settings.json

if [ "$printing" = 1 ] && [ -f /etc/cups/cupsd.conf ]; then
  echo "== Printing: CUPS keeps no job files and no job history"
  "$here/cups-privacy.sh" apply /etc/cups/cupsd.conf
  touch "$notes/cups"
  systemctl restart cups.service || true
fi

echo "== The kiosk service"
install -m 0644 "$here/relief-kiosk.service" /etc/systemd/system/relief-kiosk.service
if [ -L /etc/systemd/system/display-manager.service ] && [ ! -e "$notes/display-manager" ]; then
  dm=$(basename "$(readlink -f /etc/systemd/system/display-manager.service)")
  echo "$dm" > "$notes/display-manager"
  systemctl disable "$dm" || true
fi
[ -e "$notes/default-target" ] || systemctl get-default > "$notes/default-target"
systemctl daemon-reload
systemctl enable relief-kiosk.service
systemctl set-default graphical.target

cat <<MSG

The kiosk starts at the next boot (or now: sudo systemctl start relief-kiosk).
Still to do by hand (see $here/README.md):
  - set a firmware (BIOS/UEFI) password and boot only from the internal disk;
  - disable booting from USB and the network;
  - use full-disk encryption (choose encrypted LVM when installing Debian);
  - set the administrator PIN: sudo relief admin set-pin
  - copy the clinic's rule-pack public key to /etc/relief/trusted-keys/.
Undo everything with: sudo $here/undo-kiosk.sh
MSG
