/**
 * Lecture d'un fichier de flux VRSB0801 en flux : encodage pris dans la déclaration XML (les flux CAF sont souvent en
 * windows-1252, README § 2), décodage par iconv-lite, analyse par saxes (analyseur SAX tenu à jour, sans résolution
 * d'entités externes), validation contre le XSD et extraction au fil de l'eau. La mémoire ne dépend pas de la taille
 * du fichier.
 */
import { createReadStream, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import { ExtracteurFlux, type EnteteFlux, type FoyerCaf } from './extraction.ts';
import { compilerSchema, type SchemaXsd } from './schema-xsd.ts';
import { ErreurFluxCaf, ValidateurFlux } from './validateur.ts';

let schemaVrsb0801: SchemaXsd | null = null;

/** Le schéma VRSB0801 (copie conforme de shared/reference/caf-flux/vrsb0801.xsd), compilé une fois. */
export function schemaVrsb(): SchemaXsd {
  schemaVrsb0801 ??= compilerSchema(
    readFileSync(new URL('./vrsb0801.xsd', import.meta.url), 'utf8'),
    'Racine',
  );
  return schemaVrsb0801;
}

/** Encodage déclaré dans `<?xml … encoding="…"?>` ; UTF-8 par défaut (XML 1.0 § 4.3.3). */
export function encodageDeclare(debut: Buffer): string {
  if (debut[0] === 0xef && debut[1] === 0xbb && debut[2] === 0xbf) return 'utf-8';
  const tete = debut.subarray(0, 256).toString('latin1');
  const m = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(tete);
  return (m?.[1] ?? 'utf-8').toLowerCase();
}

/** Arrêt volontaire après l'en-tête (lecture de l'ordre des flux). */
class ArretApresEntete extends Error {}

export interface OptionsLectureFlux {
  readonly pseudonymiser: (identifiant: string) => string;
  readonly surFoyer?: (f: FoyerCaf) => void;
  /** Ne lit que `IdentificationFlux` (rapide : quelques octets). */
  readonly enteteSeulement?: boolean;
  readonly progression?: (octetsLus: number) => void;
}

export interface FluxLu {
  readonly entete: EnteteFlux;
  readonly nombreDossiers: number;
}

/**
 * Lit `chemin` (nommé `nom` dans les messages). Lève `ErreurFluxCaf` (fichier, ligne, colonne, chemin de
 * l'élément, raison) à la première non-conformité : un flux invalide est refusé en entier, rien n'est gardé.
 */
/**
 * Analyseur d'un document déjà décodé, alimenté par morceaux : saxes → validateur XSD → extraction. Sans E/S, il
 * sert aussi aux tests et au serveur (texte reçu en mémoire).
 */
export class AnalyseurFlux {
  entete: EnteteFlux | null = null;
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly validateur: ValidateurFlux;
  private readonly extracteur: ExtracteurFlux;

  constructor(
    private readonly nom: string,
    options: Pick<OptionsLectureFlux, 'pseudonymiser' | 'surFoyer' | 'enteteSeulement'>,
  ) {
    const parser = this.parser;
    this.extracteur = new ExtracteurFlux(
      options.pseudonymiser,
      (e) => {
        this.entete = e;
        if (options.enteteSeulement === true) throw new ArretApresEntete();
      },
      (f) => options.surFoyer?.(f),
    );
    const validateur = new ValidateurFlux(schemaVrsb(), nom, this.extracteur);
    this.validateur = validateur;
    const position = (): void => {
      validateur.ligne = parser.line;
      validateur.colonne = parser.column + 1;
    };
    parser.on('error', (e) => {
      // Message saxes : « ligne:colonne: raison » ; on garde la raison.
      const raison = e.message.replace(/^[^:]*:\d+:\d+:\s*/, '');
      throw new ErreurFluxCaf(nom, parser.line, parser.column + 1, null, `XML mal formé (${raison})`);
    });
    parser.on('opentag', (tag) => {
      position();
      validateur.ouvrir(tag.name, Object.keys(tag.attributes));
    });
    parser.on('text', (t) => {
      position();
      validateur.texte(t);
    });
    parser.on('cdata', (t) => {
      position();
      validateur.texte(t);
    });
    parser.on('closetag', () => {
      position();
      validateur.fermer();
    });
    parser.on('doctype', () => {
      throw new ErreurFluxCaf(nom, parser.line, parser.column + 1, null, 'déclaration DOCTYPE refusée');
    });
  }

  get nombreDossiers(): number {
    return this.extracteur.nombreDossiers;
  }

  ecrire(texte: string): void {
    this.parser.write(texte);
  }

  /** Fin du document ; rend l'en-tête lu. */
  terminer(): FluxLu {
    this.parser.close();
    this.validateur.terminer();
    return this.resultat();
  }

  resultat(): FluxLu {
    if (this.entete === null)
      throw new ErreurFluxCaf(this.nom, null, null, null, 'bloc IdentificationFlux absent');
    return { entete: this.entete, nombreDossiers: this.extracteur.nombreDossiers };
  }
}

/** Valide et extrait un document entier déjà en mémoire (tests, serveur). */
export function analyserTexteFlux(
  texte: string,
  nom: string,
  options: Pick<OptionsLectureFlux, 'pseudonymiser' | 'surFoyer'>,
): FluxLu {
  const a = new AnalyseurFlux(nom, options);
  a.ecrire(texte);
  return a.terminer();
}

export async function lireFlux(chemin: string, nom: string, options: OptionsLectureFlux): Promise<FluxLu> {
  const analyseur = new AnalyseurFlux(nom, options);
  let decodeur: { write(b: Buffer): string; end(): string | undefined } | null = null;
  let lus = 0;
  const flux = createReadStream(chemin, { highWaterMark: 1024 * 1024 });
  try {
    for await (const brut of flux) {
      const morceau = brut as Buffer;
      if (decodeur === null) {
        const encodage = encodageDeclare(morceau);
        if (!iconv.encodingExists(encodage))
          throw new ErreurFluxCaf(nom, 1, null, null, `encodage déclaré « ${encodage} » inconnu`);
        decodeur = iconv.getDecoder(encodage);
      }
      lus += morceau.length;
      analyseur.ecrire(decodeur.write(morceau));
      options.progression?.(lus);
    }
    if (decodeur === null) throw new ErreurFluxCaf(nom, null, null, null, 'fichier vide');
    const reste = decodeur.end();
    if (reste !== undefined && reste !== '') analyseur.ecrire(reste);
    analyseur.terminer();
  } catch (e) {
    if (!(e instanceof ArretApresEntete)) {
      if (e instanceof ErreurFluxCaf) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== undefined) throw new ErreurFluxCaf(nom, null, null, null, `lecture impossible (${code})`);
      throw e;
    }
  } finally {
    flux.destroy();
  }
  return analyseur.resultat();
}
