import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { closestMetier } from '../domain/labour.ts';
import type { JobSuggestion } from '../domain/search.ts';
import { exactTerritory, matchTerritories, territoryOptions, type TerritoryOption } from '../domain/territory-search.ts';
import { REGION_CAMERA } from '../domain/view.ts';
import { ZONINGS, type Zoning } from '../domain/zones.ts';
import { selectAskedJobs, selectOffer } from '../state/selectors.ts';
import type { AppState } from '../state/store.ts';
import { plural } from './format.ts';
import { doneTyping, startTyping } from './touch.ts';
import { StoreContext, useActions, useAppStore } from './use-app-store.ts';

/** Typing waits this long before the search runs (and the URL changes). */
const TYPING_DELAY_MS = 180;

type Suggestion = { kind: 'job'; job: JobSuggestion } | { kind: 'territory'; territory: TerritoryOption };

/** The zones of each zoning (a stable object of the store). */
const zonesOf = (state: AppState) => state.data?.zones ?? state.boundaries?.zones ?? null;

/**
 * The search box: free text (titles, diplomas, training bodies, communes), and, as one types,
 * the jobs of the ROME that match (each with how many trainings on the map lead to it) and the
 * territories it names. A combobox: arrows move through the suggestions, Enter chooses, Escape
 * closes. Choosing a job sets the `metier` filter; a territory sets `dans`.
 */
export function SearchBox() {
  const filters = useAppStore((state) => state.filters);
  const where = useAppStore((state) => state.where);
  const hits = useAppStore((state) => state.searchHits);
  const searchError = useAppStore((state) => state.searchError);
  const offer = useAppStore(selectOffer);
  const asked = useAppStore(selectAskedJobs);
  const zoneTables = useAppStore(zonesOf);
  const { setFilters, setWhere, setCamera, setTerritory, setCouche } = useActions();
  const labour = useAppStore((state) => state.labour);
  const territory = useAppStore((state) => state.territory);
  // From a job to where it is hiring: the hiring map of its closest survey métier, on the bassins.
  const showHiring = (rome: string) => {
    const metier = labour ? closestMetier(labour, rome) : null;
    if (!metier) return;
    setTerritory({ ...territory, indicateur: 'recrutements', fap: metier.code });
    setCouche('bassin');
    requestAnimationFrame(() => {
      const line = document.getElementById('metiers-enquete');
      line?.scrollIntoView({ block: 'center' });
      line?.focus();
    });
  };
  const store = useContext(StoreContext);
  const [text, setText] = useState(filters.q);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const urlApplied = useAppStore((state) => state.urlApplied);
  // The search box follows the store (Back, a shared link) unless the person is typing; Back
  // drops what was being typed (the debounce below gives up: it belongs to the view left).
  useEffect(() => setText(filters.q), [filters.q, urlApplied]);
  useEffect(() => {
    if (text === filters.q) return undefined;
    const typedDuring = store?.getState().urlApplied;
    const timer = setTimeout(() => {
      const state = store?.getState();
      if (!state || state.urlApplied !== typedDuring) return;
      if (state.filters.q !== text) setFilters({ ...state.filters, q: text });
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const territories = useMemo(() => {
    if (!zoneTables) return [];
    const tables = {} as Record<Zoning, { code: string; nom: string }[]>;
    for (const zoning of ZONINGS) tables[zoning] = zoneTables[zoning].features.map((feature) => ({ code: feature.properties.code, nom: feature.properties.nom }));
    return territoryOptions(tables);
  }, [zoneTables]);
  const jobLabels = offer?.jobLabels ?? new Map<string, string>();
  const counts = offer?.jobCounts ?? new Map<string, { total: number }>();
  const typed = text.trim();
  const jobs = hits && hits.query === typed ? (hits.jobs ?? []) : [];
  const suggestions: Suggestion[] = typed === '' ? [] : [...matchTerritories(typed, territories).map((territory): Suggestion => ({ kind: 'territory', territory })), ...jobs.map((job): Suggestion => ({ kind: 'job', job }))];
  const expanded = open && suggestions.length > 0;
  const chooseJob = (job: JobSuggestion) => {
    setText('');
    setOpen(false);
    doneTyping(input.current);
    setFilters({ ...filters, q: '', metiers: [job.rome] });
  };
  const chooseTerritory = (territory: TerritoryOption) => {
    setText('');
    setOpen(false);
    doneTyping(input.current);
    setFilters({ ...filters, q: '' });
    if (territory.dans) setWhere({ ...where, dans: territory.dans });
    else {
      setWhere({ ...where, dans: null, place: null });
      setCamera(REGION_CAMERA, 'app');
    }
  };
  const choose = (suggestion: Suggestion) => (suggestion.kind === 'job' ? chooseJob(suggestion.job) : chooseTerritory(suggestion.territory));
  const submit = () => {
    const territory = exactTerritory(text, territories);
    if (territory) chooseTerritory(territory);
    else {
      // The search is made: the suggestions close, and what is under the box (the line on what was
      // found) shows. Typing again opens them.
      setOpen(false);
      setActive(-1);
      doneTyping(input.current);
      setFilters({ ...filters, q: text });
    }
  };
  const optionId = (index: number) => `recherche-suggestion-${index}`;
  return (
    <div class="search-box">
      <label class="search-label" for="recherche">
        Rechercher une formation ou un métier
      </label>
      <input
        ref={input}
        id="recherche"
        type="search"
        class="search-input"
        role="combobox"
        list={undefined}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="recherche-suggestions"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby="recherche-aide"
        value={text}
        placeholder="métier, diplôme, commune… ex. aide-soignant, soudeur, BTS MCO"
        autocomplete="off"
        onInput={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={(event) => {
          setOpen(true);
          startTyping(event.currentTarget.closest('.search-box'));
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && suggestions.length > 0) {
            event.preventDefault();
            setOpen(true);
            setActive((active + 1) % suggestions.length);
          } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
            event.preventDefault();
            setActive(active <= 0 ? suggestions.length - 1 : active - 1);
          } else if (event.key === 'Escape') {
            // Escape closes the suggestions first; only then does it clear the text (the browser's own).
            if (expanded) event.preventDefault();
            setOpen(false);
            setActive(-1);
          } else if (event.key === 'Enter') {
            const chosen = expanded && active >= 0 ? suggestions[active] : undefined;
            if (chosen) choose(chosen);
            else submit();
          }
        }}
      />
      <p id="recherche-aide" class="visually-hidden">
        Des métiers et des territoires sont proposés pendant la saisie ; flèches haut et bas pour les parcourir, Entrée pour choisir.
      </p>
      {expanded && (
        <ul id="recherche-suggestions" class="suggestions" role="listbox" aria-label="Suggestions : métiers et territoires" data-testid="suggestions">
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.kind === 'job' ? `job:${suggestion.job.rome}` : `zone:${suggestion.territory.label}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              class={`suggestion${index === active ? ' is-active' : ''}`}
              data-rome={suggestion.kind === 'job' ? suggestion.job.rome : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(suggestion);
              }}
            >
              {suggestion.kind === 'job' ? (
                <>
                  <span class="suggestion-kind">Métier</span> {suggestion.job.appellation}
                  <span class="suggestion-meta">
                    {' '}
                    {suggestion.job.libelle !== suggestion.job.appellation ? `${suggestion.job.libelle} · ` : ''}
                    {suggestion.job.trainings > 0 ? `${plural(suggestion.job.trainings, 'formation')} sur la carte` : 'aucune formation sur la carte'}
                  </span>
                </>
              ) : (
                <>
                  <span class="suggestion-kind">Territoire</span> {suggestion.territory.label}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {filters.metiers.length > 3 && (
        <p class="job-chip" data-testid="job-chip">
          Métiers : {filters.metiers.slice(0, 3).map((code) => jobLabels.get(code) ?? code).join(', ')} et {filters.metiers.length - 3} autres codes ROME ·{' '}
          {plural(offer?.dataset.trainings.filter((training) => (training.romes ?? []).some((rome) => filters.metiers.includes(rome))).length ?? 0, 'formation')}{' '}
          <button type="button" class="link-button" onClick={() => setFilters({ ...filters, metiers: [] })}>
            Retirer<span class="visually-hidden"> ces métiers</span>
          </button>
        </p>
      )}
      {filters.metiers.length > 0 && filters.metiers.length <= 3 && (
        <ul class="job-chips" aria-label="Métiers recherchés">
          {filters.metiers.map((code) => (
            <li key={code} class="job-chip" data-testid="job-chip">
              Métier : {jobLabels.get(code) ?? 'code ROME'} ({code}) · {plural(counts.get(code)?.total ?? 0, 'formation')}{' '}
              <button type="button" class="link-button" onClick={() => setFilters({ ...filters, metiers: filters.metiers.filter((item) => item !== code) })}>
                Retirer<span class="visually-hidden"> le métier {jobLabels.get(code) ?? code}</span>
              </button>
              {labour && closestMetier(labour, code) && (
                <>
                  {' · '}
                  <button type="button" class="link-button" data-testid="job-hiring-map" onClick={() => showHiring(code)}>
                    Où ce métier recrute<span class="visually-hidden"> ({jobLabels.get(code) ?? code})</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {asked.length > 0 && asked.every((code) => (counts.get(code)?.total ?? 0) === 0) && (
        <p class="hint" data-testid="job-none">
          {filters.metiers.length > 0
            ? 'Aucune formation de la carte ne mène à ce métier'
            : `Aucune formation de la carte ne mène ${asked.length === 1 ? 'au métier' : 'aux métiers'} ${asked.map((code) => `« ${jobLabels.get(code) ?? code} »`).join(', ')}`} : elle peut exister ailleurs que sur la carte.{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => {
              const message = document.getElementById('message-metier');
              message?.scrollIntoView({ block: 'center' });
              message?.focus();
            }}
          >
            Pourquoi, et quels métiers proches ?
          </button>
          {labour && asked.length === 1 && closestMetier(labour, asked[0] ?? '') && (
            <>
              {' · '}
              <button type="button" class="link-button" data-testid="job-none-hiring" onClick={() => showHiring(asked[0] ?? '')}>
                Où ce métier recrute
              </button>
            </>
          )}
        </p>
      )}
      {searchError && (
        <p class="error" role="alert" data-testid="search-error">
          {searchError}
        </p>
      )}
      {hits?.warning && <p class="hint">{hits.warning}</p>}
      {hits && hits.via === 'titres-metiers' && hits.query === filters.q.trim() && (
        <p class="hint" data-testid="via-jobs">
          Aucun intitulé de formation ne contient « {hits.query} » : voici les formations qui mènent aux métiers dont le nom le contient ({(hits.romes ?? []).map((code) => jobLabels.get(code) ?? code).join(', ')}).
        </p>
      )}
    </div>
  );
}
