import type { FinancementsConvention } from '@jalon/schemas';
import type { Persistance } from '../depots/ports.ts';
import { ErreurMetier, ficheIntrouvable } from './erreurs.ts';
import { conventionLisible, type Acteur } from './mutation.ts';
import { modifierOffre } from './offre-acces.ts';
import { versFinancement } from './offre.ts';

/**
 * Liens fiche action ↔ services financés (issue 8 § 4). Un lien est une donnée de l'offre, pas du contenu
 * contractuel de la convention (INT-OFFRE-12) : il est posé par un agent ou valideur de la collectivité quel que
 * soit le statut de la convention, sans version de la convention ; sa ligne d'audit est rattachée à la
 * convention (historique). Le service doit appartenir à l'offre de la même collectivité.
 */
export async function financementsDeLaConvention(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
): Promise<FinancementsConvention> {
  const { depots } = persistance;
  await conventionLisible(depots, acteur, conventionId);
  const liens = await depots.offre.financementsDeLaConvention(conventionId);
  const services = new Map<number, { nom: string; idPublie: string }>();
  for (const l of liens) {
    if (services.has(l.serviceId)) continue;
    const s = await depots.offre.trouver('service', l.serviceId);
    services.set(l.serviceId, { nom: String(s?.donnees.nom ?? ''), idPublie: s?.idPublie ?? '' });
  }
  return {
    liens: liens.map((l) => ({
      ...versFinancement(l),
      service_nom: services.get(l.serviceId)?.nom ?? '',
      service_id_publie: services.get(l.serviceId)?.idPublie ?? '',
    })),
  };
}

const serviceIntrouvable = (id: number) =>
  new ErreurMetier(
    'introuvable',
    `Service ${id} introuvable dans l’offre de la collectivité de cette convention.`,
  );

export async function modifierLien(
  persistance: Persistance,
  acteur: Acteur,
  conventionId: number,
  ficheId: number,
  serviceId: number,
  lier: boolean,
): Promise<void> {
  const convention = await conventionLisible(persistance.depots, acteur, conventionId);
  await modifierOffre(persistance, acteur, convention.collectivite.id, {
    action: lier ? 'lier_service' : 'delier_service',
    entite: 'offre_financement',
    conventionId,
    travail: async (depots, collectivite) => {
      const fiche = await depots.fiches.trouver(ficheId);
      if (fiche === undefined || fiche.conventionId !== conventionId) throw ficheIntrouvable(ficheId);
      const service = await depots.offre.trouver('service', serviceId);
      if (service === undefined || service.collectiviteId !== collectivite.id)
        throw serviceIntrouvable(serviceId);
      const change = lier
        ? await depots.offre.lier(ficheId, serviceId)
        : await depots.offre.delier(ficheId, serviceId);
      if (!change && !lier)
        throw new ErreurMetier('introuvable', `La fiche ${fiche.numero} ne finance pas ce service.`);
      const lien = { fiche: fiche.numero, service: service.idPublie };
      return {
        entiteId: `${ficheId}:${serviceId}`,
        avant: lier ? (change ? null : lien) : lien,
        apres: lier ? lien : null,
        resultat: undefined,
      };
    },
  });
}
