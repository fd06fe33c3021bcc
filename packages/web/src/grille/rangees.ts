import { trouverMesure, type Cadre } from '@jalon/referentiels';
import type { ActionDocument, Totaux } from '@jalon/domaine';
import type { Ligne } from '@jalon/domaine';

/**
 * Ordre d'affichage du tableau financier (001 · annexe 9 : chaque thème suivi de ses actions puis d'un
 * « Sous total » ; « Sous-total engagements des mesures socle », puis les initiatives départementales et leur
 * sous-total, « TOTAUX FINANCIERS », « Total de contrôle ») ; France Travail : par volet (003 · annexe 2).
 */
export type Rangee =
  | { readonly type: 'action'; readonly action: ActionDocument }
  | {
      readonly type: 'total';
      readonly libelle: string;
      readonly ligne: Ligne;
      readonly niveau: 'mesure' | 'groupe' | 'general';
      readonly ecart?: boolean;
    };

export function organiserRangees(
  cadre: Cadre,
  actions: readonly ActionDocument[],
  totaux: Totaux | undefined,
): Rangee[] {
  const rangees: Rangee[] = [];
  const total = (
    libelle: string,
    ligne: Ligne | undefined,
    niveau: 'mesure' | 'groupe' | 'general',
    ecart?: boolean,
  ): void => {
    if (ligne !== undefined)
      rangees.push({ type: 'total', libelle, ligne, niveau, ...(ecart === undefined ? {} : { ecart }) });
  };
  const parMesure = (liste: readonly ActionDocument[], sousTotalParMesure = true): void => {
    const codes = [...new Set(liste.map((action) => action.mesure))];
    for (const code of codes) {
      for (const action of liste.filter((a) => a.mesure === code)) rangees.push({ type: 'action', action });
      if (cadre.famille === 'calpae' && sousTotalParMesure) {
        total(
          `Sous-total — ${trouverMesure(cadre, code)?.libelle ?? `mesure inconnue « ${code} »`}`,
          totaux?.mesures.get(code),
          'mesure',
        );
      }
    }
  };
  if (cadre.famille === 'calpae') {
    const rang = (code: string): number => {
      const i = cadre.mesures.findIndex((mesure) => mesure.code === code);
      return i === -1 ? cadre.mesures.length : i;
    };
    const tries = [...actions].sort((a, b) => rang(a.mesure) - rang(b.mesure));
    const nature = (action: ActionDocument): string | undefined =>
      trouverMesure(cadre, action.mesure)?.nature;
    parMesure(tries.filter((action) => nature(action) === 'socle'));
    total('Sous-total engagements des mesures socle', totaux?.socle, 'groupe');
    // Les initiatives forment une seule mesure : son sous-total répéterait mot pour mot celui du groupe qui
    // suit (001 annexe 9 n'a qu'une ligne « Sous total engagements à l'initiative du département »).
    parMesure(
      tries.filter((action) => nature(action) === 'initiative'),
      false,
    );
    total("Sous-total engagements à l'initiative du département", totaux?.initiatives, 'groupe');
    parMesure(tries.filter((action) => nature(action) === undefined));
  } else {
    for (const volet of [1, 2, 3] as const) {
      parMesure(actions.filter((action) => action.volet === volet));
      total(`Sous-total volet ${volet}`, totaux?.volets?.get(String(volet) as '1' | '2' | '3'), 'groupe');
    }
    parMesure(actions.filter((action) => action.volet !== 1 && action.volet !== 2 && action.volet !== 3));
  }
  total('Totaux financiers', totaux?.general, 'general');
  total('Total de contrôle', totaux?.controle.ligne, 'general', totaux?.controle.ecart);
  return rangees;
}
