/**
 * Travel time estimated from the straight-line distance: real routes are longer than the straight
 * line (a detour factor) and each mode has an average door-to-door speed. These are the app's
 * documented assumptions, not a route planner: the UI says "temps estimé". A better source (a
 * commune-to-commune time matrix) plugs in as another `TravelTimeEstimator` without UI change.
 */
export const TRAVEL_MODES = ['voiture', 'tc', 'velo', 'pied'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const TRAVEL_MODE_LABELS: Readonly<Record<TravelMode, string>> = {
  voiture: 'voiture',
  tc: 'transports en commun',
  velo: 'vélo',
  pied: 'à pied',
};

export interface TravelAssumption {
  /** Route length / straight-line length. */
  detour: number;
  /** Average speed on the route, km/h. */
  speedKmh: number;
  /** Fixed time added to each trip (waiting, walking to a stop, parking), minutes. */
  overheadMinutes: number;
}

/**
 * Detour factors of about 1.2–1.4 are the usual ratio of road to straight-line distance in rural
 * and peri-urban France; speeds are regional averages door to door (car on mixed roads 50 km/h,
 * regional bus/TER trips with changes 22 km/h plus 10 minutes of waiting and access, cycling
 * 15 km/h, walking 4.5 km/h).
 */
export const TRAVEL_ASSUMPTIONS: Readonly<Record<TravelMode, TravelAssumption>> = {
  voiture: { detour: 1.3, speedKmh: 50, overheadMinutes: 0 },
  tc: { detour: 1.4, speedKmh: 22, overheadMinutes: 10 },
  velo: { detour: 1.25, speedKmh: 15, overheadMinutes: 0 },
  pied: { detour: 1.2, speedKmh: 4.5, overheadMinutes: 0 },
};

/** What the list needs from any travel-time source. */
export interface TravelTimeEstimator {
  /** Estimated minutes for a straight-line distance in km. */
  minutes: (km: number, mode: TravelMode) => number;
  /** The straight-line distance, km, reached in `minutes` (to query the spatial index). */
  reachKm: (minutes: number, mode: TravelMode) => number;
}

/** The default estimator, from distance with the documented assumptions. */
export const DISTANCE_ESTIMATOR: TravelTimeEstimator = {
  minutes: (km, mode) => {
    const assumption = TRAVEL_ASSUMPTIONS[mode];
    return assumption.overheadMinutes + ((km * assumption.detour) / assumption.speedKmh) * 60;
  },
  reachKm: (minutes, mode) => {
    const assumption = TRAVEL_ASSUMPTIONS[mode];
    return Math.max(0, ((minutes - assumption.overheadMinutes) / 60) * assumption.speedKmh) / assumption.detour;
  },
};
