// Trunk post_build hook: writes the list of this build's files, each with its sha256, and a
// cache version (a hash of that list) into the staged service worker (sw.js), between its
// `@precache-begin` and `@precache-end` lines. The service worker precaches exactly these
// files under that version, so each build is cached as a whole or not at all. The parts of a
// split build (`chunk_*.wasm`, `split_*.wasm`, loaded on first use) are marked `later`: the
// worker stores them once the first screen is interactive, not while it loads.
//
// Must run after every hook that changes staged files (scripts/csp-hash.mjs writes into
// index.html): Trunk runs the hooks of one stage at the same time, so Trunk.toml chains the
// two in one hook. Running it again over the same folder gives the same result.
//
// Usage: TRUNK_STAGING_DIR=dist node scripts/offline-manifest.mjs
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const SW = "sw.js";
/** The parts of a split build, loaded on first use (scripts/split-wasm.mjs). */
const LATER = /^(chunk|split)_[^/]*\.wasm$/;
const BEGIN = /^\/\/ @precache-begin.*$/m;
const REGION = /(^\/\/ @precache-begin.*\n)[\s\S]*?(^\/\/ @precache-end)/m;

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("offline-manifest: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}

/** Every file under `root`, as URL paths relative to it, sorted. */
function files(root, at = root) {
  return readdirSync(at, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(at, entry.name);
      if (entry.isDirectory()) return files(root, path);
      return entry.isFile() ? [relative(root, path).split(sep).join("/")] : [];
    })
    .sort();
}

const swPath = join(dir, SW);
let sw;
try {
  sw = readFileSync(swPath, "utf8");
} catch {
  console.error(`offline-manifest: no ${SW} in ${dir} (is static/sw.js copied by index.html?)`);
  process.exit(1);
}
if (!BEGIN.test(sw) || !REGION.test(sw)) {
  console.error(`offline-manifest: ${SW} has no @precache-begin / @precache-end region`);
  process.exit(1);
}

const precache = files(dir)
  .filter((path) => path !== SW && !path.startsWith("."))
  .map((path) => {
    const digest = createHash("sha256").update(readFileSync(join(dir, path))).digest("base64");
    const entry = { url: encodeURI(path), integrity: `sha256-${digest}` };
    return LATER.test(path) ? { ...entry, later: true } : entry;
  });
const version = createHash("sha256")
  .update(precache.map((f) => `${f.url} ${f.integrity}`).join("\n"))
  .digest("hex")
  .slice(0, 16);

const list = precache.map((f) => `  ${JSON.stringify(f)},`).join("\n");
const region = `const VERSION = "${version}";\nconst PRECACHE = [\n${list}\n];\n`;
writeFileSync(swPath, sw.replace(REGION, (_, begin, end) => begin + region + end));
const later = precache.filter((f) => f.later).length;
console.log(
  `offline-manifest: ${precache.length} file(s) precached as version ${version}, ${later} of them after the first screen`,
);
