import { IMPORTED_SOURCE_ID } from '../domain/training.ts';
import { useContext, useState } from 'preact/hooks';
import { fileImporterOf } from '../state/file-import.ts';
import { plural } from './format.ts';
import { StoreContext, useActions, useAppStore } from './use-app-store.ts';

const SHOWN_RECORDS = 50;

/** "Ouvrir un fichier": an LHEO XML or a supported CSV, read in the browser for this session only. */
export function FileImport() {
  const store = useContext(StoreContext);
  const importState = useAppStore((state) => state.importState);
  const imported = useAppStore((state) => state.imported);
  const { clearImport } = useActions();
  const [dragging, setDragging] = useState(false);
  const importer = store ? fileImporterOf(store, new URL(import.meta.env.BASE_URL, document.baseURI).href) : null;
  const open = (file: File | undefined) => {
    if (file) importer?.open(file);
  };
  const counts = imported?.report.sources[IMPORTED_SOURCE_ID];
  return (
    <section class="control file-import" aria-labelledby="file-import-title">
      <h2 id="file-import-title">Ouvrir un fichier</h2>
      <div
        class={`drop-zone${dragging ? ' is-dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          open(event.dataTransfer?.files[0]);
        }}
      >
        <label class="file-button">
          Choisir un fichier LHEO (.xml) ou CSV
          <input type="file" accept=".xml,.csv,text/xml,application/xml,text/csv" onChange={(event) => open(event.currentTarget.files?.[0])} data-testid="file-input" />
        </label>
        <p class="hint">
          ou déposez-le ici. Le fichier est lu dans votre navigateur et n'est envoyé nulle part ; il reste affiché pendant cette session seulement. Un seul fichier à la fois : en
          ouvrir un autre arrête la lecture en cours.
        </p>
      </div>
      {importState.status === 'reading' && (
        <p role="status">
          Lecture de {importState.fileName}…{' '}
          <progress max={1} value={importState.progress} aria-label="Progression de la lecture">
            {Math.round(importState.progress * 100)} %
          </progress>{' '}
          <button type="button" class="more" onClick={() => importer?.cancel()}>
            Annuler la lecture
          </button>
        </p>
      )}
      {importState.status === 'cancelled' && <p role="status">Lecture de {importState.fileName} annulée.</p>}
      {importState.status === 'error' && (
        <p role="alert" class="error" data-testid="import-error">
          Le fichier n'a pas pu être lu : {importState.error}
        </p>
      )}
      {imported && counts && (
        <div role="status" class="import-result" data-testid="import-result">
          <p>
            <strong>{imported.name}</strong> : {plural(counts.read, 'enregistrement')} lu{counts.read > 1 ? 's' : ''}, {plural(counts.kept, 'formation')} ajoutée
            {counts.kept > 1 ? 's' : ''} à la carte dans {plural(imported.dataset.sites.length, 'lieu', 'lieux')}, {plural(counts.merged, 'doublon')} fusionné{counts.merged > 1 ? 's' : ''},{' '}
            {plural(counts.rejected, 'enregistrement')} écarté{counts.rejected > 1 ? 's' : ''}.
          </p>
          {imported.warning && <p class="error">{imported.warning}</p>}
          {(imported.report.rejected.length > 0 || imported.report.warnings.length > 0) && (
            <details>
              <summary>Rapport d'import</summary>
              {imported.report.rejected.length > 0 && (
                <>
                  <h3 class="subhead">Écartés</h3>
                  <ul class="report">
                    {imported.report.rejected.slice(0, SHOWN_RECORDS).map((item, index) => (
                      <li key={index}>
                        {item.record}
                        {item.field ? ` (champ ${item.field})` : ''} : {item.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {imported.report.warnings.length > 0 && (
                <>
                  <h3 class="subhead">Avertissements</h3>
                  <ul class="report">
                    {imported.report.warnings.slice(0, SHOWN_RECORDS).map((item, index) => (
                      <li key={index}>
                        {item.record} : {item.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {imported.report.rejected.length + imported.report.warnings.length > 2 * SHOWN_RECORDS && <p class="hint">Liste tronquée : le rapport complet est produit par <code>npm run ingest</code>.</p>}
            </details>
          )}
          <button type="button" class="more" onClick={() => clearImport()}>
            Retirer ce fichier de la carte
          </button>
        </div>
      )}
    </section>
  );
}
