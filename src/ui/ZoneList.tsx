import { deName } from '../domain/typography.ts';
import { ZONING_LABELS } from '../domain/zones.ts';
import { selectListedZones } from '../state/selectors.ts';
import { formatInteger } from './format.ts';
import { useActions, useAppStore } from './use-app-store.ts';

/** The zones of the drawn zoning as a keyboard-usable list, in step with the map. */
export function ZoneList() {
  const zones = useAppStore(selectListedZones);
  const couche = useAppStore((state) => state.couche);
  const selected = useAppStore((state) => state.zone);
  const hover = useAppStore((state) => state.hover);
  const { selectZone, setHover } = useActions();
  if (couche === 'aucune' || zones.length === 0) return null;
  return (
    <section class="zone-list" aria-labelledby="zone-list-title">
      <h2 id="zone-list-title">
        {ZONING_LABELS[couche]} <span class="count">({zones.length})</span>
      </h2>
      <ul>
        {zones.map((zone) => {
          const isSelected = selected?.zoning === couche && selected.code === zone.code;
          const isHovered = hover?.kind === 'zone' && hover.zone.zoning === couche && hover.zone.code === zone.code;
          return (
            <li key={zone.code}>
              <button
                type="button"
                class={`list-item${isHovered ? ' is-hovered' : ''}`}
                aria-pressed={isSelected}
                onClick={() => selectZone(isSelected ? null : { zoning: couche, code: zone.code })}
                onMouseEnter={() => setHover({ kind: 'zone', zone: { zoning: couche, code: zone.code } })}
                onMouseLeave={() => setHover(null)}
                onFocus={() => setHover({ kind: 'zone', zone: { zoning: couche, code: zone.code } })}
                onBlur={() => setHover(null)}
              >
                <span class="item-name">{couche === 'spel' ? `SPEL ${deName(zone.nom)}` : zone.nom}</span>
                <span class="item-meta">
                  {zone.code} · {formatInteger(zone.population)} hab.
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
