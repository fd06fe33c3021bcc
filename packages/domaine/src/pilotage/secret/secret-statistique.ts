import type { Cadre } from '@jalon/referentiels';

/**
 * Secret statistique (issue 6 § 6) : un compte de 1 à 10 personnes tiré de données individuelles s'affiche
 * « < 11 » dans toute vue diffusée au-delà du département. Seuil réglable ; 0 reste 0 (aucune personne à
 * protéger) — INT-PILOTAGE-17.
 */
export const SEUIL_SECRET_PAR_DEFAUT = 11;

export type Cellule =
  | { readonly type: 'valeur'; readonly valeur: number }
  | { readonly type: 'secret'; readonly affichage: string }
  | { readonly type: 'vide' };

/** `departement` : la collectivité regarde ses propres chiffres ; `au_dela` : vue régionale, nationale, export. */
export type Diffusion = 'departement' | 'au_dela';

export interface OptionsSecret {
  readonly diffusion: Diffusion;
  readonly seuil?: number;
}

function seuilDe(options: OptionsSecret): number {
  const seuil = options.seuil ?? SEUIL_SECRET_PAR_DEFAUT;
  if (!Number.isInteger(seuil) || seuil < 1) {
    throw new RangeError(`Seuil du secret statistique : entier ≥ 1 attendu, reçu ${String(seuil)}`);
  }
  return seuil;
}

export const estSousLeSeuil = (valeur: number, seuil: number): boolean => valeur > 0 && valeur < seuil;

/** Une valeur de compte, masquée si besoin. */
export function diffuserComptage(valeur: number | null | undefined, options: OptionsSecret): Cellule {
  const seuil = seuilDe(options);
  if (valeur === null || valeur === undefined) return { type: 'vide' };
  if (options.diffusion === 'au_dela' && estSousLeSeuil(valeur, seuil)) {
    return { type: 'secret', affichage: `< ${String(seuil)}` };
  }
  return { type: 'valeur', valeur };
}

/**
 * Un taux diffusé : masqué quand son numérateur ou son dénominateur est un compte masqué, sinon il le
 * trahirait (INT-PILOTAGE-17).
 */
export function diffuserTaux(
  valeur: number | null | undefined,
  numerateur: number | null | undefined,
  denominateur: number | null | undefined,
  options: OptionsSecret,
): Cellule {
  const seuil = seuilDe(options);
  if (valeur === null || valeur === undefined) return { type: 'vide' };
  const trahit = [numerateur, denominateur].some(
    (n) => n !== null && n !== undefined && estSousLeSeuil(n, seuil),
  );
  if (options.diffusion === 'au_dela' && trahit) return { type: 'secret', affichage: `< ${String(seuil)}` };
  return { type: 'valeur', valeur };
}

/**
 * Les indicateurs d'un cadre qui sont des comptes de personnes (natures flux, stock, délai). Un code inconnu du
 * catalogue est traité comme un compte, par prudence (INT-PILOTAGE-17).
 */
export function estComptageDuCadre(cadre: Cadre): (code: string) => boolean {
  return (code) => {
    const indicateur = cadre.indicateurs.find((i) => i.code === code);
    return indicateur === undefined || ['flux', 'stock', 'delai'].includes(indicateur.nature);
  };
}

export interface LigneIndicateurs {
  /** Territoire de la ligne (code du département, de la région…). */
  readonly territoire: string;
  readonly valeurs: Readonly<Record<string, number | null>>;
}

export interface LigneDiffusee {
  readonly territoire: string;
  readonly cellules: Readonly<Record<string, Cellule>>;
}

/**
 * Applique le secret à un tableau d'indicateurs : chaque compte de 1 à seuil − 1 devient « < seuil » hors du
 * département ; les autres valeurs (moyennes, taux saisis) passent telles quelles.
 */
export function masquerTableau(
  lignes: readonly LigneIndicateurs[],
  estComptage: (code: string) => boolean,
  options: OptionsSecret,
): LigneDiffusee[] {
  return lignes.map((ligne) => ({
    territoire: ligne.territoire,
    cellules: Object.fromEntries(
      Object.entries(ligne.valeurs).map(([code, valeur]): [string, Cellule] => [
        code,
        estComptage(code)
          ? diffuserComptage(valeur, options)
          : valeur === null
            ? { type: 'vide' }
            : { type: 'valeur', valeur },
      ]),
    ),
  }));
}

/** Texte d'une cellule pour l'affichage ou l'export : la valeur, « < 11 », ou vide. */
export function texteCellule(cellule: Cellule): string {
  switch (cellule.type) {
    case 'valeur':
      return String(cellule.valeur);
    case 'secret':
      return cellule.affichage;
    case 'vide':
      return '';
  }
}
