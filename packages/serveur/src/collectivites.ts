import { COLLECTIVITES_PARTICULIERES, DEPARTEMENTS, REGIONS } from '@jalon/referentiels';
import type { Collectivite } from '@jalon/schemas';

/**
 * Collectivités qui contractualisent, tirées de `@jalon/referentiels` : les 101 départements (COG), les 18
 * régions (000 · annexe 6 B ; suspendues en 2023, 001 · II) et les collectivités nommées par les textes (Métropole
 * de Lyon 69M, Collectivité de Corse, Collectivité européenne d'Alsace — 003 · III). Les textes CALPAE ne nomment
 * aucune autre métropole (INT-REFERENTIELS-15) : aucune n'est inventée ici.
 *
 * `departement` sert au périmètre d'une DDETS : pour une collectivité à cheval sur plusieurs départements du COG,
 * on retient le premier (INT-PLATEFORME-1).
 */
export function collectivitesDuReferentiel(): Collectivite[] {
  return [
    ...DEPARTEMENTS.map((d) => ({
      id: `departement:${d.code}`,
      type: 'departement' as const,
      code: d.code,
      nom: d.nom,
      departement: d.code,
      region: d.codeRegion,
    })),
    ...COLLECTIVITES_PARTICULIERES.map((c) => ({
      id: `${c.type}:${c.code}`,
      type: c.type,
      code: c.code,
      nom: c.nom,
      departement: c.departements[0] ?? null,
      region: c.codeRegion,
    })),
    ...REGIONS.map((r) => ({
      id: `region:${r.code}`,
      type: 'region' as const,
      code: r.code,
      nom: r.nom,
      departement: null,
      region: r.code,
    })),
  ];
}
