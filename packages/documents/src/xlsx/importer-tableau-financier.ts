import ExcelJS from 'exceljs';
import {
  enEuros,
  lireMontant,
  validerConvention,
  type ActionDocument,
  type Centimes,
  type ConventionDocument,
} from '@jalon/domaine';
import type { CleExecution, ClePrevisionnel, TableauFinancierCalpae } from '@jalon/referentiels';
import { preparerContexte } from '../contexte.ts';
import { ErreurDocument } from '../erreurs.ts';
import { adresse } from '../grille/modele.ts';
import {
  COLONNE_FICHE,
  COLONNE_INTITULE,
  colonnesTableau,
  nomFeuille,
  PREMIERE_COLONNE_MONTANT,
  type ColonneTableau,
  type NatureFeuille,
} from '../grille/tableau-financier-calpae.ts';
import { retablir } from '../neutralisation.ts';
import { lireCase, normaliserEspaces, texteCase, type ContenuCase } from './cases.ts';

/**
 * Relecture d'un tableau financier CALPAE rempli (001 · annexe 9, tel que produit par `tableauFinancierXlsx`) vers
 * un document `jalon.convention/1`. Le document de départ fournit tout ce que le tableur ne porte pas
 * (mesures, codes Chorus, justifications, clés inconnues…) ; le tableur fournit les intitulés et les montants.
 * Chaque problème est signalé avec sa feuille et sa case ; rien n'est rendu si un seul problème existe.
 * Règles de lecture : INT-DOCUMENTS-5.
 */
export type ImportTableau =
  | { readonly ok: true; readonly document: ConventionDocument }
  | { readonly ok: false; readonly erreurs: readonly string[] };

interface LigneLue {
  readonly numero: string;
  readonly intitule: string;
  /** Montants en centimes par clé ; `undefined` : case vide. */
  readonly montants: ReadonlyMap<string, Centimes | undefined>;
  /** Ligne (à partir de 0) dans la feuille, pour citer les cases. */
  readonly ligne: number;
  /** Tous les montants de la ligne sont lisibles (sinon on ne la compare pas à l'autre feuille). */
  readonly valide: boolean;
}

interface FeuilleLue {
  readonly nom: string;
  readonly colonnes: readonly ColonneTableau[];
  readonly lignes: ReadonlyMap<string, LigneLue>;
}

const cleMontant = (colonne: ColonneTableau): string => `${colonne.partie}.${colonne.cle}`;

/** « 1 234,56 € » ou « 1234.56 » saisi comme texte → nombre ; `undefined` si ce n'est pas un nombre. */
function nombreDuTexte(texte: string): number | undefined {
  const compact = texte
    .replace(/[\s\u00a0\u202f]/gu, '')
    .replace(/€$/u, '')
    .replace(',', '.');
  return /^-?\d+(\.\d+)?$/u.test(compact) ? Number(compact) : undefined;
}

/**
 * Le résultat d'une formule saisie par l'utilisateur (`=A1*0,1`) porte un bruit de virgule flottante : on
 * l'arrondit au centime quand il en est à moins d'un millionième de centime (INT-DOCUMENTS-5).
 */
function arrondiFormule(valeur: number): number {
  const centimes = valeur * 100;
  return Math.abs(centimes - Math.round(centimes)) < 1e-6 ? Math.round(centimes) / 100 : valeur;
}

function lireMontantCase(
  contenu: ContenuCase,
): { ok: true; centimes: Centimes | undefined } | { ok: false; raison: string } {
  switch (contenu.type) {
    case 'vide':
      return { ok: true, centimes: undefined };
    case 'nombre': {
      const lecture = lireMontant(contenu.formule ? arrondiFormule(contenu.valeur) : contenu.valeur);
      return lecture.ok ? { ok: true, centimes: lecture.centimes } : { ok: false, raison: lecture.raison };
    }
    case 'texte': {
      const nombre = nombreDuTexte(contenu.valeur);
      if (nombre === undefined)
        return { ok: false, raison: `nombre attendu, reçu le texte « ${contenu.valeur} »` };
      const lecture = lireMontant(nombre);
      return lecture.ok ? { ok: true, centimes: lecture.centimes } : { ok: false, raison: lecture.raison };
    }
    case 'autre':
      return { ok: false, raison: `montant attendu, reçu ${contenu.description}` };
  }
}

function lireFeuille(
  classeur: ExcelJS.Workbook,
  modele: TableauFinancierCalpae,
  nature: NatureFeuille,
  exercice: number,
  erreurs: string[],
): FeuilleLue | undefined {
  const nom = nomFeuille(nature, exercice);
  const onglet = classeur.getWorksheet(nom);
  if (onglet === undefined) {
    erreurs.push(
      `Feuille '${nom}' absente du classeur (feuilles présentes : ${classeur.worksheets.map((f) => `'${f.name}'`).join(', ')})`,
    );
    return undefined;
  }
  const ou = (colonne: number, ligne: number): string =>
    `Feuille '${nom}', cellule ${adresse(colonne, ligne)}`;
  const caseEn = (colonne: number, ligne: number): ExcelJS.Cell => onglet.getCell(ligne + 1, colonne + 1);
  const colonnes = colonnesTableau(modele, exercice);
  const libelles = modele.libellesTotaux;

  // En-têtes : la ligne dont la colonne C porte « Fiche action N° », parmi les 30 premières.
  const enteteFiche = modele.colonnesDescriptives[COLONNE_FICHE] ?? '';
  let ligneEntete = -1;
  for (let l = 0; l < 30 && ligneEntete < 0; l += 1) {
    if (texteCase(caseEn(COLONNE_FICHE, l)) === enteteFiche) ligneEntete = l;
  }
  if (ligneEntete < 0) {
    erreurs.push(`Feuille '${nom}' : ligne d'en-têtes introuvable (« ${enteteFiche} » attendu en colonne C)`);
    return undefined;
  }
  let entetesConformes = true;
  colonnes.forEach((colonne, index) => {
    const trouve = texteCase(caseEn(PREMIERE_COLONNE_MONTANT + index, ligneEntete));
    if (trouve !== normaliserEspaces(colonne.entete)) {
      entetesConformes = false;
      erreurs.push(
        `${ou(PREMIERE_COLONNE_MONTANT + index, ligneEntete)} : en-tête « ${colonne.entete} » attendu, trouvé « ${trouve} »`,
      );
    }
  });
  if (!entetesConformes) return undefined;

  const totaux = new Set([
    libelles.sousTotal,
    libelles.sousTotalSocle,
    libelles.sousTotalInitiatives,
    libelles.totalControle,
  ]);
  const lignes = new Map<string, LigneLue>();
  let fin = false;
  for (let l = ligneEntete + 1; l <= onglet.rowCount && !fin; l += 1) {
    const libelle = texteCase(caseEn(COLONNE_INTITULE, l));
    if (libelle === libelles.totaux) {
      fin = true;
      break;
    }
    if (totaux.has(libelle)) continue;
    const fiche = lireCase(caseEn(COLONNE_FICHE, l));
    const montants = new Map<string, Centimes | undefined>();
    const formules = new Set<string>();
    let ligneValide = true;
    colonnes.forEach((colonne, index) => {
      const c = PREMIERE_COLONNE_MONTANT + index;
      const contenu = lireCase(caseEn(c, l));
      if ((contenu.type === 'nombre' || contenu.type === 'texte') && contenu.formule)
        formules.add(cleMontant(colonne));
      const lecture = lireMontantCase(contenu);
      if (!lecture.ok) {
        erreurs.push(`${ou(c, l)} : ${lecture.raison}`);
        ligneValide = false;
      } else montants.set(cleMontant(colonne), lecture.centimes);
    });
    if (fiche.type === 'vide') {
      const saisis = colonnes.filter(
        (colonne) => colonne.somme === undefined && montants.get(cleMontant(colonne)) !== undefined,
      );
      const intituleSaisi = libelle !== '';
      if (saisis.length > 0 || intituleSaisi) {
        erreurs.push(`${ou(COLONNE_FICHE, l)} : numéro de fiche action manquant sur une ligne remplie`);
      }
      continue;
    }
    if (fiche.type !== 'texte' && fiche.type !== 'nombre') {
      erreurs.push(`${ou(COLONNE_FICHE, l)} : numéro de fiche action illisible (${fiche.description})`);
      continue;
    }
    if (fiche.formule) {
      erreurs.push(`${ou(COLONNE_FICHE, l)} : formule non admise pour un numéro de fiche action`);
      continue;
    }
    const numero = retablir(String(fiche.valeur));
    const intituleCase = lireCase(caseEn(COLONNE_INTITULE, l));
    if (intituleCase.type === 'texte' && intituleCase.formule) {
      erreurs.push(`${ou(COLONNE_INTITULE, l)} : formule non admise dans un intitulé`);
      continue;
    }
    if (intituleCase.type !== 'texte' && intituleCase.type !== 'nombre') {
      erreurs.push(`${ou(COLONNE_INTITULE, l)} : intitulé de l'action « ${numero} » manquant`);
      continue;
    }
    const premiere = lignes.get(numero);
    if (premiere !== undefined) {
      erreurs.push(
        `${ou(COLONNE_FICHE, l)} : fiche action « ${numero} » en double (déjà ligne ${premiere.ligne + 1})`,
      );
      continue;
    }
    // F = A+B+C+D+E se calcule ; une valeur saisie à la main doit donc tomber juste (001 · annexe 9). Une formule
    // n'est pas comparée : sa valeur en cache peut dater d'avant la modification (fichier écrit sans recalcul).
    colonnes.forEach((colonne, index) => {
      if (colonne.somme === undefined || !ligneValide || formules.has(cleMontant(colonne))) return;
      const saisi = montants.get(cleMontant(colonne));
      const attendu = colonne.somme.reduce(
        (total, cle) => total + (montants.get(`previsionnel.${cle}`) ?? 0),
        0,
      );
      if (saisi !== undefined && saisi !== attendu) {
        erreurs.push(
          `${ou(PREMIERE_COLONNE_MONTANT + index, l)} : le total F (${enEuros(saisi)}) doit égaler A+B+C+D+E (${enEuros(attendu)})`,
        );
      }
    });
    lignes.set(numero, {
      numero,
      intitule: retablir(String(intituleCase.valeur)),
      montants,
      ligne: l,
      valide: ligneValide,
    });
  }
  if (!fin) erreurs.push(`Feuille '${nom}' : ligne « ${libelles.totaux} » introuvable (fin du tableau)`);
  return { nom, colonnes, lignes };
}

const centimesOuZero = (ligne: LigneLue, cle: string): Centimes => ligne.montants.get(cle) ?? 0;

/**
 * Relit un tableau financier XLSX et rend la convention mise à jour, ou la liste complète des problèmes.
 * `conventionBrute` : le document `jalon.convention/1` de départ (objet JSON décodé).
 */
export async function importerTableauFinancier(
  octets: Uint8Array,
  conventionBrute: unknown,
): Promise<ImportTableau> {
  let contexte;
  try {
    contexte = preparerContexte(conventionBrute);
  } catch (erreur) {
    if (erreur instanceof ErreurDocument) return { ok: false, erreurs: [erreur.message] };
    throw erreur;
  }
  const modeles = contexte.convention.cadre.modelesFinanciers;
  if (modeles.famille !== 'calpae') {
    return {
      ok: false,
      erreurs: [
        `Le cadre ${contexte.convention.cadre.code} n'a pas de tableau financier de l'annexe 9 (001) à relire.`,
      ],
    };
  }
  const classeur = new ExcelJS.Workbook();
  try {
    await classeur.xlsx.load(octets as unknown as ArrayBuffer);
  } catch (erreur) {
    return {
      ok: false,
      erreurs: [`Fichier XLSX illisible (${erreur instanceof Error ? erreur.message : String(erreur)})`],
    };
  }
  const { exercice } = contexte.convention;
  const erreurs: string[] = [];
  const prev = lireFeuille(classeur, modeles.previsionnel, 'previsionnel', exercice, erreurs);
  const exec = lireFeuille(classeur, modeles.execution, 'execution', exercice, erreurs);
  if (prev === undefined || exec === undefined) return { ok: false, erreurs };

  const numeros = new Set(contexte.document.actions.map((action) => action.numero));
  for (const feuille of [prev, exec]) {
    for (const ligne of feuille.lignes.values()) {
      if (!numeros.has(ligne.numero)) {
        erreurs.push(
          `Feuille '${feuille.nom}', cellule ${adresse(COLONNE_FICHE, ligne.ligne)} : action « ${ligne.numero} » inconnue de la convention (ajoutez-la dans Jalon avant de relire le tableau)`,
        );
      }
    }
    for (const numero of numeros) {
      if (!feuille.lignes.has(numero))
        erreurs.push(`Feuille '${feuille.nom}' : action « ${numero} » absente du tableau`);
    }
  }
  // Les colonnes A à E figurent sur les deux feuilles : elles doivent concorder.
  for (const [numero, lignePrev] of prev.lignes) {
    const ligneExec = exec.lignes.get(numero);
    if (ligneExec === undefined || !ligneExec.valide || !lignePrev.valide) continue;
    if (ligneExec.intitule !== lignePrev.intitule) {
      erreurs.push(
        `Feuille '${exec.nom}', cellule ${adresse(COLONNE_INTITULE, ligneExec.ligne)} : intitulé différent de celui de la feuille '${prev.nom}' (cellule ${adresse(COLONNE_INTITULE, lignePrev.ligne)})`,
      );
    }
    exec.colonnes.forEach((colonne, index) => {
      if (colonne.partie !== 'previsionnel' || colonne.somme !== undefined) return;
      const indexPrev = prev.colonnes.findIndex((c) => c.partie === 'previsionnel' && c.cle === colonne.cle);
      const a = centimesOuZero(ligneExec, cleMontant(colonne));
      const b = centimesOuZero(lignePrev, cleMontant(colonne));
      if (a !== b) {
        erreurs.push(
          `Feuille '${exec.nom}', cellule ${adresse(PREMIERE_COLONNE_MONTANT + index, ligneExec.ligne)} : ${enEuros(a)} diffère de la feuille '${prev.nom}', cellule ${adresse(PREMIERE_COLONNE_MONTANT + indexPrev, lignePrev.ligne)} (${enEuros(b)})`,
        );
      }
    });
  }
  if (erreurs.length > 0) return { ok: false, erreurs };

  const actions = contexte.document.actions.map((action): ActionDocument => {
    const lignePrev = prev.lignes.get(action.numero);
    const ligneExec = exec.lignes.get(action.numero);
    if (lignePrev === undefined || ligneExec === undefined) return action;
    const previsionnel = { ...action.previsionnel };
    for (const cle of [
      'etat',
      'report_etat',
      'cd',
      'valorisation_cd',
      'report_cd',
      'autres',
    ] as const satisfies readonly ClePrevisionnel[]) {
      previsionnel[cle] = enEuros(centimesOuZero(lignePrev, `previsionnel.${cle}`));
    }
    const clesExecution = [
      'realise',
      'valorisation_cd',
      'a_reporter_etat',
      'a_reporter_cd',
    ] as const satisfies readonly CleExecution[];
    const executionVide = clesExecution.every(
      (cle) => ligneExec.montants.get(`execution.${cle}`) === undefined,
    );
    const execution = executionVide
      ? undefined
      : Object.fromEntries([
          ...Object.entries(action.execution ?? {}),
          ...clesExecution.map((cle) => [cle, enEuros(centimesOuZero(ligneExec, `execution.${cle}`))]),
        ]);
    // Même ordre de clés que le document de départ ; une exécution nouvelle se place après le prévisionnel.
    const entrees: [string, unknown][] = [];
    for (const [cle, valeur] of Object.entries(action)) {
      if (cle === 'execution') {
        if (execution !== undefined) entrees.push([cle, execution]);
      } else
        entrees.push([
          cle,
          cle === 'intitule' ? lignePrev.intitule : cle === 'previsionnel' ? previsionnel : valeur,
        ]);
      if (cle === 'previsionnel' && action.execution === undefined && execution !== undefined) {
        entrees.push(['execution', execution]);
      }
    }
    return Object.fromEntries(entrees) as ActionDocument;
  });
  const resultat = validerConvention({ ...contexte.document, actions });
  if (!resultat.ok) {
    return { ok: false, erreurs: resultat.erreurs.map((erreur) => `${erreur.chemin} : ${erreur.raison}`) };
  }
  return { ok: true, document: resultat.document };
}
