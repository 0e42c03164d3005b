import type { ComponentChildren } from 'preact';

/** Header shared by the cards: what kind of thing, its name (the card's label), a close button. */
export function CardHeader({ kind, titleId, onClose, children }: { kind: string; titleId: string; onClose: () => void; children: ComponentChildren }) {
  return (
    <header class="card-header">
      <p class="card-kind">{kind}</p>
      <h2 id={titleId}>{children}</h2>
      <button type="button" class="icon-button" onClick={onClose} aria-label="Fermer la fiche">
        ×
      </button>
    </header>
  );
}
