/**
 * Lecture d'un dossier au format d'échange v1.1 (docs/donnees-reelles.md § format v1.1) : entrée distincte de la
 * lecture v1, qui refuse les types d'événements qu'elle ne connaît pas. Elle réutilise les modules v1 par leurs
 * exports (sources, lecture en flux, tables, regroupement) : chaque ligne d'un type v1 passe par l'analyseur v1,
 * inchangé — les personnes v1 et donc les résultats v1 sont identiques — et chaque ligne d'un type v1.1 est lue ici,
 * avec les colonnes `freins`, `duree_heures`, `modalite`, `type_contrat`, `duree_mois`.
 */
import { createHash } from 'node:crypto';
import { citer, Bornes, LecteurIdentifiant, type ContexteLecture } from '../lecture/contexte.ts';
import type { Enregistrement } from '../lecture/csv.ts';
import type { DefinitionColonnes, Entete } from '../lecture/entete.ts';
import type { ErreurLigne } from '../lecture/erreurs.ts';
import {
  analyseurEvenements,
  COLONNES_EVENEMENTS,
  TableEvenements,
  type ColonneEvenement,
} from '../lecture/evenements.ts';
import { Empreinte, lireFichier } from '../lecture/fichier.ts';
import { lireDateOctets } from '../lecture/octets.ts';
import { dossiers, indexer, verifierEvenements, verifierSituations } from '../lecture/regroupement.ts';
import { analyseurSituations, COLONNES_SITUATIONS, TableSituations } from '../lecture/situations.ts';
import { ouvrirSources } from '../lecture/sources.ts';
import { Interneur } from '../lecture/tableaux.ts';
import { anomaliesDeLecture, type DonneesLues, type OptionsLecture } from '../lecture/lire-donnees.ts';
import { ORGANISMES, PARCOURS, type DossierPersonne } from '../moteur/modele.ts';
import {
  MODALITES,
  TYPES_CONTRAT,
  TYPES_EVENEMENT_V11,
  type DossierPersonneV11,
  type EvenementVolet3,
  type TypeEvenementV11,
} from '../volet3/modele.ts';

type ColonneV11 = ColonneEvenement | 'freins' | 'duree_heures' | 'modalite' | 'type_contrat' | 'duree_mois';

export const COLONNES_EVENEMENTS_V11: DefinitionColonnes<ColonneV11> = {
  obligatoires: COLONNES_EVENEMENTS.obligatoires,
  facultatives: [
    ...COLONNES_EVENEMENTS.facultatives,
    'freins',
    'duree_heures',
    'modalite',
    'type_contrat',
    'duree_mois',
  ],
};

export interface DonneesLuesV11 extends DonneesLues {
  /** Les personnes avec leurs événements v1.1 (y compris celles qui n'ont que des événements v1.1). */
  personnesV11(): Iterable<DossierPersonneV11>;
  readonly nombreEvenementsVolet3: number;
}

const capacite = (octets: number, parLigne: number): number =>
  Math.min(64 * 1024 * 1024, Math.max(1024, Math.ceil(octets / parLigne)));

const TYPES_V11 = new Set<string>(TYPES_EVENEMENT_V11);

/** Nombre décimal positif (virgule ou point) en centièmes ; `NaN` si invalide ou plus de deux décimales. */
export function centiemes(texte: string): number {
  const m = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(texte);
  if (m === null) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

class LecteurV11 {
  readonly parPersonne = new Map<number, EvenementVolet3[]>();
  private readonly vus = new Set<string>();
  nombre = 0;

  analyseur(ctx: ContexteLecture, entete: Entete<ColonneV11>): (enr: Enregistrement) => void {
    const { indices } = entete;
    const ids = new LecteurIdentifiant(ctx);
    const c = new Bornes();
    const texte = (enr: Enregistrement, col: ColonneV11): string => {
      const k = indices[col];
      if (k < 0) return '';
      return c.lire(enr, k).texte(ctx.encodage);
    };
    const erreur = (ligne: number, colonne: string | null, raison: string): void =>
      ctx.erreurs.ajouter({ fichier: ctx.fichier, ligne, colonne, raison });
    const enumeration = <T extends string>(
      enr: Enregistrement,
      col: ColonneV11,
      valeurs: readonly T[],
    ): T | undefined | null => {
      const v = texte(enr, col).toLowerCase();
      if (v === '') return undefined;
      const t = valeurs.find((x) => x === v);
      if (t === undefined) {
        erreur(
          enr.ligne,
          col,
          `valeur inconnue « ${citer(c, ctx.encodage)} » (attendu : ${valeurs.join(', ')})`,
        );
        return null;
      }
      return t;
    };

    return (enr) => {
      const ligne = enr.ligne;
      const type = texte(enr, 'type').toLowerCase() as TypeEvenementV11;
      if (texte(enr, 'id_personne') === '')
        return erreur(ligne, 'id_personne', 'valeur obligatoire manquante');
      c.lire(enr, indices.id_personne);
      const personne = ids.lire(c, ligne);
      c.lire(enr, indices.date);
      if (c.vide) return erreur(ligne, 'date', 'valeur obligatoire manquante');
      const jour = lireDateOctets(c.b, c.debut, c.fin);
      if (Number.isNaN(jour))
        return erreur(
          ligne,
          'date',
          `date impossible ou mal écrite « ${citer(c, ctx.encodage)} » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)`,
        );
      const e: { -readonly [K in keyof EvenementVolet3]: EvenementVolet3[K] } = { type, jour };
      const organisme = enumeration(enr, 'organisme', ORGANISMES);
      const parcours = enumeration(enr, 'parcours', PARCOURS);
      const modalite = enumeration(enr, 'modalite', MODALITES);
      const typeContrat = enumeration(enr, 'type_contrat', TYPES_CONTRAT);
      if (organisme === null || parcours === null || modalite === null || typeContrat === null) return;
      if (organisme !== undefined) e.organisme = organisme;
      if (parcours !== undefined) e.parcours = parcours;
      if (modalite !== undefined) e.modalite = modalite;
      if (typeContrat !== undefined) e.typeContrat = typeContrat;
      const duree = texte(enr, 'duree_heures');
      if (duree !== '') {
        const n = centiemes(duree);
        if (Number.isNaN(n))
          return erreur(
            ligne,
            'duree_heures',
            `durée « ${citer(c, ctx.encodage)} » invalide (nombre d'heures positif, deux décimales au plus)`,
          );
        e.dureeCentiemes = n;
      } else if (type === 'action_accompagnement') {
        return erreur(
          ligne,
          'duree_heures',
          'valeur obligatoire pour un événement « action_accompagnement »',
        );
      }
      const mois = texte(enr, 'duree_mois');
      if (mois !== '') {
        if (!/^\d{1,3}$/.test(mois))
          return erreur(
            ligne,
            'duree_mois',
            `durée « ${citer(c, ctx.encodage)} » invalide (nombre entier de mois)`,
          );
        e.dureeMois = Number(mois);
      }
      const freins = texte(enr, 'freins');
      if (freins !== '')
        e.freins = freins
          .split('|')
          .map((f) => f.trim())
          .filter((f) => f !== '');
      const motif = texte(enr, 'motif');
      if (motif !== '') e.motif = motif;
      // Doublon exact (spec § 1 « Lignes invalides ») : même personne, mêmes valeurs.
      const cle = `${personne}|${JSON.stringify(e)}`;
      if (this.vus.has(cle)) return erreur(ligne, null, 'doublon exact d’une ligne précédente');
      this.vus.add(cle);
      let liste = this.parPersonne.get(personne);
      if (liste === undefined) {
        liste = [];
        this.parPersonne.set(personne, liste);
      }
      liste.push(e);
      this.nombre++;
    };
  }
}

/** Lit un dossier ou une archive v1 ou v1.1. Mêmes erreurs et mêmes options que `lireDonnees`. */
export async function lireDonneesV11(chemin: string, options: OptionsLecture = {}): Promise<DonneesLuesV11> {
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
    const v11 = new LecteurV11();
    const evenements = await lireFichier(
      sources.evenements,
      COLONNES_EVENEMENTS_V11,
      (ctx, entete) => {
        const table = new TableEvenements(ctx.fichier, capacite(sources.evenements.taille, 40));
        const v1 = analyseurEvenements(ctx, entete, table);
        const nouveau = v11.analyseur(ctx, entete);
        const b = new Bornes();
        return {
          table,
          analyser: (enr: Enregistrement) => {
            const k = entete.indices.type;
            const type = k < enr.nombre ? b.lire(enr, k).texte(ctx.encodage).toLowerCase() : '';
            if (TYPES_V11.has(type) && enr.nombre === entete.nombreColonnes && !enr.guillemetNonFerme)
              nouveau(enr);
            else v1(enr);
          },
        };
      },
      suivre(sources.situations.taille),
    );
    const ts = situations.table;
    const te = evenements.table;
    const nombrePersonnes = personnes.taille;
    const indexS = indexer(ts.personne, ts.n, nombrePersonnes);
    const indexE = indexer(te.personne, te.n, nombrePersonnes);
    const ecarteesS = verifierSituations(ts, indexS, nombrePersonnes, situations.erreurs);
    const ecarteesE = verifierEvenements(te, indexE, nombrePersonnes, evenements.erreurs);
    const lignesInvalides: ErreurLigne[] = [
      ...situations.erreurs.premieres(),
      ...evenements.erreurs.premieres(),
    ].slice(0, options.limiteErreurs ?? 1000);
    const avertissements = [...situations.avertissements, ...evenements.avertissements];
    // Mêmes avertissements et anomalies de lecture que `lireDonnees` : un fichier v1 donne le même résultat.
    if (situations.encodage === 'windows-1252')
      avertissements.push(`${sources.situations.nom} : lu en Windows-1252.`);
    if (evenements.encodage === 'windows-1252')
      avertissements.push(`${sources.evenements.nom} : lu en Windows-1252.`);
    const anomaliesLecture = anomaliesDeLecture(personnes.valeurs, indexS, indexE, ts, te);
    for (const l of v11.parPersonne.values()) l.sort((a, b) => a.jour - b.jour);
    const ids = personnes.valeurs;
    const indiceDe = new Map(ids.map((id, k) => [id, k]));
    const v1 = (): Iterable<DossierPersonne> =>
      dossiers(ids, { table: ts, index: indexS }, { table: te, index: indexE });
    return {
      personnes: v1,
      personnesV11: function* () {
        const vus = new Set<number>();
        for (const d of v1()) {
          const k = indiceDe.get(d.id) ?? -1;
          vus.add(k);
          yield { ...d, evenementsVolet3: v11.parPersonne.get(k) ?? [] };
        }
        for (const [k, evenementsVolet3] of v11.parPersonne) {
          if (!vus.has(k)) yield { id: ids[k] ?? '', situations: [], evenements: [], evenementsVolet3 };
        }
      },
      nombreEvenementsVolet3: v11.nombre,
      fenetre: ts.n > 0 ? { premierMois: ts.premierMois, dernierMois: ts.dernierMois } : null,
      lignesInvalides,
      nombreLignesInvalides: situations.erreurs.nombre + evenements.erreurs.nombre,
      avertissements,
      anomaliesLecture,
      empreinte: `sha256:${hachage.digest('hex')}`,
      fichiers: { situations: sources.situations.nom, evenements: sources.evenements.nom },
      nombreLignes: { situations: ts.n - ecarteesS, evenements: te.n - ecarteesE + v11.nombre },
    };
  } finally {
    sources.fermer();
  }
}
