import { createHash } from 'node:crypto';
import type { MatriceIndicateurs, ResultatCalcul, ValeursModification } from '@jalon/schemas';
import type { NouvelleValeur, Persistance } from '../depots/ports.ts';
import { invalide } from './erreurs.ts';
import { conventionLisible, modifierConvention, type Acteur } from './mutation.ts';
import { anneesMatrice, INDICATEURS_PAR_CADRE } from './referentiel-indicateurs.ts';

export async function matriceIndicateurs(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
): Promise<MatriceIndicateurs> {
  const convention = await conventionLisible(persistance.depots, acteur, id);
  const valeurs = await persistance.depots.indicateurs.lister(id);
  return {
    convention_id: id,
    version: convention.version,
    cadre: convention.cadre,
    annees: anneesMatrice(convention.exercice),
    indicateurs: INDICATEURS_PAR_CADRE[convention.cadre].map((i) => ({
      code: i.code,
      libelle: i.libelle,
      rubrique: i.rubrique,
      mesure: i.mesure ?? null,
      obligatoire: i.obligatoire,
      calculable: i.calculable,
      source: i.source,
    })),
    valeurs,
  };
}

function codesConnus(cadre: keyof typeof INDICATEURS_PAR_CADRE): Set<string> {
  return new Set(INDICATEURS_PAR_CADRE[cadre].map((i) => i.code));
}

export function modifierValeurs(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  entree: ValeursModification,
) {
  return modifierConvention(persistance, acteur, id, entree.version, {
    action: 'modifier_indicateurs',
    entite: 'valeurs_indicateurs',
    travail: async (depots, convention) => {
      const connus = codesConnus(convention.cadre);
      const annees = new Set(anneesMatrice(convention.exercice));
      const erreurs = entree.valeurs.flatMap((v, i) => [
        ...(connus.has(v.indicateur)
          ? []
          : [
              {
                chemin: `valeurs[${i}].indicateur`,
                raison: `indicateur « ${v.indicateur} » absent du cadre ${convention.cadre}`,
              },
            ]),
        ...(annees.has(v.annee)
          ? []
          : [
              {
                chemin: `valeurs[${i}].annee`,
                raison: `année ${v.annee} hors de la matrice (2018 à ${convention.exercice})`,
              },
            ]),
      ]);
      if (erreurs.length > 0) throw invalide('Valeurs d’indicateurs refusées.', { erreurs });
      const avant = await depots.indicateurs.lister(id);
      const nouvelles: NouvelleValeur[] = entree.valeurs.map((v) => ({
        indicateur: v.indicateur,
        annee: v.annee,
        nature: v.nature,
        valeur: v.valeur,
        commentaire: v.commentaire ?? '',
        provenance: { type: 'saisie' },
        modifieePar: acteur.compte.identifiant,
      }));
      await depots.indicateurs.ecrire(id, nouvelles);
      const cles = new Set(nouvelles.map((v) => `${v.indicateur}|${v.annee}|${v.nature}`));
      const garder = (liste: typeof avant) =>
        liste.filter((v) => cles.has(`${v.indicateur}|${v.annee}|${v.nature}`));
      return {
        entiteId: String(id),
        avant: garder(avant),
        apres: garder(await depots.indicateurs.lister(id)),
        resultat: undefined,
      };
    },
  });
}

/** Sérialisation canonique (clés triées) pour l'empreinte d'un résultat importé. */
function canonique(valeur: unknown): string {
  if (Array.isArray(valeur)) return `[${valeur.map(canonique).join(',')}]`;
  if (valeur !== null && typeof valeur === 'object') {
    const entrees = Object.entries(valeur).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entrees.map(([k, v]) => `${JSON.stringify(k)}:${canonique(v)}`).join(',')}}`;
  }
  return JSON.stringify(valeur);
}

export const VERSION_MOTEUR_INCONNUE = 'jalon-indicateurs (version non indiquée)';

/**
 * Import d'un résultat de `jalon indicateurs calculer` (INT-PLATEFORME-6) : chaque indicateur du cadre devient
 * la valeur « résultat » de l'année du calcul, avec sa provenance (version du moteur, empreinte). Les codes
 * absents de la matrice du cadre ne sont pas écrits mais listés dans la réponse (`ignores`), jamais en silence.
 */
export function importerResultat(
  persistance: Persistance,
  acteur: Acteur,
  id: number,
  version: number,
  resultat: ResultatCalcul,
) {
  return modifierConvention(persistance, acteur, id, version, {
    action: 'importer_indicateurs',
    entite: 'valeurs_indicateurs',
    travail: async (depots, convention) => {
      if (resultat.cadre !== undefined && resultat.cadre !== convention.cadre) {
        throw invalide(
          `Résultat calculé pour le cadre ${resultat.cadre}, mais la convention relève du cadre ${convention.cadre}.`,
          { erreurs: [{ chemin: 'resultat.cadre', raison: `cadre ${convention.cadre} attendu` }] },
        );
      }
      if (!anneesMatrice(convention.exercice).includes(resultat.annee)) {
        throw invalide(`Année ${resultat.annee} hors de la matrice (2018 à ${convention.exercice}).`, {
          erreurs: [{ chemin: 'resultat.annee', raison: 'année hors de la matrice' }],
        });
      }
      const connus = codesConnus(convention.cadre);
      // INT-PLATEFORME-6 : la provenance écrite par `jalon indicateurs calculer` d'abord ; à défaut (résultat
      // d'une version antérieure), les anciens champs, puis l'empreinte du résultat lui-même.
      const moteurVersion =
        resultat.provenance?.moteur ?? resultat.moteur?.version ?? VERSION_MOTEUR_INCONNUE;
      const empreinte =
        resultat.provenance?.empreinte ??
        resultat.empreinte ??
        `sha256:${createHash('sha256').update(canonique(resultat)).digest('hex')}`;
      const calculeLe = resultat.provenance?.calcule_le ?? null;
      const entrees = Object.entries(resultat.indicateurs);
      const retenus = entrees.filter(([code]) => connus.has(code));
      const ignores = entrees
        .filter(([code]) => !connus.has(code))
        .map(([code]) => ({ indicateur: code, raison: `absent de la matrice du cadre ${convention.cadre}` }));
      const commentaire =
        resultat.lignes_ecartees !== undefined && resultat.lignes_ecartees > 0
          ? `calcul sur les lignes valides : ${resultat.lignes_ecartees} ligne(s) écartée(s)`
          : '';
      const codesRetenus = new Set(retenus.map(([code]) => code));
      const avant = (await depots.indicateurs.lister(id)).filter(
        (v) => v.annee === resultat.annee && v.nature === 'resultat' && codesRetenus.has(v.indicateur),
      );
      await depots.indicateurs.ecrire(
        id,
        retenus.map(([code, valeur]) => ({
          indicateur: code,
          annee: resultat.annee,
          nature: 'resultat',
          valeur,
          commentaire,
          provenance: { type: 'calcul', moteurVersion, empreinte, calculeLe },
          modifieePar: acteur.compte.identifiant,
        })),
      );
      return {
        entiteId: String(id),
        avant,
        apres: {
          annee: resultat.annee,
          moteur_version: moteurVersion,
          empreinte,
          calcule_le: calculeLe,
          indicateurs: Object.fromEntries(retenus),
        },
        resultat: {
          importes: retenus.length,
          ignores,
          moteur_version: moteurVersion,
          empreinte,
          calcule_le: calculeLe,
        },
      };
    },
  });
}
