#!/usr/bin/env bash
# The release build, split: `trunk build --release` with the `split` feature and the flags the
# wasm splitter needs; Trunk's post-build hook (scripts/split-wasm.mjs) then cuts the wasm into
# the first screen's module and the chunks loaded on first use (docs/performance.md, "The
# split"). Extra arguments go to trunk (e.g. --dist /tmp/dist). `trunk serve` and the
# wasm-bindgen tests build unsplit, without this script.
#
# The flags differ from an unsplit release build's, so cargo keeps this build's compiled
# crates apart (target/split): switching between the two never rebuilds everything.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_BUILD_FEATURES=split
export RUSTFLAGS="--cfg erase_components -Clink-args=--emit-relocs"
export CARGO_TARGET_DIR="$PWD/target/split"
exec trunk build --release "$@"
