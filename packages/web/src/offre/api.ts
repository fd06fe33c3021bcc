import {
  ecritureOffreSchema,
  financementsConventionSchema,
  manquesSchema,
  offreCollectiviteSchema,
  resultatImportOffreSchema,
  type ObjetDataInclusion,
} from '@jalon/schemas';
import { z } from 'zod';
import { appeler } from '../api/client.ts';

/** Chemins et appels de l'API de l'offre d'insertion (issue 8, packages/serveur/src/http/routes/offre.ts). */
const base = (collectivite: string) => `/api/offre/${encodeURIComponent(collectivite)}`;

export type ModeleOffre = 'structure' | 'service';
const CHEMINS: Record<ModeleOffre, string> = { structure: 'structures', service: 'services' };

export const FICHIERS_EXPORT = [
  { fichier: 'services.json', libelle: 'Services (JSON)' },
  { fichier: 'structures.json', libelle: 'Structures (JSON)' },
  { fichier: 'services.csv', libelle: 'Services (CSV)' },
  { fichier: 'structures.csv', libelle: 'Structures (CSV)' },
  { fichier: 'offre.xlsx', libelle: 'Classeur « valideur » (XLSX)' },
] as const;

export const adresseExport = (collectivite: string, fichier: string) =>
  `${base(collectivite)}/export?fichier=${encodeURIComponent(fichier)}`;

export const lireOffre = (collectivite: string) =>
  appeler('GET', base(collectivite), offreCollectiviteSchema);

export const lireManques = (collectivite: string) =>
  appeler('GET', `${base(collectivite)}/manques`, manquesSchema);

export const enregistrer = (
  collectivite: string,
  modele: ModeleOffre,
  id: number | null,
  donnees: ObjetDataInclusion,
) =>
  id === null
    ? appeler('POST', `${base(collectivite)}/${CHEMINS[modele]}`, ecritureOffreSchema, donnees)
    : appeler('PUT', `${base(collectivite)}/${CHEMINS[modele]}/${id}`, ecritureOffreSchema, donnees);

export const supprimer = (collectivite: string, modele: ModeleOffre, id: number) =>
  appeler(
    'DELETE',
    `${base(collectivite)}/${CHEMINS[modele]}/${id}`,
    z.object({ supprime: z.literal(true) }),
  );

export async function importer(collectivite: string, fichiers: readonly File[]) {
  const contenus = await Promise.all(
    fichiers.map(async (f) => ({ nom: f.name, contenu_base64: await enBase64(f) })),
  );
  return appeler('POST', `${base(collectivite)}/import`, resultatImportOffreSchema, { fichiers: contenus });
}

async function enBase64(f: File): Promise<string> {
  const octets = new Uint8Array(await f.arrayBuffer());
  let binaire = '';
  for (let i = 0; i < octets.length; i += 0x8000)
    binaire += String.fromCharCode(...octets.subarray(i, i + 0x8000));
  return btoa(binaire);
}

export const liensDeLaConvention = (conventionId: number) =>
  appeler('GET', `/api/conventions/${conventionId}/offre`, financementsConventionSchema);

export const lier = (conventionId: number, ficheId: number, serviceId: number) =>
  appeler(
    'POST',
    `/api/conventions/${conventionId}/fiches/${ficheId}/services`,
    financementsConventionSchema,
    {
      service_id: serviceId,
    },
  );

export const delier = (conventionId: number, ficheId: number, serviceId: number) =>
  appeler(
    'DELETE',
    `/api/conventions/${conventionId}/fiches/${ficheId}/services/${serviceId}`,
    financementsConventionSchema,
  );

/** Constats d'un refus 422 (`details.constats`) : objets du schéma ou lignes déjà formatées. */
export function constatsDe(details: unknown): string[] {
  const constats = (details as { constats?: unknown } | undefined)?.constats;
  if (!Array.isArray(constats)) return [];
  return constats.map((c) =>
    typeof c === 'string'
      ? c
      : `${String((c as { champ?: string }).champ ?? '')} : ${String((c as { message?: string }).message ?? '')}`,
  );
}
