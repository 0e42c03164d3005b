/**
 * Trust, round three: what a card says of places and voies traces to the raw rows, over every
 * training (not a sample).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../src/domain/dataset-codec.ts';
import { describePlaces, placesOf } from '../../src/domain/places.ts';
import { foldText } from '../../src/domain/text.ts';
import { describeWithSources, SHARED_SOURCES } from '../unit/shared-sources.ts';

const decoded = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
const { trainings } = decoded.value;

describe('places and voies, as the sources say them', () => {
  it('never shows 999, Affelnet’s "no limit", as a number of places', () => {
    expect(trainings.filter((training) => training.capacite === 999 || training.acces.some((item) => item.places === 999)).map((training) => training.id)).toEqual([]);
    const unlimited = trainings.filter((training) => training.acces.some((item) => item.placesNonLimitees));
    expect(unlimited.length).toBeGreaterThan(30);
    for (const training of unlimited.filter((item) => item.capacite === null)) expect(describePlaces(placesOf(training))).toMatch(/non limitées ou non précisées/);
  });

  it('adds the school and apprenticeship places of a training under both statuses', () => {
    const both = trainings.filter((training) => ['sous statut scolaire', 'en apprentissage'].every((statut) => training.acces.some((item) => item.entree === statut)));
    expect(both.length).toBe(262);
    for (const training of both) {
      const parts = ['sous statut scolaire', 'en apprentissage'].map((statut) => training.acces.filter((item) => item.entree === statut));
      const sum = parts.every((list) => list.every((item) => item.places !== null)) ? parts.flat().reduce((total, item) => total + (item.places ?? 0), 0) : null;
      expect(training.capacite, training.id).toBe(sum);
    }
  });

  it('takes the voie from Affelnet’s status column (all ST: scolaire), not from a MEF label saying "pour apprentis"', () => {
    const affelnetOnly = trainings.filter((training) => training.provenance.every((item) => item.source === 'affelnet-2022'));
    expect(affelnetOnly.length).toBeGreaterThan(1500);
    expect(affelnetOnly.filter((training) => training.voies.join() !== 'scolaire').map((training) => `${training.id} ${training.voies.join()}`)).toEqual([]);
  });
});

describe('communes merged since', () => {
  it('places an organisation in a commune merged since through the merge table (Marconne → Hesdin-la-Forêt)', () => {
    const mfr = decoded.ok ? decoded.value.organismes.find((organisme) => organisme.uai === '0624292D') : undefined;
    expect(mfr?.commune).toBe('62447');
    expect(mfr?.precision).toBe('commune');
    // Its trainings (Affelnet, by its UAI) are on the map too.
    const site = decoded.ok ? decoded.value.sites.find((item) => item.uai === '0624292D') : undefined;
    expect(site?.commune).toBe('62447');
    expect(trainings.filter((training) => training.siteId === site?.id).length).toBeGreaterThan(0);
  });
});

describe('domains', () => {
  it('files no master whose title names management, finance or civil engineering under lettres-droit', () => {
    const masters = trainings.filter((training) => training.id.startsWith('tmm:'));
    // Filed by a guess (not by the NSF group of its diploma's code, which is the nomenclature's own filing).
    const misfiled = masters.filter((training) => training.domaineOrigin !== 'code' && /\b(management|finance|gestion|genie civil|génie civil)\b/i.test(training.intitule) && !/\bdroit\b/i.test(training.intitule) && training.domaine === 'lettres-droit');
    expect(misfiled.map((training) => training.intitule)).toEqual([]);
    expect(masters.filter((training) => /^Master Finance$/.test(training.intitule)).every((training) => training.domaine === 'gestion')).toBe(true);
  });

  it('takes the domain from the NSF group of the diploma’s code wherever there is one', () => {
    const coded = trainings.filter((training) => training.cfd && training.nsf);
    expect(coded.length).toBeGreaterThan(2500);
    expect(coded.filter((training) => training.domaineOrigin !== 'code').map((training) => `${training.id} ${training.domaineOrigin}`)).toEqual([]);
  });
});

describeWithSources('precision of places (against the raw lycées directory)', () => {
  it('places a lycée the Annuaire de l’éducation lists at its address, not at a Parcoursup point far from it, and reports the disagreement', async () => {
    const report = JSON.parse(readFileSync('data/import-report.json', 'utf8')) as { warnings: { source: string; record: string; message: string }[] };
    const said = report.warnings.filter((warning) => warning.source === 'parcoursup' && /l'adresse de l'annuaire est gardée/.test(warning.message));
    expect(new Set(said.map((warning) => /UAI (\w+)/.exec(warning.message)?.[1])).size).toBeGreaterThanOrEqual(20);
    // The Hautmont lycée the audit found drawn in Feignies… wherever the directory has it, it is there.
    const { readLyceeDirectoryPoints } = await import('./lycee-points.ts');
    const directory = readLyceeDirectoryPoints();
    expect(directory.size).toBeGreaterThan(300);
    const sites = decoded.ok ? decoded.value.sites : [];
    const far = sites.filter((site) => site.uai && site.precision === 'address' && directory.has(site.uai) && !site.id.startsWith('siege:')).filter((site) => {
      const point = directory.get(site.uai ?? '') as [number, number];
      const km = Math.hypot((site.point[0] - point[0]) * 71.5, (site.point[1] - point[1]) * 111.2);
      return km > 0.3;
    });
    expect(far.map((site) => `${site.id} ${site.nom}`)).toEqual([]);
  });
});

describe('a town’s generic point is not an address', () => {
  it('claims "address" for no site at whole arcminutes (EPITECH, EPSI, ESJ in Lille were at 50°38′ N, 3°04′ E)', async () => {
    const { isGenericPoint } = await import('../../src/ingest/locator.ts');
    expect(isGenericPoint(50.63333, 3.06667)).toBe(true);
    expect(isGenericPoint(50.62935, 3.05357)).toBe(false);
    const sites = decoded.ok ? decoded.value.sites : [];
    expect(sites.filter((site) => site.precision === 'address' && isGenericPoint(site.point[1], site.point[0])).map((site) => site.nom)).toEqual([]);
    const lille = sites.filter((site) => ['0596851B', '0597010Z', '0593207R'].includes(site.uai ?? ''));
    expect(lille.map((site) => site.precision)).toEqual(['commune', 'commune', 'commune']);
  });
});

describe('addresses the sources give', () => {
  it('gives no site a postcode and town as its address when the source gives no street', async () => {
    const { streetAddress } = await import('../../src/ingest/fields.ts');
    expect(streetAddress('', '59300', 'Aulnoy-lez-Valenciennes')).toBeNull();
    expect(streetAddress('Le Mont Houy', '59313', 'Trith-Saint-Léger')).toBe('Le Mont Houy, 59313 Trith-Saint-Léger');
    const sites = decoded.ok ? decoded.value.sites : [];
    expect(sites.filter((site) => site.adresse !== null && /^\d{5}\s/.test(site.adresse)).map((site) => `${site.id} ${site.adresse}`)).toEqual([]);
  });
});

describe('the same training once', () => {
  it('a Parcoursup BTS and the BTS file’s apprenticeship row for the same lycée and diploma are one training with two voies', () => {
    const bySite = new Map<string, typeof trainings>();
    for (const training of trainings) bySite.set(training.siteId, [...(bySite.get(training.siteId) ?? []), training]);
    const twins: string[] = [];
    for (const list of bySite.values()) {
      // The label each source gives (the source's own title), as the importer joins them.
      const label = (training: (typeof trainings)[number]) => foldText((training.intituleSource ?? training.intitule).replace(/ - en apprentissage.*$/i, ''));
      for (const apprenticeship of list.filter((training) => training.id.startsWith('bts:') && training.voies.join() === 'apprentissage')) {
        const school = list.find((training) => training.id.startsWith('psup:') && training.diplome === 'BTS' && label(training) === label(apprenticeship));
        if (school) twins.push(`${school.id} + ${apprenticeship.id}`);
      }
    }
    expect(twins).toEqual([]);
  });
});

describe('an agricultural Bac pro once', () => {
  it('a "2nde pro agricole" and a "1ère pro agricole" row of the same Bac pro at the same lycée are one training, entered in 2nde or 1re', () => {
    const title = (training: (typeof trainings)[number]) => foldText(training.intituleSource ?? training.intitule).replace(/^(annee \d \d |2nde|2nd|2d|1ere|1e|1er)\s*pro\s*a?\s*(agricole|agri)?\s*/, '').replace(/\s*pour apprentis$/, '');
    const affelnet = trainings.filter((training) => training.id.startsWith('affelnet:'));
    const seconds = affelnet.filter((training) => training.acces.length > 0 && training.acces.every((item) => item.entree === '2nde'));
    const firsts = affelnet.filter((training) => training.acces.length > 0 && training.acces.every((item) => item.entree === '1re'));
    const twins = seconds.flatMap((second) => firsts.filter((first) => first.siteId === second.siteId && title(first) === title(second)).map((first) => `${second.id} + ${first.id}`));
    expect(twins).toEqual([]);
    const merged = affelnet.filter((training) => /agri/i.test(training.intituleSource ?? '') && training.acces.some((item) => item.entree === '2nde') && training.acces.some((item) => item.entree === '1re'));
    expect(merged.length).toBeGreaterThan(5);
  });
});

describe('names as people write them, the source’s kept', () => {
  it('shows no shouted word, no capital particle, no "Faculte"; keeps the source’s name in the provenance when it differs', () => {
    const data = decoded.ok ? decoded.value : null;
    const names = [...(data?.sites ?? []).map((site) => site.nom), ...(data?.organismes ?? []).map((organisme) => organisme.nom)];
    const shouted = names.filter((name) => /(^|[^\p{L}])\p{Lu}{5,}([^\p{L}]|$)/u.test(name) && !/\b(GRETA|AFTRAL|AFORP|IFRIA|IFCASS|IHECF|PROMOTRANS|IDRAC|ISCID|CRSSA)\b/.test(name));
    expect(shouted).toEqual([]);
    expect(names.filter((name) => /\s(De|Du|Des)\s/.test(name) || /\bFaculte\b/.test(name))).toEqual([]);
    const lemonnier = data?.sites.find((site) => /Elisa Lemonnier/.test(site.nom));
    expect(lemonnier?.provenance.some((item) => item.nom === 'Lycee Elisa LEMONNIER')).toBe(true);
  });
});

describeWithSources('an institution under its old and new UAI is one (MESR directory, « anciens codes uai »)', () => {
  it('no site carries a former UAI, and a former UAI’s older master records merge into the mention under the current one', async () => {
    const { parseCsv } = await import('../../src/ingest/csv.ts');
    const [header, ...rows] = parseCsv(readFileSync(`${SHARED_SOURCES}/training/esr_principaux_etablissements_hdf.csv`, 'utf8').replace(/^\uFEFF/, ''));
    const cells = header?.cells.map((cell) => cell.trim()) ?? [];
    const current = cells.indexOf('uai - identifiant');
    const former = cells.indexOf('anciens codes uai');
    const formerUais = new Map<string, string>();
    for (const row of rows) {
      const uais = (row.cells[current] ?? '').split(/[;,\s]+/).filter(Boolean);
      for (const code of (row.cells[former] ?? '').split(/[;,\s]+/).filter(Boolean)) if (!uais.includes(code)) formerUais.set(code, uais[0] ?? '');
    }
    expect(formerUais.get('0593279U')).toBe('0597132G');
    expect(formerUais.get('0597065J')).toBe('0597239Y');
    const sites = decoded.ok ? decoded.value.sites : [];
    expect(sites.filter((site) => site.uai !== null && formerUais.has(site.uai)).map((site) => `${site.id} ${site.uai ?? ''}`)).toEqual([]);
    // The UPHF's 2019 records (0593279U) are the same mentions as its 2021 ones (0597132G).
    const report = JSON.parse(readFileSync('data/import-report.json', 'utf8')) as { rejected: { source: string; record: string; reason: string }[]; merged: { source: string; record: string; into: string }[] };
    const [tmmHeader, ...tmmRows] = parseCsv(readFileSync(`${SHARED_SOURCES}/training/tmm_masters_mentions_francuniv_hdf.csv`, 'utf8').replace(/^\uFEFF/, ''));
    const uaiColumn = tmmHeader?.cells.indexOf('Code UAI de l’établissement accrédité') ?? -1;
    const linesOf = (uai: string) => new Set(tmmRows.filter((row) => row.cells[uaiColumn] === uai).map((row) => `ligne ${row.line}`));
    const uphf2019 = linesOf('0593279U');
    expect(uphf2019.size).toBe(33);
    const merged = report.merged.filter((entry) => entry.source === 'tmm' && uphf2019.has(entry.record));
    expect(merged.length).toBeGreaterThanOrEqual(25);
    expect(merged.every((entry) => entry.into.startsWith('tmm:0597132G:'))).toBe(true);
    expect(report.rejected.filter((entry) => entry.source === 'tmm' && uphf2019.has(entry.record) && /ne contient plus/.test(entry.reason)).length).toBeLessThan(uphf2019.size - 25);
  });
});

describe('the published counts, re-run', () => {
  const report = JSON.parse(readFileSync('data/import-report.json', 'utf8')) as { sources: Record<string, { read: number; kept: number; merged: number; rejected: number; sites: number; precision: { address: number; commune: number; siege: number } }> };
  const number = (text: string) => (text.trim() === '—' ? null : Number(text.replace(/[,\s]/g, '')));

  it('data/SOURCES.md’s table of counts is the import report’s, source by source', () => {
    const markdown = readFileSync('data/SOURCES.md', 'utf8');
    const table = markdown.slice(markdown.indexOf('| source | read | kept |'));
    const lines = table.split('\n');
    const end = lines.findIndex((line) => !line.startsWith('|'));
    const rows = lines.slice(2, end).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(rows.map((row) => row[0])).toEqual(Object.keys(report.sources));
    for (const [id, read, kept, merged, rejected, sites, address, commune, siege] of rows) {
      const counts = report.sources[id ?? ''];
      const perSite = counts && counts.sites > 0 ? [counts.sites, counts.precision.address, counts.precision.commune, counts.precision.siege] : [null, null, null, null];
      expect([read, kept, merged, rejected, sites, address, commune, siege].map((cell) => number(cell ?? '')), id).toEqual([counts?.read, counts?.kept, counts?.merged, counts?.rejected, ...perSite]);
    }
  });

  it('the README’s and SOURCES.md’s "trainings at sites" are the committed file’s', () => {
    const said = `${trainings.length.toLocaleString('en-US')} trainings at ${(decoded.ok ? decoded.value.sites.length : 0).toLocaleString('en-US')} sites`;
    expect(readFileSync('data/SOURCES.md', 'utf8')).toContain(said);
    expect(readFileSync('README.md', 'utf8')).toContain(`${trainings.length.toLocaleString('en-US')} real trainings at ${(decoded.ok ? decoded.value.sites.length : 0).toLocaleString('en-US')} sites`);
  });
});

describe('a lycée renamed in the directory', () => {
  it('shows the Annuaire de l’éducation’s name, the former one beside it and in the provenance, on the site and its trainings', () => {
    const sites = decoded.ok ? decoded.value.sites : [];
    const site = sites.find((item) => item.uai === '0601845E');
    expect(site?.nom).toBe('Lycée Professionnel Hubertine Auclert (anciennement Lycée professionnel de La Foret)');
    expect(site?.provenance[0]?.nom).toBe('Lycee professionnel De La Foret');
    expect(new Set(trainings.filter((training) => training.siteId === site?.id).map((training) => training.organisme))).toEqual(new Set([site?.nom]));
  });
});

/**
 * Every figure a card shows, traced back to the raw rows its provenance names, for every training
 * (not a sample): read here from the raw files, independently of the importers.
 */
describeWithSources('every card figure traces to its raw row (places, voie, precision), over all trainings', () => {
  type Raw = Map<string, Record<string, string>>;
  const rawOf = async (file: string): Promise<Raw> => {
    const { parseCsvLines } = await import('../../src/ingest/csv.ts');
    return new Map(parseCsvLines(readFileSync(`${SHARED_SOURCES}/training/${file}`, 'utf8')).map((row) => [`ligne ${row.line}`, row.record]));
  };
  const count = (text: string | undefined) => (text === undefined || text.trim() === '' ? null : Number(text));

  it('places and wishes: each access line of a card is a raw row of its provenance, 999 said as "not limited"', async () => {
    const affelnet = await rawOf('affelnet_capacite_2022_tjp_hdf.csv');
    const bts = await rawOf('bts_parcoursup_capacite_2024_tjp_hdf.csv');
    const untraced: string[] = [];
    for (const training of trainings) {
      const rows = (source: string, raw: Raw) => training.provenance.filter((item) => item.source === source).map((item) => raw.get(item.record));
      const affelnetRows = rows('affelnet-2022', affelnet);
      const btsRows = rows('bts-2024', bts);
      for (const entry of training.acces) {
        const traced =
          entry.source === 'Affelnet 2022'
            ? affelnetRows.some((row) => row !== undefined && count(row['Demandes vœux 1']) === entry.voeux && (count(row['Capacité carte scolaire']) === 999 ? entry.placesNonLimitees === true && entry.places === null : count(row['Capacité carte scolaire']) === entry.places))
            : btsRows.some((row) => row !== undefined && count(row['NB_VOEUX_CONFIRMES']) === entry.voeux && count(row['CAPACITEPSUP']) === entry.places && entry.entree === (row['STATUT'] === 'Apprentissage' ? 'en apprentissage' : 'sous statut scolaire'));
        if (!traced) untraced.push(`${training.id} ${entry.source} ${entry.entree ?? ''} ${entry.places ?? '?'} places ${entry.voeux ?? '?'} vœux`);
      }
      // The places a card gives are the sum of its access lines (school and apprenticeship), when each is known.
      const places = training.acces.filter((entry) => entry.entree === null || !/^2nde commune/.test(entry.entree));
      if (training.acces.length > 0 && training.capacite !== null && places.every((entry) => entry.places !== null) && !places.some((entry) => entry.entree === '2nde' || entry.entree === '1re')) {
        expect(training.capacite, training.id).toBe(places.reduce((sum, entry) => sum + (entry.places ?? 0), 0));
      }
    }
    expect(untraced).toEqual([]);
  });

  it('voies: each voie of a card is one a raw row of its provenance says, and each row’s voie is on the card', async () => {
    const raw = {
      'affelnet-2022': await rawOf('affelnet_capacite_2022_tjp_hdf.csv'),
      'bts-2024': await rawOf('bts_parcoursup_capacite_2024_tjp_hdf.csv'),
      tmm: await rawOf('tmm_masters_mentions_francuniv_hdf.csv'),
    };
    const voiesOfRow = (source: string, row: Record<string, string>): string[] => {
      if (source === 'affelnet-2022') return [row['Statut Offre de formation'] === 'ST' ? 'scolaire' : 'apprentissage'];
      if (source === 'bts-2024') return [row['STATUT'] === 'Apprentissage' ? 'apprentissage' : 'scolaire'];
      const modalities = foldText(row['Modalités d’enseignement de la mention'] ?? '');
      const voies = [['formation initiale', 'scolaire'], ['apprentissage', 'apprentissage'], ['alternance', 'alternance'], ['formation continue', 'continue']].filter(([word]) => modalities.includes(word ?? '')).map(([, voie]) => voie ?? '');
      return voies.length > 0 ? voies : ['scolaire'];
    };
    const wrong: string[] = [];
    for (const training of trainings) {
      const said = new Set<string>();
      for (const item of training.provenance) {
        if (item.source === 'parcoursup') said.add('scolaire');
        const row = (raw as Record<string, Raw | undefined>)[item.source]?.get(item.record);
        // A master of an older campaign merged into the latest one: the latest row says the voies.
        if (row && !(item.source === 'tmm' && row['Année de la campagne de recueil des informations'] !== '2021')) for (const voie of voiesOfRow(item.source, row)) said.add(voie);
      }
      const shown = [...training.voies].sort().join();
      if (shown !== [...said].sort().join()) wrong.push(`${training.id}: carte ${shown}, lignes ${[...said].sort().join()}`);
    }
    expect(wrong).toEqual([]);
  });

  it('precision: a site claims its address only where a raw row or a directory gives coordinates; a head office only holds masters', () => {
    const sites = decoded.ok ? decoded.value.sites : [];
    const wrong: string[] = [];
    for (const site of sites) {
      const sources = new Set(site.provenance.map((item) => item.source));
      if (site.precision === 'address' && !(sources.has('parcoursup') || sources.has('annuaire-lycees'))) wrong.push(`${site.id} address from ${[...sources].join()}`);
      if (site.precision === 'siege' && !sources.has('tmm')) wrong.push(`${site.id} siege without a master`);
      if (site.precision === 'address' && site.point.every((value) => Math.abs(value * 60 - Math.round(value * 60)) < 1e-6)) wrong.push(`${site.id} at a whole arcminute`);
    }
    for (const training of trainings) {
      const site = sites.find((item) => item.id === training.siteId);
      if ((site?.precision === 'siege') !== training.id.startsWith('tmm:')) wrong.push(`${training.id} at ${site?.precision ?? '?'}`);
    }
    expect(wrong).toEqual([]);
  });
});
