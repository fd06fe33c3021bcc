import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { erreursDeZod } from '@jalon/domaine';
import type { ZodError } from 'zod';
import { ErreurMetier, type CodeErreur } from '../cas/erreurs.ts';
import type { Dependances } from './contexte.ts';

/** Corps d'erreur de l'API : `{ "erreur": "<français>", "details": … }` (issue « Plateforme » § 2). */
export const STATUTS: Readonly<Record<CodeErreur, ContentfulStatusCode>> = {
  non_connecte: 401,
  interdit: 403,
  introuvable: 404,
  conflit: 409,
  invalide: 422,
};

/** Erreur de validation zod → 422 avec le chemin JSON et la raison en français (traduction du domaine). */
export function reponseValidation(c: Context, erreur: ZodError, ou: string) {
  const erreurs = erreursDeZod(erreur);
  return c.json(
    {
      erreur: `Requête invalide (${ou}) : ${erreurs.map((e) => `${e.chemin || ou} : ${e.raison}`).join(' ; ')}`,
      details: { erreurs },
    },
    422,
  );
}

const estViolationUnicite = (erreur: unknown): boolean =>
  typeof erreur === 'object' && erreur !== null && (erreur as { code?: unknown }).code === '23505';

/**
 * Base de données injoignable ou arrêtée pendant la requête (issue 9 § 4) : connexion refusée, coupée ou
 * fermée (erreurs réseau de `pg`, SQLSTATE de classe 08, arrêt du serveur 57P01 à 57P03, trop de connexions
 * 53300, PGlite fermée). La transaction n'a pas été validée : rien n'est écrit, on peut réessayer → 503.
 */
const CODES_RESEAU = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES_CONNEXION =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|PGlite is closed|Cannot use a pool after calling end/iu;

export function estBaseIndisponible(erreur: unknown, profondeur = 0): boolean {
  if (typeof erreur !== 'object' || erreur === null || profondeur > 4) return false;
  const { code, message, cause, errors } = erreur as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (CODES_RESEAU.has(code) || /^(08|57P0[123]$|53300$)/u.test(code)))
    return true;
  if (typeof message === 'string' && MESSAGES_CONNEXION.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => estBaseIndisponible(e, profondeur + 1))) return true;
  return estBaseIndisponible(cause, profondeur + 1);
}

/** SQLSTATE de classe 22 (« data exception » : nombre hors limites, texte non convertible, date invalide…). */
const estErreurDeDonnee = (erreur: unknown): boolean =>
  typeof erreur === 'object' &&
  erreur !== null &&
  typeof (erreur as { code?: unknown }).code === 'string' &&
  /^22[0-9A-Z]{3}$/u.test((erreur as { code: string }).code);

export function gestionnaireErreurs(deps: Pick<Dependances, 'journal'>) {
  return (erreur: Error, c: Context) => {
    if (erreur instanceof ErreurMetier) {
      return c.json(
        { erreur: erreur.message, ...(erreur.details !== undefined ? { details: erreur.details } : {}) },
        STATUTS[erreur.code],
      );
    }
    if (erreur instanceof HTTPException) {
      const statut = erreur.status;
      const message =
        statut === 400 && /json/i.test(erreur.message)
          ? 'Corps de requête illisible : JSON invalide.'
          : `Requête refusée (${statut}).`;
      return c.json({ erreur: message }, statut as ContentfulStatusCode);
    }
    if (estViolationUnicite(erreur)) {
      return c.json(
        {
          erreur: 'Conflit : cet élément existe déjà (modification concurrente ?). Rechargez puis réessayez.',
        },
        409,
      );
    }
    if (estErreurDeDonnee(erreur)) {
      // Filet de sécurité (fuzzing, issue 9 § 5) : une valeur que la validation de la route a laissé passer mais
      // que la base refuse (ex. identifiant 2147483648 > entier SQL) est une entrée invalide, pas un bogue.
      deps.journal?.warn({ err: erreur, chemin: c.req.path }, 'valeur refusée par la base');
      return c.json(
        {
          erreur:
            'Requête invalide : une valeur est hors des limites ou du format acceptés (nombre trop grand ?).',
        },
        422,
      );
    }
    if (estBaseIndisponible(erreur)) {
      deps.journal?.error({ err: erreur, chemin: c.req.path }, 'base de données indisponible');
      c.header('Retry-After', '5');
      return c.json(
        {
          erreur:
            'Base de données momentanément indisponible : l’enregistrement n’a pas été confirmé. Réessayez dans quelques ' +
            'instants (vos saisies sont conservées à l’écran).',
        },
        503,
      );
    }
    deps.journal?.error({ err: erreur, chemin: c.req.path }, 'erreur interne');
    return c.json({ erreur: 'Erreur interne du serveur : l’incident est journalisé.' }, 500);
  };
}
