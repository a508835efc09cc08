// A tiny static file server for dist/, mounted under a sub-path (as on a project page) to
// prove the build needs neither root-relative URLs nor a server-side SPA fallback.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

// The built app; E2E_DIST points elsewhere (e.g. a second build while another run uses dist/).
export const DIST = process.env.E2E_DIST
  ? resolve(process.env.E2E_DIST)
  : resolve(new URL("../../../dist", import.meta.url).pathname);
export const SUB_PATH = "/team/scorecard/";

/**
 * Serves `root` under `prefix` on 127.0.0.1 (random port); resolves to { url, close, sent }.
 * `files` adds or replaces files (path under the prefix → Buffer or string). With `gzip`,
 * responses are gzip-compressed (level 9) when the browser accepts it, as a static host does.
 * Like a static host (GitHub Pages, Netlify), every file has an ETag and may be kept by the
 * browser only if revalidated (`no-cache`): an unchanged file is answered `304` with no body.
 * `sent()` lists every response as { path, bytes, status, at } with the bytes on the wire and
 * the time it was sent (ms since the epoch).
 */
export async function serveDist({ root = DIST, prefix = SUB_PATH, files = {}, gzip = false } = {}) {
  const log = [];
  const packed = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end("not under " + prefix);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
    rel = normalize(rel).replace(/^(\.\.[/\\])+/, "");
    try {
      let body = rel in files ? Buffer.from(files[rel]) : await readFile(join(root, rel));
      const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
      const headers = {
        "content-type": TYPES[extname(rel)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        etag,
      };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers).end();
        log.push({ path: rel, bytes: 0, status: 304, at: Date.now() });
        return;
      }
      if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!packed.has(rel)) packed.set(rel, gzipSync(body, { level: 9 }));
        body = packed.get(rel);
        headers["content-encoding"] = "gzip";
        headers.vary = "accept-encoding";
      }
      res.writeHead(200, headers);
      res.end(body);
      log.push({ path: rel, bytes: body.length, status: 200, at: Date.now() });
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    sent: () => [...log],
    close: () => new Promise((ok) => server.close(ok)),
  };
}
