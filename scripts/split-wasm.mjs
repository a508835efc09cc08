// Trunk post_build hook: splits the release wasm into the first screen's module and chunks
// loaded on first use (docs/performance.md, "The split"), for a release build made with the
// `split` feature (scripts/build-release.sh sets TRUNK_BUILD_FEATURES=split and the RUSTFLAGS
// the splitter needs). A release build without it only gets its wasm optimised here. Debug
// builds are left as Trunk made them.
//
// Trunk's own wasm-opt is off (`data-wasm-opt="0"` in index.html): in a split build it would
// optimise the whole wasm only for this hook to throw the result away (about a minute). So
// this hook runs wasm-opt on every wasm of a release build, two or more at a time.
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
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

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

/** Runs wasm-opt on every [from, to] pair, as many at a time as there are cores. */
async function optimise(pairs) {
  const queue = [...pairs];
  const worker = async () => {
    for (let pair = queue.shift(); pair; pair = queue.shift()) {
      const [from, to] = pair;
      await promisify(execFile)("wasm-opt", [...OPT, from, "-o", to]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
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
    // The main module first: the longest job, so the chunks fill the other cores meanwhile.
    const pairs = [[join(bound, "main_bg.wasm"), wasm], ...chunks.map((f) => [join(cut, f), f])];
    await optimise(pairs.map(([from, to]) => [from, join(staging, to)]));
    copyFileSync(join(bound, "main.js"), join(staging, js));
    // The chunks' loader imports the main module's `initSync` as ./main.js: Trunk's name.
    const loader = readFileSync(join(cut, "__wasm_split.js"), "utf8");
    if (!loader.includes("./main.js")) throw new Error("__wasm_split.js no longer imports ./main.js");
    writeFileSync(join(staging, "__wasm_split.js"), loader.replaceAll("./main.js", `./${js}`));
  } else {
    const unoptimised = join(work, wasm);
    copyFileSync(join(staging, wasm), unoptimised);
    await optimise([[unoptimised, join(staging, wasm)]]);
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
