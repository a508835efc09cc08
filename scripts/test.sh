#!/usr/bin/env bash
# Installs whatever is missing, then runs every check and every test layer:
#   1. cargo fmt --check
#   2. cargo clippy --all-targets -D warnings (native, and for wasm32 where the UI lives)
#   3. native `cargo test` (the pure model)
#   4. a 60-second cargo-fuzz run of the file import (fuzz/fuzz_targets/import.rs) and, at the
#      same time (libFuzzer uses one core), one of the platform export reader
#      (fuzz/fuzz_targets/export.rs)
#   5. wasm-bindgen-test in headless Chromium (components, storage)
#   6. the split release build (scripts/build-release.sh), then end-to-end tests in headless Chromium (playwright-core)
#   7. a smoke run of the benchmark suite (scripts/bench.sh --smoke)
# Every stage runs even when an earlier one failed (except e2e, which needs the build);
# the script exits non-zero when any failed. Each runner prints its own summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-60}"

failed=()
stage() {
  local name="$1"; shift
  local start=$SECONDS
  printf '\n==> %s\n' "$name"
  if "$@"; then
    printf '==> %s: ok (%ss)\n' "$name" "$((SECONDS - start))"
  else
    printf '==> %s: FAILED (%ss)\n' "$name" "$((SECONDS - start))"
    failed+=("$name")
    return 1
  fi
}

stage "format" cargo fmt --all --check
stage "clippy (native)" cargo clippy --all-targets -- -D warnings
stage "clippy (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
stage "native tests" cargo test
# The import fuzz target for 60 seconds. cargo-fuzz builds with -Zsanitizer=address, a
# nightly flag: RUSTC_BOOTSTRAP=1 allows it on the stable toolchain. New inputs go to
# fuzz/corpus/import (kept between runs, not committed); the frozen scorecard files seed it
# and are only read. A crash fails the stage and leaves its input in fuzz/artifacts/import.
# libFuzzer reports every new input: its output goes to target/fuzz-import.log, and the stage
# prints the last lines (the run count), or more of it when the run failed.
fuzz_import() {
  local log="$PWD/target/fuzz-import.log"
  mkdir -p target
  if (cd fuzz && mkdir -p corpus/import &&
    RUSTC_BOOTSTRAP=1 cargo fuzz run import corpus/import ../tests/fixtures/frozen \
      -- -max_total_time=60 -print_final_stats=1) >"$log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units)' "$log" || tail -n 3 "$log"
  else
    tail -n 60 "$log"
    return 1
  fi
}
# The platform export reader (CSV, .xls, .xlsx) for 60 seconds, the same way: new inputs go to
# fuzz/corpus/export, the real exports in tests/fixtures/platforms (read recursively; libFuzzer
# takes directories only) seed it and are only read; a crash is left in fuzz/artifacts/export.
fuzz_export() {
  local log="$PWD/target/fuzz-export.log"
  mkdir -p target
  if (cd fuzz && mkdir -p corpus/export &&
    RUSTC_BOOTSTRAP=1 cargo fuzz run export corpus/export ../tests/fixtures/platforms \
      -- -max_total_time=60 -print_final_stats=1) >"$log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units)' "$log" || tail -n 3 "$log"
  else
    tail -n 60 "$log"
    return 1
  fi
}
# Both at once: each fuzzes on one core, and the second's build overlaps the first's run.
fuzz_both() {
  local status=0 pid_import pid_export
  fuzz_import >"$PWD/target/fuzz-import.summary" 2>&1 &
  pid_import=$!
  fuzz_export >"$PWD/target/fuzz-export.summary" 2>&1 &
  pid_export=$!
  wait "$pid_import" || status=1
  wait "$pid_export" || status=1
  printf -- '-- import:\n'; cat "$PWD/target/fuzz-import.summary"
  printf -- '-- export:\n'; cat "$PWD/target/fuzz-export.summary"
  return "$status"
}
mkdir -p target
stage "fuzz (import and export, 60 s each, at the same time)" fuzz_both
# The browser suite: one wasm-bindgen-test binary (tests/browser/main.rs and its modules).
stage "browser tests (wasm-bindgen-test)" cargo test --target wasm32-unknown-unknown --test browser
if stage "release build (split)" bash scripts/build-release.sh; then
  stage "end-to-end tests (playwright-core, chromium)" node --test --test-concurrency=1 tests/e2e/
  # The benchmark suite, short and on a small scorecard: it must keep working; no time fails it.
  stage "benchmark smoke run" bash scripts/bench.sh --smoke --no-build
else
  failed+=("end-to-end tests and benchmark smoke run (not run: no release build)")
fi

printf '\n'
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED stages: %s\n' "${failed[*]}"
  exit 1
fi
printf 'All stages passed.\n'
