// Trunk post_build hook: splits the release wasm into the first screen's module and chunks
// loaded on first use (docs/performance.md, "The split"), for a release build made with the
// `split` feature (scripts/build-release.sh sets TRUNK_BUILD_FEATURES=split and the RUSTFLAGS
// the splitter needs). A release build without it only gets its wasm optimised here. Debug
// builds are left as Trunk made them.
//
// Trunk's own wasm-opt is off (`data-wasm-opt="0"` in index.html): in a split build it would
// optimise the whole wasm only for this hook to throw the result away (about a minute). So
// this hook optimises every wasm of a release build (binaryen's `-Oz`): the main module with
// the wasm-opt command, and meanwhile the ≈ 150 parts in this process through binaryen's own
// API, since each wasm-opt command spends ≈ 0.6 s starting (it is binaryen compiled to wasm
// and run by Node): ≈ 12 s instead of ≈ 100 s for the parts.
//
// Trunk 0.21 has no step between cargo and wasm-bindgen (trunk-rs/trunk#1022), so this redoes
// what follows cargo on the wasm Trunk's cargo build left in target/: wasm-split-cli cuts it,
// wasm-bindgen binds the main module, wasm-opt shrinks every part, and the results replace
// Trunk's staged `smsc-<hash>.js` and `smsc-<hash>_bg.wasm` (same names, so Trunk's loader
// script and the CSP hash stay valid) with the chunks and their loader `__wasm_split.js`
// beside them; the integrity attributes of index.html are recomputed. Must run before
// scripts/csp-hash.mjs and scripts/offline-manifest.mjs (Trunk.toml chains them).
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import binaryen from "binaryen";

const features = (process.env.TRUNK_BUILD_FEATURES ?? "").split(/[ ,]+/);
if (process.env.TRUNK_PROFILE !== "release") {
  process.exit(0);
}
const split = features.includes("split");
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
const OPT = [
  "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
];

/** `wasm-opt -Oz` from `from` to `to`, in a process of its own. */
const optimiseApart = (from, to) => promisify(execFile)("wasm-opt", [...OPT, from, "-o", to]);

/** The same as OPT, through binaryen's API in this process, for every [from, to] pair. */
function optimiseHere(pairs) {
  const F = binaryen.Features;
  const features = F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt |
    F.MutableGlobals | F.ReferenceTypes | F.Multivalue;
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2);
  binaryen.setDebugInfo(false);
  // Each part has a kind of name section binaryen does not know and says so (harmless: the
  // names are dropped anyway); keep those ≈ 150 lines out of the build's log.
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk, ...rest) =>
    /^warning: unknown name subsection/.test(String(chunk)) || write(chunk, ...rest);
  try {
    optimiseEach(pairs, features);
  } finally {
    process.stderr.write = write;
  }
}

/** optimiseHere's loop: reads, optimises and writes each part. */
function optimiseEach(pairs, features) {
  for (const [from, to] of pairs) {
    const module = binaryen.readBinary(readFileSync(from));
    try {
      module.setFeatures(features);
      module.optimize();
      writeFileSync(to, module.emitBinary());
    } finally {
      module.dispose();
    }
  }
}

const work = mkdtempSync(join(tmpdir(), "smsc-split-"));
let chunks = [];
try {
  if (split) {
    const cut = join(work, "split");
    const bound = join(work, "bound");
    run("wasm-split-cli", ["--target", "web", "--out-name", "main", input, cut]);
    run("wasm-bindgen", [
      "--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle",
      "--out-name", "main", "--out-dir", bound, join(cut, "main.wasm"),
    ]);
    chunks = readdirSync(cut).filter((f) => /^(chunk|split)_.*\.wasm$/.test(f));
    // The main module, the longest job, on another core while the parts are done here.
    const main = optimiseApart(join(bound, "main_bg.wasm"), join(staging, wasm));
    main.catch(() => {}); // awaited below, after the parts
    optimiseHere(chunks.map((f) => [join(cut, f), join(staging, f)]));
    await main;
    copyFileSync(join(bound, "main.js"), join(staging, js));
    // The chunks' loader imports the main module's `initSync` as ./main.js: Trunk's name.
    const loader = readFileSync(join(cut, "__wasm_split.js"), "utf8");
    if (!loader.includes("./main.js")) throw new Error("__wasm_split.js no longer imports ./main.js");
    writeFileSync(join(staging, "__wasm_split.js"), loader.replaceAll("./main.js", `./${js}`));
  } else {
    const unoptimised = join(work, wasm);
    copyFileSync(join(staging, wasm), unoptimised);
    await optimiseApart(unoptimised, join(staging, wasm));
  }

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
  const loaders = split ? ["__wasm_split.js"] : [];
  const sizes = [js, wasm, ...loaders, ...chunks].map((f) => `${f} ${kb(gz(f))}`);
  console.log(`split-wasm: ${chunks.length} chunk(s); gzip: ${sizes.join(", ")}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
