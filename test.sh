#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit, rules
# scenarios, CLI, PDF checks and the wizard under Xvfb; then the core tests
# again under AddressSanitizer + UndefinedBehaviorSanitizer.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

./installer/deps-debian.sh

jobs=$(nproc 2>/dev/null || echo 2)

echo "== Release build (warnings are errors) =="
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
echo "== Tests =="
ctest --preset ci -j "$jobs"

if [ "${RELIEF_SKIP_ASAN:-0}" != "1" ]; then
  echo "== Sanitizer build (core, CLI, rules, PDF tests) =="
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan -j "$jobs"
fi

if [ "${RELIEF_SKIP_FUZZ:-0}" != "1" ]; then
  echo "== Fuzzing (clang, libFuzzer + ASan + UBSan), 30 s per target =="
  tests/fuzz/run.sh 30
fi
