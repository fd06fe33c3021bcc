/**
 * Validation au schéma JSON officiel data·inclusion v1.0.8 (`data/structure.json`, `data/service.json`, copiés à
 * l'identique) avec Ajv. Les schémas sont générés par pydantic, au style 2020-12 (`$defs`), sans clé `$schema` :
 * on utilise la classe Ajv 2020 et les formats `date`, `email`, `uri` d'ajv-formats.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import schemaService from '../../data/service.json' with { type: 'json' };
import schemaStructure from '../../data/structure.json' with { type: 'json' };
import type { Modele } from '../modele.ts';

export const SCHEMAS = { structure: schemaStructure, service: schemaService } as const;

// Compilés à la première validation, pas au chargement du module : l'interface web importe ce paquet pour ses
// données (colonnes, référentiels) sans valider (la validation est celle du serveur), et Ajv compile ses
// validateurs avec `new Function`, que la CSP stricte de Jalon interdit dans le navigateur (docs/securite.md).
let validateurs: Record<Modele, ValidateFunction> | undefined;

function lesValidateurs(): Record<Modele, ValidateFunction> {
  if (validateurs === undefined) {
    // `strict: false` : les schémas officiels portent `default`/`examples` dans des branches `anyOf`, que le mode
    // strict d'Ajv refuse ; ils ne sont pas à nous, on les prend tels quels.
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    // ajv-formats est un module CommonJS : sa fonction est l'export par défaut (ou `.default` selon le chargeur).
    const ajouterFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as (
      a: Ajv2020,
    ) => void;
    ajouterFormats(ajv);
    validateurs = { structure: ajv.compile(schemaStructure), service: ajv.compile(schemaService) };
  }
  return validateurs;
}

export interface ErreurSchema {
  /** Chemin JSON dans l'objet, ex. `/publics/1` ; vide pour l'objet entier. */
  readonly chemin: string;
  /** Champ de premier niveau concerné (colonne d'un tableau), ou `''`. */
  readonly champ: string;
  readonly message: string;
}

/** Valide un objet au schéma officiel ; rend les erreurs en français, une par chemin. */
export function validerAuSchema(modele: Modele, objet: unknown): ErreurSchema[] {
  const valider = lesValidateurs()[modele];
  if (valider(objet)) return [];
  return traduireErreurs(valider.errors ?? []);
}

const nomsDeType: Record<string, string> = {
  string: 'une chaîne de caractères',
  number: 'un nombre',
  integer: 'un nombre entier',
  array: 'une liste',
  object: 'un objet',
  null: 'vide (null)',
  boolean: 'un booléen',
};

const nomsDeFormat: Record<string, string> = {
  date: 'une date AAAA-MM-JJ valide',
  email: 'une adresse de courriel valide',
  uri: 'une adresse web complète (https://…)',
};

function valeurLisible(v: unknown): string {
  return typeof v === 'string' ? `« ${v} »` : JSON.stringify(v);
}

/** Message français d'une erreur Ajv (mots-clés utilisés par les deux schémas officiels). */
export function messageFrancais(e: ErrorObject, valeur: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `champ obligatoire « ${String(p.missingProperty)} » absent`;
    case 'type': {
      const attendu = String(p.type)
        .split(',')
        .map((t) => nomsDeType[t] ?? t)
        .join(' ou ');
      return `doit être ${attendu} (reçu ${valeurLisible(valeur)})`;
    }
    case 'enum':
      return `valeur ${valeurLisible(valeur)} hors référentiel`;
    case 'const':
      return `doit valoir ${valeurLisible(p.allowedValue)}`;
    case 'minLength':
      return `trop court : ${String(p.limit)} caractère(s) au moins`;
    case 'maxLength':
      return `trop long : ${String(p.limit)} caractère(s) au plus`;
    case 'pattern':
      return `format invalide ${valeurLisible(valeur)} (motif ${String(p.pattern)})`;
    case 'format':
      return `doit être ${nomsDeFormat[String(p.format)] ?? `au format ${String(p.format)}`} (reçu ${valeurLisible(valeur)})`;
    case 'minimum':
      return `doit être supérieur ou égal à ${String(p.limit)} (reçu ${valeurLisible(valeur)})`;
    case 'maximum':
      return `doit être inférieur ou égal à ${String(p.limit)} (reçu ${valeurLisible(valeur)})`;
    case 'minItems':
      return `liste vide : ${String(p.limit)} valeur(s) au moins (ou ne rien mettre)`;
    case 'uniqueItems':
      return `valeur en double dans la liste (positions ${String(p.j)} et ${String(p.i)})`;
    case 'anyOf':
      return `valeur ${valeurLisible(valeur)} refusée${indiceDuChamp(e.instancePath)}`;
    default:
      return `${e.keyword} : ${e.message ?? 'valeur refusée'}`;
  }
}

/** Ce qu'un champ à alternatives attend, pour que « valeur refusée » dise quoi mettre. */
function indiceDuChamp(chemin: string): string {
  return champDe(chemin) === 'zone_eligibilite'
    ? ' : code commune (5 caractères), département (2 ou 3), EPCI (9 chiffres), pays (99xxx) ou « france » attendu'
    : '';
}

function champDe(chemin: string): string {
  return chemin.split('/')[1] ?? '';
}

/**
 * Les schémas écrivent chaque champ facultatif `anyOf: [ <règle>, { type: null } ]` : Ajv rend alors une erreur
 * par branche plus une erreur `anyOf`. On garde, par chemin, l'erreur la plus précise : celle de la branche non
 * nulle (pas le « doit être null »), et `anyOf` seulement s'il n'y a rien d'autre.
 * Écrit ici : ajv-i18n traduit mot à mot mais ne sait pas retirer ce bruit propre aux schémas pydantic.
 */
function traduireErreurs(erreurs: readonly ErrorObject[]): ErreurSchema[] {
  const parChemin = new Map<string, ErrorObject[]>();
  for (const e of erreurs) {
    const chemin =
      e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath;
    const liste = parChemin.get(chemin) ?? [];
    liste.push(e);
    parChemin.set(chemin, liste);
  }
  const rendues: ErreurSchema[] = [];
  const chemins = [...parChemin.keys()];
  for (const [chemin, liste] of parChemin) {
    const utiles = liste.filter(
      (e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null'),
    );
    if (utiles.length === 0 && chemins.some((c) => c.startsWith(`${chemin}/`))) continue; // dit plus bas
    const retenues = utiles.length > 0 ? unParAlternative(utiles, liste) : liste.slice(0, 1);
    for (const e of retenues) {
      rendues.push({ chemin, champ: champDe(chemin), message: messageFrancais(e, e.data) });
    }
  }
  return rendues;
}

/** Branche `anyOf` d'où vient une erreur (le chiffre qui suit le dernier `/anyOf/` du chemin de schéma). */
function brancheDe(e: ErrorObject): string {
  const i = e.schemaPath.lastIndexOf('/anyOf/');
  return i < 0 ? '' : (e.schemaPath.slice(i + 7).split('/')[0] ?? '');
}

/**
 * Si les erreurs viennent de plusieurs branches d'un `anyOf` (ex. un code de `zone_eligibilite` qui n'est ni
 * commune, ni département, ni EPCI…), un seul message « valeur refusée » ; sinon toutes (ex. SIRET trop court et
 * au mauvais format).
 */
function unParAlternative(utiles: ErrorObject[], toutes: ErrorObject[]): ErrorObject[] {
  const branches = new Set(utiles.map(brancheDe));
  const anyOf = toutes.find((e) => e.keyword === 'anyOf');
  return branches.size > 1 && anyOf !== undefined ? [anyOf] : utiles;
}
