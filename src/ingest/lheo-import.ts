import { domainFromNsf } from '../domain/domains.ts';
import { diplomaFromLabel, levelFromLheoCode } from '../domain/levels.ts';
import { collapseSpaces, foldText, htmlToPlainText, shortHash } from '../domain/text.ts';
import type { Modalite, Training, Voie } from '../domain/training.ts';
import type { DatasetBuilder } from './dataset-builder.ts';
import { readDate, readRecruitmentState, readUrl } from './fields.ts';
import type { LheoAction, LheoOffer } from './lheo.ts';
import type { Locator } from './locator.ts';

const MODALITES: Readonly<Record<string, Modalite>> = { '0': 'presentiel', '1': 'mixte', '2': 'distance' };

function voiesOf(action: LheoAction, intitule: string): Voie[] {
  const voies = new Set<Voie>();
  for (const type of action.typesFormation) {
    if (type === 'formation-initiale') voies.add('scolaire');
    else if (type === 'apprentissage') voies.add('apprentissage');
    // LHEO's "alternance" covers the contrat de professionnalisation too: kept apart.
    else if (type === 'alternance') voies.add('alternance');
    else voies.add('continue');
  }
  if (/\bapprentissage\b/.test(foldText(intitule))) voies.add('apprentissage');
  // LHEO feeds (Carif-Oref, Intercarif) publish continuing education unless they say otherwise.
  if (voies.size === 0) voies.add('continue');
  return [...voies];
}

/**
 * Turns one LHEO offer into trainings (one per action: place, mode, funding and sessions are per
 * action) and their sites. Every action is counted as read, then kept, merged or rejected.
 * @param source - id of the source in the builder
 */
/** ROME v3 codes as a file writes them ("h2913 ", "H2913"), each once; anything else is left out. */
function romesOf(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => code.trim().toUpperCase()).filter((code) => /^[A-N]\d{4}$/.test(code)))];
}

export function importLheoOffer(offer: LheoOffer, builder: DatasetBuilder, locator: Locator, source: string): void {
  const formationRecord = offer.numero ? `${offer.shape} ${offer.numero}` : `${offer.shape} ligne ${offer.line}`;
  if (offer.actions.length === 0) {
    builder.read(source);
    builder.reject(source, formationRecord, 'action', 'formation sans action (ni lieu ni session)');
    return;
  }
  for (const [index, action] of offer.actions.entries()) {
    const record = offer.shape === 'formation' ? `${formationRecord} action ${action.numero ?? index + 1}` : formationRecord;
    builder.read(source);
    const intitule = collapseSpaces(htmlToPlainText(offer.intitule ?? ''));
    if (intitule === '') {
      builder.reject(source, record, 'intitule-formation', 'intitule-formation absent');
      continue;
    }
    if (!offer.numero) builder.warn(source, record, 'pas d’attribut numero : l’enregistrement est identifié par sa ligne');
    const lieu = action.lieu;
    const located = locator.locate({
      latitude: lieu.latitude,
      longitude: lieu.longitude,
      codeInsee: lieu.codeInsee,
      codePostal: lieu.codepostal,
      ville: lieu.ville,
      nom: lieu.nom,
    });
    if (!located.ok) {
      builder.reject(source, record, located.field, located.outsideRegion ? `hors des Hauts-de-France : ${located.reason}` : located.reason);
      continue;
    }
    if (located.warning) builder.warn(source, record, located.warning);
    const organisme = offer.organisme.nom ? collapseSpaces(htmlToPlainText(offer.organisme.nom)) : null;
    const siteName = collapseSpaces(htmlToPlainText(lieu.nom ?? organisme ?? lieu.ville ?? 'Lieu de formation'));
    const address = [...lieu.lignes, [lieu.codepostal, lieu.ville].filter(Boolean).join(' ')].map((line) => collapseSpaces(line)).filter(Boolean).join(', ');
    const siteId = `lheo:${located.place.commune}:${shortHash(foldText(`${offer.organisme.siret ?? ''}|${siteName}|${address}`))}`;
    builder.upsertSite({
      id: siteId,
      nom: siteName,
      uai: null,
      siret: offer.organisme.siret && /^\d{14}$/.test(offer.organisme.siret) ? offer.organisme.siret : null,
      adresse: address || null,
      commune: located.place.commune,
      point: located.place.point,
      precision: located.place.precision,
      provenance: [{ source, record }],
    });
    const level = levelFromLheoCode(offer.niveauSortie);
    const diploma = diplomaFromLabel(intitule);
    const nsf = offer.nsf.find((code) => /^\d{3}/.test(code))?.slice(0, 3) ?? null;
    const sessions = action.sessions.map((session) => {
      const debut = readDate(session.debut);
      const fin = readDate(session.fin);
      if (session.debut && !debut) builder.warn(source, record, `session ${session.numero ?? ''} : date de début illisible "${session.debut}"`);
      return { debut, fin, etat: readRecruitmentState(session.etatRecrutement) };
    });
    const training: Training = {
      id: `lheo:${offer.numero ?? `l${offer.line}`}${offer.shape === 'formation' ? `:${action.numero ?? index + 1}` : ''}`,
      siteId,
      intitule,
      diplome: diploma?.diplome ?? null,
      niveau: level?.niveau ?? diploma?.niveau ?? null,
      niveauOrigin: level ? level.origin : diploma?.niveau ? 'intitule' : null,
      nsf,
      domaine: domainFromNsf(nsf),
      voies: voiesOf(action, intitule),
      modalite: MODALITES[(action.modalitesEnseignement ?? '').trim()] ?? null,
      conventionne: action.conventionnement === '1' ? true : action.conventionnement === '0' ? false : null,
      capacite: null,
      sessions,
      organisme,
      url: readUrl(action.url) ?? readUrl(offer.url),
      certification: {
        ...(offer.rncp ? { rncp: offer.rncp } : {}),
        ...(offer.certifinfo ? { certifinfo: offer.certifinfo } : {}),
        ...(offer.rs ? { rs: offer.rs } : {}),
      },
      provenance: [{ source, record }],
      acces: [],
      // The file's own ROME codes (LHEO `code-ROME`), kept as it gives them; the nomenclature step adds Certif Info's.
      romes: romesOf(offer.rome),
      romeOrigin: romesOf(offer.rome).length > 0 ? 'lheo' : null,
    };
    builder.addTraining(training, source, `identifiant en double ${training.id}`);
  }
}
