import { lireJson } from '@jalon/domaine';
import { resultatCalculSchema, type ResultatCalcul } from '@jalon/schemas';
import { dateHeure } from '../composants/format.ts';

export type LectureCalcul =
  | { readonly ok: true; readonly resultat: ResultatCalcul; readonly provenance: readonly string[] }
  | { readonly ok: false; readonly erreurs: readonly string[] };

/**
 * Lit le fichier JSON écrit par `jalon indicateurs calculer` (schéma `resultatCalculSchema`, @jalon/schemas)
 * et décrit sa provenance (année, cadre, version du moteur, empreinte des données, lignes écartées,
 * anomalies) : c'est ce que l'utilisateur vérifie avant d'importer. Chaque faute est dite : fichier, ligne,
 * colonne ou champ, raison.
 */
export function lireResultatCalcul(nomFichier: string, texte: string): LectureCalcul {
  const json = lireJson(texte);
  if (!json.ok) {
    const lieu =
      json.erreur.ligne === undefined
        ? ''
        : `, ligne ${json.erreur.ligne}, colonne ${json.erreur.colonne ?? '?'}`;
    return { ok: false, erreurs: [`${nomFichier}${lieu} : ${json.erreur.raison}`] };
  }
  const lecture = resultatCalculSchema.safeParse(json.valeur);
  if (!lecture.success) {
    return {
      ok: false,
      erreurs: lecture.error.issues.map(
        (probleme) =>
          `${nomFichier}, champ « ${probleme.path.length === 0 ? '(document)' : probleme.path.join('.')} » : ${probleme.message}`,
      ),
    };
  }
  const r = lecture.data;
  const nombreIndicateurs = Object.keys(r.indicateurs).length;
  // `provenance` est ce qu'écrit `jalon indicateurs calculer` ; `moteur.version` et `empreinte` restent lus
  // pour un résultat plus ancien (INT-PLATEFORME-6, même ordre de préférence que le serveur).
  const moteur = r.provenance?.moteur ?? (r.moteur === undefined ? undefined : `version ${r.moteur.version}`);
  const empreinte = r.provenance?.empreinte ?? r.empreinte;
  const provenance = [
    `Fichier : ${nomFichier}`,
    `Année calculée : ${r.annee}`,
    ...(r.cadre === undefined ? [] : [`Cadre : ${r.cadre}`]),
    `Moteur d'indicateurs : ${moteur ?? 'version non indiquée'}`,
    `Empreinte des données : ${empreinte ?? 'non indiquée (le serveur prendra celle du fichier importé)'}`,
    ...(r.provenance?.calcule_le === undefined ? [] : [`Calculé le : ${dateHeure(r.provenance.calcule_le)}`]),
    `${nombreIndicateurs} indicateur${nombreIndicateurs > 1 ? 's' : ''} calculé${nombreIndicateurs > 1 ? 's' : ''}`,
    ...(r.lignes_ecartees === undefined ? [] : [`Lignes écartées à la lecture : ${r.lignes_ecartees}`]),
    ...(r.anomalies === undefined ? [] : [`Anomalies signalées : ${r.anomalies.length}`]),
  ];
  return { ok: true, resultat: r, provenance };
}
