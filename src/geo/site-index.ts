import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';

/** A point to index: anything with an id and a `[lng, lat]` point (sites, organisations…). */
export interface IndexedPoint {
  id: string;
  point: readonly [number, number];
}

export interface SiteIndex<T extends IndexedPoint> {
  items: readonly T[];
  tree: KDBush;
}

export interface SiteAtDistance<T> {
  site: T;
  /** Great-circle distance, km. */
  km: number;
}

/**
 * A static spatial index of points (kdbush): queries visit only the tree nodes near the point
 * instead of every site.
 * @param items - points `[lng, lat]`
 */
export function createSiteIndex<T extends IndexedPoint>(items: readonly T[]): SiteIndex<T> {
  const tree = new KDBush(Math.max(items.length, 1));
  for (const item of items) tree.add(item.point[0], item.point[1]);
  if (items.length === 0) tree.add(0, 0);
  tree.finish();
  return { items, tree };
}

/** Great-circle distance between two `[lng, lat]` points, km (haversine, 6,371 km sphere). */
export function distanceKm(from: readonly [number, number], to: readonly [number, number]): number {
  return distance(from[0], from[1], to[0], to[1]);
}

/**
 * Every indexed point within `km` of `center` (great-circle), nearest first.
 * @param options.accept - keeps only the points it returns true for (e.g. sites with a matching training)
 */
export function sitesWithinDistance<T extends IndexedPoint>(index: SiteIndex<T>, center: readonly [number, number], km: number, options: { accept?: (item: T) => boolean } = {}): SiteAtDistance<T>[] {
  if (index.items.length === 0 || !(km >= 0)) return [];
  const accept = options.accept;
  // The circle's bounding box in degrees (a degree of latitude is ~111.2 km; of longitude, that
  // times the cosine of the latitude, taken at the circle's edge nearest the pole), then the
  // exact great-circle distance of each candidate: a range query of the tree, no priority queue.
  const degreesLat = km / 111.19;
  const poleward = Math.min(89.9, Math.abs(center[1]) + degreesLat);
  const degreesLng = Math.min(180, degreesLat / Math.cos((poleward * Math.PI) / 180));
  const found: SiteAtDistance<T>[] = [];
  for (const id of index.tree.range(center[0] - degreesLng, center[1] - degreesLat, center[0] + degreesLng, center[1] + degreesLat)) {
    const site = index.items[id] as T;
    const distanceToSite = distanceKm(center, site.point);
    if (distanceToSite <= km && (!accept || accept(site))) found.push({ site, km: distanceToSite });
  }
  return found.sort((a, b) => a.km - b.km);
}

/** The `k` indexed points nearest to `center`, nearest first. */
export function nearestSites<T extends IndexedPoint>(index: SiteIndex<T>, center: readonly [number, number], k: number, options: { accept?: (item: T) => boolean } = {}): SiteAtDistance<T>[] {
  if (index.items.length === 0 || k <= 0) return [];
  const accept = options.accept;
  const ids = around(index.tree, center[0], center[1], k, Infinity, accept ? (id) => accept(index.items[id] as T) : undefined);
  return ids.map((id) => {
    const site = index.items[id] as T;
    return { site, km: distanceKm(center, site.point) };
  });
}
