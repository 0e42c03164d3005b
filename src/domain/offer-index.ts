import { romeCounts } from './jobs.ts';
import type { AllianceSchool, CampusMetiers, Organisme, Site, SourceDescription, Training, TrainingDataset, Voie } from './training.ts';

/** Lookups over a dataset, built once per dataset. */
export interface OfferIndex {
  dataset: TrainingDataset;
  sitesById: Map<string, Site>;
  trainingsBySite: Map<string, Training[]>;
  sourcesById: Map<string, SourceDescription>;
  allianceById: Map<string, AllianceSchool>;
  campusById: Map<string, CampusMetiers>;
  organismesById: Map<string, Organisme>;
  /** Training sites by UAI: an organisation's card lists the trainings given under its UAI. */
  sitesByUai: Map<string, Site[]>;
  /** ROME v3 code → job title (ROME 4.0). */
  jobLabels: ReadonlyMap<string, string>;
  /** Trainings of the whole offer per ROME code (a narrowed offer keeps the whole offer's). */
  jobCounts: ReadonlyMap<string, { total: number; principal: number }>;
}

/** Items in lists by key, in their order; items without a key are left out. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (!key) continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function indexOffer(dataset: TrainingDataset): OfferIndex {
  return {
    dataset,
    sitesById: new Map(dataset.sites.map((site) => [site.id, site])),
    trainingsBySite: groupBy(dataset.trainings, (training) => training.siteId),
    sourcesById: new Map(dataset.sources.map((source) => [source.id, source])),
    allianceById: new Map(dataset.alliance.map((school) => [school.id, school])),
    campusById: new Map(dataset.campus.map((campus) => [campus.id, campus])),
    organismesById: new Map(dataset.organismes.map((organisme) => [organisme.id, organisme])),
    sitesByUai: groupBy(dataset.sites, (site) => site.uai),
    jobLabels: new Map((dataset.metiers ?? []).map((job) => [job.code, job.libelle])),
    jobCounts: romeCounts(dataset.trainings),
  };
}

/**
 * The part of an offer made of some of its trainings (kept in order) and the sites that teach them.
 * Schools, campus, organisations and sources are the whole offer's: their lookups are reused, not
 * rebuilt (this runs at every filter change).
 */
export function narrowOffer(offer: OfferIndex, trainings: readonly Training[]): OfferIndex {
  const trainingsBySite = groupBy(trainings, (training) => training.siteId);
  const sites = offer.dataset.sites.filter((site) => trainingsBySite.has(site.id));
  return {
    ...offer,
    dataset: { ...offer.dataset, trainings: [...trainings], sites },
    sitesById: new Map(sites.map((site) => [site.id, site])),
    trainingsBySite,
    sitesByUai: groupBy(sites, (site) => site.uai),
  };
}

/**
 * Adds a dataset imported during the session to the default one. Its ids are prefixed with the
 * import's source id so they never collide with the default dataset's.
 */
export function mergeDatasets(base: TrainingDataset, extra: TrainingDataset, prefix: string): TrainingDataset {
  const siteId = (id: string) => `${prefix}~${id}`;
  return {
    sources: [...base.sources, ...extra.sources],
    sites: [...base.sites, ...extra.sites.map((site) => ({ ...site, id: siteId(site.id) }))],
    trainings: [...base.trainings, ...extra.trainings.map((training) => ({ ...training, id: `${prefix}~${training.id}`, siteId: siteId(training.siteId) }))],
    alliance: base.alliance,
    campus: base.campus,
    organismes: base.organismes,
    facts: base.facts,
    metiers: base.metiers ?? [],
  };
}

/**
 * The voie a site's symbol shows: its only voie, or `mixte` when it teaches several. Alternance
 * shares the apprenticeship symbol (the legend says "apprentissage ou alternance"); cards and
 * counts keep the two apart.
 */
export type SiteVoie = Exclude<Voie, 'alternance'> | 'mixte';

const VOIE_BITS: Readonly<Record<Voie, number>> = { scolaire: 1, apprentissage: 2, alternance: 2, continue: 4 };

export function siteVoie(trainings: readonly Training[]): SiteVoie {
  // A bit per symbol, no allocation: this runs for every site at every filter change.
  let bits = 0;
  for (const training of trainings) for (const voie of training.voies) bits |= VOIE_BITS[voie];
  return bits === 1 ? 'scolaire' : bits === 2 ? 'apprentissage' : bits === 4 ? 'continue' : 'mixte';
}
