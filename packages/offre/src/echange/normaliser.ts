/**
 * Mise en forme d'un objet lu (JSON, CSV ou XLSX) avant validation, sans rien perdre en silence :
 * - `null` et absence sont la même chose (le schéma met `default: null` partout) : les `null` sont retirés ;
 * - un champ hors schéma est retiré et signalé (CHAMP_INCONNU) ;
 * - une `source` manquante prend la source par défaut si on en donne une (mise en page valideur, où `source` est
 *   facultative : api/valideur/schemas.py) ;
 * - les ids sont préfixés par leur source (`<source>--<id local>`, echange/ids.ts) ;
 * - les doublons des champs « ensemble » sont fusionnés (DOUBLONS_FUSIONNES, avertissement).
 */
import type { Modele } from '../modele.ts';
import type { Constat } from '../validation/constat.ts';
import { DOUBLONS_FUSIONNES, fusionnerDoublons, type ContexteRegles } from '../validation/regles.ts';
import { COLONNES } from './colonnes.ts';
import { normaliserId } from './ids.ts';

export interface OptionsNormalisation {
  readonly sourceParDefaut?: string | undefined;
}

export interface ObjetNormalise {
  readonly objet: Record<string, unknown>;
  readonly constats: readonly Constat[];
}

const CONTEXTE_NEUTRE: ContexteRegles = { aujourdhui: '9999-12-31', mode: 'defaut' };

export function normaliserObjet(
  modele: Modele,
  brut: unknown,
  options: OptionsNormalisation = {},
): ObjetNormalise {
  if (typeof brut !== 'object' || brut === null || Array.isArray(brut)) {
    return {
      objet: {},
      constats: [
        {
          code: 'SCHEMA',
          severite: 'erreur',
          champ: '',
          chemin: '',
          message: 'un objet JSON { … } est attendu',
        },
      ],
    };
  }
  const connus = new Set(COLONNES[modele].map((c) => c.nom));
  const constats: Constat[] = [];
  let objet: Record<string, unknown> = {};
  for (const [cle, valeur] of Object.entries(brut)) {
    if (!connus.has(cle)) {
      constats.push({
        code: 'CHAMP_INCONNU',
        severite: 'avertissement',
        champ: cle,
        chemin: `/${cle}`,
        message: `champ « ${cle} » hors du schéma data·inclusion v1 : non repris`,
      });
      continue;
    }
    if (valeur !== null && valeur !== undefined) objet[cle] = valeur;
  }
  if (objet.source === undefined && options.sourceParDefaut !== undefined)
    objet.source = options.sourceParDefaut;
  const source = objet.source;
  if (typeof source === 'string' && source !== '') {
    if (typeof objet.id === 'string') objet.id = normaliserId(source, objet.id);
    if (modele === 'service' && typeof objet.structure_id === 'string') {
      objet.structure_id = normaliserId(source, objet.structure_id);
    }
  }
  constats.push(...DOUBLONS_FUSIONNES.verifier(objet, CONTEXTE_NEUTRE, modele));
  objet = fusionnerDoublons(objet, modele);
  return { objet, constats };
}

/** Objet prêt à l'export JSON : tous les champs du schéma, dans l'ordre des colonnes, `null` s'ils sont absents. */
export function objetPourExport(
  modele: Modele,
  objet: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(COLONNES[modele].map((c) => [c.nom, objet[c.nom] ?? null]));
}
