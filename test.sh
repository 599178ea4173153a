#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit, rules
# scenarios, CLI, PDF, package, privacy and the wizard under Xvfb; then the
# same without the GUI under AddressSanitizer + UndefinedBehaviorSanitizer;
# then every fuzz target for a bounded time. Exits non-zero on any failure
# and ends with one line counting what passed.
set -euo pipefail
cd "$(dirname "$0")"

./installer/deps-debian.sh

jobs=$(nproc 2>/dev/null || echo 2)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== Release build (warnings are errors) =="
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
echo "== Tests =="
ctest --preset ci -j "$jobs" 2>&1 | tee -a "$log"

if [ "${RELIEF_SKIP_ASAN:-0}" != "1" ]; then
  echo "== Sanitizer build (core, CLI, rules, PDF tests) =="
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan -j "$jobs" 2>&1 | tee -a "$log"
fi

if [ "${RELIEF_SKIP_FUZZ:-0}" != "1" ]; then
  echo "== Fuzzing (clang, libFuzzer + ASan + UBSan), 30 s per target =="
  tests/fuzz/run.sh 30 2>&1 | tee -a "$log"
fi

# Any failure above has already stopped the script (set -e, pipefail).
total=$(grep -oE 'tests failed out of [0-9]+' "$log" | awk '{s += $5} END {print s + 0}')
fuzz=$(grep -cE '^fuzz_[a-z]+: [0-9]+ executions, .* no crash$' "$log" || true)
echo "test.sh: $((total + fuzz)) passed, 0 failed"
