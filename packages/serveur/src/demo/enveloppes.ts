import { repartirEnveloppe } from '@jalon/domaine';
import type { Depots } from '../depots/ports.ts';

/**
 * Enveloppe CALPAE 2023 de démonstration (fictive) : 10 000 000,00 € répartis 2 / 3 / 4 / 1 entre
 * l'Indre-et-Loire, la Loire-Atlantique, le Nord et La Réunion (974, article 73 : l'État peut y conserver une
 * part des crédits, 001 · I.4). Aucune part conservée n'est semée : la page des enveloppes montre le cas à saisir.
 */
const CLES_DEMO = [
  { code: 'departement:37', poids: 2 },
  { code: 'departement:44', poids: 3 },
  { code: 'departement:59', poids: 4 },
  { code: 'departement:974', poids: 1 },
] as const;
const MONTANT_DEMO = 1_000_000_000; // 10 000 000,00 € en centimes

export async function semerEnveloppesDemo(depots: Depots): Promise<void> {
  const notifications = repartirEnveloppe(MONTANT_DEMO, CLES_DEMO).map((n) => ({
    collectiviteId: n.code,
    poids: CLES_DEMO.find((c) => c.code === n.code)?.poids ?? 0,
    montant: n.montant,
  }));
  await depots.enveloppes.remplacer({
    cadre: 'calpae-2023',
    exercice: 2023,
    montant: MONTANT_DEMO,
    modifieePar: 'jalon (démonstration)',
    notifications,
  });
  await depots.audit.ecrire({
    conventionId: null,
    utilisateurId: null,
    qui: 'jalon (démonstration)',
    role: null,
    action: 'semer_demo',
    entite: 'enveloppe',
    entiteId: 'calpae-2023/2023',
    avant: null,
    apres: { montant: MONTANT_DEMO, notifications, remarque: 'Montants fictifs.' },
  });
}
