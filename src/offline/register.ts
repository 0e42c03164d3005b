import type { AppStore } from '../state/store.ts';

/**
 * Registers the service worker (not in the dev server), after the map is ready so that keeping
 * the offline copy never slows the first visit. When a newer version is installed and waiting,
 * the store says so; `activateUpdate` lets it take over and reloads the page.
 */
export function registerOffline(store: AppStore, baseUrl: string): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .register(`${baseUrl}sw.js`, { scope: baseUrl })
    .then((registration) => {
      const waiting = () => {
        if (registration.waiting && navigator.serviceWorker.controller) store.getState().setUpdateAvailable(true);
      };
      waiting();
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') waiting();
        });
      });
    })
    .catch((error: unknown) => {
      // Offline use is a bonus: the app works without it, so only the console hears of it.
      console.warn('service worker not registered:', error);
    });
}

/** Lets the waiting version take over, then reloads into it. */
export function activateUpdate(): void {
  void navigator.serviceWorker.getRegistration().then((registration) => {
    if (!registration?.waiting) {
      window.location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    registration.waiting.postMessage('activer');
  });
}
