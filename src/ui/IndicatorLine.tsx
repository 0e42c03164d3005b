import type { ZoneReference } from '../domain/zones.ts';
import { indicatorValueOf } from '../state/selectors.ts';
import { formatIndicatorValue } from './format.ts';
import { useAppStore } from './use-app-store.ts';

/** The indicator drawn on the map, for one zone, as its module computes it, with its source. */
export function IndicatorLine({ reference }: { reference: ZoneReference }) {
  const shown = useAppStore((state) => indicatorValueOf(state, reference));
  if (!shown) return null;
  return (
    <p class="indicator-line" data-testid="indicator-line">
      <strong>{shown.label}</strong> : {formatIndicatorValue(shown.value, shown.unit)} <span class="provenance">({shown.source})</span>
    </p>
  );
}
