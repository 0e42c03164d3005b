import { Coverage } from './Coverage.tsx';
import { About } from './About.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';
import { Credits } from './Credits.tsx';
import { FileImport } from './FileImport.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { LayerControl } from './LayerControl.tsx';
import { NetworkList } from './NetworkList.tsx';
import { OfferList } from './OfferList.tsx';
import { OrganismeList } from './OrganismeList.tsx';
import { OverlayControl } from './OverlayControl.tsx';
import { PlacePanel } from './PlacePanel.tsx';
import { Guard } from './Guard.tsx';
import { DataStatus, MapArea } from './MapArea.tsx';
import { PointCard } from './PointCard.tsx';
import { PrintSheet } from './PrintSheet.tsx';
import { SelectionPanel } from './SelectionPanel.tsx';
import { SharePanel } from './SharePanel.tsx';
import { TerritoryPanel } from './TerritoryPanel.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { LazyEmbedApp } from './lazy-embed.tsx';
import { ZoneCard } from './ZoneCard.tsx';
import { ZoneList } from './ZoneList.tsx';
import { useAppStore } from './use-app-store.ts';

/** The page: header, side panel (controls, cards, lists), the map, credits. */
export function App({ mapContainer }: { mapContainer: (element: HTMLDivElement | null) => void }) {
  const site = useAppStore((state) => state.site);
  const zone = useAppStore((state) => state.zone);
  const integre = useAppStore((state) => state.integre);
  if (integre) return <LazyEmbedApp mapContainer={mapContainer} />;
  return (
    <div class="layout">
      <nav class="skip-links" aria-label="Accès rapide">
        <a class="skip-link" href="#carte-interactive">
          Aller à la carte
        </a>
        <a class="skip-link" href="#recherche">
          Aller à la recherche
        </a>
        <a class="skip-link" href="#offer-list-title">
          Aller à la liste des formations
        </a>
      </nav>
      <UpdateBanner />
      <header class="app-header">
        <h1>Carte formation-emploi</h1>
        <p class="subtitle">Hauts-de-France · offre de formation et territoires de l'emploi</p>
      </header>
      <aside class="panel" aria-label="Panneau de la carte">
        <DataStatus />
        {/* Each part in its own boundary: one that fails says so, the others go on. Cards start afresh on a new selection. */}
        <Guard name="la fiche du lieu" key={`site:${site ?? ''}`}>
          <PointCard />
        </Guard>
        <Guard name="la fiche du territoire" key={`zone:${zone ? `${zone.zoning}:${zone.code}` : ''}`}>
          <ZoneCard />
        </Guard>
        <Guard name="la recherche d'un lieu">
          <PlacePanel />
        </Guard>
        <Guard name="la recherche et les filtres">
          <FilterPanel />
        </Guard>
        <LayerControl />
        <Guard name="la lecture du territoire">
          <TerritoryPanel />
          <ComparePanel />
        </Guard>
        <OverlayControl />
        <Guard name="la liste des formations">
          <OfferList />
        </Guard>
        <Guard name="la sélection et le partage">
          <SelectionPanel />
          <SharePanel />
        </Guard>
        <Guard name="les listes de la carte">
          <OrganismeList />
          <NetworkList />
          <ZoneList />
        </Guard>
        <Guard name="l'ouverture d'un fichier">
          <FileImport />
        </Guard>
        <Guard name="les chiffres et les sources">
          <KeyFigures />
          <Coverage />
          <Credits />
          <About />
        </Guard>
      </aside>
      <PrintSheet />
      <MapArea mapContainer={mapContainer} />
    </div>
  );
}
