import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';

/**
 * An error boundary: a part of the panel that fails to render says so in French, and the rest of
 * the app goes on (one broken card must not blank the page). "Réessayer" renders it again.
 */
export function Guard({ name, children }: { name: string; children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((caught: unknown) => console.error(`${name} :`, caught));
  if (error) {
    return (
      <div class="card error-card" role="alert" data-testid="guard-error">
        <p>
          {name.charAt(0).toUpperCase()}
          {name.slice(1)} n'a pas pu s'afficher ({error instanceof Error ? error.message : String(error)}). Le reste de la carte fonctionne : choisissez un autre élément, ou rechargez la page.
        </p>
        <button type="button" class="more" onClick={() => reset()}>
          Réessayer
        </button>
      </div>
    );
  }
  return <>{children}</>;
}
