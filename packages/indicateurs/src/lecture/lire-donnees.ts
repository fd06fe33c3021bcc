/**
 * Point d'entrée de la lecture : un dossier ou une archive → des `DossierPersonne` produits un à un, la fenêtre des
 * mois, les lignes invalides, les avertissements et l'empreinte des octets lus (spec parcours-rsa-v1 § 1).
 */
import { createHash } from 'node:crypto';
import type { Anomalie, DossierPersonne, ParametresCalcul } from '../moteur/modele.ts';
import type { ErreurLigne } from './erreurs.ts';
import { COLONNES_EVENEMENTS, analyseurEvenements, TableEvenements, TYPE_ECARTE } from './evenements.ts';
import { Empreinte, lireFichier } from './fichier.ts';
import { dossiers, indexer, verifierEvenements, verifierSituations } from './regroupement.ts';
import { COLONNES_SITUATIONS, analyseurSituations, ECARTEE, TableSituations } from './situations.ts';
import { ouvrirSources } from './sources.ts';
import { Interneur } from './tableaux.ts';

export interface OptionsLecture {
  /** Appelée au fil de la lecture : octets lus sur le total des deux fichiers. */
  readonly progression?: (lus: number, total: number) => void;
  /** Nombre de lignes invalides gardées en détail (les autres sont comptées). */
  readonly limiteErreurs?: number;
}

export interface DonneesLues {
  /** Les dossiers, un à la fois ; peut être parcouru plusieurs fois. */
  personnes(): Iterable<DossierPersonne>;
  readonly fenetre: ParametresCalcul['fenetre'];
  /** Les premières lignes invalides, dans l'ordre (situations puis événements, par ligne). */
  readonly lignesInvalides: readonly ErreurLigne[];
  readonly nombreLignesInvalides: number;
  readonly avertissements: readonly string[];
  readonly anomaliesLecture: readonly Anomalie[];
  /** « sha256:<hex> » des octets des deux fichiers (situations puis événements), décompressés pour une archive. */
  readonly empreinte: string;
  readonly fichiers: { readonly situations: string; readonly evenements: string };
  readonly nombreLignes: { readonly situations: number; readonly evenements: number };
}

/** Estimation du nombre de lignes pour réserver les tableaux d'un coup (corrigée en cours de route si besoin). */
const capacite = (octets: number, parLigne: number): number =>
  Math.min(64 * 1024 * 1024, Math.max(1024, Math.ceil(octets / parLigne)));

export async function lireDonnees(chemin: string, options: OptionsLecture = {}): Promise<DonneesLues> {
  const sources = await ouvrirSources(chemin);
  try {
    const total = sources.situations.taille + sources.evenements.taille;
    const rang = (f: string): number => (f === sources.situations.nom ? 0 : 1);
    const personnes = new Interneur();
    const hachage = createHash('sha256');
    const empreinte = new Empreinte(hachage);
    const progression = options.progression;
    const suivre = (octetsAvant: number) => ({
      personnes,
      empreinte,
      octetsAvant,
      rangFichier: rang,
      ...(progression ? { progression: (lus: number) => progression(lus, total) } : {}),
    });

    const situations = await lireFichier(
      sources.situations,
      COLONNES_SITUATIONS,
      (ctx, entete) => {
        const table = new TableSituations(ctx.fichier, capacite(sources.situations.taille, 30));
        return { table, analyser: analyseurSituations(ctx, entete, table) };
      },
      suivre(0),
    );
    empreinte.fichierSuivant();
    const evenements = await lireFichier(
      sources.evenements,
      COLONNES_EVENEMENTS,
      (ctx, entete) => {
        const table = new TableEvenements(ctx.fichier, capacite(sources.evenements.taille, 40));
        return { table, analyser: analyseurEvenements(ctx, entete, table) };
      },
      suivre(sources.situations.taille),
    );

    const ts = situations.table;
    const te = evenements.table;
    const nombrePersonnes = personnes.taille;
    const indexS = indexer(ts.personne, ts.n, nombrePersonnes);
    const indexE = indexer(te.personne, te.n, nombrePersonnes);
    // L'indice de personne n'est plus utile une fois regroupé : on libère la mémoire.
    ts.personne = new Int32Array(0);
    te.personne = new Int32Array(0);
    const ecarteesS = verifierSituations(ts, indexS, nombrePersonnes, situations.erreurs);
    const ecarteesE = verifierEvenements(te, indexE, nombrePersonnes, evenements.erreurs);

    const anomaliesLecture = anomaliesDeLecture(personnes.valeurs, indexS, indexE, ts, te);
    const lignesInvalides = [...situations.erreurs.premieres(), ...evenements.erreurs.premieres()].slice(
      0,
      options.limiteErreurs ?? 1000,
    );
    const avertissements = [...situations.avertissements, ...evenements.avertissements];
    if (situations.encodage === 'windows-1252')
      avertissements.push(`${sources.situations.nom} : lu en Windows-1252.`);
    if (evenements.encodage === 'windows-1252')
      avertissements.push(`${sources.evenements.nom} : lu en Windows-1252.`);

    return {
      personnes: () =>
        dossiers(personnes.valeurs, { table: ts, index: indexS }, { table: te, index: indexE }),
      fenetre: ts.n > 0 ? { premierMois: ts.premierMois, dernierMois: ts.dernierMois } : null,
      lignesInvalides,
      nombreLignesInvalides: situations.erreurs.nombre + evenements.erreurs.nombre,
      avertissements,
      anomaliesLecture,
      empreinte: `sha256:${hachage.digest('hex')}`,
      fichiers: { situations: sources.situations.nom, evenements: sources.evenements.nom },
      nombreLignes: { situations: ts.n - ecarteesS, evenements: te.n - ecarteesE },
    };
  } finally {
    sources.fermer();
  }
}

/** Personnes qui n'ont que des événements : jamais dans le fichier des situations, donc jamais nouvelles entrantes. */
export function anomaliesDeLecture(
  ids: readonly string[],
  indexS: { debuts: Int32Array; ordre: Int32Array },
  indexE: { debuts: Int32Array; ordre: Int32Array },
  ts: TableSituations,
  te: TableEvenements,
): Anomalie[] {
  let nombre = 0;
  const exemples: string[] = [];
  const aUneLigne = (
    index: { debuts: Int32Array; ordre: Int32Array },
    p: number,
    valide: (i: number) => boolean,
  ): boolean => {
    for (let k = index.debuts[p] ?? 0; k < (index.debuts[p + 1] ?? 0); k++)
      if (valide(index.ordre[k] ?? 0)) return true;
    return false;
  };
  for (let p = 0; p < ids.length; p++) {
    const avecEvenement = aUneLigne(indexE, p, (i) => te.type[i] !== TYPE_ECARTE);
    if (!avecEvenement) continue;
    if (aUneLigne(indexS, p, (i) => ((ts.drapeaux[i] ?? 0) & ECARTEE) === 0)) continue;
    nombre++;
    if (exemples.length < 20) exemples.push(ids[p] ?? '');
  }
  if (nombre === 0) return [];
  return [
    {
      code: 'PERSONNE_SANS_SITUATION',
      message:
        'personnes présentes dans evenements.csv mais dans aucune ligne de situations_mensuelles.csv : ' +
        'sans droit connu, elles ne peuvent pas être nouvelles entrantes',
      nombre,
      exemples,
    },
  ];
}
