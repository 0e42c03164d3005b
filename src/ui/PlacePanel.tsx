import { deParts } from '../domain/typography.ts';
import { useContext, useRef, useState } from 'preact/hooks';
import { searchCommunes, type Commune } from '../domain/gazetteer.ts';
import { ZONING_KEYS, ZONING_SINGULAR, ZONINGS, type Zoning } from '../domain/zones.ts';
import { TRAVEL_ASSUMPTIONS, TRAVEL_MODE_LABELS, TRAVEL_MODES, type TravelMode } from '../geo/travel.ts';
import { selectPlaceMemberships, selectZoneIndexes } from '../state/selectors.ts';
import { roundPosition, TEMPS, type Where } from '../url/codec.ts';
import { doneTyping, startTyping } from './touch.ts';
import { StoreContext, useActions, useAppStore } from './use-app-store.ts';

const GEOLOCATION_MESSAGES: Readonly<Record<number, string>> = {
  1: "Vous avez refusé l'accès à votre position : tapez une commune ou un code postal, ou cliquez sur la carte.",
  2: "Votre position n'a pas pu être déterminée : tapez une commune ou un code postal.",
  3: "La position n'a pas été trouvée à temps : réessayez, ou tapez une commune.",
};

const ZONE_WORDS: Readonly<Record<Zoning, string>> = { departement: 'ce département', zone_emploi: "cette zone d'emploi", spel: 'ce SPEL', bassin: "ce bassin d'emploi" };

/**
 * "Près de chez moi": a commune or postcode (autocomplete on the gazetteer), the person's position
 * or a point of the map; a radius or an estimated travel time; or a zone to search in. Nothing
 * leaves the browser: a position is rounded to ~100 m and kept in the link's hash only.
 */
export function PlacePanel() {
  const where = useAppStore((state) => state.where);
  const message = useAppStore((state) => state.placeMessage);
  const picking = useAppStore((state) => state.pickingPlace);
  const gazetteer = useAppStore((state) => state.data?.gazetteer);
  const memberships = useAppStore(selectPlaceMemberships);
  const zoneIndexes = useAppStore(selectZoneIndexes);
  const dansName = useAppStore((state) => (state.where.dans ? state.data?.zones[state.where.dans.zoning].features.find((feature) => feature.properties.code === state.where.dans?.code)?.properties.nom : undefined));
  const { setWhere, setPlaceMessage, setPickingPlace, setFilters } = useActions();
  const store = useContext(StoreContext);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  // The list of communes shows while the box has the focus (an option is chosen on mouse down,
  // which keeps it); the line saying that none matches stays after it.
  const [focused, setFocused] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const suggestions = gazetteer && open ? searchCommunes(gazetteer, text) : [];
  const listed = focused ? suggestions : [];
  const typed = text.trim();
  // Typed, the gazetteer in, and no commune: said (a person pressing Enter otherwise saw nothing
  // happen), with a way to the search when it reads like a job or a training rather than a place.
  const noMatch = Boolean(gazetteer) && open && typed.length >= 2 && suggestions.length === 0;
  const digits = /^\d+$/.test(typed);
  const update = (next: Partial<Where>) => setWhere({ ...where, ...next });
  const choose = (commune: Commune) => {
    update({ place: { kind: 'commune', code: commune.code } });
    setText('');
    setOpen(false);
    doneTyping(input.current);
  };
  const placeName =
    where.place?.kind === 'commune' ? `${gazetteer?.byCode.get(where.place.code)?.nom ?? where.place.code} (${where.place.code})` : where.place ? 'un point de la carte (position arrondie à 100 m)' : null;
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setPlaceMessage('Ce navigateur ne donne pas de position : tapez une commune ou un code postal.');
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const point: [number, number] = [roundPosition(position.coords.longitude), roundPosition(position.coords.latitude)];
        // The region's limits may not be loaded yet: the position waits for them, never "outside".
        const place = (indexes: NonNullable<ReturnType<typeof selectZoneIndexes>>) => {
          if (!indexes.departement.zoneAt(point)) {
            setPlaceMessage('Votre position est hors des Hauts-de-France : tapez une commune de la région, ou cliquez sur la carte.');
            return;
          }
          const current = store?.getState().where ?? where;
          setWhere({ ...current, place: { kind: 'point', point } });
        };
        const ready = store ? selectZoneIndexes(store.getState()) : zoneIndexes;
        if (ready) {
          place(ready);
          return;
        }
        setPlaceMessage('Position trouvée : les limites de la région se chargent, un instant…');
        const unsubscribe = store?.subscribe((state) => {
          const indexes = selectZoneIndexes(state);
          if (!indexes) return;
          unsubscribe?.();
          place(indexes);
        });
      },
      (error) => setPlaceMessage(GEOLOCATION_MESSAGES[error.code] ?? "Votre position n'a pas pu être déterminée."),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 0 },
    );
  };
  const listId = 'communes-proposees';
  return (
    <section class="control place" aria-labelledby="place-title">
      <h2 id="place-title" class="control-title">
        Près de chez moi
      </h2>
      <label class="search-label" for="lieu-saisie">
        Commune ou code postal
      </label>
      <div class="combo">
        <input
          ref={input}
          id="lieu-saisie"
          class="search-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={listed.length > 0}
          aria-controls={listId}
          aria-activedescendant={listed[active] ? `commune-${listed[active].code}` : undefined}
          autocomplete="off"
          placeholder="ex. Lens, st omer, 62300"
          value={text}
          onFocus={(event) => {
            setFocused(true);
            startTyping(event.currentTarget.closest('.place'));
          }}
          onBlur={() => setFocused(false)}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive(Math.min(active + 1, suggestions.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive(Math.max(active - 1, 0));
            } else if (event.key === 'Enter' && suggestions[active]) {
              event.preventDefault();
              choose(suggestions[active]);
            } else if (event.key === 'Escape') setOpen(false);
          }}
        />
        {listed.length > 0 && (
          <ul id={listId} role="listbox" class="suggestions" aria-label="Communes proposées">
            {listed.map((commune, index) => (
              <li
                key={commune.code}
                id={`commune-${commune.code}`}
                role="option"
                aria-selected={index === active}
                class={index === active ? 'is-active' : ''}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(commune);
                }}
              >
                {commune.nom} <span class="item-meta">({commune.codesPostaux[0] ?? commune.code})</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div role="status" data-testid="place-no-match">
        {noMatch && (
          <p class="hint">
            {digits ? `Aucune commune des Hauts-de-France n'a le code « ${typed} ».` : `Aucune commune des Hauts-de-France ne correspond à « ${typed} ».`}
            {!digits && (
              <>
                {' '}
                <button
                  type="button"
                  class="link-button"
                  onClick={() => {
                    const state = store?.getState();
                    if (state) setFilters({ ...state.filters, q: typed });
                    setText('');
                    setOpen(false);
                    document.getElementById('recherche')?.focus();
                  }}
                >
                  Chercher « {typed} » parmi les formations et les métiers
                </button>
              </>
            )}
          </p>
        )}
      </div>
      <div class="place-actions">
        <button type="button" class="more" onClick={locate}>
          Autour de moi
        </button>
        <button type="button" class="more" aria-pressed={picking} onClick={() => setPickingPlace(!picking)}>
          {picking ? 'Cliquez sur la carte…' : 'Choisir sur la carte'}
        </button>
      </div>
      {message && (
        <p role="alert" class="error" data-testid="place-message">
          {message}
        </p>
      )}
      {where.place && (
        <div class="place-current" data-testid="place-current">
          <p>
            Autour {deParts(placeName ?? '')[0]}
            <strong>{deParts(placeName ?? '')[1]}</strong>{' '}
            <button type="button" class="link-button" onClick={() => update({ place: null })}>
              retirer
            </button>
          </p>
          {Object.keys(memberships).length > 0 && (
            <p class="hint" data-testid="place-zones">
              {ZONINGS
                .map((zoning) => memberships[zoning] && `${ZONING_SINGULAR[zoning]} : ${memberships[zoning]?.nom}`)
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
          <fieldset class="filter-group">
            <legend>Jusqu'où</legend>
            <label class="check">
              <input type="radio" name="portee" checked={where.temps === null} onChange={() => update({ temps: null })} /> Rayon : {where.rayon} km
            </label>
            <input
              type="range"
              min={5}
              max={100}
              step={5}
              value={where.rayon}
              aria-label="Rayon en kilomètres"
              disabled={where.temps !== null}
              onChange={(event) => update({ rayon: Number(event.currentTarget.value), temps: null })}
            />
            <label class="check">
              <input type="radio" name="portee" checked={where.temps !== null} onChange={() => update({ temps: where.temps ?? 30 })} /> Temps estimé
            </label>
            <div class="travel">
              <select aria-label="Temps de trajet" value={String(where.temps ?? 30)} disabled={where.temps === null} onChange={(event) => update({ temps: Number(event.currentTarget.value) })}>
                {TEMPS.map((minutes) => (
                  <option key={minutes} value={String(minutes)}>
                    {minutes} min
                  </option>
                ))}
              </select>{' '}
              <select aria-label="Mode de déplacement" value={where.mode} disabled={where.temps === null} onChange={(event) => update({ mode: event.currentTarget.value as TravelMode })}>
                {TRAVEL_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {TRAVEL_MODE_LABELS[mode]}
                  </option>
                ))}
              </select>
            </div>
            <p class="hint">
              Temps estimé d'après la distance à vol d'oiseau : trajet {Math.round((TRAVEL_ASSUMPTIONS[where.mode].detour - 1) * 100)} % plus long, {TRAVEL_ASSUMPTIONS[where.mode].speedKmh} km/h en moyenne
              {TRAVEL_ASSUMPTIONS[where.mode].overheadMinutes > 0 ? `, plus ${TRAVEL_ASSUMPTIONS[where.mode].overheadMinutes} min d'attente et d'accès` : ''} ; ce n'est pas un calcul d'itinéraire.
            </p>
          </fieldset>
        </div>
      )}
      <fieldset class="filter-group">
        <legend>Dans une zone</legend>
        <select
          aria-label="Chercher dans une zone"
          value={where.dans ? `${ZONING_KEYS[where.dans.zoning]}:${where.dans.code}` : ''}
          onChange={(event) => {
            const [key, code] = event.currentTarget.value.split(':');
            const zoning = (Object.keys(ZONING_KEYS) as Zoning[]).find((candidate) => ZONING_KEYS[candidate] === key);
            update({ dans: zoning && code ? { zoning, code } : null });
          }}
        >
          <option value="">partout</option>
          {where.dans && !Object.values(memberships).some((zone) => zone?.code === where.dans?.code) && (
            <option value={`${ZONING_KEYS[where.dans.zoning]}:${where.dans.code}`}>{`${ZONING_SINGULAR[where.dans.zoning]} : ${dansName ?? where.dans.code}`}</option>
          )}
          {ZONINGS.map((zoning) => {
            const zone = memberships[zoning];
            return zone ? (
              <option key={zoning} value={`${ZONING_KEYS[zoning]}:${zone.code}`}>
                dans {ZONE_WORDS[zoning]} ({zone.nom})
              </option>
            ) : null;
          })}
        </select>
        {!where.place && !where.dans && <p class="hint">Choisissez un lieu pour chercher dans son département, sa zone d'emploi ou son SPEL.</p>}
      </fieldset>
    </section>
  );
}
