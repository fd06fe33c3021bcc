import type { CelluleApi, TableauBordApi } from '@jalon/schemas';

/** Ce que la carte et le classement montrent : consommation, atteinte, ou un indicateur du cadre. */
export type Mesure = 'consommation' | 'atteinte' | `indicateur:${string}`;

export const libelleMesure = (t: TableauBordApi, mesure: Mesure): string => {
  if (mesure === 'consommation') return 'Taux de consommation (réalisé / F)';
  if (mesure === 'atteinte') return 'Taux d’atteinte moyen des cibles';
  const code = mesure.slice('indicateur:'.length);
  return t.indicateurs.find((i) => i.code === code)?.libelle ?? code;
};

export const estTaux = (mesure: Mesure) => mesure === 'consommation' || mesure === 'atteinte';

/** La cellule d'un département pour une mesure (le taux de consommation n'est pas un compte : jamais masqué). */
export function celluleMesure(l: TableauBordApi['lignes'][number], mesure: Mesure): CelluleApi {
  if (mesure === 'consommation')
    return l.taux_consommation === null ? { type: 'vide' } : { type: 'valeur', valeur: l.taux_consommation };
  if (mesure === 'atteinte') return l.taux_atteinte;
  return l.indicateurs[mesure.slice('indicateur:'.length)] ?? { type: 'vide' };
}

/** Valeurs pour la carte : masquées et vides → `null` (hachurées) ; le texte dit lequel des deux. */
export function valeursCarte(t: TableauBordApi, mesure: Mesure): Record<string, number | null> {
  return Object.fromEntries(
    t.lignes.map((l) => {
      const c = celluleMesure(l, mesure);
      return [l.departement, c.type === 'valeur' ? c.valeur : null];
    }),
  );
}

export const texteCellule = (c: CelluleApi, format: (v: number) => string): string =>
  c.type === 'valeur' ? format(c.valeur) : c.type === 'secret' ? c.affichage : 'non disponible';

/** Classement : valeurs décroissantes d'abord, puis masquées, puis vides ; à égalité, par code. */
export function classerLignes(t: TableauBordApi, mesure: Mesure) {
  const rang = (c: CelluleApi) => (c.type === 'valeur' ? 0 : c.type === 'secret' ? 1 : 2);
  return [...t.lignes].sort((a, b) => {
    const ca = celluleMesure(a, mesure);
    const cb = celluleMesure(b, mesure);
    if (rang(ca) !== rang(cb)) return rang(ca) - rang(cb);
    if (ca.type === 'valeur' && cb.type === 'valeur' && ca.valeur !== cb.valeur) return cb.valeur - ca.valeur;
    return a.departement.localeCompare(b.departement, 'fr', { numeric: true });
  });
}
