import type { ContexteDocument } from '../contexte.ts';
import { neutraliser } from '../neutralisation.ts';
import { tableauIndicateurs } from '../indicateurs/tableau.ts';
import { lettreColonne, texte, type Cellule, type Feuille } from './modele.ts';

/** Feuille « Indicateurs {n} » : tableau des indicateurs de 001 · annexe 8 (ou 003 · annexe 4). */
export function feuilleIndicateurs(contexte: ContexteDocument): Feuille {
  const tableau = tableauIndicateurs(contexte);
  const largeur = tableau.colonnesFixes.length + tableau.colonnes.length;
  const lignes: (Cellule | undefined)[][] = [
    [texte(tableau.titre, 'titre')],
    [],
    [...tableau.colonnesFixes, ...tableau.colonnes.map((c) => c.entete)].map((entete) =>
      texte(entete, 'entete'),
    ),
  ];
  const fusions = [`A1:${lettreColonne(largeur - 1)}1`];
  let rubrique: string | undefined;
  for (const ligne of tableau.lignes) {
    if (ligne.type === 'section') {
      lignes.push([texte(ligne.libelle, 'section')]);
      rubrique = undefined;
      continue;
    }
    const premiere = ligne.rubrique !== rubrique;
    rubrique = ligne.rubrique;
    lignes.push([
      premiere ? texte(neutraliser(ligne.rubrique), 'theme') : undefined,
      texte(neutraliser(ligne.libelle)),
      texte(neutraliser(ligne.commentaire)),
      ...ligne.valeurs.map((valeur): Cellule => ({
        valeur,
        format: ligne.unite === 'pourcentage' ? 'pourcentage' : 'nombre',
        style: 'normal',
      })),
    ]);
  }
  return {
    nom: `Indicateurs ${contexte.convention.exercice}`,
    largeurs: [36, 48, 36, ...tableau.colonnes.map(() => 15)],
    lignes,
    fusions,
    ligneEntete: 3,
    colonnesFigees: 2,
    paysage: true,
  };
}
