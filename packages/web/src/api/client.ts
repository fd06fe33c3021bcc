import type { z } from 'zod';
import { EN_TETE_CSRF, erreurSchema } from '@jalon/schemas';

/** Une erreur de l'API, avec son message en français (`{ erreur }`, @jalon/schemas) et son statut HTTP. */
export class ErreurApi extends Error {
  constructor(
    message: string,
    readonly statut: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ErreurApi';
  }
}

/** Jeton CSRF de la session (GET /api/session), renvoyé dans l'en-tête `X-CSRF-Token` de toute modification. */
let jetonCsrf: string | null = null;
export const definirJetonCsrf = (jeton: string | null): void => {
  jetonCsrf = jeton;
};
/** Le jeton courant, pour un envoi que `appeler` ne fait pas (téléversement multipart). */
export const lireJetonCsrf = (): string | null => jetonCsrf;

type Methode = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const MESSAGES_STATUT: Readonly<Record<number, string>> = {
  401: 'Votre session a expiré : reconnectez-vous.',
  403: "Vous n'avez pas accès à cette ressource.",
  404: 'Ressource introuvable.',
  409: 'Les données ont été modifiées entre-temps par quelqu’un d’autre : rechargez la page.',
  422: 'La demande a été refusée.',
};

/**
 * Appelle l'API (même origine, cookie de session HTTP-only) et valide la réponse par son schéma zod partagé :
 * une réponse inattendue est une erreur claire, jamais une donnée mal typée.
 */
export async function appeler<S extends z.ZodType>(
  methode: Methode,
  chemin: string,
  schema: S,
  corps?: unknown,
): Promise<z.output<S>> {
  const entetes: Record<string, string> = { Accept: 'application/json' };
  if (corps !== undefined) entetes['Content-Type'] = 'application/json';
  if (methode !== 'GET' && jetonCsrf !== null) entetes[EN_TETE_CSRF] = jetonCsrf;
  let reponse: Response;
  try {
    reponse = await fetch(chemin, {
      method: methode,
      headers: entetes,
      credentials: 'same-origin',
      ...(corps === undefined ? {} : { body: JSON.stringify(corps) }),
    });
  } catch {
    throw new ErreurApi('Le serveur Jalon ne répond pas : vérifiez votre connexion et réessayez.', 0);
  }
  const texte = await reponse.text();
  let json: unknown = undefined;
  if (texte !== '') {
    try {
      json = JSON.parse(texte) as unknown;
    } catch {
      throw new ErreurApi(`Réponse illisible du serveur (HTTP ${reponse.status}).`, reponse.status);
    }
  }
  if (!reponse.ok) {
    const erreur = erreurSchema.safeParse(json);
    const message = erreur.success
      ? erreur.data.erreur
      : (MESSAGES_STATUT[reponse.status] ?? `Erreur du serveur (HTTP ${reponse.status}).`);
    throw new ErreurApi(message, reponse.status, erreur.success ? erreur.data.details : undefined);
  }
  const lecture = schema.safeParse(json);
  if (!lecture.success) {
    const premiere = lecture.error.issues[0];
    throw new ErreurApi(
      `Réponse inattendue du serveur pour ${chemin}${premiere === undefined ? '' : ` (${premiere.path.join('.')} : ${premiere.message})`}.`,
      reponse.status,
    );
  }
  return lecture.data;
}
