/**
 * Lecture d'un fichier CSV en flux : encodage (UTF-8 avec ou sans BOM, sinon Windows-1252), séparateur, en-tête,
 * puis chaque enregistrement confié à l'analyseur du fichier. Si une séquence UTF-8 invalide apparaît après le
 * début, tout le fichier est relu en Windows-1252 (INT-LECT-1) ; l'empreinte n'est calculée qu'une fois par octet.
 */
import type { Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ContexteLecture } from './contexte.ts';
import { Bornes } from './contexte.ts';
import {
  DecoupeurCsv,
  detecterSeparateur,
  ErreurEnregistrementTropLong,
  type Enregistrement,
} from './csv.ts';
import {
  commenceParBom,
  detecterEncodage,
  RelireEnWindows1252,
  VerificateurUtf8,
  type Encodage,
} from './encodage.ts';
import { lireEntete, type DefinitionColonnes, type Entete } from './entete.ts';
import { ErreurLecture, RecueilErreurs } from './erreurs.ts';
import type { SourceFichier } from './sources.ts';
import type { Interneur } from './tableaux.ts';

/** Empreinte commune aux deux fichiers : chaque octet n'y entre qu'une fois, même après une relecture. */
export class Empreinte {
  private dejaHache = 0;

  constructor(private readonly hachage: Hash) {}

  /** `morceau` commence à `position` dans le fichier courant. */
  ajouter(morceau: Buffer, position: number): void {
    const fin = position + morceau.length;
    if (fin <= this.dejaHache) return;
    this.hachage.update(morceau.subarray(Math.max(0, this.dejaHache - position)));
    this.dejaHache = fin;
  }

  /** Passe au fichier suivant. */
  fichierSuivant(): void {
    this.dejaHache = 0;
  }
}

export interface Commun {
  readonly personnes: Interneur;
  readonly empreinte: Empreinte;
  /** Octets déjà lus dans les fichiers précédents, pour la progression. */
  readonly octetsAvant: number;
  readonly progression?: (lus: number) => void;
  readonly rangFichier: (fichier: string) => number;
}

export interface FichierLu<T> {
  readonly table: T;
  readonly encodage: Encodage;
  readonly avertissements: readonly string[];
  readonly erreurs: RecueilErreurs;
}

type Preparer<C extends string, T> = (
  ctx: ContexteLecture,
  entete: Entete<C>,
) => { table: T; analyser: (e: Enregistrement) => void };

const LF = 0x0a;
/** Taille maximale attendue d'une ligne d'en-tête avant d'abandonner. */
const ENTETE_MAX = 1024 * 1024;

export async function lireFichier<C extends string, T>(
  source: SourceFichier,
  definition: DefinitionColonnes<C>,
  preparer: Preparer<C, T>,
  commun: Commun,
): Promise<FichierLu<T>> {
  try {
    return await passe(source, definition, preparer, commun, null);
  } catch (e) {
    if (!(e instanceof RelireEnWindows1252)) throw e;
    return passe(source, definition, preparer, commun, 'windows-1252');
  }
}

async function passe<C extends string, T>(
  source: SourceFichier,
  definition: DefinitionColonnes<C>,
  preparer: Preparer<C, T>,
  commun: Commun,
  encodageImpose: Encodage | null,
): Promise<FichierLu<T>> {
  const erreurs = new RecueilErreurs(commun.rangFichier);
  let encodage: Encodage = encodageImpose ?? 'utf-8';
  const etat: {
    verificateur: VerificateurUtf8 | null;
    decoupeur: DecoupeurCsv | null;
    entete: Entete<C> | null;
    prepare: { table: T; analyser: (e: Enregistrement) => void } | null;
  } = { verificateur: null, decoupeur: null, entete: null, prepare: null };
  let attente: Buffer[] = [];
  let position = 0;

  const surEnregistrement = (enr: Enregistrement): void => {
    if (etat.prepare !== null) return etat.prepare.analyser(enr);
    const b = new Bornes();
    const noms: string[] = [];
    for (let k = 0; k < enr.nombre; k++) noms.push(b.lire(enr, k).texte(encodage));
    etat.entete = lireEntete(source.nom, noms, definition);
    etat.prepare = preparer(
      { fichier: source.nom, encodage, personnes: commun.personnes, erreurs },
      etat.entete,
    );
  };

  const demarrer = (debut: Buffer, finDuFichier: boolean): { d: DecoupeurCsv; corps: Buffer } => {
    const corps = commenceParBom(debut) ? debut.subarray(3) : debut;
    if (encodageImpose === null) {
      encodage = commenceParBom(debut) ? 'utf-8' : detecterEncodage(corps, finDuFichier);
    }
    if (encodage === 'utf-8') etat.verificateur = new VerificateurUtf8();
    const nl = corps.indexOf(LF);
    const d = new DecoupeurCsv(
      detecterSeparateur(corps.subarray(0, nl < 0 ? corps.length : nl)),
      surEnregistrement,
    );
    etat.decoupeur = d;
    return { d, corps };
  };

  const pousser = (d: DecoupeurCsv, morceau: Buffer): void => {
    if (etat.verificateur !== null && !etat.verificateur.verifier(morceau)) throw new RelireEnWindows1252();
    d.pousser(morceau);
  };

  let flux: Readable | null = null;
  try {
    flux = await source.ouvrir();
    for await (const brut of flux) {
      const morceau = brut as Buffer;
      commun.empreinte.ajouter(morceau, position);
      position += morceau.length;
      commun.progression?.(commun.octetsAvant + position);
      if (etat.decoupeur === null) {
        attente.push(morceau);
        const tout = attente.length === 1 ? morceau : Buffer.concat(attente);
        if (tout.indexOf(LF) < 0 && tout.length < ENTETE_MAX) continue;
        attente = [];
        const { d, corps } = demarrer(tout, false);
        pousser(d, corps);
      } else {
        pousser(etat.decoupeur, morceau);
      }
    }
    let d = etat.decoupeur;
    if (d === null) {
      const r = demarrer(Buffer.concat(attente), true);
      d = r.d;
      pousser(d, r.corps);
    }
    d.terminer();
    if (etat.verificateur !== null && !etat.verificateur.terminer()) throw new RelireEnWindows1252();
  } catch (e) {
    if (e instanceof ErreurLecture || e instanceof RelireEnWindows1252) throw e;
    if (e instanceof ErreurEnregistrementTropLong) throw new ErreurLecture(`${source.nom} : ${e.message}`);
    throw new ErreurLecture(
      `${source.nom} : lecture impossible (${e instanceof Error ? e.message : String(e)}).`,
    );
  } finally {
    flux?.destroy();
  }
  const fini = etat.prepare;
  const lu = etat.entete;
  if (fini === null || lu === null) {
    throw new ErreurLecture(`${source.nom} : fichier vide, la ligne d'en-tête est obligatoire.`);
  }
  return { table: fini.table, encodage, avertissements: lu.avertissements, erreurs };
}
