import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  proposerCreditsSocle,
  bilanNotifications,
  partConserveeOutreMer,
  reallouerEnRegion,
  repartirEnveloppe,
  simulerRefactions,
  type CollectivitePilotee,
} from '../src/index.ts';

describe('enveloppe nationale → montant notifié par collectivité', () => {
  it('au prorata exact de la clé', () => {
    // 100 000 € répartis 1 200 / 800 / 500 allocataires : 48 000, 32 000, 20 000 €.
    expect(
      repartirEnveloppe(10_000_000, [
        { code: '44', poids: 1200 },
        { code: '37', poids: 800 },
        { code: '59', poids: 500 },
      ]),
    ).toEqual([
      { code: '44', montant: 4_800_000 },
      { code: '37', montant: 3_200_000 },
      { code: '59', montant: 2_000_000 },
    ]);
  });

  it('plus forts restes, ordre de la liste à reste égal', () => {
    // 10,00 € en trois parts égales : 3,34 + 3,33 + 3,33.
    expect(
      repartirEnveloppe(
        1000,
        ['a', 'b', 'c'].map((code) => ({ code, poids: 1 })),
      ).map((m) => m.montant),
    ).toEqual([334, 333, 333]);
    // 100 centimes, poids 1, 1, 1, 3 : quotes-parts 16,67 ×3 et 50 → 17, 17, 16, 50.
    expect(
      repartirEnveloppe(
        100,
        [1, 1, 1, 3].map((poids, i) => ({ code: String(i), poids })),
      ).map((m) => m.montant),
    ).toEqual([17, 17, 16, 50]);
  });

  it('la somme est toujours l’enveloppe, chaque part à moins d’un centime de sa quote-part (propriété)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc
          .array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 30 })
          .filter((p) => p.some((x) => x > 0)),
        (enveloppe, poids) => {
          const parts = repartirEnveloppe(
            enveloppe,
            poids.map((p, i) => ({ code: String(i), poids: p })),
          );
          expect(parts.reduce((s, p) => s + p.montant, 0)).toBe(enveloppe);
          const total = poids.reduce((s, p) => s + p, 0);
          parts.forEach((part, i) => {
            const exact = (BigInt(enveloppe) * BigInt(poids[i] ?? 0) * 1000n) / BigInt(total); // millièmes de centime
            expect(BigInt(part.montant) * 1000n - exact).toBeGreaterThan(-1000n);
            expect(BigInt(part.montant) * 1000n - exact).toBeLessThan(1000n);
          });
        },
      ),
    );
  });

  it('refuse une clé nulle, négative ou en double', () => {
    expect(() => repartirEnveloppe(100, [{ code: 'a', poids: 0 }])).toThrow('la somme des poids est nulle');
    expect(() => repartirEnveloppe(100, [{ code: 'a', poids: -1 }])).toThrow('entier positif ou nul attendu');
    expect(() =>
      repartirEnveloppe(100, [
        { code: 'a', poids: 1 },
        { code: 'a', poids: 2 },
      ]),
    ).toThrow('collectivité a en double');
  });

  it('bilan des notifications saisies : reliquat ou dépassement', () => {
    expect(bilanNotifications(100_000, [{ code: '44', montant: 60_000 }])).toMatchObject({
      totalNotifie: 60_000,
      reliquat: 40_000,
      depassement: 0,
      erreurs: [],
    });
    const trop = bilanNotifications(100_000, [
      { code: '44', montant: 60_000 },
      { code: '44', montant: 50_000 },
    ]);
    expect(trop.depassement).toBe(10_000);
    expect(trop.erreurs).toEqual([
      'La collectivité 44 reçoit deux notifications.',
      "Les montants notifiés (1 100,00 €) dépassent l'enveloppe nationale (1 000,00 €).",
    ]);
  });
});

describe('réfactions et retenue régionale (001 · annexe 4 § 2 : au moins 80 % maintenus en région)', () => {
  // Région 52 : 44 pré-notifié 3 400 000 €, attribué 3 000 000 € ; 85 inchangé ; 49 (6 mois) + 100 000 €.
  const simulation = simulerRefactions('52', [
    { code: '44', prenotifie: 340_000_000, attribue: 300_000_000 },
    { code: '85', prenotifie: 100_000_000, attribue: 100_000_000 },
    { code: '49', prenotifie: 50_000_000, attribue: 60_000_000 },
  ]);

  it('réfaction 400 000 € → 320 000 € au moins restent en région, 80 000 € au plus en sortent', () => {
    expect(simulation.lignes.map((l) => [l.code, l.refaction, l.supplement])).toEqual([
      ['44', 40_000_000, 0],
      ['85', 0, 0],
      ['49', 0, 10_000_000],
    ]);
    expect(simulation).toMatchObject({
      totalPrenotifie: 490_000_000,
      totalAttribue: 460_000_000,
      totalSupplements: 10_000_000,
    });
    expect(simulation.retenue).toEqual({
      refactions: 40_000_000,
      minimumMaintenuEnRegion: 32_000_000,
      maximumHorsRegion: 8_000_000,
    });
    // 3,33 € de réfactions : ⌈266,4⌉ = 267 centimes en région (INT-FINANCES-15).
    expect(
      simulerRefactions('52', [{ code: '44', prenotifie: 333, attribue: 0 }]).retenue.minimumMaintenuEnRegion,
    ).toBe(267);
  });

  it('ce que le commissaire peut réallouer, et les affectations refusées', () => {
    const bonne = reallouerEnRegion({
      simulation,
      supplementInsertion: 10_000_000,
      affectations: [
        { libelle: 'Projet innovant précarité alimentaire', montant: 30_000_000, nature: 'projet_regional' },
        {
          libelle: 'Renfort insertion 49',
          montant: 10_000_000,
          nature: 'supplement_insertion',
          beneficiaire: { code: '49', dureeMois: 6 },
        },
      ],
    });
    expect(bonne).toEqual({
      maintenuEnRegion: 32_000_000,
      engageProjets: 30_000_000,
      resteProjets: 2_000_000,
      supplementInsertion: 10_000_000,
      engageSupplement: 10_000_000,
      resteSupplement: 0,
      erreurs: [],
    });
    const mauvaise = reallouerEnRegion({
      simulation,
      maintenuEnRegion: 31_000_000,
      affectations: [
        { libelle: 'Gros projet', montant: 35_000_000, nature: 'projet_regional' },
        {
          libelle: 'Renfort 44',
          montant: 1_000,
          nature: 'supplement_insertion',
          beneficiaire: { code: '44', dureeMois: 12 },
        },
      ],
    });
    expect(mauvaise.erreurs).toEqual([
      'Le montant maintenu en région (310 000,00 €) doit être compris entre 80 % des réfactions (320 000,00 €) et leur totalité (400 000,00 €) — 001 · annexe 4 § 2.',
      '« Renfort 44 » : les crédits supplémentaires du volet insertion vont aux collectivités en convention de 6 mois (001 · I.3 ; annexe 4 § 2).',
      'Les projets régionaux (350 000,00 €) dépassent les crédits maintenus en région (310 000,00 €).',
      "Les suppléments d'insertion (10,00 €) dépassent l'enveloppe supplémentaire (0,00 €).",
    ]);
  });
});

describe('outre-mer (001 · I.4) : part des crédits que l’État conserve', () => {
  const guadeloupe: CollectivitePilotee = {
    code: '971',
    nom: 'Guadeloupe',
    departements: ['971'],
    region: '01',
    zone: 'drom',
  };
  const base = {
    cadre: 'calpae-2023' as const,
    collectivite: guadeloupe,
    creditsSocle: 100_000_000,
    creditsInitiatives: 20_000_000,
    conserveSocle: 30_000_000,
    conserveInitiatives: 5_000_000,
    concertationLe: '2023-03-01',
  };

  it('socle et initiatives, après concertation', () => {
    expect(partConserveeOutreMer(base)).toEqual({
      ok: true,
      part: {
        conserveSocle: 30_000_000,
        conserveInitiatives: 5_000_000,
        verseSocle: 70_000_000,
        verseInitiatives: 15_000_000,
        totalConserve: 35_000_000,
      },
    });
  });

  it('refusée hors article 73, hors CALPAE 2023, sans concertation, au-delà des crédits', () => {
    const r = partConserveeOutreMer({
      ...base,
      cadre: 'calpae-2022',
      collectivite: { ...guadeloupe, nom: 'Nord', zone: 'metro' },
      concertationLe: undefined,
      conserveSocle: 100_000_001,
    });
    expect(r).toEqual({
      ok: false,
      erreurs: [
        "Le cadre calpae-2022 ne prévoit pas que l'État conserve une part des crédits (001 · I.4 : CALPAE 2023).",
        "Nord n'est pas une collectivité régie par l'article 73 de la Constitution (001 · I.4).",
        'La concertation avec la collectivité doit précéder la décision (001 · I.4 ; annexe 4 § 2).',
        'Part socle conservée (1 000 000,01 €) supérieure aux crédits socles (1 000 000,00 €).',
      ],
    });
  });
});

describe('outre-mer : proposition de crédits socles d’après la convention', () => {
  it('exemples calculés à la main', () => {
    // 1 000 000,00 € notifiés ; convention : 300 000 € État socle, 100 000 € initiatives → 3/4 = 750 000,00 €.
    expect(proposerCreditsSocle(100_000_000, 30_000_000, 10_000_000)).toBe(75_000_000);
    // 1/3 de 100,00 € = 33,333… € → 33,33 € ; 2/3 = 66,666… € → 66,67 € (demi vers le haut).
    expect(proposerCreditsSocle(10_000, 1, 2)).toBe(3_333);
    expect(proposerCreditsSocle(10_000, 2, 1)).toBe(6_667);
    // 1 centime, moitié-moitié : 0,5 centime → 1 centime.
    expect(proposerCreditsSocle(1, 5, 5)).toBe(1);
    expect(proposerCreditsSocle(100_000_000, 0, 0)).toBeUndefined();
    expect(proposerCreditsSocle(100_000_000, 0, 7)).toBe(0);
    expect(proposerCreditsSocle(100_000_000, 7, 0)).toBe(100_000_000);
  });

  it('propriétés : entre 0 et le notifié, au plus ½ centime de l’exact, croissante avec la part socle', () => {
    const centimes = fc.integer({ min: 0, max: 10_000_000_000_00 });
    fc.assert(
      fc.property(centimes, centimes, centimes, (montant, socle, initiatives) => {
        const p = proposerCreditsSocle(montant, socle, initiatives);
        if (socle + initiatives === 0) return p === undefined;
        if (p === undefined || !Number.isInteger(p) || p < 0 || p > montant) return false;
        // Écart à la valeur exacte (fraction montant × socle / total) : |2·p·total − 2·montant·socle| ≤ total.
        const ecart = 2n * BigInt(p) * BigInt(socle + initiatives) - 2n * BigInt(montant) * BigInt(socle);
        const borne = BigInt(socle + initiatives);
        if (ecart > borne || -ecart > borne) return false;
        const plus = proposerCreditsSocle(montant, socle + 1, initiatives);
        return plus !== undefined && plus >= p;
      }),
    );
  });
});
