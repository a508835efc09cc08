// axe-core's browser build (from npm, no download), to be evaluated inside a page; the pages
// are opened with `bypassCSP` for it, the app's own CSP stays as it is.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);

/** The source of `axe.min.js`. */
export const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
