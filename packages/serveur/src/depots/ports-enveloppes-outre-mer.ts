/**
 * Port de la part des crédits conservée par l'État outre-mer (001 · I.4 ; migration 0009). Implémenté par
 * `kysely/enveloppes-outre-mer.ts`, vérifié sur PGlite et PostgreSQL par `test/enveloppes-depots.contract.test.ts`.
 */
export interface PartOutreMerEnregistree {
  readonly cadre: string;
  readonly exercice: number;
  readonly collectiviteId: string;
  /** Montant notifié à la collectivité au moment de la décision (centimes). */
  readonly montantNotifie: number;
  /** Part du montant notifié dédiée aux engagements socles ; le reste va aux initiatives (INT-ENVELOPPES-OM-1). */
  readonly creditsSocle: number;
  readonly conserveSocle: number;
  readonly conserveInitiatives: number;
  /** Jour `AAAA-MM-JJ` de la concertation avec la collectivité (préalable, 001 · I.4). */
  readonly concertationLe: string;
  readonly motif: string;
  readonly modifieePar: string;
  readonly modifieeLe: string;
}

export interface DepotEnveloppesOutreMer {
  /** Les décisions d'un cadre et d'un exercice, par identifiant de collectivité croissant. */
  lister(cadre: string, exercice: number): Promise<PartOutreMerEnregistree[]>;
  trouver(
    cadre: string,
    exercice: number,
    collectiviteId: string,
  ): Promise<PartOutreMerEnregistree | undefined>;
  /** Crée ou remplace la décision (dans la transaction de l'appelant). */
  enregistrer(part: Omit<PartOutreMerEnregistree, 'modifieeLe'>): Promise<PartOutreMerEnregistree>;
}
