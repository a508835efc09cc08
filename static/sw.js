// The Social Media Scorecard's service worker: once the page has been opened, it loads and
// works with no network.
//
// - install: precaches every file of this build (the list below, written by
//   scripts/offline-manifest.mjs after each build) into a cache named by the build's version.
//   Each file is fetched with its sha256 as Subresource Integrity, so a cache never mixes two
//   builds (say, when the host is updated halfway): then the install fails, and is retried
//   on a later visit.
// - fetch: the page itself (the folder's root, index.html) network first, falling back to the
//   cached copy; the build's other files (content-hashed names) cache first. Anything else
//   goes to the network untouched.
// - activate: deletes the caches of older builds.
//
// No skipWaiting() and no clients.claim(): a new build waits until the next visit (every tab
// of the app closed), so a running workshop is never switched to other files under the
// facilitator's hands. The page shows "An update will be used on your next visit" meanwhile.

// @precache-begin: written by scripts/offline-manifest.mjs at each build; do not edit.
const VERSION = "unbuilt";
const PRECACHE = [];
// @precache-end

const PREFIX = "smsc-";
const CACHE = PREFIX + VERSION;
const SCOPE = new URL(self.registration.scope);
const PAGE = new URL("index.html", SCOPE).href;
const PRECACHED = new Set(PRECACHE.map((entry) => new URL(entry.url, SCOPE).href));

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      PRECACHE.map(async ({ url, integrity }) => {
        const request = new Request(new URL(url, SCOPE), { cache: "reload", integrity });
        const response = await fetch(request);
        if (!response.ok) throw new Error(`precache: ${response.status} for ${request.url}`);
        await cache.put(request, response);
      }),
    );
  } catch (error) {
    // Leave nothing half-filled behind; the next visit tries again.
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      ),
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
  } else if (PRECACHED.has(bare)) {
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

/** A file of this build from its cache; from the network when (still) missing there. */
async function cacheFirst(request, key) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(key));
  return cached ?? fetch(request);
}
