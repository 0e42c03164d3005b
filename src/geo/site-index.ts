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

const EARTH_RADIUS_KM = 6371;
const RADIANS = Math.PI / 180;

/**
 * Visits every indexed point within `km` of `center` (great-circle), in no particular order, and
 * allocates nothing per point: a range query of the tree on the circle's bounding box, then the
 * haversine distance with the centre's trigonometry computed once.
 * @param visit - called with the point, its distance (km) and its position in `index.items`
 * @returns how many points were visited
 */
export function forEachWithinDistance<T extends IndexedPoint>(index: SiteIndex<T>, center: readonly [number, number], km: number, visit: (item: T, km: number, position: number) => void): number {
  if (index.items.length === 0 || !(km >= 0)) return 0;
  // The circle's bounding box in degrees (a degree of latitude is ~111.2 km; of longitude, that
  // times the cosine of the latitude, taken at the circle's edge nearest the pole).
  const degreesLat = km / 111.19;
  const poleward = Math.min(89.9, Math.abs(center[1]) + degreesLat);
  const degreesLng = Math.min(180, degreesLat / Math.cos(poleward * RADIANS));
  const lat0 = center[1] * RADIANS;
  const cosLat0 = Math.cos(lat0);
  // Haversine: hav(d/R) = hav(Δlat) + cos lat0 · cos lat · hav(Δlng); compared before the asin.
  const limit = Math.sin(Math.min(km / EARTH_RADIUS_KM, Math.PI) / 2) ** 2;
  let visited = 0;
  const { items } = index;
  for (const position of index.tree.range(center[0] - degreesLng, center[1] - degreesLat, center[0] + degreesLng, center[1] + degreesLat)) {
    const item = items[position] as T;
    const lat = item.point[1] * RADIANS;
    const sinLat = Math.sin((lat - lat0) / 2);
    const sinLng = Math.sin(((item.point[0] - center[0]) * RADIANS) / 2);
    const h = sinLat * sinLat + cosLat0 * Math.cos(lat) * sinLng * sinLng;
    if (h > limit) continue;
    visit(item, 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))), position);
    visited += 1;
  }
  return visited;
}

/**
 * Every indexed point within `km` of `center` (great-circle), nearest first.
 * @param options.accept - keeps only the points it returns true for (e.g. sites with a matching training)
 */
export function sitesWithinDistance<T extends IndexedPoint>(index: SiteIndex<T>, center: readonly [number, number], km: number, options: { accept?: (item: T) => boolean } = {}): SiteAtDistance<T>[] {
  const accept = options.accept;
  const found: SiteAtDistance<T>[] = [];
  forEachWithinDistance(index, center, km, (site, distanceToSite) => {
    if (!accept || accept(site)) found.push({ site, km: distanceToSite });
  });
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
