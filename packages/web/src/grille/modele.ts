import {
  calculerTotaux,
  COLONNES_EXECUTION,
  COLONNES_PREVISIONNEL,
  controlerConvention,
  enEuros,
  lireMontant,
  normaliserConvention,
  validerConvention,
  type ActionDocument,
  type Centimes,
  type ConventionDocument,
  type ErreurFormat,
  type ResultatControle,
  type Totaux,
} from '@jalon/domaine';
import type { CleExecution, ClePrevisionnel, ColonneGrille, IdSaisie } from './colonnes.ts';
import { estSaisie } from './colonnes.ts';
import { lireSaisieMontant } from './nombres.ts';

/**
 * État pur de la grille du tableau financier : le document `jalon.convention/1` reçu du serveur, plus les
 * saisies de l'utilisateur par action et par colonne. Rien n'est calculé ici : totaux et contrôles viennent
 * de @jalon/domaine, appliqué au document tel qu'il serait enregistré.
 */
export type Saisie =
  | { readonly ok: true; readonly centimes: Centimes }
  | { readonly ok: false; readonly texte: string; readonly raison: string };

/** Saisies par numéro d'action puis par colonne. */
export type Saisies = Readonly<Record<string, Readonly<Partial<Record<IdSaisie, Saisie>>>>>;

const separer = (id: IdSaisie): ['previsionnel' | 'execution', string] => {
  const [groupe, cle] = id.split('.') as ['previsionnel' | 'execution', string];
  return [groupe, cle];
};

/** Valeur brute (euros JSON) d'une cellule dans le document reçu ; une exécution absente vaut 0 (INT-FINANCES-6). */
function valeurDocument(action: ActionDocument, id: IdSaisie): unknown {
  const [groupe, cle] = separer(id);
  const bloc = groupe === 'previsionnel' ? action.previsionnel : action.execution;
  return bloc === undefined ? 0 : (bloc as Record<string, unknown>)[cle];
}

/** Valeur reçue, lue en centimes ; un montant illisible dans le document reste visible comme tel. */
export function valeurInitiale(action: ActionDocument, id: IdSaisie): Saisie {
  const brut = valeurDocument(action, id);
  const lecture = lireMontant(brut);
  return lecture.ok
    ? { ok: true, centimes: lecture.centimes }
    : { ok: false, texte: String(brut), raison: lecture.raison };
}

export function valeurCellule(action: ActionDocument, saisies: Saisies, id: IdSaisie): Saisie {
  return saisies[action.numero]?.[id] ?? valeurInitiale(action, id);
}

export const memesSaisies = (a: Saisie, b: Saisie): boolean =>
  a.ok && b.ok ? a.centimes === b.centimes : !a.ok && !b.ok && a.texte === b.texte;

export function appliquerSaisie(saisies: Saisies, numero: string, id: IdSaisie, saisie: Saisie): Saisies {
  return { ...saisies, [numero]: { ...saisies[numero], [id]: saisie } };
}

/** Texte tapé ou collé → saisie (valide ou non, jamais perdue). */
export function lireTexte(texte: string): Saisie {
  const lecture = lireSaisieMontant(texte);
  return lecture.ok ? lecture : { ok: false, texte, raison: lecture.raison };
}

/** Une saisie → valeur JSON du format : euros, ou le texte tel quel s'il est illisible (MONTANT_INVALIDE). */
const enJson = (saisie: Saisie): number | string => (saisie.ok ? enEuros(saisie.centimes) : saisie.texte);

/** L'action telle qu'elle serait enregistrée. L'exécution n'apparaît que si elle existait ou qu'on l'a saisie. */
export function actionCourante(
  action: ActionDocument,
  saisies: Saisies,
  colonnes: readonly ColonneGrille[],
): ActionDocument {
  const propres = saisies[action.numero] ?? {};
  const previsionnel: Record<string, unknown> = { ...action.previsionnel };
  const execution: Record<string, unknown> = {
    ...(action.execution ?? { realise: 0, valorisation_cd: 0, a_reporter_etat: 0, a_reporter_cd: 0 }),
  };
  let executionSaisie = action.execution !== undefined;
  for (const colonne of colonnes) {
    if (!estSaisie(colonne.id)) continue;
    const saisie = propres[colonne.id];
    if (saisie === undefined) continue;
    const [groupe, cle] = separer(colonne.id);
    if (groupe === 'previsionnel') previsionnel[cle] = enJson(saisie);
    else {
      execution[cle] = enJson(saisie);
      executionSaisie ||= !saisie.ok || saisie.centimes !== 0;
    }
  }
  return {
    ...action,
    previsionnel: previsionnel as ActionDocument['previsionnel'],
    ...(executionSaisie ? { execution: execution as NonNullable<ActionDocument['execution']> } : {}),
  };
}

export function documentCourant(
  document: ConventionDocument,
  saisies: Saisies,
  colonnes: readonly ColonneGrille[],
): ConventionDocument {
  return {
    ...document,
    actions: document.actions.map((action) => actionCourante(action, saisies, colonnes)),
  };
}

export type Analyse =
  | { readonly ok: true; readonly totaux: Totaux; readonly controles: readonly ResultatControle[] }
  | { readonly ok: false; readonly erreurs: readonly ErreurFormat[] };

/** Totaux et contrôles du document courant, par @jalon/domaine (spec convention-v1 § 2-3). */
export function analyser(document: ConventionDocument): Analyse {
  const lecture = validerConvention(document);
  if (!lecture.ok) return lecture;
  const convention = normaliserConvention(lecture.document);
  return { ok: true, totaux: calculerTotaux(convention), controles: controlerConvention(convention) };
}

/**
 * Une ligne à enregistrer, montants en centimes (format de l'API, `lignesFinancieresSchema` de @jalon/schemas).
 * La version est celle de la convention, portée par la requête (verrou optimiste, HTTP 409 si périmée).
 */
export interface LigneModifiee {
  readonly numero: string;
  readonly previsionnel: Readonly<Record<ClePrevisionnel, Centimes>>;
  /** `null` : pas d'exécution (exercice non clos, rien saisi). */
  readonly execution: Readonly<Record<CleExecution, Centimes>> | null;
}

export function numerosModifies(document: ConventionDocument, saisies: Saisies): string[] {
  return document.actions
    .filter((action) =>
      Object.entries(saisies[action.numero] ?? {}).some(
        ([id, saisie]) =>
          saisie !== undefined && !memesSaisies(saisie, valeurInitiale(action, id as IdSaisie)),
      ),
    )
    .map((action) => action.numero);
}

/** Les lignes modifiées ; refusé tant qu'un montant est illisible (rien n'est enregistré à moitié). */
export function lignesModifiees(
  document: ConventionDocument,
  saisies: Saisies,
  colonnes: readonly ColonneGrille[],
): { ok: true; lignes: LigneModifiee[] } | { ok: false; raison: string } {
  const invalides = saisiesInvalides(saisies);
  if (invalides.length > 0) {
    return {
      ok: false,
      raison: `${invalides.length} montant(s) illisible(s) à corriger avant d'enregistrer.`,
    };
  }
  const modifies = new Set(numerosModifies(document, saisies));
  const lignes: LigneModifiee[] = [];
  for (const action of document.actions) {
    if (!modifies.has(action.numero)) continue;
    const courante = actionCourante(action, saisies, colonnes);
    const lire = (valeur: unknown): Centimes => {
      const lecture = lireMontant(valeur);
      if (!lecture.ok)
        throw new RangeError(`Montant illisible dans l'action ${action.numero} : ${lecture.raison}`);
      return lecture.centimes;
    };
    const previsionnel = Object.fromEntries(
      COLONNES_PREVISIONNEL.map((cle) => [cle, lire(courante.previsionnel[cle])]),
    ) as Record<ClePrevisionnel, Centimes>;
    const execution =
      courante.execution === undefined
        ? null
        : (Object.fromEntries(
            COLONNES_EXECUTION.map((cle) => [cle, lire(courante.execution?.[cle])]),
          ) as Record<CleExecution, Centimes>);
    lignes.push({ numero: action.numero, previsionnel, execution });
  }
  return { ok: true, lignes };
}

/** Cellules en saisie illisible (elles empêchent d'enregistrer). */
export function saisiesInvalides(saisies: Saisies): { numero: string; id: IdSaisie; raison: string }[] {
  return Object.entries(saisies).flatMap(([numero, propres]) =>
    Object.entries(propres).flatMap(([id, saisie]) =>
      saisie !== undefined && !saisie.ok ? [{ numero, id: id as IdSaisie, raison: saisie.raison }] : [],
    ),
  );
}

export type ResultatCollage =
  | {
      readonly ok: true;
      readonly saisies: Saisies;
      readonly cellules: number;
      readonly invalides: number;
      readonly calculeesIgnorees: number;
    }
  | { readonly ok: false; readonly raison: string };

/**
 * Colle un bloc (lignes × cellules) à partir de la cellule active, sur les colonnes affichées dans l'ordre.
 * Un bloc qui dépasse le tableau n'est pas collé du tout (rien ne se perd en silence) ; une valeur tombant
 * sur une colonne calculée (F) n'est pas saisie mais comptée et signalée ; un montant illisible est gardé
 * tel quel, en erreur sur sa cellule.
 */
export function collerBloc(
  saisies: Saisies,
  numeros: readonly string[],
  colonnes: readonly ColonneGrille[],
  depart: { readonly ligne: number; readonly colonne: number },
  bloc: readonly (readonly string[])[],
): ResultatCollage {
  const largeur = Math.max(0, ...bloc.map((ligne) => ligne.length));
  if (bloc.length === 0 || largeur === 0)
    return { ok: false, raison: 'Le presse-papiers est vide : rien à coller.' };
  const lignesEnTrop = depart.ligne + bloc.length - numeros.length;
  const colonnesEnTrop = depart.colonne + largeur - colonnes.length;
  if (lignesEnTrop > 0 || colonnesEnTrop > 0) {
    const depassements = [
      lignesEnTrop > 0 ? `${lignesEnTrop} ligne${lignesEnTrop > 1 ? 's' : ''} de trop` : '',
      colonnesEnTrop > 0 ? `${colonnesEnTrop} colonne${colonnesEnTrop > 1 ? 's' : ''} de trop` : '',
    ].filter(Boolean);
    return {
      ok: false,
      raison: `Le bloc collé (${bloc.length} × ${largeur}) dépasse le tableau à partir de cette cellule (${depassements.join(', ')}) : rien n'a été collé.`,
    };
  }
  let resultat = saisies;
  let cellules = 0;
  let invalides = 0;
  let calculeesIgnorees = 0;
  bloc.forEach((ligne, i) => {
    const numero = numeros[depart.ligne + i];
    ligne.forEach((texte, j) => {
      const colonne = colonnes[depart.colonne + j];
      if (numero === undefined || colonne === undefined) return;
      if (!estSaisie(colonne.id) || !colonne.editable) {
        if (texte.trim() !== '') calculeesIgnorees += 1;
        return;
      }
      const saisie = lireTexte(texte);
      if (!saisie.ok) invalides += 1;
      cellules += 1;
      resultat = appliquerSaisie(resultat, numero, colonne.id, saisie);
    });
  });
  return { ok: true, saisies: resultat, cellules, invalides, calculeesIgnorees };
}
