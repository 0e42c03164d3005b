import { activateUpdate } from '../offline/register.ts';
import { useAppStore } from './use-app-store.ts';

/** "Une nouvelle version est disponible": the person chooses when to reload into it. */
export function UpdateBanner() {
  const available = useAppStore((state) => state.updateAvailable);
  if (!available) return null;
  return (
    <div class="update-banner" role="status" data-testid="update-banner">
      Une nouvelle version de la carte est disponible.{' '}
      <button type="button" class="more" onClick={activateUpdate}>
        Recharger
      </button>
    </div>
  );
}
