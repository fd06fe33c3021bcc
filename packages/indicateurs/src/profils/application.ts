/**
 * Application d'un profil de correspondance à des lignes d'export (fonction pure, sans E/S) : chaque ligne de
 * l'export produit zéro, une ou plusieurs lignes du format d'échange, ou est rejetée avec sa raison (ligne, colonne) —
 * rien n'est écarté en silence (DESIGN.md, principe 5). Les valeurs produites sont contrôlées contre les valeurs
 * permises du format (spec parcours-rsa-v1 § 1 ; v1.1 : volet3/modele.ts).
 */
import {
  ETATS_DROIT,
  DISPOSITIFS,
  ORGANISMES,
  PARCOURS,
  STATUTS_RDV,
  TYPES_EVENEMENT,
} from '../moteur/modele.ts';
import { estDateValide } from '../moteur/dates.ts';
import { ressembleAUnNir } from '../lecture/identifiants.ts';
import { MODALITES, TYPES_CONTRAT, TYPES_EVENEMENT_V11 } from '../volet3/modele.ts';
import { ErreurProfil, type Champ, type Profil } from './schema.ts';

export interface LigneSource {
  /** Numéro de ligne dans le fichier (l'en-tête est la ligne 1). */
  readonly numero: number;
  readonly valeurs: readonly string[];
}

export interface Rejet {
  readonly ligne: number;
  readonly colonne: string | null;
  readonly raison: string;
}

export type LigneProduite = Readonly<Record<string, string>>;

export interface ResultatConversion {
  readonly lignes: LigneProduite[];
  readonly rejets: Rejet[];
  /** Lignes de l'export lues (hors en-tête). */
  readonly lues: number;
}

/** Clé de comparaison : sans accents, sans casse, espaces réduits. */
export const cleTexte = (t: string): string =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const VALEURS_PERMISES: Readonly<Record<string, readonly string[]>> = {
  type: [...TYPES_EVENEMENT, ...TYPES_EVENEMENT_V11],
  organisme: ORGANISMES,
  parcours: PARCOURS,
  dispositif: DISPOSITIFS,
  statut: STATUTS_RDV,
  modalite: MODALITES,
  type_contrat: TYPES_CONTRAT,
  etat_droit: ETATS_DROIT,
  droit_versable: ['oui', 'non'],
  soumis_droits_devoirs: ['oui', 'non'],
};
const OBLIGATOIRES = {
  evenements: ['type', 'date'],
  situations_mensuelles: ['mois', 'droit_versable', 'soumis_droits_devoirs'],
};

/** Date selon les formats du profil → AAAA-MM-JJ, ou `null`. Les cellules XLSX de type date arrivent déjà en AAAA-MM-JJ. */
export function lireDate(texte: string, formats: readonly string[]): string | null {
  const t = texte.trim().replace(/[ T]\d{1,2}[:h]\d{2}.*$/, '');
  for (const f of formats) {
    const motif = f
      .replace(/[.]/g, '\\.')
      .replace('AAAA', '(?<a>\\d{4})')
      .replace('AA', '(?<aa>\\d{2})')
      .replace('MM', '(?<m>\\d{1,2})')
      .replace('JJ', '(?<j>\\d{1,2})');
    const g = new RegExp(`^${motif}$`).exec(t)?.groups;
    if (g === undefined) continue;
    // Années sur deux chiffres : 00-69 → 2000-2069, 70-99 → 1970-1999 (INT-DONNEES-6).
    const a = g.a !== undefined ? Number(g.a) : Number(g.aa) + (Number(g.aa) < 70 ? 2000 : 1900);
    const m = Number(g.m);
    const j = Number(g.j);
    if (!estDateValide(a, m, j)) return null;
    return `${a}-${String(m).padStart(2, '0')}-${String(j).padStart(2, '0')}`;
  }
  return null;
}

/** Mois : AAAA-MM, MM/AAAA, ou une date complète (son mois). */
function lireMois(texte: string, formats: readonly string[]): string | null {
  const t = texte.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]?.padStart(2, '0')}`;
  m = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${m[1]?.padStart(2, '0')}`;
  return lireDate(t, formats)?.slice(0, 7) ?? null;
}

/** Applique `profil` ; `pseudonymiser` est requis si le profil le demande. Lève `ErreurProfil` si une colonne manque. */
export function appliquerProfil(
  profil: Profil,
  entete: readonly string[],
  lignes: Iterable<LigneSource>,
  pseudonymiser: ((id: string) => string) | null,
): ResultatConversion {
  const indices = new Map(entete.map((n, k) => [cleTexte(n), k]));
  const indice = (colonne: string): number => {
    const k = indices.get(cleTexte(colonne));
    if (k === undefined)
      throw new ErreurProfil(
        `colonne « ${colonne} » du profil « ${profil.nom} » absente de l'export (colonnes lues : ${entete.map((c) => `« ${c} »`).join(', ')}).`,
      );
    return k;
  };
  if (profil.identifiant.pseudonymiser && pseudonymiser === null)
    throw new ErreurProfil(
      `le profil « ${profil.nom} » pseudonymise l'identifiant : une clé est nécessaire (--cle).`,
    );
  const kId = indice(profil.identifiant.colonne);
  const kSi = profil.regles.map((r) => (r.si === undefined ? -1 : indice(r.si)));
  const regles = profil.regles.map((r) =>
    Object.entries(r.champs).map(([nom, c]) => ({
      nom,
      champ: c as Champ,
      k: (c as Champ).colonne === undefined ? -1 : indice((c as Champ).colonne ?? ''),
      correspondances: new Map(
        Object.entries((c as Champ).correspondances ?? {}).map(([a, b]) => [cleTexte(a), b]),
      ),
    })),
  );
  const obligatoires: readonly string[] = OBLIGATOIRES[profil.cible];
  const sortie: LigneProduite[] = [];
  const rejets: Rejet[] = [];
  let lues = 0;

  for (const src of lignes) {
    lues++;
    const cellule = (k: number): string => (k < 0 ? '' : (src.valeurs[k] ?? '').trim());
    const brut = cellule(kId);
    if (brut === '') {
      rejets.push({ ligne: src.numero, colonne: profil.identifiant.colonne, raison: 'identifiant vide' });
      continue;
    }
    if (!profil.identifiant.pseudonymiser && ressembleAUnNir(brut))
      throw new ErreurProfil(
        `ligne ${src.numero}, colonne « ${profil.identifiant.colonne} » : l'identifiant a la forme d'un NIR ; mettez « pseudonymiser »: true dans le profil et donnez une clé.`,
      );
    const id = profil.identifiant.pseudonymiser && pseudonymiser !== null ? pseudonymiser(brut) : brut;
    regles: for (const [r, champs] of regles.entries()) {
      if ((kSi[r] ?? -1) >= 0 && cellule(kSi[r] ?? -1) === '') continue;
      const ligne: Record<string, string> = { id_personne: id };
      for (const { nom, champ, k, correspondances } of champs) {
        const colonne = champ.colonne ?? null;
        const lu = champ.valeur ?? cellule(k);
        let v = lu;
        if (lu === '') v = champ.defaut ?? '';
        else if (correspondances.size > 0) {
          const t = correspondances.get(cleTexte(lu)) ?? champ.autre;
          if (t === undefined) {
            rejets.push({
              ligne: src.numero,
              colonne,
              raison: `valeur « ${lu} » sans correspondance pour « ${nom} » (connues : ${[...Object.keys(champ.correspondances ?? {})].join(', ')})`,
            });
            continue regles;
          }
          v = t;
        }
        if (v === '') continue;
        if (nom === 'date') {
          const d = lireDate(v, profil.formatsDate);
          if (d === null) {
            rejets.push({
              ligne: src.numero,
              colonne,
              raison: `date « ${v} » illisible (formats du profil : ${profil.formatsDate.join(', ')})`,
            });
            continue regles;
          }
          v = d;
        } else if (nom === 'mois') {
          const m = lireMois(v, profil.formatsDate);
          if (m === null) {
            rejets.push({
              ligne: src.numero,
              colonne,
              raison: `mois « ${v} » illisible (AAAA-MM, MM/AAAA ou une date)`,
            });
            continue regles;
          }
          v = m;
        } else {
          const permises = VALEURS_PERMISES[nom];
          if (permises !== undefined && !permises.includes(v)) {
            rejets.push({
              ligne: src.numero,
              colonne,
              raison: `valeur « ${v} » non permise pour « ${nom} » (attendu : ${permises.join(', ')})`,
            });
            continue regles;
          }
        }
        ligne[nom] = v;
      }
      const manquant = obligatoires.find((o) => (ligne[o] ?? '') === '');
      if (manquant !== undefined) {
        rejets.push({
          ligne: src.numero,
          colonne: null,
          raison: `« ${manquant} » vide pour la règle ${profil.regles[r]?.nom ?? r + 1}`,
        });
        continue;
      }
      sortie.push(ligne);
    }
  }
  return { lignes: sortie, rejets, lues };
}
