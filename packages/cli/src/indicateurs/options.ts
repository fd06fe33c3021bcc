import { parseArgs } from 'node:util';
import { CODES_INDICATEURS, type CodeIndicateur } from '@jalon/indicateurs';
import type { CodeCadre } from '@jalon/referentiels';

/** Option invalide : message en français, code de sortie 2. */
export class ErreurOption extends Error {}

export const CADRES_INDICATEURS = [
  'calpae-2023',
  'france-travail-2024',
] as const satisfies readonly CodeCadre[];

export interface OptionsCommunes {
  readonly donnees: string;
  readonly annee: number;
  readonly cadre: CodeCadre;
  readonly sortie: string | undefined;
  readonly ignorerLignesInvalides: boolean;
}

export interface OptionsCalculer extends OptionsCommunes {
  readonly format: 'json' | 'csv' | 'xlsx';
}

export interface OptionsExpliquer extends OptionsCommunes {
  readonly format: 'csv' | 'json';
  readonly indicateur: CodeIndicateur;
  readonly personne: string | undefined;
}

const COMMUNES = {
  donnees: { type: 'string' },
  annee: { type: 'string' },
  cadre: { type: 'string' },
  format: { type: 'string' },
  sortie: { type: 'string' },
  'ignorer-lignes-invalides': { type: 'boolean' },
} as const;

function analyser<O extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    const inconnue = /Unknown option '([^']+)'/.exec(m);
    if (inconnue !== null) throw new ErreurOption(`option inconnue « ${inconnue[1]} ».`);
    const positionnel = /Unexpected argument '([^']+)'/.exec(m);
    if (positionnel !== null) throw new ErreurOption(`argument inattendu « ${positionnel[1]} ».`);
    const valeur = /Option '([^']+)'.*argument missing/.exec(m);
    if (valeur !== null) throw new ErreurOption(`l'option « ${valeur[1]} » attend une valeur.`);
    throw new ErreurOption(`options illisibles (${m}).`);
  }
}

function communes(v: Record<string, string | boolean | undefined>): OptionsCommunes {
  const donnees = v.donnees;
  if (typeof donnees !== 'string' || donnees === '')
    throw new ErreurOption('l’option « --donnees <dossier|archive.zip> » est obligatoire.');
  const texteAnnee = v.annee;
  if (typeof texteAnnee !== 'string') throw new ErreurOption('l’option « --annee <AAAA> » est obligatoire.');
  if (!/^\d{4}$/.test(texteAnnee) || Number(texteAnnee) < 1900 || Number(texteAnnee) > 2100) {
    throw new ErreurOption(`année invalide « ${texteAnnee} » (attendu AAAA, par exemple 2022).`);
  }
  const annee = Number(texteAnnee);
  const texteCadre = v.cadre;
  let cadre: CodeCadre;
  if (texteCadre === undefined) {
    // Cadre par défaut : France Travail à partir de 2024, CALPAE avant (003 ; 001).
    cadre = annee >= 2024 ? 'france-travail-2024' : 'calpae-2023';
  } else {
    const trouve = CADRES_INDICATEURS.find((c) => c === texteCadre);
    if (trouve === undefined) {
      throw new ErreurOption(
        `cadre inconnu « ${String(texteCadre)} » (attendu : ${CADRES_INDICATEURS.join(', ')}).`,
      );
    }
    cadre = trouve;
  }
  const sortie = typeof v.sortie === 'string' ? v.sortie : undefined;
  return { donnees, annee, cadre, sortie, ignorerLignesInvalides: v['ignorer-lignes-invalides'] === true };
}

function format<F extends string>(v: string | boolean | undefined, admis: readonly F[], defaut: F): F {
  if (v === undefined) return defaut;
  const trouve = admis.find((f) => f === v);
  if (trouve === undefined)
    throw new ErreurOption(`format inconnu « ${String(v)} » (attendu : ${admis.join(', ')}).`);
  return trouve;
}

export function optionsCalculer(args: string[]): OptionsCalculer {
  const v = analyser(args, COMMUNES);
  const o = { ...communes(v), format: format(v.format, ['json', 'csv', 'xlsx'] as const, 'json') };
  if (o.format === 'xlsx' && o.sortie === undefined) {
    throw new ErreurOption('le format xlsx s’écrit dans un fichier : ajoutez « --sortie <fichier.xlsx> ».');
  }
  return o;
}

export function optionsExpliquer(args: string[]): OptionsExpliquer {
  const v = analyser(args, { ...COMMUNES, indicateur: { type: 'string' }, personne: { type: 'string' } });
  const code = v.indicateur;
  if (typeof code !== 'string') {
    throw new ErreurOption(
      `l’option « --indicateur <code> » est obligatoire (codes : ${CODES_INDICATEURS.join(', ')}).`,
    );
  }
  const indicateur = CODES_INDICATEURS.find((c) => c === code);
  if (indicateur === undefined) {
    throw new ErreurOption(
      `indicateur inconnu « ${code} ». Codes possibles : ${CODES_INDICATEURS.join(', ')}.`,
    );
  }
  return {
    ...communes(v),
    format: format(v.format, ['csv', 'json'] as const, 'csv'),
    indicateur,
    personne: typeof v.personne === 'string' ? v.personne : undefined,
  };
}
