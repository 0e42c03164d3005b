import QRCode from 'qrcode';
import { useMemo, useState } from 'preact/hooks';
import { toCsv, toGeoJson, type ExportRow } from '../domain/export.ts';
import { selectOffer, selectSitesInView, type SiteInView } from '../state/selectors.ts';
import { viewLink } from './links.ts';
import { downloadText } from './download.ts';
import { embedSnippet } from '../domain/embed.ts';
import { plural } from './format.ts';
import { localIsoDate } from '../domain/typography.ts';
import { useActions, useAppStore } from './use-app-store.ts';

/** A QR code as one SVG path (the `qrcode` library computes the modules; nothing is fetched). */
function QrCode({ text }: { text: string }) {
  const path = useMemo(() => {
    try {
      const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
      const cells: string[] = [];
      for (let y = 0; y < modules.size; y += 1) for (let x = 0; x < modules.size; x += 1) if (modules.get(x, y)) cells.push(`M${x + 4} ${y + 4}h1v1h-1z`);
      return { d: cells.join(''), size: modules.size + 8 };
    } catch {
      return null;
    }
  }, [text]);
  if (!path) return <p class="hint">Lien trop long pour un QR code : copiez-le.</p>;
  return (
    <svg class="qr" viewBox={`0 0 ${path.size} ${path.size}`} role="img" aria-label="QR code du lien de cette vue" data-testid="qr-code" shape-rendering="crispEdges">
      <rect width={path.size} height={path.size} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}

/**
 * The rows the list shows (trainings of the sites in view, filtered), pinned ones first, at most
 * `limit` of them: the print sheet needs its first rows at every change, the exports all of them
 * only when asked (at 100,000 sites, building every row at each change took tens of ms).
 */
export function listedRows(sites: readonly SiteInView[], pinned: readonly string[], limit = Number.POSITIVE_INFINITY): ExportRow[] {
  const isPinned = new Set(pinned);
  const first: ExportRow[] = [];
  const rest: ExportRow[] = [];
  for (const { site, trainings, communeNom } of sites) {
    for (const training of trainings) {
      if (isPinned.has(training.id)) first.push({ training, site, communeNom, pinned: true });
      else if (rest.length < limit) rest.push({ training, site, communeNom, pinned: false });
    }
  }
  return [...first, ...rest].slice(0, limit);
}

/** The listed rows, and how many there are in all. */
export function useListedRows(limit?: number): { rows: ExportRow[]; total: number; all: () => ExportRow[] } {
  const { sites, trainings } = useAppStore(selectSitesInView);
  const pinned = useAppStore((state) => state.pinned);
  const rows = useMemo(() => (limit === undefined ? [] : listedRows(sites, pinned, limit)), [sites, pinned, limit]);
  return { rows, total: trainings, all: () => listedRows(sites, pinned) };
}

/** Partager (link + QR code), Imprimer (an A4 sheet), Exporter (CSV, GeoJSON) the view as it is. */
export function SharePanel() {
  const link = useAppStore((state) => viewLink(state));
  const embedded = useAppStore((state) => viewLink(state, { integre: true }));
  const offer = useAppStore(selectOffer);
  const { requestPrint } = useActions();
  const listed = useListedRows();
  const [copied, setCopied] = useState<'oui' | 'non' | null>(null);

  const sources = new Map((offer?.dataset.sources ?? []).map((source) => [source.id, source]));
  // The file names' date: the person's own day (UTC's differs around midnight).
  const stamp = localIsoDate(new Date());
  return (
    <details class="control share" data-testid="share">
      <summary>Partager, imprimer, exporter</summary>
      <h3 class="subhead">Partager cette vue</h3>
      <p class="hint">Le lien redonne la même carte, les mêmes filtres, la même sélection. La note et les épingles sont après le « # » : elles ne sont jamais envoyées à un serveur.</p>
      <label class="search-label" for="lien-partage">
        Lien
      </label>
      <input id="lien-partage" class="share-link" type="text" readOnly value={link} onFocus={(event) => event.currentTarget.select()} data-testid="share-link" />
      <button
        type="button"
        class="more"
        onClick={() => {
          // Without a clipboard here (an insecure origin, an old browser), the link is selected to copy by hand.
          const selectLink = () => {
            const input = document.getElementById('lien-partage');
            if (input instanceof HTMLInputElement) {
              input.focus();
              input.select();
            }
            setCopied('non');
          };
          if (!navigator.clipboard?.writeText) {
            selectLink();
            return;
          }
          navigator.clipboard
            .writeText(link)
            .then(() => setCopied('oui'))
            .catch(selectLink);
        }}
      >
        Copier le lien
      </button>
      {copied && (
        <p role="status" class="hint">
          {copied === 'oui' ? 'Lien copié.' : 'Copie automatique impossible ici : le lien est sélectionné, copiez-le (Ctrl+C ou ⌘+C).'}
        </p>
      )}
      <QrCode text={link} />
      <h3 class="subhead">Intégrer à un site</h3>
      <p class="hint">
        Pour le site d'une Mission locale, d'un CIO ou d'un organisme : cette vue (la carte et la liste, avec ses filtres) dans un cadre, et un lien vers la carte complète. Collez ce code dans la page.
      </p>
      <label class="search-label" for="code-integration">
        Code d'intégration
      </label>
      <textarea id="code-integration" class="share-link" readOnly rows={4} value={embedSnippet(embedded)} onFocus={(event) => event.currentTarget.select()} data-testid="embed-snippet" />
      <h3 class="subhead">Imprimer</h3>
      <button
        type="button"
        class="more"
        onClick={() => requestPrint('liste')}
      >
        Imprimer la fiche (A4)
      </button>
      <h3 class="subhead">Exporter la liste ({plural(listed.total, 'formation')})</h3>
      <button type="button" class="more" disabled={listed.total === 0} onClick={() => downloadText(`formations-${stamp}.csv`, 'text/csv;charset=utf-8', toCsv(listed.all(), sources))}>
        CSV (Excel)
      </button>{' '}
      <button type="button" class="more" disabled={listed.total === 0} onClick={() => downloadText(`formations-${stamp}.geojson`, 'application/geo+json', JSON.stringify(toGeoJson(listed.all(), sources)))}>
        GeoJSON
      </button>
    </details>
  );
}
