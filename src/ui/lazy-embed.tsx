import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type EmbedProps = { mapContainer: (element: HTMLDivElement | null) => void };

let embedModule: Promise<ComponentType<EmbedProps>> | null = null;

/**
 * The embedded version's code (`?integre=1`) is a chunk of its own: the full app never downloads it.
 * main.tsx starts fetching it with the data when the link asks for it.
 */
export function loadEmbedApp(): Promise<ComponentType<EmbedProps>> {
  embedModule ??= import('./EmbedApp.tsx').then((module) => module.EmbedApp);
  return embedModule;
}

export function LazyEmbedApp(props: EmbedProps) {
  const [Embed, setEmbed] = useState<ComponentType<EmbedProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadEmbedApp().then(
      (component) => live && setEmbed(() => component),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failed) {
    return (
      <p class="error" role="alert">
        La carte intégrée n'a pas pu se charger. Rechargez la page, ou ouvrez la carte complète.
      </p>
    );
  }
  return Embed ? <Embed {...props} /> : <p class="embed-loading">Chargement de la carte…</p>;
}
