// Stored scorecards are packed (storage layout 2, src/library/packing.rs):
// "smsc-zlib1:" + base64url(zlib(compact file envelope)). Plain JSON (layout 1) is read as is.
import { inflateSync } from "node:zlib";

export const PACKED_MARKER = "smsc-zlib1:";

/** The scorecard file text a stored text holds; `null` stays `null`. */
export function unpackStored(text) {
  if (text === null || text === undefined) return text;
  if (!text.startsWith(PACKED_MARKER)) return text;
  return inflateSync(Buffer.from(text.slice(PACKED_MARKER.length), "base64url")).toString("utf8");
}

/** The stored scorecard file, parsed. */
export function parseStored(text) {
  return JSON.parse(unpackStored(text));
}
