import { verifierCentimes } from '../../finances/credits.ts';
import { formaterEuros, somme, type Centimes } from '../../montant.ts';

export interface CleRepartition {
  /** Code de la collectivité. */
  readonly code: string;
  /** Poids entier positif ou nul : nombre d'allocataires du RSA, crédits de référence en centimes… */
  readonly poids: number;
}

export interface MontantNotifie {
  readonly code: string;
  readonly montant: Centimes;
}

/**
 * Enveloppe nationale d'un cadre → montant par collectivité, au prorata d'une clé (003 · III.2 : volet 1
 * « modulé selon le nombre d'allocataires du RSA », volet 2 « prend en compte les crédits prénotifiés … en
 * 2022 »). Méthode du plus fort reste, en entiers exacts : la somme des montants est l'enveloppe au centime près ;
 * à reste égal, l'ordre de la liste départage (INT-PILOTAGE-14).
 */
export function repartirEnveloppe(enveloppe: Centimes, cles: readonly CleRepartition[]): MontantNotifie[] {
  verifierCentimes('enveloppe nationale', enveloppe);
  const codes = new Set<string>();
  for (const cle of cles) {
    if (!Number.isSafeInteger(cle.poids) || cle.poids < 0) {
      throw new RangeError(
        `Clé de répartition de ${cle.code} : entier positif ou nul attendu, reçu ${String(cle.poids)}`,
      );
    }
    if (codes.has(cle.code)) throw new RangeError(`Clé de répartition : collectivité ${cle.code} en double`);
    codes.add(cle.code);
  }
  const poidsTotal = BigInt(somme(cles.map((cle) => cle.poids)));
  if (poidsTotal === 0n) throw new RangeError('Clé de répartition : la somme des poids est nulle.');
  const e = BigInt(enveloppe);
  const parts = cles.map((cle, rang) => {
    const produit = e * BigInt(cle.poids);
    return { code: cle.code, rang, montant: produit / poidsTotal, reste: produit % poidsTotal };
  });
  let aDistribuer = e - parts.reduce((total, part) => total + part.montant, 0n);
  const ordre = [...parts].sort((a, b) =>
    a.reste === b.reste ? a.rang - b.rang : a.reste > b.reste ? -1 : 1,
  );
  for (const part of ordre) {
    if (aDistribuer === 0n) break;
    part.montant += 1n;
    aDistribuer -= 1n;
  }
  return parts.map((part) => ({ code: part.code, montant: Number(part.montant) }));
}

export interface BilanNotifications {
  readonly enveloppe: Centimes;
  readonly totalNotifie: Centimes;
  /** Enveloppe − total notifié, quand c'est positif. */
  readonly reliquat: Centimes;
  /** Total notifié − enveloppe, quand c'est positif : une erreur à corriger. */
  readonly depassement: Centimes;
  readonly erreurs: readonly string[];
}

/** Montants notifiés saisis par l'administration centrale, confrontés à l'enveloppe nationale du cadre. */
export function bilanNotifications(
  enveloppe: Centimes,
  notifications: readonly MontantNotifie[],
): BilanNotifications {
  verifierCentimes('enveloppe nationale', enveloppe);
  for (const n of notifications) verifierCentimes(`montant notifié à ${n.code}`, n.montant);
  const totalNotifie = somme(notifications.map((n) => n.montant));
  const erreurs: string[] = [];
  const vus = new Set<string>();
  for (const n of notifications) {
    if (vus.has(n.code)) erreurs.push(`La collectivité ${n.code} reçoit deux notifications.`);
    vus.add(n.code);
  }
  if (totalNotifie > enveloppe) {
    erreurs.push(
      `Les montants notifiés (${formaterEuros(totalNotifie)}) dépassent l'enveloppe nationale (${formaterEuros(enveloppe)}).`,
    );
  }
  return {
    enveloppe,
    totalNotifie,
    reliquat: Math.max(0, enveloppe - totalNotifie),
    depassement: Math.max(0, totalNotifie - enveloppe),
    erreurs,
  };
}
