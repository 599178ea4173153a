#!/bin/bash
# package_check.sh STEP BUILD_DIR SOURCE_DIR
# The Debian package, checked the way a clinic would meet it:
#   build     cpack -G DEB in the build folder; the package's dependencies and files
#   lintian   no lintian errors (warnings are printed, not fatal)
#   metadata  desktop-file-validate and appstreamcli validate on the shipped files
#   run       the package unpacked into an empty root: relief --version, and
#             relief check on the sample case with the unpacked data only
set -euo pipefail
step=$1
build=$(cd "$2" && pwd)
src=$(cd "$3" && pwd)
out="$build/package"

the_deb() {
  local d
  d=$(ls -t "$out"/relief_*.deb 2>/dev/null | head -n 1)
  [ -n "$d" ] || { echo "no package in $out: did package_build run?" >&2; exit 1; }
  echo "$d"
}

unpack() {  # unpacks the package into a fresh folder and prints its path
  local root
  root=$(mktemp -d "${TMPDIR:-/tmp}/relief-deb-XXXXXX")
  dpkg-deb -x "$(the_deb)" "$root"
  echo "$root"
}

fail() { echo "FAIL: $*" >&2; exit 1; }

case "$step" in
  build)
    mkdir -p "$out"
    rm -f "$out"/relief_*.deb
    (cd "$build" && cpack -G DEB --config "$build/CPackConfig.cmake") > "$out/cpack.log" 2>&1 ||
      { cat "$out/cpack.log"; fail "cpack -G DEB failed"; }
    deb=$(the_deb)
    echo "built $deb"
    dpkg-deb -f "$deb" Package Version Architecture Depends Suggests
    depends=$(dpkg-deb -f "$deb" Depends)
    for dep in fonts-liberation2 libsodium23 libwxgtk3.2 libhpdf libstdc++6; do
      [[ "$depends" == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
    done
    files=$(dpkg-deb -c "$deb" | awk '{print $6}')
    for f in ./usr/bin/relief ./usr/bin/relief-gui ./usr/share/relief/rules/facts.json \
             ./usr/share/relief/rules/ny/rules.json ./usr/share/relief/forms/README.md \
             ./usr/share/applications/org.reliefapp.Relief.desktop \
             ./usr/share/metainfo/org.reliefapp.Relief.metainfo.xml \
             ./usr/share/icons/hicolor/scalable/apps/org.reliefapp.Relief.svg \
             ./usr/share/icons/hicolor/48x48/apps/org.reliefapp.Relief.png \
             ./usr/share/man/man1/relief.1.gz ./usr/share/man/man1/relief-gui.1.gz \
             ./usr/share/doc/relief/copyright ./usr/share/doc/relief/changelog.Debian.gz \
             ./usr/share/relief/kiosk/setup-kiosk.sh ./usr/share/relief/kiosk/relief-kiosk.service; do
      grep -qxF "$f" <<<"$files" || fail "the package lacks $f"
    done
    if grep -q '/cases/' <<<"$files"; then fail "rules test cases are in the package"; fi
    for po in "$src"/locales/*.po; do
      [ -e "$po" ] || continue
      lang=$(basename "$po" .po)
      grep -qxF "./usr/share/relief/locales/$lang/LC_MESSAGES/relief.mo" <<<"$files" ||
        fail "the package lacks the $lang translations"
    done
    ;;
  lintian)
    deb=$(the_deb)
    # Every tag is shown (the report lists the warnings); only errors fail.
    lintian --fail-on error --tag-display-limit 0 "$deb" && status=0 || status=$?
    [ "$status" -eq 0 ] || fail "lintian found errors"
    echo "lintian: no errors"
    ;;
  metadata)
    root=$(unpack)
    trap 'rm -rf "$root"' EXIT
    desktop-file-validate "$root/usr/share/applications/org.reliefapp.Relief.desktop"
    appstreamcli validate --no-net "$root/usr/share/metainfo/org.reliefapp.Relief.metainfo.xml"
    ;;
  run)
    root=$(unpack)
    trap 'rm -rf "$root"' EXIT
    cp "$src/examples/ny-sample.case.json" "$root/case.json"
    # Nothing from the source or build tree: no data folder given, a scratch
    # state folder and settings file inside the unpacked root.
    run() {
      env -u RELIEF_DATA_DIR -u RELIEF_FONT_DIR RELIEF_STATE_DIR="$root/var/lib/relief" \
        RELIEF_SETTINGS="$root/etc/relief/settings.json" RELIEF_TRUSTED_KEYS_DIR="$root/etc/relief/trusted-keys" \
        "$root/usr/bin/relief" "$@"
    }
    version=$(run --version)
    echo "$version"
    [[ "$version" == "relief "[0-9]* ]] || fail "unexpected --version output: $version"
    run check --case "$root/case.json"
    decision=$(run check --case "$root/case.json" --format json)
    python3 - "$decision" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
assert d["jurisdiction"] == "NY", d
assert d["records"], "no records decided"
assert all(r["outcome"] in ("eligible", "not_eligible", "needs_review", "incomplete") for r in d["records"]), d
print("decided %d record(s) with NY rules version %s" % (len(d["records"]), d["rules_version"]))
PY
    rules_dir=$(run admin show --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["rules_dir"])')
    [ "$rules_dir" = "$root/usr/share/relief/rules" ] || fail "rules came from $rules_dir, not the package"
    run rules validate
    ;;
  *)
    fail "unknown step $step"
    ;;
esac
