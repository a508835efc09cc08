// Trunk post_build hook: splits the release wasm into the first screen's module and chunks
// loaded on first use (docs/performance.md, "The split"). Runs only for a release build made
// with the `split` feature (scripts/build-release.sh sets TRUNK_BUILD_FEATURES=split and the
// RUSTFLAGS the splitter needs); any other build is left as Trunk made it.
//
// Trunk 0.21 has no step between cargo and wasm-bindgen (trunk-rs/trunk#1022), so this redoes
// what follows cargo on the wasm Trunk's cargo build left in target/: wasm-split-cli cuts it,
// wasm-bindgen binds the main module, wasm-opt shrinks every part, and the results replace
// Trunk's staged `smsc-<hash>.js` and `smsc-<hash>_bg.wasm` (same names, so Trunk's loader
// script and the CSP hash stay valid) with the chunks and their loader `__wasm_split.js`
// beside them; the integrity attributes of index.html are recomputed. Must run before
// scripts/csp-hash.mjs and scripts/offline-manifest.mjs (Trunk.toml chains them).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const features = (process.env.TRUNK_BUILD_FEATURES ?? "").split(/[ ,]+/);
if (process.env.TRUNK_PROFILE !== "release" || !features.includes("split")) {
  process.exit(0);
}
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("split-wasm: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, "target");
const input = join(targetDir, "wasm32-unknown-unknown", "release", "smsc.wasm");

const staged = readdirSync(staging);
const js = staged.find((f) => /^smsc-[0-9a-f]+\.js$/.test(f));
const wasm = staged.find((f) => /^smsc-[0-9a-f]+_bg\.wasm$/.test(f));
if (!js || !wasm) {
  console.error(`split-wasm: Trunk's smsc-<hash>.js / _bg.wasm not found in ${staging}`);
  process.exit(1);
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
const work = mkdtempSync(join(tmpdir(), "smsc-split-"));
try {
  const split = join(work, "split");
  const bound = join(work, "bound");
  run("wasm-split-cli", ["--target", "web", "--out-name", "main", input, split]);
  run("wasm-bindgen", [
    "--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle",
    "--out-name", "main", "--out-dir", bound, join(split, "main.wasm"),
  ]);
  const chunks = readdirSync(split).filter((f) => /^(chunk|split)_.*\.wasm$/.test(f));
  const parts = [[join(bound, "main_bg.wasm"), wasm], ...chunks.map((f) => [join(split, f), f])];
  for (const [from, to] of parts) {
    run("wasm-opt", [
      "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
      "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
      from, "-o", join(staging, to),
    ]);
  }
  copyFileSync(join(bound, "main.js"), join(staging, js));
  // The chunks' loader imports the main module's `initSync` as ./main.js: Trunk's name.
  const loader = readFileSync(join(split, "__wasm_split.js"), "utf8");
  if (!loader.includes("./main.js")) throw new Error("__wasm_split.js no longer imports ./main.js");
  writeFileSync(join(staging, "__wasm_split.js"), loader.replaceAll("./main.js", `./${js}`));

  // index.html preloads the js and wasm with Subresource Integrity: the hashes of the new files.
  const indexPath = join(staging, "index.html");
  let html = readFileSync(indexPath, "utf8");
  for (const file of [js, wasm]) {
    const digest = createHash("sha384").update(readFileSync(join(staging, file))).digest("base64");
    const link = new RegExp(`(href="\\./${file.replace(/[.]/g, "\\.")}"[^>]*integrity=")sha384-[^"]+(")`);
    if (!link.test(html)) throw new Error(`index.html has no integrity attribute for ${file}`);
    html = html.replace(link, `$1sha384-${digest}$2`);
  }
  writeFileSync(indexPath, html);

  const gz = (file) => gzipSync(readFileSync(join(staging, file)), { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const sizes = [js, wasm, "__wasm_split.js", ...chunks].map((f) => `${f} ${kb(gz(f))}`);
  console.log(`split-wasm: ${chunks.length} chunk(s); gzip: ${sizes.join(", ")}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
