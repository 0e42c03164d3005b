import { useState } from 'preact/hooks';
import { EMPTY_FILTERS, hasActiveFilters, optionLabels, type Dimension, type Filters } from '../domain/filters.ts';
import { selectFilterResult, selectOffer } from '../state/selectors.ts';
import { formatInteger } from './format.ts';
import { SearchBox } from './SearchBox.tsx';
import { useActions, useAppStore } from './use-app-store.ts';

type ListDimension = 'domaines' | 'niveaux' | 'voies' | 'modalites' | 'themes' | 'sources';

const LEGENDS: Readonly<Record<ListDimension, string>> = {
  domaines: 'Domaine',
  niveaux: 'Niveau',
  voies: 'Voie',
  modalites: 'Modalité',
  themes: 'Thèmes de la Région',
  sources: 'Source',
};

/** Short groups shown open; long ones (domains, sources, themes) open on demand or when in use. */
const OPEN_BY_DEFAULT: readonly ListDimension[] = ['niveaux', 'voies'];

/** Below this width the filters fold into a closed panel (phones). */
const NARROW = '(max-width: 700px)';

function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}

/**
 * Search and filters with live counts: each option says how many trainings it would give with
 * the other active filters; options at zero stay listed, disabled (unless checked).
 */
export function FilterPanel() {
  const filters = useAppStore((state) => state.filters);
  const result = useAppStore(selectFilterResult);
  const offer = useAppStore(selectOffer);
  const { setFilters } = useActions();
  const [open] = useState(() => typeof window === 'undefined' || !window.matchMedia(NARROW).matches);
  const sourceLabels = new Map((offer?.dataset.sources ?? []).filter((source) => !source.role).map((source) => [source.id, source.label]));
  const labels = optionLabels(sourceLabels);
  const update = (next: Partial<Filters>) => setFilters({ ...filters, ...next });
  const countOf = (dimension: Dimension, key: string) => result.counts[dimension].get(key) ?? 0;
  // Before the offer is parsed no option is empty: its count is not known yet (the map may already show the sites).
  const empty = (count: number, checked: boolean) => offer !== null && count === 0 && !checked;
  const shown = (count: number) => (offer === null ? '…' : formatInteger(count));
  const activeCount = (['domaines', 'niveaux', 'voies', 'modalites', 'themes', 'sources'] as const).reduce((sum, dimension) => sum + filters[dimension].length, 0) + (filters.conventionne ? 1 : 0) + (filters.debut ? 1 : 0);
  const group = <T extends string | number>(dimension: ListDimension, options: [T, string][], selected: readonly T[], onToggle: (value: T) => void) => (
    <details class="filter-group" key={dimension} open={selected.length > 0 || OPEN_BY_DEFAULT.includes(dimension)}>
      <summary>
        {LEGENDS[dimension]}
        {selected.length > 0 ? ` (${selected.length})` : ''}
      </summary>
      <fieldset>
      <legend class="visually-hidden">{LEGENDS[dimension]}</legend>
      <ul>
        {options.map(([value, label]) => {
          const count = countOf(dimension, String(value));
          const checked = selected.includes(value);
          return (
            <li key={String(value)}>
              <label class={`check${empty(count, checked) ? ' is-empty' : ''}`}>
                <input type="checkbox" name={dimension} value={String(value)} checked={checked} disabled={empty(count, checked)} onChange={() => onToggle(value)} />
                {label} <span class="facet-count">({shown(count)})</span>
              </label>
            </li>
          );
        })}
      </ul>
      </fieldset>
    </details>
  );
  const months = [...result.counts.debut.keys()].sort();
  return (
    <section class="control filters" aria-labelledby="filters-title">
      <h2 id="filters-title" class="visually-hidden">
        Trouver une formation
      </h2>
      <SearchBox />
      {result.searching && <p class="hint" role="status">Recherche en cours…</p>}
      <details class="filter-details" open={open}>
        <summary>Filtres{activeCount > 0 ? ` (${activeCount} actif${activeCount > 1 ? 's' : ''})` : ''}</summary>
        {group('domaines', labels.domaines, filters.domaines, (value) => update({ domaines: toggled(filters.domaines, value) }))}
        {group('niveaux', labels.niveaux, filters.niveaux, (value) => update({ niveaux: toggled(filters.niveaux, value) }))}
        {group('voies', labels.voies, filters.voies, (value) => update({ voies: toggled(filters.voies, value) }))}
        {group('modalites', labels.modalites, filters.modalites, (value) => update({ modalites: toggled(filters.modalites, value) }))}
        <fieldset class="filter-group">
          <legend>Financement</legend>
          <label class={`check${empty(countOf('conventionne', '1'), filters.conventionne) ? ' is-empty' : ''}`}>
            <input type="checkbox" name="conv" checked={filters.conventionne} disabled={empty(countOf('conventionne', '1'), filters.conventionne)} onChange={() => update({ conventionne: !filters.conventionne })} />
            Places financées (conventionné) <span class="facet-count">({shown(countOf('conventionne', '1'))})</span>
          </label>
        </fieldset>
        {group('themes', labels.themes, filters.themes, (value) => update({ themes: toggled(filters.themes, value) }))}
        {group('sources', labels.sources, filters.sources, (value) => update({ sources: toggled(filters.sources, value) }))}
        <fieldset class="filter-group">
          <legend>Date de début</legend>
          {months.length === 0 && !filters.debut ? (
            <p class="hint">Aucune date de session dans les données chargées (ouvrez un fichier LHEO pour en avoir).</p>
          ) : (
            <label class="check">
              À partir de{' '}
              <select value={filters.debut ?? ''} onChange={(event) => update({ debut: event.currentTarget.value || null })}>
                <option value="">toutes les dates</option>
                {months.map((month) => (
                  <option key={month} value={month}>
                    {month} ({formatInteger(countOf('debut', month))})
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
      </details>
      {hasActiveFilters(filters) && (
        <button
          type="button"
          class="more"
          onClick={() => {
            setFilters(EMPTY_FILTERS);
          }}
        >
          Effacer la recherche et les filtres
        </button>
      )}
    </section>
  );
}
