import {
  calculerIndicateurs,
  jourDepuis,
  moisAbsolu,
  type DossierPersonne,
  type EtatDroit,
  type Evenement,
  type Indicateurs,
  type MoisAbsolu,
  type ParametresCalcul,
  type SituationMensuelle,
} from '../src/moteur/index.ts';

/** Aides de test : décrire des dossiers en quelques lignes, avec des dates lisibles. */
export const jour = (iso: string): number => {
  const [a, m, j] = iso.split('-').map(Number);
  return jourDepuis(a ?? 0, m ?? 0, j ?? 0);
};
export const mois = (iso: string): MoisAbsolu => {
  const [a, m] = iso.split('-').map(Number);
  return moisAbsolu(a ?? 0, m ?? 0);
};

interface OptionsMois {
  versable?: boolean;
  sdd?: boolean;
  etat?: EtatDroit;
}

/** Les mois de `debut` à `fin` inclus, avec les mêmes valeurs (par défaut : versable, soumis, ouvert). */
export function plage(debut: string, fin: string, options: OptionsMois = {}): SituationMensuelle[] {
  const versable = options.versable ?? true;
  const sdd = options.sdd ?? true;
  const etat = options.etat ?? (versable ? 'ouvert' : 'suspendu');
  const resultat: SituationMensuelle[] = [];
  for (let m = mois(debut); m <= mois(fin); m++) {
    resultat.push({ mois: m, droitVersable: versable, soumisDroitsDevoirs: sdd, etatDroit: etat });
  }
  return resultat;
}

export const suspendu = (debut: string, fin: string): SituationMensuelle[] =>
  plage(debut, fin, { versable: false, sdd: false, etat: 'suspendu' });

export function ev(
  type: Evenement['type'],
  date: string,
  extra: Omit<Evenement, 'type' | 'jour'> = {},
): Evenement {
  return { type, jour: jour(date), ...extra };
}

export function dossier(
  id: string,
  situations: SituationMensuelle[][],
  evenements: Evenement[] = [],
): DossierPersonne {
  return {
    id,
    situations: situations.flat().sort((a, b) => a.mois - b.mois),
    evenements: [...evenements].sort((a, b) => a.jour - b.jour),
  };
}

/** Fenêtre observée = tous les mois présents (comme la lecture la calcule). */
export function parametres(annee: number, dossiers: readonly DossierPersonne[]): ParametresCalcul {
  const tous = dossiers.flatMap((d) => d.situations.map((s) => s.mois));
  return {
    annee,
    cadre: annee >= 2024 ? 'france-travail-2024' : 'calpae-2023',
    fenetre: tous.length === 0 ? null : { premierMois: Math.min(...tous), dernierMois: Math.max(...tous) },
  };
}

export function calculer(annee: number, dossiers: readonly DossierPersonne[]): Indicateurs {
  return calculerIndicateurs(dossiers, parametres(annee, dossiers)).indicateurs;
}
