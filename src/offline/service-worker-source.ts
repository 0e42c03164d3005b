/**
 * The service worker's source, written at build time with the list of files to keep (the app
 * shell, its assets and its data): after one visit the app works with the network cut. Plain
 * JavaScript, kept here as text so that the build (vite.config.ts) can stamp the file list and a
 * version into it; a new version waits until the page asks it to take over ("Recharger").
 * @param files - paths relative to the app's root (`index.html`, `assets/…`, `data/…`)
 * @param version - changes whenever a file changes
 */
export function serviceWorkerSource(files: readonly string[], version: string): string {
  return `// carte-formation-emploi: offline copy of the app (generated at build time)
const CACHE = ${JSON.stringify(`carte-${version}`)};
const FILES = ${JSON.stringify(files)};
const scoped = (file) => new URL(file, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(scoped))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('carte-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// The page asks a waiting new version to take over when the person chooses "Recharger".
self.addEventListener('message', (event) => {
  if (event.data === 'activer') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Any link into the app (its state is in the query and the hash) opens the kept page.
    event.respondWith(caches.match(scoped('index.html')).then((cached) => cached || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((cached) => cached || fetch(request)));
});
`;
}
