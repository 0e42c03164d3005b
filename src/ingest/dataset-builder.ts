import { domainFromTitle } from '../domain/domain-rules.ts';
import { placesOf } from '../domain/places.ts';
import type { Fact } from '../domain/coverage.ts';
import type { AllianceSchool, CampusMetiers, Organisme, Provenance, Site, SourceDescription, Training, TrainingDataset } from '../domain/training.ts';
import { emptyCounts, type ImportReport, type SourceCounts } from './report.ts';

export type { TrainingDataset };

const sameProvenance = (a: Provenance, b: Provenance) => a.source === b.source && a.record === b.record;

/**
 * Collects sites and trainings from any number of sources and accounts for every record read:
 * kept, merged into an existing training (duplicate id, or the same training in another source),
 * or rejected with its reason. Insertion order is kept, so the same inputs give the same output.
 */
export class DatasetBuilder {
  readonly report: ImportReport = { sources: {}, rejected: [], merged: [], warnings: [] };
  private readonly sources: SourceDescription[] = [];
  private readonly sites = new Map<string, Site>();
  private readonly trainings = new Map<string, Training>();
  private readonly trainingSource = new Map<string, string>();
  alliance: AllianceSchool[] = [];
  campus: CampusMetiers[] = [];
  organismes: Organisme[] = [];
  facts: Fact[] = [];

  addSource(source: SourceDescription): void {
    this.sources.push(source);
    this.report.sources[source.id] = emptyCounts();
  }

  private counts(source: string): SourceCounts {
    const counts = this.report.sources[source];
    if (!counts) throw new Error(`source ${source} was not added`);
    return counts;
  }

  read(source: string): void {
    this.counts(source).read += 1;
  }

  /** Counts a record kept that is not a training (a directory entry, an organisation). */
  keepRecord(source: string): void {
    this.counts(source).kept += 1;
  }

  /** Counts a record that repeats one already kept (not a training), with the reason. */
  mergeRecord(source: string, record: string, into: string, reason: string): void {
    this.counts(source).merged += 1;
    this.report.merged.push({ source, record, into, reason });
  }

  reject(source: string, record: string, field: string | null, reason: string): void {
    this.counts(source).rejected += 1;
    this.report.rejected.push({ source, record, field, reason });
  }

  warn(source: string, record: string, message: string): void {
    this.report.warnings.push({ source, record, message });
  }

  site(id: string): Site | undefined {
    return this.sites.get(id);
  }

  training(id: string): Training | undefined {
    return this.trainings.get(id);
  }

  /** Trainings kept so far at a site, in the order they were added. */
  trainingsAt(siteId: string): Training[] {
    return [...this.trainings.values()].filter((training) => training.siteId === siteId);
  }

  /** Adds a site, or adds the provenance to the site already known under this id. */
  upsertSite(site: Site): Site {
    const existing = this.sites.get(site.id);
    if (!existing) {
      this.sites.set(site.id, site);
      return site;
    }
    for (const item of site.provenance) if (!existing.provenance.some((known) => sameProvenance(known, item))) existing.provenance.push(item);
    return existing;
  }

  /**
   * Adds a training. When one with the same id exists, the record is merged into it (its
   * provenance kept, missing values filled) and counted as a merged duplicate.
   */
  addTraining(training: Training, source: string, reason = 'duplicate id'): 'kept' | 'merged' {
    const existing = this.trainings.get(training.id);
    if (existing) {
      this.mergeInto(existing.id, training, source, reason);
      return 'merged';
    }
    this.trainings.set(training.id, training);
    this.trainingSource.set(training.id, source);
    this.counts(source).kept += 1;
    return 'kept';
  }

  /** Merges a record into an existing training: the existing values win, gaps are filled. */
  mergeInto(id: string, patch: Partial<Training> & Pick<Training, 'provenance'>, source: string, reason: string, preferPatch: readonly (keyof Training)[] = []): void {
    const existing = this.trainings.get(id);
    if (!existing) throw new Error(`no training ${id} to merge into`);
    const target = existing as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'provenance' || key === 'id' || value === null || value === undefined) continue;
      if (key === 'certification') {
        existing.certification = { ...(value as Training['certification']), ...existing.certification };
      } else if (key === 'acces') {
        existing.acces = [...existing.acces, ...(value as Training['acces'])];
      } else if (key === 'voies') {
        existing.voies = [...new Set([...existing.voies, ...(value as Training['voies'])])];
      } else if (preferPatch.includes(key as keyof Training) || target[key] === null) {
        target[key] = value;
      }
    }
    for (const item of patch.provenance) if (!existing.provenance.some((known) => sameProvenance(known, item))) existing.provenance.push(item);
    this.counts(source).merged += 1;
    this.report.merged.push({ source, record: patch.provenance[0]?.record ?? '', into: id, reason });
  }

  /** The dataset and its report, with per-source site counts and location precision. */
  build(): { dataset: TrainingDataset; report: ImportReport } {
    const trainings = [...this.trainings.values()];
    // A training under both statuses, or given by two rows of one, counts all its places (one definition: placesOf).
    for (const training of trainings) training.capacite = placesOf(training).total;
    // Every training says how its domain was found; a title's words stand in for a missing code.
    for (const training of trainings) {
      if (training.domaine) {
        training.domaineOrigin ??= 'code';
        continue;
      }
      const guess = domainFromTitle(`${training.intitule} ${training.diplome ?? ''}`);
      training.domaine = guess?.domaine ?? null;
      training.domaineOrigin = guess ? `intitule:${guess.rule}` : null;
    }
    const usedSites = new Set(trainings.map((training) => training.siteId));
    const sites = [...this.sites.values()].filter((site) => usedSites.has(site.id));
    const siteById = new Map(sites.map((site) => [site.id, site]));
    const sitesBySource = new Map<string, Set<string>>();
    for (const training of trainings) {
      const source = this.trainingSource.get(training.id) ?? '';
      const counts = this.report.sources[source];
      const site = siteById.get(training.siteId);
      if (!counts || !site) continue;
      counts.precision[site.precision] += 1;
      const known = sitesBySource.get(source) ?? new Set<string>();
      known.add(site.id);
      sitesBySource.set(source, known);
    }
    for (const [source, known] of sitesBySource) this.counts(source).sites = known.size;
    return {
      dataset: { sources: this.sources, sites, trainings, alliance: this.alliance, campus: this.campus, organismes: this.organismes, facts: this.facts },
      report: this.report,
    };
  }
}
