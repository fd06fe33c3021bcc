import {
  EN_TETE_CSRF,
  erreurSchema,
  importTableauReponseSchema,
  type FormatDocumentApi,
  type ImportTableauReponse,
  type TypeDocumentApi,
} from '@jalon/schemas';
import { ErreurApi, lireJetonCsrf } from '../api/client.ts';

/** Chemins de l'API des documents (docs/documents.md § Serveur). */
export const ROUTES_DOCUMENTS = {
  documents: (id: number): string => `/api/conventions/${id}/documents`,
  document: (id: number, type: TypeDocumentApi, format: FormatDocumentApi, action?: string): string => {
    const parametres = new URLSearchParams({ format, ...(action === undefined ? {} : { action }) });
    return `/api/conventions/${id}/documents/${type}?${parametres.toString()}`;
  },
  tableauXlsx: (id: number): string => `/api/conventions/${id}/tableau-financier/xlsx`,
  textes: (id: number): string => `/api/conventions/${id}/rapport/textes`,
  depots: (id: number): string => `/api/conventions/${id}/depots-rapport`,
  fichierDepose: (id: number, depotId: number, nom: string): string =>
    `/api/conventions/${id}/depots-rapport/${depotId}/fichiers/${encodeURIComponent(nom)}`,
} as const;

/** Une erreur de relecture du tableau : feuille et cellule quand le message les cite. */
export interface ErreurCellule {
  readonly message: string;
  readonly feuille: string | null;
  readonly cellule: string | null;
  readonly raison: string;
}

export function erreursCellules(details: unknown): ErreurCellule[] {
  if (typeof details !== 'object' || details === null || !('erreurs' in details)) return [];
  const erreurs = (details as { erreurs: unknown }).erreurs;
  if (!Array.isArray(erreurs)) return [];
  return erreurs.flatMap((e): ErreurCellule[] => {
    if (typeof e === 'string') return [{ message: e, feuille: null, cellule: null, raison: e }];
    if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') {
      const o = e as Partial<ErreurCellule> & { message: string };
      return [
        {
          message: o.message,
          feuille: typeof o.feuille === 'string' ? o.feuille : null,
          cellule: typeof o.cellule === 'string' ? o.cellule : null,
          raison: typeof o.raison === 'string' ? o.raison : o.message,
        },
      ];
    }
    return [];
  });
}

/** Envoie un tableau financier XLSX (multipart) ; erreurs de l'API en `ErreurApi` (détails : erreurs par cellule). */
export async function televerserTableau(
  conventionId: number,
  version: number,
  fichier: File,
): Promise<ImportTableauReponse> {
  const formulaire = new FormData();
  formulaire.set('version', String(version));
  formulaire.set('fichier', fichier);
  const jeton = lireJetonCsrf();
  let reponse: Response;
  try {
    reponse = await fetch(ROUTES_DOCUMENTS.tableauXlsx(conventionId), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(jeton === null ? {} : { [EN_TETE_CSRF]: jeton }) },
      body: formulaire,
    });
  } catch {
    throw new ErreurApi('Le serveur Jalon ne répond pas : vérifiez votre connexion et réessayez.', 0);
  }
  const json: unknown = await reponse.json().catch(() => undefined);
  if (!reponse.ok) {
    const erreur = erreurSchema.safeParse(json);
    throw new ErreurApi(
      erreur.success ? erreur.data.erreur : `Erreur du serveur (HTTP ${reponse.status}).`,
      reponse.status,
      erreur.success ? erreur.data.details : undefined,
    );
  }
  return importTableauReponseSchema.parse(json);
}

/** « 1,2 Mio », « 35 Kio » : taille d'un fichier déposé. */
export function taille(octets: number): string {
  if (octets < 1024) return `${octets} octets`;
  if (octets < 1024 * 1024) return `${Math.round(octets / 1024).toLocaleString('fr-FR')} Kio`;
  return `${(octets / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mio`;
}

export const FORMATS_LIBELLES: Readonly<Record<FormatDocumentApi, string>> = {
  docx: 'DOCX (Word)',
  xlsx: 'XLSX (tableur)',
  pdf: 'PDF',
};
