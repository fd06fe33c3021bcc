import { uniteDuCatalogue, type ContenuEntree } from '@jalon/documents';
import { formaterEuros } from '@jalon/domaine';
import type { Indicateur } from '@jalon/referentiels';
import {
  textesRapportSchema,
  type ConventionResume,
  type FicheAction,
  type TextesRapport,
  type ValeurIndicateur,
} from '@jalon/schemas';

/**
 * Le « contenu » d'un document (`contenuSchema` de `@jalon/documents`) tiré de ce que Jalon garde : nom de la
 * collectivité, champs descriptifs des fiches actions, valeurs de la matrice d'indicateurs, textes libres du
 * rapport. Fonction pure. Un texte vide est omis : le document garde la mention « [à compléter] » du modèle.
 * Signataires, visas et coordonnées bancaires ne sont pas (encore) saisis dans Jalon : mentions à compléter.
 */
export const TEXTES_VIDES: TextesRapport = textesRapportSchema.parse({});

const texte = (valeur: string | undefined): string | undefined =>
  valeur === undefined || valeur.trim() === '' ? undefined : valeur;

/** Retire les clés `undefined` (le schéma du contenu est strict, pas les valeurs absentes). */
const compact = <T extends Record<string, unknown>>(objet: T): Partial<T> =>
  Object.fromEntries(Object.entries(objet).filter(([, v]) => v !== undefined)) as Partial<T>;

function fapi(fiche: FicheAction): string | undefined {
  if (fiche.financee_fapi === null) return undefined;
  if (!fiche.financee_fapi) return 'non';
  return fiche.montant_fapi === null ? 'oui' : `oui, ${formaterEuros(fiche.montant_fapi)}`;
}

function indicateursDuContenu(
  valeurs: readonly ValeurIndicateur[],
  catalogue: readonly Indicateur[],
  textes: TextesRapport,
): NonNullable<ContenuEntree['indicateurs']> {
  const parCode = new Map<
    string,
    { valeurs: Record<string, number | null>; cibles: Record<string, number | null>; commentaires: string[] }
  >();
  for (const v of valeurs) {
    const ligne = parCode.get(v.indicateur) ?? { valeurs: {}, cibles: {}, commentaires: [] };
    if (v.nature === 'objectif') ligne.cibles[String(v.annee)] = v.valeur;
    else ligne.valeurs[String(v.annee)] = v.valeur;
    if (v.commentaire.trim() !== '') ligne.commentaires.push(v.commentaire.trim());
    parCode.set(v.indicateur, ligne);
  }
  return [...parCode].map(([code, ligne]) => {
    const connu = catalogue.find((indicateur) => indicateur.code === code);
    return {
      code,
      ...compact({
        libelle: connu === undefined ? code : undefined,
        unite: connu === undefined ? 'nombre' : uniteDuCatalogue(connu),
        valeurs: ligne.valeurs,
        cibles: ligne.cibles,
        commentaire:
          ligne.commentaires.length === 0 ? undefined : [...new Set(ligne.commentaires)].join(' ; '),
        explication: texte(textes.explications[code]),
      }),
    };
  });
}

export function contenuDeLaConvention(
  convention: ConventionResume,
  fiches: readonly FicheAction[],
  valeurs: readonly ValeurIndicateur[],
  catalogue: readonly Indicateur[],
  textes: TextesRapport,
): ContenuEntree {
  return {
    collectivite: { nom: convention.collectivite.nom },
    rapport: compact({
      date: texte(textes.date),
      introduction: texte(textes.introduction),
      mesures: Object.fromEntries(Object.entries(textes.mesures).filter(([, t]) => texte(t) !== undefined)),
      bilan_mise_en_oeuvre: texte(textes.bilan_mise_en_oeuvre),
    }),
    fiches: Object.fromEntries(
      fiches.map((fiche) => {
        const rapport = textes.actions[fiche.numero];
        return [
          fiche.numero,
          compact({
            theme: texte(fiche.theme),
            description: texte(fiche.description),
            contexte: texte(fiche.contexte),
            enjeux: texte(fiche.enjeux_objectifs),
            lien_strategie: texte(fiche.lien_strategie),
            date_mise_en_place: texte(fiche.date_mise_en_place),
            duree: texte(fiche.duree_action),
            partenaires: texte(fiche.partenaires_cofinanceurs),
            budget_detaille: texte(fiche.budget_detaille),
            fapi: fapi(fiche),
            calendrier: texte(fiche.calendrier_previsionnel),
            objectifs: texte(fiche.objectifs_progression),
            commentaire_budget: texte(rapport?.commentaire_budget),
            bilan: texte(rapport?.bilan),
            perspectives: texte(rapport?.perspectives),
          }),
        ];
      }),
    ),
    indicateurs: indicateursDuContenu(valeurs, catalogue, textes),
  };
}
