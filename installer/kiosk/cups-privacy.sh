#!/bin/bash
# cups-privacy.sh apply|undo [CUPSD_CONF]
# Makes CUPS keep no copy of printed files and no list of past jobs
# (PreserveJobFiles No, PreserveJobHistory No), or puts the file back as it
# was. Idempotent. The caller restarts cups.
set -euo pipefail
action=${1:-}
conf=${2:-/etc/cups/cupsd.conf}
backup="$conf.relief-backup"
marker="# Relief kiosk: keep no copy of printed papers and no list of print jobs."

strip() {  # removes every PreserveJobFiles/PreserveJobHistory line and our marker
  sed -i -E -e '/^[[:space:]]*PreserveJob(Files|History)([[:space:]]|$)/d' -e "\\|^${marker}\$|d" "$1"
}

case "$action" in
  apply)
    [ -f "$conf" ] || { echo "cups-privacy.sh: $conf not found (is cups installed?)" >&2; exit 1; }
    [ -e "$backup" ] || cp -p "$conf" "$backup"
    strip "$conf"
    printf '%s\nPreserveJobFiles No\nPreserveJobHistory No\n' "$marker" >> "$conf"
    ;;
  undo)
    if [ -e "$backup" ]; then
      mv -f "$backup" "$conf"
    elif [ -f "$conf" ]; then
      strip "$conf"
    fi
    ;;
  *)
    echo "usage: cups-privacy.sh apply|undo [cupsd.conf]" >&2
    exit 2
    ;;
esac
