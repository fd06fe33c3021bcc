import type { Verification } from './types.ts';

/** MESURE_INCONNUE (spec § 1 et § 3 ; source : le cadre) — une entrée par action. */
export const verifierMesures: Verification = ({ cadre, actions }) =>
  actions
    .filter((action) => action.mesure === undefined)
    .map((action) => {
      const dansLeCadre = cadre.mesures.find((mesure) => mesure.code === action.codeMesure);
      if (dansLeCadre !== undefined) {
        // France Travail : la mesure existe, mais pas dans le volet de l'action.
        return {
          actions: [action.numero],
          message:
            `Action ${action.numero} : la mesure « ${action.codeMesure} » ne relève pas du volet ${String(action.volet)} ` +
            `du cadre ${cadre.code} (volets admis : ${(dansLeCadre.volets ?? []).join(', ')}) ; corriger le volet ou la mesure.`,
        };
      }
      const admises = cadre.mesures
        .filter((mesure) => action.volet === undefined || mesure.volets?.includes(action.volet) === true)
        .map((mesure) => mesure.code);
      return {
        actions: [action.numero],
        message:
          `Action ${action.numero} : mesure « ${action.codeMesure} » inconnue du cadre ${cadre.code} ; ` +
          `choisir l’une de : ${admises.join(', ')}.`,
      };
    });

/** Code Chorus sans espaces : « 0304 50 19 19 07 » = « 030450191907 » (001 · annexe 9 l'écrit avec espaces). */
export const normaliserCodeChorus = (code: string): string => code.replace(/\s+/g, '');

/**
 * IMPUTATION_CHORUS (001 · annexe 10) : le code Chorus de l'action doit être celui de sa mesure ; en 2023,
 * l'accès aux droits admet 030450191902, 03 ou 04 (`codesChorusAdmis`). Non jugé pour une mesure inconnue
 * (INT-FINANCES-18).
 */
export const verifierImputationChorus: Verification = ({ actions }) =>
  actions.flatMap((action) => {
    const mesure = action.mesure;
    if (mesure === undefined) return [];
    const admis = mesure.codesChorusAdmis ?? (mesure.codeChorus === undefined ? [] : [mesure.codeChorus]);
    if (admis.length === 0) return [];
    const saisi = action.codeChorus === undefined ? undefined : normaliserCodeChorus(action.codeChorus);
    if (saisi !== undefined && admis.includes(saisi)) return [];
    const attendu = admis.length === 1 ? `${admis.join('')}` : `l’un de ${admis.join(', ')}`;
    return [
      {
        actions: [action.numero],
        message:
          saisi === undefined
            ? `Action ${action.numero} : code Chorus absent ; imputer la mesure « ${mesure.code} » sur ${attendu}.`
            : `Action ${action.numero} : code Chorus ${saisi} différent de celui de la mesure « ${mesure.code} » ; ` +
              `imputer sur ${attendu}.`,
      },
    ];
  });
