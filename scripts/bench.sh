#!/usr/bin/env bash
# The benchmark suite (docs/performance.md). Installs whatever is missing, builds the release
# bundle, generates the stress scorecard, runs the native benchmarks (criterion) and then the
# browser benchmark in headless Chromium, and prints one table. The figures are also written
# to target/perf/results.json.
#
#   bash scripts/bench.sh                 the full run (about 5 minutes on 2 cores, warm)
#   bash scripts/bench.sh --smoke         a short run on a small scorecard (CI: proves the
#                                         suite works; never fails on a time)
#   bash scripts/bench.sh --write-docs    the full run, and the table into docs/performance.md
#   bash scripts/bench.sh --no-build      reuse dist/ (e.g. right after scripts/build-release.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0 build=1 docs=0
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=1 ;;
    --no-build) build=0 ;;
    --write-docs) docs=1 ;;
    *) echo "bench.sh: unknown option $arg (see the comment at the top)" >&2; exit 2 ;;
  esac
done

bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
mkdir -p target/perf

if [ "$build" = 1 ]; then
  echo "==> release build"
  bash scripts/build-release.sh
fi

size=--full results=target/perf/results.json stress=target/perf/stress.json
criterion_args=()
if [ "$smoke" = 1 ]; then
  size=--smoke results=target/perf/smoke-results.json stress=target/perf/smoke.json
  # Few samples, short: the smoke run proves the benches run, it measures nothing.
  criterion_args=(--warm-up-time 0.1 --measurement-time 0.2 --sample-size 10)
  export SMSC_BENCH_SMOKE=1
fi

echo "==> stress scorecard ($size)"
cargo run --quiet --release --example stress_scorecard -- "$size" "$stress"

echo "==> cargo bench (criterion)"
# Only this run's figures end up in the table.
rm -rf target/criterion
cargo bench --quiet --bench scoring -- "${criterion_args[@]}" >target/perf/criterion.log 2>&1 ||
  { cat target/perf/criterion.log; exit 1; }

echo "==> browser benchmark (headless Chromium)"
node_args=(--stress "$stress" --out "$results" --criterion target/criterion)
[ "$smoke" = 1 ] && node_args+=(--smoke)
[ "$docs" = 1 ] && [ "$smoke" = 0 ] && node_args+=(--write-docs docs/performance.md)
node tests/perf/bench.mjs "${node_args[@]}"
