// Trunk post_build hook: joins the stylesheets Trunk wrote (one per `<link data-trunk
// rel="css">` of index.html, each render-blocking) into one file, in their order, and links
// that one file with its Subresource Integrity hash. A first visit then waits for one
// stylesheet request instead of nineteen before the first paint (docs/performance.md, "The
// first paint"); the sources stay one file per concern under style/.
//
// Must run before scripts/csp-hash.mjs and scripts/offline-manifest.mjs (Trunk.toml chains
// them). Running it again over its own output changes nothing (one stylesheet is left alone).
//
// Usage: TRUNK_STAGING_DIR=dist node scripts/css-bundle.mjs
import { createHash } from "node:crypto";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("css-bundle: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}
const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
/** Trunk's stylesheet links, as it writes them: `<link rel="stylesheet" href="./x.css" …/>`. */
const LINK = /[ \t]*<link rel="stylesheet" href="\.\/([^"/]+\.css)"[^>]*\/?>\n?/g;
const links = [...html.matchAll(LINK)];
if (links.length < 2) {
  console.log(`css-bundle: ${links.length} stylesheet(s), nothing to join`);
  process.exit(0);
}

const css = links
  .map(([, file]) => `/* ${file.replace(/-[0-9a-f]{16}\.css$/, ".css")} */\n${readFileSync(join(dir, file), "utf8").trim()}\n`)
  .join("\n");
const hex = createHash("sha256").update(css).digest("hex").slice(0, 16);
const bundle = `app-${hex}.css`;
const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
writeFileSync(join(dir, bundle), css);
for (const [, file] of links) unlinkSync(join(dir, file));

// The joined file takes the first stylesheet's place; the others' links go.
let first = true;
const out = html.replace(LINK, () => {
  if (!first) return "";
  first = false;
  return `<link rel="stylesheet" href="./${bundle}" integrity="${integrity}"/>\n`;
});
writeFileSync(indexPath, out);
console.log(`css-bundle: ${links.length} stylesheets joined into ${bundle} (${css.length} bytes)`);
