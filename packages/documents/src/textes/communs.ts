import { consommeEtat, type ActionFinanciere } from '@jalon/domaine';
import type { ContexteDocument } from '../contexte.ts';
import { cellule, consigne, entete, para, type Bloc, type CelluleTableau } from '../docx/modele.ts';
import type { Feuille } from '../grille/modele.ts';
import type { LigneIndicateurs } from '../indicateurs/tableau.ts';
import { montantFr, nombreFr, pourcentageFr } from '../typographie.ts';

/** Valeur fournie, sinon la mention à compléter du modèle officiel, entre crochets. */
export const aCompleter = (valeur: string | undefined, mention: string): string =>
  valeur === undefined || valeur.trim() === '' ? `[${mention}]` : valeur;

/** Paragraphe d'un texte libre (plusieurs paragraphes séparés par une ligne vide), ou consigne en italique. */
export function texteOuConsigne(valeur: string | undefined, mention: string): Bloc[] {
  if (valeur === undefined || valeur.trim() === '') return [consigne(`[${mention}]`)];
  return valeur
    .split(/\n\s*\n/u)
    .map((morceau) => para(morceau.trim()))
    .filter((bloc) => bloc.type !== 'paragraphe' || bloc.segments.some((s) => s.texte !== ''));
}

export const nomDepartement = (contexte: ContexteDocument): string =>
  aCompleter(contexte.nomCollectivite, 'indiquer le nom du département');

/** Une feuille de tableur (modèle neutre) en tableau de document, à partir de sa ligne d'en-têtes. */
export function feuilleEnTableau(feuille: Feuille, largeurs?: readonly number[]): Bloc {
  const debut = feuille.ligneEntete - 1;
  const nombre = feuille.largeurs.length;
  const versCellule = (c: Feuille['lignes'][number][number], enTete: boolean): CelluleTableau => {
    if (c === undefined || c.valeur === null) return cellule('', enTete ? { fond: true } : {});
    if (typeof c.valeur === 'number') {
      const texte =
        c.format === 'euros'
          ? montantFr(Math.round(c.valeur * 100))
          : c.format === 'pourcentage'
            ? pourcentageFr(c.valeur)
            : nombreFr(c.valeur);
      return cellule(texte, {
        alignement: 'droite',
        ...(c.style === 'total' || c.style === 'sous-total' ? { gras: true } : {}),
      });
    }
    if (enTete || c.style === 'entete')
      return entete(`${c.valeur}${c.complementItalique === undefined ? '' : ` (${c.complementItalique})`}`);
    return cellule(c.valeur, {
      ...(c.style === 'total' || c.style === 'sous-total' || c.style === 'section' ? { gras: true } : {}),
      ...(c.style === 'total' || c.style === 'section' ? { fond: true } : {}),
    });
  };
  const completer = (ligne: Feuille['lignes'][number]): Feuille['lignes'][number] =>
    Array.from({ length: nombre }, (_, i) => ligne[i]);
  return {
    type: 'tableau',
    entetes: [completer(feuille.lignes[debut] ?? []).map((c) => versCellule(c, true))],
    lignes: feuille.lignes
      .slice(debut + 1)
      .filter((ligne) => ligne.some((c) => c !== undefined))
      .map((ligne) => completer(ligne).map((c) => versCellule(c, false))),
    largeurs: largeurs ?? feuille.largeurs,
  };
}

export function valeurIndicateurTexte(valeur: number | null, unite: string): string {
  if (valeur === null) return '';
  if (unite === 'pourcentage') return pourcentageFr(valeur);
  if (unite === 'jours') return `${nombreFr(valeur)}\u00a0j`;
  return nombreFr(valeur);
}

/** Une colonne d'années d'un tableau d'indicateurs de document : son en-tête et l'index de la valeur. */
export interface ColonneChoisie {
  readonly entete: string;
  /** Index dans `valeurs` de la ligne ; `undefined` : colonne vide (donnée absente du tableau). */
  readonly index: number | undefined;
}

/** Tableau d'indicateurs : colonnes fixes données, puis les colonnes d'années choisies. */
export function tableauIndicateursBloc(
  entetesFixes: readonly string[],
  lignes: readonly LigneIndicateurs[],
  colonnes: readonly ColonneChoisie[],
  fixes: (ligne: Extract<LigneIndicateurs, { type: 'indicateur' }>) => readonly string[],
  apres: {
    entete: string;
    valeur: (ligne: Extract<LigneIndicateurs, { type: 'indicateur' }>) => string;
  }[] = [],
): Bloc {
  const nombre = entetesFixes.length + colonnes.length + apres.length;
  return {
    type: 'tableau',
    entetes: [
      [...entetesFixes, ...colonnes.map((c) => c.entete), ...apres.map((a) => a.entete)].map((t) =>
        entete(t),
      ),
    ],
    lignes: lignes.map((ligne) =>
      ligne.type === 'section'
        ? [cellule(ligne.libelle, { gras: true, fond: true, colonnes: nombre })]
        : [
            ...fixes(ligne).map((t) => cellule(t)),
            ...colonnes.map((colonne) => {
              const valeur = colonne.index === undefined ? null : (ligne.valeurs[colonne.index] ?? null);
              return cellule(valeurIndicateurTexte(valeur, ligne.unite), { alignement: 'droite' });
            }),
            ...apres.map((a) => cellule(a.valeur(ligne))),
          ],
    ),
    largeurs: [...entetesFixes.map(() => 3), ...colonnes.map(() => 1.4), ...apres.map(() => 3)],
  };
}

/** Période d'exécution : année civile, ou année glissante (001 · annexe 4 ; annexe 5 § 1.1.1.5.1). */
export function periode(contexte: ContexteDocument): string {
  const n = contexte.convention.exercice;
  return contexte.convention.regime === 'civil'
    ? `Du 01/01/${n} au 31/12/${n}`
    : `Du 01/07/${n} au 30/06/${n + 1}`;
}

/** Budget prévisionnel d'une action, dans la forme de l'exemple de 001 · annexe 5 (§ 1.1.1.5.1). */
export function lignesBudgetPrevisionnel(contexte: ContexteDocument, action: ActionFinanciere): string[] {
  const n = contexte.convention.exercice;
  const p = action.previsionnel;
  const sansReports = p.etat + p.cd + p.autres;
  return [
    `Part Etat = ${montantFr(p.etat)}`,
    `Part CD = ${montantFr(p.cd)} (dont crédits valorisés = ${montantFr(p.valorisation_cd)} ; dont dépenses supplémentaires = ${montantFr(p.cd - p.valorisation_cd)})`,
    ...(p.autres > 0 ? [`Participation d'autres financeurs = ${montantFr(p.autres)}`] : []),
    `Budget global = ${montantFr(sansReports)}`,
    `Crédits reportés ${n - 1} (et précédemment le cas échéant) sur ${n} part Etat = ${montantFr(p.report_etat)}`,
    `Crédits reportés ${n - 1} (et précédemment le cas échéant) sur ${n} part CD = ${montantFr(p.report_cd)}`,
    `Budget global = ${montantFr(sansReports + p.report_etat + p.report_cd)}`,
  ];
}

/**
 * Budget exécuté (001 · annexe 5 § 1.1.1.5.2). La part État des dépenses est celle du domaine (`consommeEtat` :
 * prorata (A+B)/F, 001 · annexe 4) ; la part du département est le reste du réalisé (INT-DOCUMENTS-7).
 */
export function lignesBudgetExecute(contexte: ContexteDocument, action: ActionFinanciere): string[] {
  const n = contexte.convention.exercice;
  const execution = action.execution;
  if (execution === undefined) return ['Exécution non encore saisie pour cette action.'];
  const etat = consommeEtat(action);
  return [
    `Dépenses exécutées sur la part financée par l'Etat = ${montantFr(etat)}`,
    `Dépenses à reporter sur ${n + 1} sur la part financée par l'Etat = ${montantFr(execution.a_reporter_etat)}`,
    `Dépenses exécutées sur la part financée par le département = ${montantFr(execution.realise - etat)} (dont valorisation de dépenses du CD = ${montantFr(execution.valorisation_cd)})`,
    `Dépenses à reprogrammer sur ${n + 1} par le département = ${montantFr(execution.a_reporter_cd)}`,
    `Montant total réalisé = ${montantFr(execution.realise)}`,
  ];
}

export const dateExecution = (contexte: ContexteDocument): string =>
  contexte.convention.regime === 'civil'
    ? `Au 31/12/${contexte.convention.exercice}`
    : `Au 30/06/${contexte.convention.exercice + 1}`;
