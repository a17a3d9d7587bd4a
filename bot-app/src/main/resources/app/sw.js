// The self-serve app's service worker: the offline shell, and the pushes FCM delivers (its webpush
// message: {data, notification, fcmOptions}). Scope /app/ only.
'use strict';

const SHELL = 'hv-app-shell-v1';
const SHELL_FILES = ['/app/', '/app/app.js', '/app/app.css', '/app/manifest.webmanifest', '/app/config.json',
  '/app/icons/icon-192.png', '/app/icons/icon-512.png', '/app/icons/maskable-192.png', '/app/icons/maskable-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

// The shell: network first (a new version shows at once), the cached copy when offline. The API is
// never cached: a challenge must be live or not shown at all.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/app/')) {
    return;
  }
  const key = event.request.mode === 'navigate' ? '/app/' : url.pathname;
  event.respondWith(fetch(event.request)
      .then((response) => {
        if (response.ok && SHELL_FILES.includes(key)) {
          const copy = response.clone();
          caches.open(SHELL).then((cache) => cache.put(key, copy));
        }
        return response;
      })
      .catch(() => caches.match(key).then((cached) => cached || Response.error())));
});

function db() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('hv-app', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('pushes');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/** The push's data (with the code of a push + code) for the page, which reads it after Approve. */
async function keep(data) {
  const store = (await db()).transaction('pushes', 'readwrite').objectStore('pushes');
  store.put(Object.assign({ receivedAt: Date.now() }, data), data.challengeId);
}

function challengeUrl(challengeId) {
  return '/app/#challenge=' + encodeURIComponent(challengeId);
}

self.addEventListener('push', (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch (e) {
    payload = {};
  }
  const data = payload.data || {};
  const notification = payload.notification || {};
  if (!data.challengeId) {
    return;
  }
  const link = (payload.fcmOptions && payload.fcmOptions.link) || challengeUrl(data.challengeId);
  event.waitUntil(Promise.all([
    keep(data).catch(() => undefined),
    self.registration.showNotification(notification.title || 'Identity check', {
      body: notification.body || 'Your help desk asks you to confirm it is you.',
      icon: '/app/icons/icon-192.png',
      badge: '/app/icons/maskable-192.png',
      tag: data.challengeId,
      requireInteraction: true,
      data: { challengeId: data.challengeId, url: link },
    }),
    self.clients.matchAll({ type: 'window', includeUncontrolled: true })
        .then((windows) => windows.forEach((w) => w.postMessage({ type: 'push', challengeId: data.challengeId }))),
  ]));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const url = new URL(data.url || challengeUrl(data.challengeId), self.location.origin);
  // Only ever our own app, whatever a message said.
  const target = url.origin === self.location.origin && url.pathname.startsWith('/app/')
      ? url.href : new URL(challengeUrl(data.challengeId), self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((w) => new URL(w.url).pathname.startsWith('/app/'));
    if (open) {
      open.postMessage({ type: 'open', challengeId: data.challengeId });
      return open.focus();
    }
    return self.clients.openWindow(target);
  }));
});
