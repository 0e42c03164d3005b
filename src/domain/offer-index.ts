import { romeCounts } from './jobs.ts';
import type { AllianceSchool, CampusMetiers, Organisme, Site, SourceDescription, Training, TrainingDataset, Voie } from './training.ts';

/** Lookups over a dataset, built once per dataset. */
export interface OfferIndex {
  dataset: TrainingDataset;
  /**
   * The trainings of each site of `dataset.sites`, at the same position: a pass over every site
   * reads them without a lookup by id (at 100,000 sites, those lookups were a large part of a
   * filter change). Never mutated: a narrowed offer shares the lists it keeps whole.
   */
  siteTrainings: readonly (readonly Training[])[];
  sitesById: ReadonlyMap<string, Site>;
  trainingsBySite: ReadonlyMap<string, readonly Training[]>;
  sourcesById: Map<string, SourceDescription>;
  allianceById: Map<string, AllianceSchool>;
  campusById: Map<string, CampusMetiers>;
  organismesById: Map<string, Organisme>;
  /** Training sites by UAI: an organisation's card lists the trainings given under its UAI. */
  sitesByUai: ReadonlyMap<string, readonly Site[]>;
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

const NO_TRAININGS: readonly Training[] = [];

export function indexOffer(dataset: TrainingDataset): OfferIndex {
  const trainingsBySite = groupBy(dataset.trainings, (training) => training.siteId);
  return {
    dataset,
    siteTrainings: dataset.sites.map((site) => trainingsBySite.get(site.id) ?? NO_TRAININGS),
    sitesById: new Map(dataset.sites.map((site) => [site.id, site])),
    trainingsBySite,
    sourcesById: new Map(dataset.sources.map((source) => [source.id, source])),
    allianceById: new Map(dataset.alliance.map((school) => [school.id, school])),
    campusById: new Map(dataset.campus.map((campus) => [campus.id, campus])),
    organismesById: new Map(dataset.organismes.map((organisme) => [organisme.id, organisme])),
    sitesByUai: groupBy(dataset.sites, (site) => site.uai),
    jobLabels: new Map((dataset.metiers ?? []).map((job) => [job.code, job.libelle])),
    jobCounts: romeCounts(dataset.trainings),
  };
}

/** The trainings of `list` that `keep` keeps: the list itself when it keeps them all (nothing allocated). */
function keptOf(list: readonly Training[], keep: (training: Training) => boolean): readonly Training[] {
  let kept: Training[] | null = null;
  for (let index = 0; index < list.length; index += 1) {
    const training = list[index] as Training;
    if (keep(training)) kept?.push(training);
    else kept ??= list.slice(0, index);
  }
  return kept ?? list;
}

/**
 * The part of an offer made of the trainings `keep` keeps (in their order) and the sites that teach
 * them. Schools, campus, organisations and sources are the whole offer's: their lookups are
 * reused, not rebuilt. This runs at every filter change, so it goes through the sites' lists
 * (`siteTrainings`) without a lookup by id, shares the lists it keeps whole, and builds the lookups
 * by id and by UAI, which only cards and searches read, when first read (at 100,000 sites, those
 * lookups were most of a filter change).
 */
export function narrowOffer(offer: OfferIndex, keep: (training: Training) => boolean): OfferIndex {
  const sites: Site[] = [];
  const siteTrainings: (readonly Training[])[] = [];
  offer.dataset.sites.forEach((site, index) => {
    const kept = keptOf(offer.siteTrainings[index] ?? NO_TRAININGS, keep);
    if (kept.length === 0) return;
    sites.push(site);
    siteTrainings.push(kept);
  });
  let sitesById: Map<string, Site> | undefined;
  let trainingsBySite: Map<string, readonly Training[]> | undefined;
  let sitesByUai: Map<string, Site[]> | undefined;
  // Every field named (no spread of `offer`: spreading a narrowed offer would build its lazy lookups).
  return {
    dataset: { ...offer.dataset, trainings: offer.dataset.trainings.filter(keep), sites },
    siteTrainings,
    get sitesById() {
      return (sitesById ??= new Map(sites.map((site) => [site.id, site])));
    },
    get trainingsBySite() {
      return (trainingsBySite ??= new Map(sites.map((site, index) => [site.id, siteTrainings[index] ?? NO_TRAININGS])));
    },
    get sitesByUai() {
      return (sitesByUai ??= groupBy(sites, (site) => site.uai));
    },
    sourcesById: offer.sourcesById,
    allianceById: offer.allianceById,
    campusById: offer.campusById,
    organismesById: offer.organismesById,
    jobLabels: offer.jobLabels,
    jobCounts: offer.jobCounts,
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
