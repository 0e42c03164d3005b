/** Trouver mon master: master mentions, placed at their institution's head office. */
import { domainFromTitle } from '../../domain/domain-rules.ts';
import { collapseSpaces, foldText } from '../../domain/text.ts';
import type { Modalite, Site, Training, Voie } from '../../domain/training.ts';
import { readCount, readUrl, streetAddress } from '../fields.ts';
import { recordOf, siteName, UAI_PATTERN, type ImportContext, type OpenDataAdapter, type Table } from './shared.ts';

const TMM_DOMAINS: Readonly<Record<string, string>> = {
  'arts lettres langues': 'lettres-droit',
  'droit economie gestion': 'lettres-droit',
  'sciences humaines et sociales': 'lettres-droit',
  'sciences technologies sante': 'sciences',
};

function importTrouverMonMaster(table: Table, context: ImportContext): void {
  const { builder, locator } = context;
  const source = table.input.source;
  const campaign = (row: Table['rows'][number]) => Number.parseInt(row.get('Année de la campagne de recueil des informations'), 10);
  const latest = Math.max(...table.rows.map(campaign).filter(Number.isFinite));
  // An institution may be named by a UAI it had before (UPHF: 0593279U in 2019, 0597132G since;
  // Université de Lille: 0597065J, now 0597239Y): the MESR directory lists the former codes.
  const currentUai = (uai: string) => context.directory?.currentUai(uai) ?? uai;
  // Mentions keep their name across campaigns, not always their INM (a new accreditation gives a
  // new one), nor their institution's UAI.
  const keyOf = (row: Table['rows'][number]) => `${currentUai(row.get('Code UAI de l’établissement accrédité').toUpperCase())}|${foldText(row.get('Intitulé de la mention de master'))}`;
  const latestKeys = new Map(table.rows.filter((row) => campaign(row) === latest).map((row) => [keyOf(row), row]));
  // The latest campaign first, so older records can be merged into the mention they precede.
  const ordered = [...table.rows].sort((a, b) => Number(campaign(b) === latest) - Number(campaign(a) === latest) || a.line - b.line);
  const formerUaisSaid = new Set<string>();
  for (const row of ordered) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get('Code UAI de l’établissement accrédité').toUpperCase();
    const year = campaign(row);
    if (year !== latest) {
      const newer = latestKeys.get(keyOf(row));
      const into = newer ? builder.training(`tmm:${newer.get('Code UAI de l’établissement accrédité').toUpperCase()}:${newer.get('Identifiant navette de la mention (INM) de master')}`) : undefined;
      if (newer && into) builder.mergeInto(into.id, { provenance: [{ source, record }] }, source, `campagne ${year} remplacée par l'enregistrement ${latest} de la même mention`);
      else builder.reject(source, record, 'Année de la campagne de recueil des informations', `campagne ${year} antérieure à la dernière (${latest}), qui ne contient plus cette mention`);
      continue;
    }
    if (row.get('Mention ouverte ou non ouverte') === '0') {
      builder.reject(source, record, 'Mention ouverte ou non ouverte', 'mention non ouverte (valeur 0)');
      continue;
    }
    const inm = row.get('Identifiant navette de la mention (INM) de master');
    const mention = collapseSpaces(row.get('Intitulé de la mention de master'));
    if (!UAI_PATTERN.test(uai) || mention === '') {
      builder.reject(source, record, mention === '' ? 'Intitulé de la mention de master' : 'Code UAI de l’établissement accrédité', 'UAI ou mention absent');
      continue;
    }
    const sourceName = collapseSpaces(row.get('Nom d’usage de l’établissement accrédité') || row.get('Nom officiel (long) de l’établissement accrédité'));
    const postcode = row.get('Code postal de la ville de l’établissement accrédité');
    const ville = row.get('Ville de l’établissement accrédité');
    // The source gives the accrediting institution's head office, not where the master is taught:
    // the site is that head office, said so ("siège"), never a teaching site of the same UAI.
    const headOffice = context.directory?.headOffice(uai);
    // The site carries the institution's current UAI (its id stays the one links already name).
    const current = currentUai(uai);
    if (current !== uai && !formerUaisSaid.has(uai)) {
      formerUaisSaid.add(uai);
      builder.warn(source, record, `UAI ${uai} : ancien code de ${headOffice?.nom ?? current} (annuaire MESR, « anciens codes uai ») ; lieu rattaché à l'UAI actuel ${current}`);
    }
    const siteId = `siege:${uai}`;
    if (!builder.site(siteId)) {
      if (headOffice) {
        builder.upsertSite({ id: siteId, nom: headOffice.nom, uai: current, siret: null, adresse: headOffice.adresse, commune: headOffice.commune, point: headOffice.point, precision: 'siege', provenance: [headOffice.provenance, { source, record }] });
      } else {
        const located = locator.locate({ codePostal: postcode, ville });
        if (!located.ok) {
          builder.reject(source, record, 'Code postal de la ville de l’établissement accrédité', `${sourceName}: ${located.reason}`);
          continue;
        }
        const address = streetAddress(row.get('Adresse de l’établissement accrédité'), postcode, ville);
        const shown = siteName(context, sourceName, located.place.commune);
        builder.upsertSite({ id: siteId, nom: shown, uai, siret: null, adresse: address, commune: located.place.commune, point: located.place.point, precision: 'siege', provenance: [{ source, record, ...(shown !== sourceName ? { nom: sourceName } : {}) }] });
      }
    } else builder.upsertSite({ ...(builder.site(siteId) as Site), provenance: [{ source, record }] });
    const modalities = foldText(row.get('Modalités d’enseignement de la mention'));
    const voies: Voie[] = [];
    if (modalities.includes('formation initiale')) voies.push('scolaire');
    if (modalities.includes('apprentissage')) voies.push('apprentissage');
    // "alternance" alone may be a contrat de professionnalisation: not counted as apprenticeship.
    if (modalities.includes('alternance')) voies.push('alternance');
    if (modalities.includes('formation continue')) voies.push('continue');
    const modalite: Modalite = modalities.includes('a distance') ? 'distance' : modalities.includes('hybride') ? 'mixte' : 'presentiel';
    const domain = foldText(row.get('Domaine(s) de la mention de master').split(/[;|]/)[0] ?? '');
    const byTitle = domainFromTitle(`Master ${mention}`);
    const training: Training = {
      id: `tmm:${uai}:${inm}`,
      siteId,
      intitule: `Master ${mention}`,
      diplome: 'Master',
      niveau: 7,
      niveauOrigin: 'diplome',
      nsf: null,
      // The mention's own words first ("Master Finance", "Master Génie civil"), else the master's broad group
      // ("droit, économie, gestion" would file a master in management under lettres-droit).
      domaine: byTitle?.domaine ?? TMM_DOMAINS[domain] ?? null,
      domaineOrigin: byTitle ? `intitule:${byTitle.rule}` : TMM_DOMAINS[domain] ? 'tmm' : null,
      voies: voies.length > 0 ? voies : ['scolaire'],
      modalite,
      conventionne: null,
      capacite: readCount(row.get('Capacité d’accueil limitée au 1er semestre')),
      sessions: [],
      organisme: builder.site(siteId)?.nom ?? sourceName,
      url: readUrl(row.get('URL de la fiche relative à la mention sur le site internet de l’établissement')),
      certification: inm ? { inm } : {},
      provenance: [{ source, record }],
      acces: [],
    };
    builder.addTraining(training, source, 'même UAI et même mention deux fois dans la campagne');
  }
}

export const TMM_ADAPTER: OpenDataAdapter = {
  layout: 'tmm',
  columns: ['Identifiant navette de la mention (INM) de master', 'Intitulé de la mention de master'],
  accentColumns: ['Intitulé de la mention de master', 'Nom d’usage de l’établissement accrédité'],
  importTable: importTrouverMonMaster,
};
