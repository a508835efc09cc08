// scripts/csp-hash.mjs, the post-build hook that fills in index.html's Content-Security-Policy:
// a release build allows exactly its inline scripts, by their sha256; a development build
// (`trunk serve`) allows inline scripts, because Trunk completes its live-reload script per
// request after the hook has run (so no hash could match it). No browser needed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const HOOK = new URL("../../scripts/csp-hash.mjs", import.meta.url).pathname;
const LOADER = "import init from './smsc.js'; await init();";
const RELOAD = "const address = '{{__TRUNK_ADDRESS__}}';";
const PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="script-src 'self' __INLINE_SCRIPT_HASHES__; style-src 'self'">
<script type="module">${LOADER}</script><script src="./other.js"></script>
</head><body><script>${RELOAD}</script></body></html>`;

/** The script-src of the page the hook leaves for a build of `profile`. */
function scriptSrc(profile) {
  const dir = mkdtempSync(join(tmpdir(), "csp-hook-"));
  writeFileSync(join(dir, "index.html"), PAGE);
  execFileSync(process.execPath, [HOOK], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: profile },
  });
  const html = readFileSync(join(dir, "index.html"), "utf8");
  assert.ok(!html.includes("__INLINE_SCRIPT_HASHES__"), "the placeholder is replaced");
  return html.match(/script-src ([^;"]*)/)[1].trim();
}

const sha = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

test("a release build allows its inline scripts by hash, never 'unsafe-inline'", () => {
  assert.equal(scriptSrc("release"), `'self' ${sha(LOADER)} ${sha(RELOAD)}`);
});

test("a development build allows inline scripts, for Trunk's live reload", () => {
  assert.equal(scriptSrc("debug"), "'self' 'unsafe-inline'");
});
