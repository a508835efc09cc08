// The Social Media Scorecard's service worker: once the page has been opened, it loads and
// works with no network.
//
// - install: precaches the first screen's files of this build (the list below, written by
//   scripts/offline-manifest.mjs after each build; entries marked `later` are the parts of
//   the app loaded on first use) into a cache named by the build's version, so a first visit
//   does not fetch the whole app while its first screen loads. An update's install (an older
//   build is active) takes every file at once: no first screen waits for it then. Each file is
//   fetched with its sha256 as Subresource Integrity, revalidated with the host (never an
//   unchecked copy of the browser's HTTP cache), so a cache never mixes two builds (say, when
//   the host is updated halfway): then the install fails, and is retried on a later visit.
// - message "precache-later": the page sends it once its first screen is interactive
//   (src/ui/app/offline.rs); the worker stores the parts still missing, a few at a time, and
//   answers the page with { precached: "complete" } or { precached: "incomplete" } (a part
//   that could not be fetched is tried again at the next visit). The page shows "Ready
//   offline" only then.
// - fetch: the page itself (the folder's root, index.html) network first, falling back to the
//   cached copy; the build's other files (content-hashed names) cache first, and a part not
//   yet stored is stored on the way. Anything else goes to the network untouched.
// - activate: deletes the caches of older builds. On the very first install (no older build
//   cached) it takes over the open pages (clients.claim): they run this very build, and so a
//   part they load later is served and kept by the worker, also when the network drops
//   during that first visit.
//
// No skipWaiting(), and no claim over a page of an older build: a new build waits until the
// next visit (every tab of the app closed), so a running workshop is never switched to other
// files under the facilitator's hands. The page shows "An update will be used on your next
// visit" meanwhile.

// @precache-begin: written by scripts/offline-manifest.mjs at each build; do not edit.
const VERSION = "unbuilt";
const PRECACHE = [];
// @precache-end

const PREFIX = "smsc-";
const CACHE = PREFIX + VERSION;
const SCOPE = new URL(self.registration.scope);
const PAGE = new URL("index.html", SCOPE).href;
const ENTRIES = new Map(PRECACHE.map((entry) => [new URL(entry.url, SCOPE).href, entry]));
/** How many parts are fetched at the same time after the first screen. */
const LATER_AT_ONCE = 4;

self.addEventListener("install", (event) => {
  const update = self.registration.active != null;
  event.waitUntil(precache(update ? PRECACHE : PRECACHE.filter((entry) => !entry.later)));
});

/** Stores `entries` as a whole, or nothing: a failed install leaves no half-filled cache. */
async function precache(entries) {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(entries.map((entry) => store(cache, entry)));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/** Fetches `entry` from the host, checked against its hash, into `cache`; the response. */
async function store(cache, { url, integrity }) {
  const request = new Request(new URL(url, SCOPE), { cache: "no-cache", integrity });
  const response = await fetch(request);
  if (!response.ok) throw new Error(`precache: ${response.status} for ${request.url}`);
  await cache.put(request, response.clone());
  return response;
}

self.addEventListener("message", (event) => {
  if (event.data !== "precache-later") return;
  event.waitUntil(
    precacheLater().then((complete) =>
      event.source?.postMessage({ precached: complete ? "complete" : "incomplete" }),
    ),
  );
});

/** Stores the parts still missing from this build's cache; true when every file is there. */
async function precacheLater() {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const [key, entry] of ENTRIES) {
    if (!(await cache.match(key))) missing.push(entry);
  }
  let complete = true;
  const work = async () => {
    for (let entry = missing.shift(); entry; entry = missing.shift()) {
      try {
        await store(cache, entry);
      } catch {
        complete = false;
      }
    }
  };
  await Promise.all(Array.from({ length: LATER_AT_ONCE }, work));
  return complete;
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then(async (keys) => {
      const older = keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      await Promise.all(older.map((k) => caches.delete(k)));
      if (older.length === 0) await self.clients.claim();
    }),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  const bare = url.origin + url.pathname;
  if (bare === SCOPE.href || bare === PAGE) {
    event.respondWith(pageNetworkFirst(request));
  } else if (ENTRIES.has(bare)) {
    event.respondWith(cacheFirst(request, bare));
  }
});

/** The page from the network; without network, the copy of this build. */
async function pageNetworkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.open(CACHE).then((cache) => cache.match(PAGE));
    if (cached) return cached;
    throw error;
  }
}

/** A file of this build from its cache; from the host when (still) missing there, kept. */
async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  try {
    return await store(cache, ENTRIES.get(key));
  } catch {
    return fetch(request);
  }
}
