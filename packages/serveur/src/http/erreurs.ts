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
    deps.journal?.error({ err: erreur, chemin: c.req.path }, 'erreur interne');
    return c.json({ erreur: 'Erreur interne du serveur : l’incident est journalisé.' }, 500);
  };
}
