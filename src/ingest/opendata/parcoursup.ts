/** Parcoursup (formations et coordonnées): higher-education programmes with their coordinates. */
import { diplomaFromLabel } from '../../domain/levels.ts';
import { collapseSpaces, foldText, htmlToPlainText, shortHash } from '../../domain/text.ts';
import type { Site, Training } from '../../domain/training.ts';
import { departementOfUai } from '../locator.ts';
import { importPendingBts } from './bts-parcoursup.ts';
import { distanceMetres, rememberSite, recordOf, SAME_PLACE_METRES, siteName, siteName as shownName, UAI_PATTERN, type ImportContext, type OpenDataAdapter, type Table } from './shared.ts';

function importParcoursup(table: Table, context: ImportContext): void {
  const { builder, locator } = context;
  const source = table.input.source;
  for (const row of table.rows) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get('Code UAI de l etablissement').toUpperCase();
    const rawLabel = collapseSpaces(htmlToPlainText(row.get('Filiere de formation')));
    const name = collapseSpaces(row.get('etablissement'));
    if (!UAI_PATTERN.test(uai)) {
      builder.reject(source, record, 'Code UAI de l etablissement', `"${uai}" n'est pas un UAI (7 chiffres et une lettre)`);
      continue;
    }
    if (rawLabel === '') {
      builder.reject(source, record, 'Filiere de formation', 'libellé vide');
      continue;
    }
    const [latitude, longitude] = row.get('Coordonnées GPS de la formation').split(',').map((part) => part.trim());
    const fromSource = locator.locate({ latitude: latitude ?? null, longitude: longitude ?? null, expectedDepartement: departementOfUai(uai), nom: name });
    if (!fromSource.ok) {
      builder.reject(source, record, 'Coordonnées GPS de la formation', `${name} (UAI ${uai}): ${fromSource.reason}`);
      continue;
    }
    // A lycée the Annuaire de l'éducation places at its address: that address, not Parcoursup's
    // point when the two disagree by more than a site's extent (reported, the directory kept).
    const listed = context.directory?.establishment(uai);
    const disagreement = listed && listed.kind === 'lycee' && listed.precision === 'address' ? distanceMetres(listed.point, fromSource.place.point) : 0;
    const located = listed && disagreement > SAME_PLACE_METRES ? { ...fromSource, place: { commune: listed.commune, point: listed.point, precision: 'address' as const } } : fromSource;
    if (listed && disagreement > SAME_PLACE_METRES) builder.warn(source, record, `${name} (UAI ${uai}) : Parcoursup place ce lieu à ${Math.round(disagreement)} m de l'adresse de l'Annuaire de l'éducation (${listed.adresse ?? listed.commune}) ; l'adresse de l'annuaire est gardée`);
    const sites = (context.sitesByUai.get(uai) ?? []).map((id) => builder.site(id)).filter((site): site is Site => site !== undefined);
    // A point corrected to a commune yields to a site of the same UAI already located at its address.
    const corrected = located.place.precision === 'commune' ? sites.find((site) => site.precision === 'address') : undefined;
    if (located.warning) builder.warn(source, record, `${name} (UAI ${uai}): ${located.warning}${corrected ? ` ; le même UAI est situé en ${corrected.id}, utilisé à la place` : ''}`);
    // A site is one place: rows of a UAI within a few hundred metres share it, farther ones get their own.
    const near = corrected ?? sites.find((site) => site.commune === located.place.commune && distanceMetres(site.point, located.place.point) <= SAME_PLACE_METRES);
    let siteId: string;
    if (near) {
      siteId = near.id;
      builder.upsertSite({ ...near, provenance: [{ source, record }] });
    } else {
      const base = `uai:${uai}:${located.place.commune}`;
      siteId = base;
      for (let count = 2; builder.site(siteId); count += 1) siteId = `${base}:${count}`;
      const fromDirectory = listed && disagreement > SAME_PLACE_METRES ? listed : null;
      builder.upsertSite({
        id: siteId,
        nom: siteName(context, name, located.place.commune),
        uai,
        siret: null,
        adresse: fromDirectory?.adresse ?? null,
        commune: located.place.commune,
        point: located.place.point,
        precision: located.place.precision,
        provenance: [{ source, record, ...(shownName(context, name, located.place.commune) !== name ? { nom: name } : {}) }, ...(fromDirectory ? [fromDirectory.provenance] : [])],
      });
      rememberSite(context, uai, siteId);
    }
    const label = context.lexicon.restore(rawLabel);
    const diploma = diplomaFromLabel(label);
    const key = `${uai}|${foldText(label)}`;
    // The same label at another place of the UAI is another training, not a duplicate.
    const baseId = `psup:${uai}:${shortHash(foldText(label))}`;
    const sameLabel = builder.training(baseId);
    const id = sameLabel && sameLabel.siteId !== siteId ? `${baseId}:${siteId.split(':').slice(2).join(':')}` : baseId;
    const training: Training = {
      id,
      siteId,
      intitule: label,
      diplome: diploma?.diplome ?? null,
      niveau: diploma?.niveau ?? null,
      niveauOrigin: diploma?.niveau ? 'intitule' : null,
      nsf: null,
      domaine: null,
      voies: ['scolaire'],
      modalite: null,
      conventionne: null,
      capacite: null,
      sessions: [],
      organisme: builder.site(siteId)?.nom ?? name,
      url: null,
      certification: {},
      provenance: [{ source, record }],
      acces: [],
    };
    if (builder.addTraining(training, source, 'même UAI, même lieu et même libellé deux fois dans le fichier') === 'kept' && !context.parcoursupByKey.has(key)) context.parcoursupByKey.set(key, training.id);
  }
}

export const PARCOURSUP_ADAPTER: OpenDataAdapter = {
  layout: 'parcoursup',
  columns: ['Code UAI de l etablissement', 'Filiere de formation', 'Coordonnées GPS de la formation'],
  importTable: (table, context) => {
    importParcoursup(table, context);
    // The BTS rows read before Parcoursup join its trainings now.
    importPendingBts(context);
  },
};
