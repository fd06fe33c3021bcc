/**
 * Envoi multipart avec progression (XMLHttpRequest `upload.onprogress` : `fetch` ne rend pas la progression d'un
 * envoi). Réponse validée par son schéma zod partagé, erreurs de l'API rendues en `ErreurApi` (message français,
 * détails : lignes en cause).
 */
import type { z } from 'zod';
import { EN_TETE_CSRF, erreurSchema } from '@jalon/schemas';
import { ErreurApi, lireJetonCsrf } from '../api/client.ts';

export interface Progression {
  readonly envoyes: number;
  readonly total: number;
}

export function envoyerFormulaire<S extends z.ZodType>(
  chemin: string,
  formulaire: FormData,
  schema: S,
  surProgression: (p: Progression) => void,
): Promise<z.output<S>> {
  return new Promise((resoudre, rejeter) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', chemin);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const jeton = lireJetonCsrf();
    if (jeton !== null) xhr.setRequestHeader(EN_TETE_CSRF, jeton);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) surProgression({ envoyes: e.loaded, total: e.total });
    };
    xhr.onerror = () =>
      rejeter(new ErreurApi('Le serveur Jalon ne répond pas : vérifiez votre connexion et réessayez.', 0));
    xhr.onload = () => {
      let json: unknown = undefined;
      try {
        json = xhr.responseText === '' ? undefined : (JSON.parse(xhr.responseText) as unknown);
      } catch {
        rejeter(new ErreurApi(`Réponse illisible du serveur (HTTP ${xhr.status}).`, xhr.status));
        return;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const e = erreurSchema.safeParse(json);
        rejeter(
          new ErreurApi(
            e.success ? e.data.erreur : `Erreur du serveur (HTTP ${xhr.status}).`,
            xhr.status,
            e.success ? e.data.details : undefined,
          ),
        );
        return;
      }
      const lu = schema.safeParse(json);
      if (lu.success) resoudre(lu.data);
      else rejeter(new ErreurApi(`Réponse inattendue du serveur pour ${chemin}.`, xhr.status));
    };
    xhr.send(formulaire);
  });
}

/** Les lignes en cause d'une erreur de téléversement (fichier, ligne, colonne, raison), si l'API les donne. */
export function lignesEnCause(
  details: unknown,
): { fichier: string; ligne: number; colonne: string | null; raison: string }[] {
  if (typeof details !== 'object' || details === null || !('erreurs' in details)) return [];
  const erreurs = (details as { erreurs: unknown }).erreurs;
  if (!Array.isArray(erreurs)) return [];
  return erreurs.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const x = e as Record<string, unknown>;
    if (typeof x.fichier !== 'string' || typeof x.raison !== 'string') return [];
    return [
      {
        fichier: x.fichier,
        ligne: typeof x.ligne === 'number' ? x.ligne : 0,
        colonne: typeof x.colonne === 'string' ? x.colonne : null,
        raison: x.raison,
      },
    ];
  });
}
