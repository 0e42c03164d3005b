import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { siteVoie, type OfferIndex } from '../domain/offer-index.ts';

export interface SiteFeatureProperties {
  id: string;
  nom: string;
  voie: string;
  formations: number;
  precision: string;
}

/** One point per training site; `formations` is summed by the clusters. */
export function makeSiteFeatures(offer: OfferIndex): FeatureCollection<Point, SiteFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: offer.dataset.sites.map((site, index) => {
      const trainings = offer.trainingsBySite.get(site.id) ?? [];
      return {
        type: 'Feature',
        id: index,
        geometry: { type: 'Point', coordinates: site.point },
        properties: { id: site.id, nom: site.nom, voie: siteVoie(trainings), formations: trainings.length, precision: site.precision },
      };
    }),
  };
}

/** Apprenticeship organisations, one point each (at their commune). */
export function makeOrganismeFeatures(offer: OfferIndex): FeatureCollection<Point, { id: string; nom: string }> {
  return {
    type: 'FeatureCollection',
    features: offer.dataset.organismes.map((organisme) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: organisme.point },
      properties: { id: organisme.id, nom: organisme.nom },
    })),
  };
}

export function makeAllianceFeatures(offer: OfferIndex): FeatureCollection<Point, { id: string; nom: string }> {
  return {
    type: 'FeatureCollection',
    features: offer.dataset.alliance.map((school) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: school.point },
      properties: { id: school.id, nom: school.nom },
    })),
  };
}

/**
 * The Campus des métiers as networks: a point per commune the source names, and lines from the
 * first-named commune to the others (the source lists no hub; the first is drawn as one).
 */
export function makeCampusFeatures(offer: OfferIndex): {
  lines: FeatureCollection<LineString, { id: string }>;
  points: FeatureCollection<Point, { id: string; nom: string; commune: string }>;
} {
  const lines: Feature<LineString, { id: string }>[] = [];
  const points: Feature<Point, { id: string; nom: string; commune: string }>[] = [];
  for (const campus of offer.dataset.campus) {
    const [hub, ...others] = campus.communes;
    for (const commune of campus.communes) {
      points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: commune.point }, properties: { id: campus.id, nom: campus.nom, commune: commune.nom } });
    }
    if (!hub) continue;
    for (const other of others) {
      lines.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [hub.point, other.point] }, properties: { id: campus.id } });
    }
  }
  return { lines: { type: 'FeatureCollection', features: lines }, points: { type: 'FeatureCollection', features: points } };
}

/** The hovered and selected points, drawn as rings above everything (even inside a cluster). */
export function makeFocusFeatures(points: readonly { point: [number, number]; role: 'hover' | 'selected' }[]): FeatureCollection<Point, { role: string }> {
  return {
    type: 'FeatureCollection',
    features: points.map((item) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: item.point }, properties: { role: item.role } })),
  };
}
