// Trunk post_build hook: computes the sha256 of every inline <script> in the staged
// index.html and writes them into the Content-Security-Policy meta tag in place of
// __INLINE_SCRIPT_HASHES__, so script-src needs no 'unsafe-inline'.
//
// Except in a development build (`trunk serve`, TRUNK_PROFILE "debug"): there Trunk adds its
// live-reload script, whose text it completes per request (the server's address), after
// this hook has run, so no hash written here can match it. A development build therefore
// allows inline scripts ('unsafe-inline'); every release build keeps the hashes.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp-hash: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)");
  process.exit(1);
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  const digest = createHash("sha256").update(match[1], "utf8").digest("base64");
  hashes.push(`'sha256-${digest}'`);
}
if (!html.includes("__INLINE_SCRIPT_HASHES__")) {
  console.error("csp-hash: index.html has no __INLINE_SCRIPT_HASHES__ placeholder");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE === "release") {
  writeFileSync(file, html.replace("__INLINE_SCRIPT_HASHES__", hashes.join(" ")));
  console.log(`csp-hash: allowed ${hashes.length} inline script(s) by hash`);
} else {
  writeFileSync(file, html.replace("__INLINE_SCRIPT_HASHES__", "'unsafe-inline'"));
  console.log("csp-hash: development build, inline scripts allowed (Trunk's live reload)");
}
