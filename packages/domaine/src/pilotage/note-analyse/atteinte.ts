import type { Cadre, Cible, NatureIndicateur } from '@jalon/referentiels';
import { taux, type Taux } from './taux.ts';

/**
 * Cibles exprimées en pourcentage : le compte de l'indicateur rapporté à son dénominateur (parcours-rsa-v1 § 2 :
 * « Les taux affichés (part orientée en 1 mois, etc.) se déduisent de ces comptes » ; portée de chaque cible).
 */
export const DENOMINATEURS_CIBLES: Readonly<
  Record<string, { readonly code: string; readonly source: string }>
> = {
  orientes_1_mois: { code: 'nouveaux_entrants', source: '001 · annexe 6 § 1.1 ; parcours-rsa-v1 § 2' },
  orientes_15_jours: { code: 'nouveaux_entrants', source: '003 · annexe 4 § 4-b ; parcours-rsa-v1 § 2' },
  premiers_rdv_2_semaines: { code: 'premiers_rdv', source: '001 · annexe 6 § 1.1 ; parcours-rsa-v1 § 2' },
  premiers_cer_2_mois: { code: 'premiers_cer', source: '001 · annexe 6 § 1.1 ; parcours-rsa-v1 § 2' },
};

export interface AtteinteIndicateur {
  readonly code: string;
  readonly libelle: string;
  readonly nature: NatureIndicateur;
  /** Valeur saisie ou calculée ; `null` : non renseignée. */
  readonly valeur: number | null;
  readonly cible?: Cible;
  /** Ce qui est comparé à la cible : la valeur, ou le pourcentage compte / dénominateur. */
  readonly mesure: number | null;
  readonly atteint: boolean | null;
  /** Mesure / cible (cibles « au moins », « égal ») ou cible / mesure (« au plus », « moins de ») — INT-PILOTAGE-13. */
  readonly tauxAtteinte: Taux | undefined;
  readonly explication: string;
}

type Valeurs = Readonly<Record<string, number | null | undefined>>;

function compare(comparaison: Cible['comparaison'], gauche: number, droite: number): boolean {
  switch (comparaison) {
    case 'egal':
      return gauche === droite;
    case 'au_moins':
      return gauche >= droite;
    case 'au_plus':
      return gauche <= droite;
    case 'moins_de':
      return gauche < droite;
  }
}

const plusPetitMieux = (cible: Cible): boolean =>
  cible.comparaison === 'au_plus' || cible.comparaison === 'moins_de';

function juger(code: string, valeur: number | null, cible: Cible | undefined, valeurs: Valeurs) {
  if (cible === undefined) {
    return {
      mesure: valeur,
      atteint: null,
      tauxAtteinte: undefined,
      explication: 'Pas de cible dans le cadre.',
    };
  }
  if (valeur === null) {
    return { mesure: null, atteint: null, tauxAtteinte: undefined, explication: 'Valeur non renseignée.' };
  }
  if (cible.unite === 'pourcentage') {
    const denominateur = DENOMINATEURS_CIBLES[code];
    const base = denominateur === undefined ? undefined : valeurs[denominateur.code];
    if (denominateur === undefined || base === undefined || base === null || base === 0) {
      return {
        mesure: null,
        atteint: null,
        tauxAtteinte: undefined,
        explication:
          denominateur === undefined
            ? 'Cible en pourcentage sans dénominateur connu.'
            : `Dénominateur ${denominateur.code} non renseigné ou nul.`,
      };
    }
    const part = taux(valeur, base);
    // Comparaison exacte en entiers : valeur / base ≷ cible / 100  ⇔  100 × valeur ≷ cible × base.
    const atteint = compare(cible.comparaison, 100 * valeur, cible.valeur * base);
    return {
      mesure: part?.pourcentage ?? null,
      atteint,
      tauxAtteinte: plusPetitMieux(cible)
        ? taux(cible.valeur * base, 100 * valeur)
        : taux(100 * valeur, cible.valeur * base),
      explication: `${String(valeur)} / ${String(base)} (${denominateur.code}) = ${String(part?.pourcentage)} % pour une cible de ${String(cible.valeur)} %.`,
    };
  }
  const atteint = compare(cible.comparaison, valeur, cible.valeur);
  return {
    mesure: valeur,
    atteint,
    tauxAtteinte: plusPetitMieux(cible) ? taux(cible.valeur, valeur) : taux(valeur, cible.valeur),
    explication: `${String(valeur)} pour une cible de ${String(cible.valeur)} ${cible.unite}.`,
  };
}

/**
 * Chaque indicateur du catalogue du cadre qui a une valeur ou une cible, dans l'ordre du catalogue, comparé à
 * sa cible (001 · annexe 4 § 1 « atteinte des indicateurs des objectifs fixés » ; 000 · annexe 5 § 1).
 */
export function atteinteIndicateurs(cadre: Cadre, valeurs: Valeurs): AtteinteIndicateur[] {
  return cadre.indicateurs
    .filter((indicateur) => indicateur.cible !== undefined || valeurs[indicateur.code] !== undefined)
    .map((indicateur) => {
      const valeur = valeurs[indicateur.code] ?? null;
      return {
        code: indicateur.code,
        libelle: indicateur.libelle,
        nature: indicateur.nature,
        valeur,
        ...(indicateur.cible === undefined ? {} : { cible: indicateur.cible }),
        ...juger(indicateur.code, valeur, indicateur.cible, valeurs),
      };
    });
}
