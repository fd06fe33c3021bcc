import type { ContexteDocument } from '../contexte.ts';
import { cellule, entete, type Bloc } from '../docx/modele.ts';
import { tableauIndicateurs } from '../indicateurs/tableau.ts';
import { montantFr } from '../typographie.ts';
import { tableauIndicateursBloc, valeurIndicateurTexte, type ColonneChoisie } from './communs.ts';
import { entreesAction } from './indicateurs-rapport.ts';

/**
 * Annexe A de la convention CALPAE 2023 : « Tableau des engagements du socle » (001 · annexe 7), catalogue des
 * indicateurs du cadre avec les valeurs du contenu ; colonnes du modèle : situation 2018, résultats 2019 à 2022,
 * résultat attendu en 2023.
 */
export function tableauEngagementsSocle(contexte: ContexteDocument): Bloc {
  const tableau = tableauIndicateurs(contexte);
  const n = contexte.convention.exercice;
  const trouver = (annee: string, cible: boolean): number | undefined => {
    const index = tableau.colonnes.findIndex((c) => c.annee === annee && c.cible === cible);
    return index < 0 ? undefined : index;
  };
  const colonnes: ColonneChoisie[] = [
    { entete: 'Situation au 31 déc. 2018', index: trouver('2018', false) },
    ...[2019, 2020, 2021, 2022].map((annee) => ({
      entete: `Résultat atteint en ${annee}`,
      index: trouver(String(annee), false),
    })),
    { entete: `Résultat attendu en ${n}(objectif fixé)`, index: trouver(String(n), true) },
  ];
  let rubrique: string | undefined;
  return tableauIndicateursBloc(
    ['Mesures', 'Indicateurs', 'Commentaires et Eléments de définition'],
    tableau.lignes.filter((ligne) => ligne.type === 'section' || ligne.action === undefined),
    colonnes,
    (ligne) => {
      const premiere = ligne.rubrique !== rubrique;
      rubrique = ligne.rubrique;
      return [premiere ? ligne.rubrique : '', ligne.libelle, ligne.commentaire];
    },
  );
}

/**
 * Annexe B : « Tableau des engagements à l'initiative du département » (001 · annexe 7). Montant exécuté de
 * l'exercice précédent : `realise_exercice_precedent` ; les années antérieures ne sont pas dans le format et
 * restent vides ; montant contractualisé : budget global F de l'action (INT-DOCUMENTS-9).
 */
export function tableauEngagementsInitiatives(contexte: ContexteDocument): Bloc {
  const n = contexte.convention.exercice;
  const initiatives = contexte.convention.actions.filter((action) => action.mesure?.nature === 'initiative');
  const annees = [2019, 2020, 2021, 2022].filter((annee) => annee < n);
  return {
    type: 'tableau',
    entetes: [
      [
        cellule('', { fond: true }),
        entete('Montant exécuté', annees.length),
        entete('Montant contractualisé'),
        entete('Référentiel ou note de cadrage s’il y a lieu'),
        entete('Indicateur(s) possible(s)'),
        entete('Objectif(s)'),
      ],
      [
        cellule('', { fond: true }),
        ...annees.map((annee) => entete(String(annee))),
        entete(String(n)),
        cellule('', { fond: true }),
        cellule('', { fond: true }),
        cellule('', { fond: true }),
      ],
    ],
    lignes:
      initiatives.length === 0
        ? [[cellule("Aucune action à l'initiative du département.", { colonnes: annees.length + 5 })]]
        : initiatives.map((action) => {
            const p = action.previsionnel;
            const indicateurs = entreesAction(contexte, action.numero);
            return [
              cellule(`Action ${action.numero} : ${action.intitule}`),
              ...annees.map((annee) =>
                cellule(
                  annee === n - 1 && action.realiseExercicePrecedent !== undefined
                    ? montantFr(action.realiseExercicePrecedent)
                    : '',
                  { alignement: 'droite' },
                ),
              ),
              cellule(montantFr(p.etat + p.report_etat + p.cd + p.report_cd + p.autres), {
                alignement: 'droite',
              }),
              cellule(''),
              cellule(indicateurs.map((i) => i.libelle).join('\n')),
              cellule(
                indicateurs
                  .map((i) => {
                    const cible = i.valeur?.cibles[String(n)] ?? null;
                    return cible === null
                      ? ''
                      : `${i.libelle} : ${valeurIndicateurTexte(cible, i.valeur?.unite ?? 'nombre')}`;
                  })
                  .filter((t) => t !== '')
                  .join('\n'),
              ),
            ];
          }),
    largeurs: [3, ...annees.map(() => 1.3), 1.5, 2, 2.5, 2.5],
  };
}
