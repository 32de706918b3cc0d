/* The membership card's service worker: the card and the card checker keep working
   without a network. Network first (always the freshest card), the cached copy when
   offline. Signing out deletes the cached card (phones are often shared). */
const CACHE = "member-card-v1";
const PRECACHE = {{ precache|safe }};
const KEPT = [/^\/[a-z-]+\/members\/card\/(portrait\/)?$/, /^\/card\/verify\/$/, /^\/card\/revoked\.json$/, /^\/static\//];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  if (event.request.method === "POST" && /\/accounts\/logout\/$/.test(url.pathname)) {
    event.respondWith(caches.delete(CACHE).then(() => fetch(event.request)));
    return;
  }
  if (event.request.method !== "GET" || !KEPT.some((pattern) => pattern.test(url.pathname))) return;
  // The checker is cached without its token: the page reads the token itself.
  const key = url.pathname === "/card/verify/" ? "/card/verify/" : event.request;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        // A checked token's page is not kept: the cached checker must be the blank one.
        if (response.ok && !response.redirected && !(key === "/card/verify/" && url.search)) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(key, copy));
        }
        return response;
      })
      .catch(() => caches.match(key, { ignoreSearch: true }).then((cached) => cached || Response.error()))
  );
});
