#!/usr/bin/env bash
# Installs every Debian 12 package Relief needs to build, run and test.
# Idempotent: when everything is present it prints nothing and exits 0.
# Uses sudo only when not already root.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config gettext
  # libraries (see README, "Dependencies")
  libwxgtk3.2-dev libgtk-3-dev libhpdf-dev nlohmann-json3-dev libcli11-dev
  libsqlitecpp-dev libsqlite3-dev libexpected-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # fonts embedded in court papers (serif body with Vietnamese coverage)
  fonts-dejavu-core fonts-liberation2
  # document and GUI checks
  qpdf poppler-utils xvfb xauth imagemagick
  # rules files against their JSON Schema
  python3-jsonschema
  # privacy: encryption (Argon2id, XChaCha20-Poly1305, sealed boxes)
  libsodium-dev
  # fuzzing (tests/fuzz/run.sh): clang 14 with libFuzzer and the ASan/UBSan runtimes
  clang libclang-rt-14-dev
  # court papers: Mustache templates (kainjow, header only) and the sRGB
  # profile for the PDF/A output intent
  libkainjow-mustache-dev icc-profiles-free
  # administration: Argon2id PIN hashes and Ed25519-signed rule packs; the .deb
  # (cpack + dpkg-shlibdeps, lintian), its desktop and AppStream checks, icons
  # rendered from the SVG, and the kiosk unit check (systemd-analyze, cage)
  dpkg-dev lintian desktop-file-utils appstream librsvg2-bin
  systemd cage
  # accessibility check: the AT-SPI tree as a screen reader sees it
  at-spi2-core dbus dbus-x11 python3-pyatspi libatk-adaptor
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps-debian.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when a first attempt cannot find a package.
if ! $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/relief-apt.log 2>&1; then
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
