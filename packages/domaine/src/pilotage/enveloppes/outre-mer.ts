import type { CodeCadre } from '@jalon/referentiels';
import { verifierCentimes } from '../../finances/credits.ts';
import { formaterEuros, type Centimes } from '../../montant.ts';
import type { CollectivitePilotee } from '../acteur.ts';
import type { Jour } from '../jour.ts';

/** Cadres dont le texte ouvre cette faculté : 001 (CALPAE 2023) · I.4 et annexe 4 § 2 (INT-PILOTAGE-16). */
export const CADRES_RETENUE_OUTRE_MER: readonly CodeCadre[] = ['calpae-2023'];

export interface PartConserveeOutreMer {
  readonly conserveSocle: Centimes;
  readonly conserveInitiatives: Centimes;
  readonly verseSocle: Centimes;
  readonly verseInitiatives: Centimes;
  readonly totalConserve: Centimes;
}

export type ResultatOutreMer =
  | { readonly ok: true; readonly part: PartConserveeOutreMer }
  | { readonly ok: false; readonly erreurs: readonly string[] };

/**
 * Part des crédits qu'un État garde pour ses propres actions dans une collectivité régie par l'article 73 de la
 * Constitution (001 · I.4 : « après concertation avec la collectivité cocontractante …, l'État peut conserver une
 * partie des crédits dédiés aux engagements socles … pour la réalisation d'actions portant sur les mêmes
 * engagements et/ou une partie des crédits affectés aux initiatives départementales … » ; annexe 4 § 2 : « après
 * en avoir avisé la collectivité »). Aucun plafond n'est écrit : la part va de 0 aux crédits eux-mêmes.
 */
export function partConserveeOutreMer(entree: {
  readonly cadre: CodeCadre;
  readonly collectivite: CollectivitePilotee;
  readonly creditsSocle: Centimes;
  readonly creditsInitiatives: Centimes;
  readonly conserveSocle: Centimes;
  readonly conserveInitiatives: Centimes;
  /** Jour de la concertation avec la collectivité (préalable : 001 · I.4). */
  readonly concertationLe?: Jour;
}): ResultatOutreMer {
  verifierCentimes('crédits socles', entree.creditsSocle);
  verifierCentimes('crédits des initiatives', entree.creditsInitiatives);
  verifierCentimes('part socle conservée', entree.conserveSocle);
  verifierCentimes('part initiatives conservée', entree.conserveInitiatives);
  const erreurs: string[] = [];
  if (!CADRES_RETENUE_OUTRE_MER.includes(entree.cadre)) {
    erreurs.push(
      `Le cadre ${entree.cadre} ne prévoit pas que l'État conserve une part des crédits (001 · I.4 : CALPAE 2023).`,
    );
  }
  if (entree.collectivite.zone !== 'drom') {
    erreurs.push(
      `${entree.collectivite.nom} n'est pas une collectivité régie par l'article 73 de la Constitution (001 · I.4).`,
    );
  }
  if (entree.concertationLe === undefined) {
    erreurs.push(
      'La concertation avec la collectivité doit précéder la décision (001 · I.4 ; annexe 4 § 2).',
    );
  }
  if (entree.conserveSocle > entree.creditsSocle) {
    erreurs.push(
      `Part socle conservée (${formaterEuros(entree.conserveSocle)}) supérieure aux crédits socles (${formaterEuros(entree.creditsSocle)}).`,
    );
  }
  if (entree.conserveInitiatives > entree.creditsInitiatives) {
    erreurs.push(
      `Part initiatives conservée (${formaterEuros(entree.conserveInitiatives)}) supérieure aux crédits des initiatives (${formaterEuros(entree.creditsInitiatives)}).`,
    );
  }
  if (erreurs.length > 0) return { ok: false, erreurs };
  return {
    ok: true,
    part: {
      conserveSocle: entree.conserveSocle,
      conserveInitiatives: entree.conserveInitiatives,
      verseSocle: entree.creditsSocle - entree.conserveSocle,
      verseInitiatives: entree.creditsInitiatives - entree.conserveInitiatives,
      totalConserve: entree.conserveSocle + entree.conserveInitiatives,
    },
  };
}

/**
 * Proposition de crédits socles pour une collectivité d'outre-mer : le montant notifié réparti comme la part de
 * l'État prévue dans sa convention entre engagements socles et initiatives (annexe 9 du 001 : tableau financier,
 * crédits État par mesure). Ce n'est qu'une aide à la saisie : la décision reste celle de l'État (001 · I.4 ;
 * INT-ENVELOPPES-OM-6). Arrondi au centime le plus proche (demi vers le haut) ; `undefined` si la convention ne
 * prévoit aucun crédit État.
 */
export function proposerCreditsSocle(
  montantNotifie: Centimes,
  etatSocle: Centimes,
  etatInitiatives: Centimes,
): Centimes | undefined {
  verifierCentimes('montant notifié', montantNotifie);
  verifierCentimes('crédits État socles prévus', etatSocle);
  verifierCentimes('crédits État des initiatives prévus', etatInitiatives);
  const total = etatSocle + etatInitiatives;
  if (total === 0) return undefined;
  // Calcul exact en entiers (BigInt) : montant × socle peut dépasser 2^53.
  const produit = BigInt(montantNotifie) * BigInt(etatSocle);
  const diviseur = BigInt(total);
  return Number((2n * produit + diviseur) / (2n * diviseur));
}
