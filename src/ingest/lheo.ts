import { SaxesParser } from 'saxes';
import { collapseSpaces, htmlToPlainText } from '../domain/text.ts';

/** A place as LHEO gives it (all raw text; validation happens when records are mapped). */
export interface LheoPlace {
  nom: string | null;
  lignes: string[];
  codepostal: string | null;
  ville: string | null;
  departement: string | null;
  codeInsee: string | null;
  region: string | null;
  latitude: string | null;
  longitude: string | null;
}

export interface LheoSession {
  numero: string | null;
  debut: string | null;
  fin: string | null;
  etatRecrutement: string | null;
}

export interface LheoAction {
  numero: string | null;
  lieu: LheoPlace;
  modalitesEnseignement: string | null;
  conventionnement: string | null;
  financeurs: string[];
  url: string | null;
  sessions: LheoSession[];
  /** `extra` flags such as `formation-initiale`, `apprentissage`, `formation-continue` set to 1. */
  typesFormation: string[];
}

/** One `formation` (full offer) or `resume-offre` (Intercarif index), with its actions. */
export interface LheoOffer {
  shape: 'formation' | 'resume-offre';
  numero: string | null;
  /** Line of the opening tag, to find the record back. */
  line: number;
  intitule: string | null;
  objectif: string | null;
  nsf: string[];
  formacode: string[];
  rome: string[];
  rncp: string | null;
  certifinfo: string | null;
  rs: string | null;
  certifiante: string | null;
  niveauEntree: string | null;
  niveauSortie: string | null;
  url: string | null;
  organisme: { nom: string | null; siret: string | null };
  actions: LheoAction[];
}

export interface LheoParserHandlers {
  onOffer: (offer: LheoOffer) => void;
}

const emptyPlace = (): LheoPlace => ({
  nom: null,
  lignes: [],
  codepostal: null,
  ville: null,
  departement: null,
  codeInsee: null,
  region: null,
  latitude: null,
  longitude: null,
});

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Streaming LHEO reader (2.2 and 2.3, full offers and Intercarif summary indexes). Feed it text
 * chunks with `write`, then `close`; each offer is handed to `onOffer` as soon as its closing tag
 * is read, so memory stays proportional to one offer, not to the file. Unknown elements are
 * ignored. Malformed or truncated XML sets `error` (with line and column) and stops the reading;
 * offers completed before it are kept.
 */
export class LheoStreamParser {
  /** `2.2`, `2.3`, or the namespace found, once the root element is read. */
  version: string | null = null;
  /** First fatal error, with its position; null while the file reads well. */
  error: string | null = null;
  offers = 0;
  private readonly parser = new SaxesParser({ position: true });
  private readonly path: string[] = [];
  private text = '';
  private offer: LheoOffer | null = null;
  private action: LheoAction | null = null;
  private session: LheoSession | null = null;
  private extraInfo: string | null = null;
  private sawRoot = false;
  private closing = false;

  constructor(private readonly handlers: LheoParserHandlers) {
    this.parser.on('error', (error) => {
      // At the end of input, an unclosed element is reported by close() as a truncation.
      if (this.closing) return;
      this.error ??= `erreur XML ligne ${this.parser.line}, colonne ${this.parser.column + 1} : ${error.message.replace(/^.*?:\d+:\d+: /, '')}`;
    });
    this.parser.on('opentag', (node) => {
      if (this.error) return;
      const name = localName(node.name);
      const attributes = node.attributes as Record<string, string>;
      this.path.push(name);
      this.text = '';
      if (!this.sawRoot) {
        this.sawRoot = true;
        if (name !== 'lheo' && name !== 'lheo-index') {
          this.error = `ce n'est pas un document LHEO : l'élément racine est <${node.name}>, <lheo> ou <lheo-index> attendu`;
          return;
        }
        const namespace = attributes['xmlns'] ?? '';
        this.version = /2\.3/.test(namespace) ? '2.3' : /2\.2/.test(namespace) ? '2.2' : namespace || null;
      }
      if (name === 'formation' || name === 'resume-offre') this.startOffer(name, attributes['numero'] ?? null);
      else if (name === 'action' && this.offer?.shape === 'formation') {
        this.action = { numero: attributes['numero'] ?? null, lieu: emptyPlace(), modalitesEnseignement: null, conventionnement: null, financeurs: [], url: null, sessions: [], typesFormation: [] };
      } else if (name === 'session' && this.action) {
        this.session = { numero: attributes['numero'] ?? null, debut: null, fin: null, etatRecrutement: null };
      } else if (name === 'extra') this.extraInfo = attributes['info'] ?? null;
    });
    this.parser.on('text', (text) => {
      this.text += text;
    });
    this.parser.on('cdata', (text) => {
      this.text += text;
    });
    this.parser.on('closetag', (node) => {
      if (this.error) return;
      const name = localName(node.name);
      const value = collapseSpaces(this.text);
      this.text = '';
      this.readValue(name, value);
      this.path.pop();
      if (name === 'session' && this.action && this.session) {
        this.action.sessions.push(this.session);
        this.session = null;
      } else if (name === 'action' && this.offer && this.action) {
        this.offer.actions.push(this.action);
        this.action = null;
      } else if ((name === 'formation' || name === 'resume-offre') && this.offer) {
        if (name === 'resume-offre' && this.action) this.offer.actions.push(this.action);
        this.action = null;
        this.offers += 1;
        const offer = this.offer;
        this.offer = null;
        this.handlers.onOffer(offer);
      }
    });
  }

  /** Feeds the next chunk of text. */
  write(chunk: string): void {
    if (this.error) return;
    this.parser.write(chunk);
  }

  /** Ends the input; a file that stops inside an element is reported as truncated. */
  close(): void {
    if (this.error) return;
    if (!this.sawRoot) {
      this.error = 'fichier vide : aucun élément XML';
      return;
    }
    const open = [...this.path];
    this.closing = true;
    this.parser.close();
    if (!this.error && open.length > 0) {
      const where = this.offer ? `, dans l'offre numero ${this.offer.numero ?? '(sans numéro)'} ouverte ligne ${this.offer.line}` : '';
      this.error = `le fichier s'arrête avant </${open[open.length - 1]}>${where} : il semble tronqué`;
    }
  }

  /** The offer being read when an error stopped the reading, if any. */
  get pendingOffer(): LheoOffer | null {
    return this.offer;
  }

  private startOffer(shape: LheoOffer['shape'], numero: string | null): void {
    this.offer = {
      shape,
      numero,
      line: this.parser.line,
      intitule: null,
      objectif: null,
      nsf: [],
      formacode: [],
      rome: [],
      rncp: null,
      certifinfo: null,
      rs: null,
      certifiante: null,
      niveauEntree: null,
      niveauSortie: null,
      url: null,
      organisme: { nom: null, siret: null },
      actions: [],
    };
    if (shape === 'resume-offre') {
      // A summary is flat: one implicit action holds its place, mode and sessions.
      this.action = { numero, lieu: emptyPlace(), modalitesEnseignement: null, conventionnement: null, financeurs: [], url: null, sessions: [], typesFormation: [] };
    }
  }

  private within(name: string): boolean {
    return this.path.includes(name);
  }

  private readValue(name: string, value: string): void {
    const offer = this.offer;
    if (!offer) return;
    const action = this.action;
    const parent = this.path[this.path.length - 2];
    if (this.session && this.within('session')) {
      if (name === 'debut' && this.within('periode')) this.session.debut = value;
      else if (name === 'fin' && this.within('periode')) this.session.fin = value;
      else if (name === 'etat-recrutement') this.session.etatRecrutement = value;
      return;
    }
    const place = action?.lieu;
    const inPlace = offer.shape === 'resume-offre' ? !this.within('organisme-formation-responsable') : this.within('lieu-de-formation');
    if (place && inPlace) {
      switch (name) {
        case 'ligne':
          if (parent === 'coordonnees' && place.nom === null) place.nom = value;
          else if (parent === 'adresse') place.lignes.push(value);
          return;
        case 'codepostal':
          place.codepostal = value;
          return;
        case 'ville':
          place.ville = value;
          return;
        case 'departement':
          place.departement = value;
          return;
        case 'code-INSEE-commune':
          place.codeInsee = value;
          return;
        case 'region':
          place.region = value;
          return;
        case 'latitude':
          place.latitude = value;
          return;
        case 'longitude':
          place.longitude = value;
          return;
        case 'extra':
          if (this.extraInfo === 'latitude') place.latitude = value;
          else if (this.extraInfo === 'longitude') place.longitude = value;
          if (offer.shape === 'formation') return;
          break;
        default:
          break;
      }
    }
    switch (name) {
      case 'extra':
        if (action && this.extraInfo && value === '1' && /^(formation-initiale|formation-continue|apprentissage|alternance)$/.test(this.extraInfo)) {
          action.typesFormation.push(this.extraInfo);
        }
        break;
      case 'intitule-formation':
        offer.intitule = value;
        break;
      case 'objectif-formation':
        offer.objectif = htmlToPlainText(value);
        break;
      case 'code-NSF':
        offer.nsf.push(value);
        break;
      case 'code-FORMACODE':
        offer.formacode.push(value);
        break;
      case 'code-ROME':
        offer.rome.push(value);
        break;
      case 'code-RNCP':
        offer.rncp ??= value;
        break;
      case 'code-CERTIFINFO':
        offer.certifinfo ??= value;
        break;
      case 'code-RS':
        offer.rs ??= value;
        break;
      case 'certifiante':
        offer.certifiante = value;
        break;
      case 'code-niveau-entree':
        offer.niveauEntree = value;
        break;
      case 'code-niveau-sortie':
        offer.niveauSortie = value;
        break;
      case 'urlweb':
        if (this.within('url-formation')) offer.url ??= value;
        else if (this.within('url-action') && action) action.url ??= value;
        break;
      case 'modalites-enseignement':
        if (action) action.modalitesEnseignement = value;
        break;
      case 'conventionnement':
        if (action) action.conventionnement = value;
        break;
      case 'code-financeur':
        if (action) action.financeurs.push(value);
        break;
      case 'nom-organisme':
        if (this.within('organisme-formation-responsable') || offer.shape === 'resume-offre') offer.organisme.nom ??= value;
        break;
      case 'raison-sociale':
        if (this.within('organisme-formation-responsable') && value !== '-' && offer.organisme.nom === null) offer.organisme.nom = value;
        break;
      case 'SIRET':
        if (this.within('organisme-formation-responsable') || offer.shape === 'resume-offre') offer.organisme.siret ??= value;
        break;
      default:
        break;
    }
  }
}

/** Parses a whole LHEO text at once (tests, small files). */
export function parseLheoText(text: string): { offers: LheoOffer[]; version: string | null; error: string | null } {
  const offers: LheoOffer[] = [];
  const parser = new LheoStreamParser({ onOffer: (offer) => offers.push(offer) });
  parser.write(text);
  parser.close();
  return { offers, version: parser.version, error: parser.error };
}

/** The encoding an XML declaration names (`ISO-8859-1`, `UTF-8`…), read from the first bytes. */
export function declaredXmlEncoding(firstBytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(firstBytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return (match?.[1] ?? 'UTF-8').toLowerCase();
}
