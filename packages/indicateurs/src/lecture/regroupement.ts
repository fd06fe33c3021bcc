/**
 * Regroupement par personne (tri par dénombrement sur l'indice de personne, puis tri de chaque petit segment),
 * repérage des doublons exacts et des conflits à l'intérieur d'une même personne (pas de grand ensemble en
 * mémoire), puis production paresseuse des `DossierPersonne`, un à la fois.
 */
import {
  DISPOSITIFS,
  ORGANISMES,
  PARCOURS,
  STATUTS_RDV,
  TYPES_EVENEMENT,
  type DossierPersonne,
  type Evenement,
  type SituationMensuelle,
} from '../moteur/modele.ts';
import type { RecueilErreurs } from './erreurs.ts';
import { TYPE_ECARTE, type TableEvenements } from './evenements.ts';
import { ECARTEE, etatDesDrapeaux, SDD, VERSABLE, type TableSituations } from './situations.ts';

export interface Index {
  /** Lignes de la personne p : `ordre[debuts[p]]` … `ordre[debuts[p + 1] - 1]`. */
  readonly debuts: Int32Array;
  readonly ordre: Int32Array;
}

/** Tri par dénombrement (stable : l'ordre du fichier est gardé à personne égale). */
export function indexer(personne: Int32Array, n: number, nombrePersonnes: number): Index {
  const debuts = new Int32Array(nombrePersonnes + 1);
  for (let i = 0; i < n; i++) {
    const k = (personne[i] ?? 0) + 1;
    debuts[k] = (debuts[k] ?? 0) + 1;
  }
  for (let p = 0; p < nombrePersonnes; p++) debuts[p + 1] = (debuts[p + 1] ?? 0) + (debuts[p] ?? 0);
  const curseurs = debuts.slice(0, nombrePersonnes);
  const ordre = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = personne[i] ?? 0;
    const c = curseurs[p] ?? 0;
    ordre[c] = i;
    curseurs[p] = c + 1;
  }
  return { debuts, ordre };
}

/** Tri stable du segment [a, b) de `ordre` selon `cle` (insertion pour les petits segments, cas courant). */
function trierSegment(ordre: Int32Array, a: number, b: number, cle: Int32Array | Int16Array): void {
  if (b - a <= 48) {
    for (let i = a + 1; i < b; i++) {
      const x = ordre[i] ?? 0;
      const kx = cle[x] ?? 0;
      let j = i - 1;
      while (j >= a && (cle[ordre[j] ?? 0] ?? 0) > kx) {
        ordre[j + 1] = ordre[j] ?? 0;
        j--;
      }
      ordre[j + 1] = x;
    }
    return;
  }
  const tri = Array.from(ordre.subarray(a, b)).sort((x, y) => (cle[x] ?? 0) - (cle[y] ?? 0) || x - y);
  ordre.set(tri, a);
}

/** Trie chaque personne par mois et écarte doublons exacts et conflits (même personne, même mois). */
export function verifierSituations(
  t: TableSituations,
  index: Index,
  nombrePersonnes: number,
  erreurs: RecueilErreurs,
): number {
  let ecartees = 0;
  const { debuts, ordre } = index;
  for (let p = 0; p < nombrePersonnes; p++) {
    const a = debuts[p] ?? 0;
    const b = debuts[p + 1] ?? 0;
    if (b - a < 2) continue;
    trierSegment(ordre, a, b, t.mois);
    let premier = ordre[a] ?? 0;
    for (let k = a + 1; k < b; k++) {
      const i = ordre[k] ?? 0;
      if (t.mois[i] !== t.mois[premier]) {
        premier = i;
        continue;
      }
      // Même personne, même mois : la ligne la plus basse du fichier est gardée (INT-LECT-4).
      const doublon = ((t.drapeaux[i] ?? 0) & 0x0f) === ((t.drapeaux[premier] ?? 0) & 0x0f);
      t.drapeaux[i] = (t.drapeaux[i] ?? 0) | ECARTEE;
      ecartees++;
      erreurs.ajouter({
        fichier: t.fichier,
        ligne: t.ligne[i] ?? 0,
        colonne: doublon ? null : 'mois',
        raison: doublon
          ? `doublon exact de la ligne ${t.ligne[premier]}`
          : `conflit avec la ligne ${t.ligne[premier]} : même personne et même mois, valeurs différentes`,
      });
    }
  }
  return ecartees;
}

/** Trie chaque personne par jour (ordre du fichier à jour égal) et écarte les doublons exacts. */
export function verifierEvenements(
  t: TableEvenements,
  index: Index,
  nombrePersonnes: number,
  erreurs: RecueilErreurs,
): number {
  let ecartees = 0;
  const { debuts, ordre } = index;
  for (let p = 0; p < nombrePersonnes; p++) {
    const a = debuts[p] ?? 0;
    const b = debuts[p + 1] ?? 0;
    if (b - a < 2) continue;
    trierSegment(ordre, a, b, t.jour);
    let debutJour = a;
    for (let k = a + 1; k < b; k++) {
      const i = ordre[k] ?? 0;
      if (t.jour[i] !== t.jour[ordre[debutJour] ?? 0]) {
        debutJour = k;
        continue;
      }
      for (let m = debutJour; m < k; m++) {
        const j = ordre[m] ?? 0;
        if (t.type[j] !== TYPE_ECARTE && t.identiques(i, j)) {
          erreurs.ajouter({
            fichier: t.fichier,
            ligne: t.ligne[i] ?? 0,
            colonne: null,
            raison: `doublon exact de la ligne ${t.ligne[j]}`,
          });
          t.type[i] = TYPE_ECARTE;
          ecartees++;
          break;
        }
      }
    }
  }
  return ecartees;
}

function situationsDe(t: TableSituations, index: Index, p: number): SituationMensuelle[] {
  const res: SituationMensuelle[] = [];
  for (let k = index.debuts[p] ?? 0; k < (index.debuts[p + 1] ?? 0); k++) {
    const i = index.ordre[k] ?? 0;
    const d = t.drapeaux[i] ?? 0;
    if ((d & ECARTEE) !== 0) continue;
    res.push({
      mois: t.mois[i] ?? 0,
      droitVersable: (d & VERSABLE) !== 0,
      soumisDroitsDevoirs: (d & SDD) !== 0,
      etatDroit: etatDesDrapeaux(d),
    });
  }
  return res;
}

function evenementsDe(t: TableEvenements, index: Index, p: number): Evenement[] {
  const res: Evenement[] = [];
  for (let k = index.debuts[p] ?? 0; k < (index.debuts[p + 1] ?? 0); k++) {
    const i = index.ordre[k] ?? 0;
    const type = TYPES_EVENEMENT[t.type[i] ?? 0];
    if (type === undefined) continue;
    const e: {
      -readonly [K in keyof Evenement]: Evenement[K];
    } = { type, jour: t.jour[i] ?? 0 };
    const organisme = ORGANISMES[(t.organisme[i] ?? 0) - 1];
    if (organisme !== undefined) e.organisme = organisme;
    const parcours = PARCOURS[(t.parcours[i] ?? 0) - 1];
    if (parcours !== undefined) e.parcours = parcours;
    const dispositif = DISPOSITIFS[(t.dispositif[i] ?? 0) - 1];
    if (dispositif !== undefined) e.dispositif = dispositif;
    const statut = STATUTS_RDV[(t.statut[i] ?? 0) - 1];
    if (statut !== undefined) e.statut = statut;
    const conseiller = t.conseillers.valeurs[(t.conseiller[i] ?? 0) - 1];
    if (conseiller !== undefined) e.conseiller = conseiller;
    const motif = t.motifs.valeurs[(t.motif[i] ?? 0) - 1];
    if (motif !== undefined) e.motif = motif;
    res.push(e);
  }
  return res;
}

/** Les dossiers, un à la fois, dans l'ordre de première apparition des personnes ; une personne sans ligne valide est omise. */
export function* dossiers(
  ids: readonly string[],
  situations: { table: TableSituations; index: Index },
  evenements: { table: TableEvenements; index: Index },
): Generator<DossierPersonne> {
  for (let p = 0; p < ids.length; p++) {
    const s = situationsDe(situations.table, situations.index, p);
    const e = evenementsDe(evenements.table, evenements.index, p);
    if (s.length === 0 && e.length === 0) continue;
    yield { id: ids[p] ?? '', situations: s, evenements: e };
  }
}
