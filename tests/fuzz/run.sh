#!/usr/bin/env bash
# Builds the libFuzzer targets with clang + ASan + UBSan in build/fuzz and
# runs each for the given number of seconds (default 30) on its checked-in
# corpus. New inputs go to build/fuzz/corpus/, crashes to
# build/fuzz/artifacts/. Exits non-zero on any crash, hang, leak or
# out-of-memory. Usage: tests/fuzz/run.sh [seconds] [target…]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(case rules logic settings)
build=build/fuzz
jobs="${RELIEF_FUZZ_JOBS:-1}"

flags="-fno-omit-frame-pointer"  # sanitizers are set per target in tests/fuzz/CMakeLists.txt
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$flags" \
  -DRELIEF_FUZZ=ON -DRELIEF_BUILD_GUI=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

max_len() {
  case "$1" in
    rules) echo 65536 ;;   # a real rules file is up to ~32 KB
    case) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

status=0
summary=()
for t in "${targets[@]}"; do
  work="$build/corpus/$t"
  art="$build/artifacts/$t/"
  mkdir -p "$work" "$art"
  log="$build/fuzz_$t.log"
  echo "== fuzz_$t for ${seconds}s =="
  if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/bin/fuzz_$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 \
      -rss_limit_mb=1024 -print_final_stats=1 -artifact_prefix="$art" \
      "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    summary+=("fuzz_$t: ${runs:-?} executions, ${rate:-?} exec/s, no crash")
  else
    status=1
    summary+=("fuzz_$t: FAILED (see $log and $art)")
    grep -E "ERROR|SUMMARY|runtime error" "$log" | head -5 || true
  fi
done
printf '%s\n' "${summary[@]}"
exit $status
