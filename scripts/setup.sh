#!/usr/bin/env bash
# Installs whatever this project needs and is missing; skips what is present at the right
# version. Safe to run again and again. Used by scripts/serve.sh and scripts/test.sh.
#
#   rustup target wasm32-unknown-unknown
#   trunk 0.21.14                 (cargo install --locked)
#   wasm-bindgen-cli = Cargo.lock (cargo install; provides wasm-bindgen-test-runner too)
#   cargo-fuzz 0.13.2             (cargo install --locked; scripts/test.sh's fuzz stage)
#   wasm-split-cli 0.2.4          (cargo install wasm_split_cli_support --locked; the release
#                                  build's wasm split, scripts/build-release.sh)
#   binaryen 132, playwright-core, axe-core, lighthouse (npm, into ./node_modules, not global)
#   chromium + chromium-driver    (apt, Debian's; tools never download their own browser)
#   poppler-utils                 (apt: pdftotext, pdftoppm for the print test)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.21.14"
CARGO_FUZZ_VERSION="0.13.2"
WASM_SPLIT_VERSION="0.2.4"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

# The wasm-bindgen version the build uses, read from Cargo.lock (the CLI must match it exactly).
wasm_bindgen_locked() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-split-cli has no --version: cargo's own record of installed crates says which is there.
if command -v wasm-split-cli >/dev/null &&
   cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (wasm_split_cli_support)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi
if [ "$(cargo fuzz --version 2>/dev/null || true)" = "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "cargo-fuzz $CARGO_FUZZ_VERSION: present"
else
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

WBG="$(wasm_bindgen_locked)"
if [ -z "$WBG" ]; then
  say "Cargo.lock has no wasm-bindgen entry; run 'cargo generate-lockfile' first" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WBG" ] &&
   command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $WBG: present"
else
  say "installing wasm-bindgen-cli $WBG (must equal Cargo.lock)"
  # Not --locked: one of its locked dependencies is not served by this registry mirror.
  cargo install wasm-bindgen-cli --version "$WBG" --force
fi
if ! grep -q "wasm_bindgen = \"$WBG\"" Trunk.toml; then
  say "Trunk.toml pins a wasm_bindgen other than Cargo.lock's $WBG: update [tools] in Trunk.toml" >&2
  exit 1
fi

# True when every devDependency of package.json is installed at exactly its pinned version.
npm_tools_present() {
  node -e '
    const fs = require("fs");
    const want = JSON.parse(fs.readFileSync("package.json", "utf8")).devDependencies;
    for (const [name, version] of Object.entries(want)) {
      try {
        const got = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, "utf8")).version;
        if (got !== version) process.exit(1);
      } catch { process.exit(1); }
    }' 2>/dev/null && [ -x node_modules/.bin/wasm-opt ]
}
if npm_tools_present; then
  say "npm tools (binaryen, playwright-core, axe-core, lighthouse): present"
else
  say "installing npm tools into ./node_modules"
  npm ci --no-audit --no-fund
fi

if command -v chromium >/dev/null && command -v chromedriver >/dev/null &&
   command -v pdftotext >/dev/null; then
  say "chromium + chromedriver + poppler-utils: present ($(chromium --version 2>/dev/null | head -n1))"
else
  # poppler-utils: pdftotext and pdftoppm, for the print test's PDF checks.
  say "installing Debian's chromium, chromium-driver and poppler-utils"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils
fi
say "ready"
