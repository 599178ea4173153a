#!/usr/bin/env bash
# Installs what is missing, builds Relief, and opens the wizard.
# With no display it says so and shows the command-line tool instead.
set -euo pipefail
cd "$(dirname "$0")"

./installer/deps-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)" --target relief relief-gui relief_translations

bin=build/release/bin
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo
  echo "No graphical display was found, so the wizard cannot open here."
  echo "Use the command-line tool instead ($bin/relief), for example:"
  echo "  $bin/relief check --case examples/ny-sample.case.json"
  echo
  exec "$bin/relief" --help
fi
exec "$bin/relief-gui" "$@"
