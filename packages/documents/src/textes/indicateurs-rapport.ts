import type { ContexteDocument } from '../contexte.ts';
import type { ValeurIndicateur } from '../contenu/schema.ts';
import { cellule, entete, type Bloc } from '../docx/modele.ts';
import { tableauIndicateurs } from '../indicateurs/tableau.ts';
import { tableauIndicateursBloc, valeurIndicateurTexte } from './communs.ts';

/**
 * Tableaux d'indicateurs du rapport d'exécution (001 · annexe 5, § 1.1 et § 1.1.1.6) : situation de départ
 * (2018 en CALPAE), résultats des années passées, résultat attendu et atteint de l'exercice, explication,
 * cible de l'année suivante. Le modèle d'action omet « Résultat atteint » de l'exercice, que le rapport doit
 * pourtant comparer : la colonne est ajoutée (INT-DOCUMENTS-8).
 */
export interface EntreeIndicateur {
  readonly libelle: string;
  readonly valeur: ValeurIndicateur | undefined;
}

export function tableauIndicateursRapport(
  contexte: ContexteDocument,
  premiereColonne: string,
  nom: string,
  entrees: readonly EntreeIndicateur[],
): Bloc {
  const n = contexte.convention.exercice;
  const depart = contexte.convention.cadre.famille === 'calpae' ? 2018 : n - 1;
  const annees: number[] = [];
  for (let annee = depart + 1; annee < n; annee += 1) annees.push(annee);
  const entetes = [
    premiereColonne,
    'Indicateurs',
    `Situation ${depart} du département`,
    ...annees.map((annee) => `Résultat atteint en ${annee}`),
    `Résultat attendu en ${n}`,
    `Résultat atteint en ${n}`,
    `Explication apportée sur l'atteinte de l'objectif et l'évolution par rapport à ${n - 1}`,
    `Résultat attendu en ${n + 1} (cible)`,
  ];
  const lignes = entrees.map(({ libelle, valeur }, rang) => {
    const unite = valeur?.unite ?? 'nombre';
    const v = (annee: number): string => valeurIndicateurTexte(valeur?.valeurs[String(annee)] ?? null, unite);
    const c = (annee: number): string => valeurIndicateurTexte(valeur?.cibles[String(annee)] ?? null, unite);
    return [
      cellule(rang === 0 ? nom : ''),
      cellule(libelle),
      cellule(v(depart), { alignement: 'droite' }),
      ...annees.map((annee) => cellule(v(annee), { alignement: 'droite' })),
      cellule(c(n), { alignement: 'droite' }),
      cellule(v(n), { alignement: 'droite' }),
      cellule(valeur?.explication ?? ''),
      cellule(c(n + 1), { alignement: 'droite' }),
    ];
  });
  return {
    type: 'tableau',
    entetes: [entetes.map((t) => entete(t))],
    lignes:
      lignes.length === 0 ? [[cellule('Aucun indicateur renseigné.', { colonnes: entetes.length })]] : lignes,
    largeurs: [2.2, 3, 1.2, ...annees.map(() => 1.2), 1.2, 1.2, 3, 1.2],
  };
}

/** Indicateurs du catalogue rattachés à une mesure, avec les valeurs du contenu (hors indicateurs d'action). */
export function entreesMesure(contexte: ContexteDocument, mesure: string): EntreeIndicateur[] {
  const valeurs = contexte.contenu.indicateurs.filter((valeur) => valeur.action === undefined);
  return contexte.convention.cadre.indicateurs
    .filter((indicateur) => indicateur.mesure === mesure)
    .flatMap((indicateur) => [
      {
        libelle: indicateur.libelle,
        valeur: valeurs.find((v) => v.code === indicateur.code && v.declinaison === undefined),
      },
      ...(indicateur.declinaisons ?? []).map((declinaison) => ({
        libelle: declinaison,
        valeur: valeurs.find((v) => v.code === indicateur.code && v.declinaison === declinaison),
      })),
    ]);
}

/** Indicateurs rattachés à une action dans le contenu. */
export function entreesAction(contexte: ContexteDocument, numero: string): EntreeIndicateur[] {
  return contexte.contenu.indicateurs
    .filter((valeur) => valeur.action === numero)
    .map((valeur) => ({
      libelle:
        valeur.libelle ??
        valeur.declinaison ??
        contexte.convention.cadre.indicateurs.find((i) => i.code === valeur.code)?.libelle ??
        valeur.code,
      valeur,
    }));
}

/** Tableau des indicateurs complet (001 · annexe 8), pour les annexes. */
export function annexeIndicateurs(contexte: ContexteDocument): Bloc {
  const tableau = tableauIndicateurs(contexte);
  return tableauIndicateursBloc(
    tableau.colonnesFixes,
    tableau.lignes,
    tableau.colonnes.map((colonne, index) => ({ entete: colonne.entete, index })),
    (ligne) => [ligne.rubrique, ligne.libelle, ligne.commentaire],
  );
}
