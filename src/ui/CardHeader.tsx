import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Header shared by the cards: what kind of thing, its name (the card's label), a close button
 * named after the card ("Fermer la fiche Lycée …"). A card opened by a person's action takes the
 * focus on its heading; when it closes, by any means, the focus goes back to what opened it.
 */
export function CardHeader({ kind, titleId, onClose, children }: { kind: string; titleId: string; onClose: () => void; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    // Opened from the keyboard or a click (not by a link at load): the reader lands on the card.
    if (opener) heading.current?.focus();
    const card = heading.current?.closest('section');
    return () => {
      const focusWasInCard = !document.activeElement || document.activeElement === document.body || (card?.contains(document.activeElement) ?? false);
      if (opener?.isConnected && focusWasInCard) opener.focus();
    };
  }, []);
  return (
    <header class="card-header">
      <p class="card-kind">{kind}</p>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {children}
      </h2>
      <button type="button" class="icon-button" onClick={onClose} aria-labelledby={`${titleId}-fermer ${titleId}`}>
        <span id={`${titleId}-fermer`} class="visually-hidden">
          Fermer la fiche
        </span>
        <span aria-hidden="true">×</span>
      </button>
    </header>
  );
}
