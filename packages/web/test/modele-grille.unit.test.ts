import { describe, expect, it } from 'vitest';
import { CADRES } from '@jalon/referentiels';
import { colonnesDuCadre } from '../src/grille/colonnes.ts';
import {
  analyser,
  appliquerSaisie,
  collerBloc,
  documentCourant,
  lignesModifiees,
  lireTexte,
  saisiesInvalides,
  type Saisies,
} from '../src/grille/modele.ts';
import { controlesDeCellule } from '../src/grille/controles.ts';
import { organiserRangees } from '../src/grille/rangees.ts';
import { deuxActions, exempleCalpae2023 } from './fixtures/conventions.ts';

const colonnes = colonnesDuCadre('calpae', 2023);
const codes = (saisies: Saisies, document = exempleCalpae2023()): string[] => {
  const analyse = analyser(documentCourant(document, saisies, colonnes));
  if (!analyse.ok) throw new Error('hors format');
  return analyse.controles.map((controle) => controle.code);
};

describe('modèle de la grille financière', () => {
  it('exemple officiel : F = 220 000 € et aucun contrôle (001 · annexe 5)', () => {
    const analyse = analyser(exempleCalpae2023());
    expect(analyse.ok).toBe(true);
    if (!analyse.ok) return;
    expect(analyse.totaux.actions.get('4.1')?.previsionnel.total).toBe(22_000_000);
    expect(analyse.controles).toEqual([]);
  });

  it('C passé à 90 000 € : PARITE_ACTION et PARITE_CONVENTION, sur les cellules A et C de 4.1', () => {
    const saisies = appliquerSaisie({}, '4.1', 'previsionnel.cd', lireTexte('90 000'));
    expect(codes(saisies)).toEqual(['PARITE_ACTION', 'PARITE_CONVENTION']);
    const analyse = analyser(documentCourant(exempleCalpae2023(), saisies, colonnes));
    if (!analyse.ok) throw new Error('hors format');
    expect(
      controlesDeCellule(analyse.controles, '4.1', 'previsionnel.cd').map(({ controle }) => controle.code),
    ).toEqual(['PARITE_ACTION', 'PARITE_CONVENTION']);
    expect(controlesDeCellule(analyse.controles, '4.1', 'previsionnel.report_cd')).toEqual([]);
    // Total recalculé : 100 000 + 10 000 + 90 000 + 10 000 + 0.
    expect(analyse.totaux.general.previsionnel.total).toBe(21_000_000);
  });

  it('un montant illisible reste saisi tel quel et devient MONTANT_INVALIDE (rien ne se perd)', () => {
    const saisies = appliquerSaisie({}, '4.1', 'previsionnel.autres', lireTexte('12,345'));
    expect(saisiesInvalides(saisies)).toEqual([
      {
        numero: '4.1',
        id: 'previsionnel.autres',
        raison: expect.stringContaining('deux décimales') as string,
      },
    ]);
    expect(codes(saisies)).toContain('MONTANT_INVALIDE');
  });

  it('lignes modifiées : seulement celles qui diffèrent, montants en centimes', () => {
    const document = deuxActions();
    let saisies = appliquerSaisie({}, '4.3', 'previsionnel.cd', lireTexte('1 500,50'));
    saisies = appliquerSaisie(saisies, '4.1', 'previsionnel.etat', lireTexte('100000')); // inchangé
    expect(lignesModifiees(document, saisies, colonnes)).toEqual({
      ok: true,
      lignes: [
        {
          numero: '4.3',
          previsionnel: {
            etat: 2000000,
            report_etat: 0,
            cd: 150050,
            valorisation_cd: 0,
            report_cd: 0,
            autres: 500000,
          },
          execution: null,
        },
      ],
    });
  });

  it('refuse d’enregistrer tant qu’un montant est illisible', () => {
    const saisies = appliquerSaisie({}, '4.1', 'previsionnel.cd', lireTexte('abc'));
    expect(lignesModifiees(exempleCalpae2023(), saisies, colonnes)).toEqual({
      ok: false,
      raison: "1 montant(s) illisible(s) à corriger avant d'enregistrer.",
    });
  });

  it('une exécution saisie crée le bloc exécution, les autres colonnes à 0', () => {
    const saisies = appliquerSaisie({}, '4.1', 'execution.realise', lireTexte('180000'));
    const resultat = lignesModifiees(exempleCalpae2023(), saisies, colonnes);
    expect(resultat.ok && resultat.lignes[0]?.execution).toEqual({
      realise: 18000000,
      valorisation_cd: 0,
      a_reporter_etat: 0,
      a_reporter_cd: 0,
    });
  });

  it('colle un bloc à partir d’une cellule, formats mêlés, et saute la colonne calculée F', () => {
    const document = deuxActions();
    const numeros = document.actions.map((action) => action.numero);
    // Départ sur E (index 5 : A, B, C, dont valo, D, E, F…) : E puis F (calculée) puis Réalisé.
    const resultat = collerBloc({}, numeros, colonnes, { ligne: 0, colonne: 5 }, [
      ['1 234,56 €', '999', '1234.56'],
      ['2 000', '', '3,5'],
    ]);
    expect(resultat.ok).toBe(true);
    if (!resultat.ok) return;
    expect(resultat).toMatchObject({ cellules: 4, invalides: 0, calculeesIgnorees: 1 });
    expect(resultat.saisies['4.1']?.['previsionnel.autres']).toEqual({ ok: true, centimes: 123456 });
    expect(resultat.saisies['4.1']?.['execution.realise']).toEqual({ ok: true, centimes: 123456 });
    expect(resultat.saisies['4.3']?.['previsionnel.autres']).toEqual({ ok: true, centimes: 200000 });
    expect(resultat.saisies['4.3']?.['execution.realise']).toEqual({ ok: true, centimes: 350 });
  });

  it('refuse tout un bloc qui dépasse le tableau', () => {
    const resultat = collerBloc({}, ['4.1', '4.3'], colonnes, { ligne: 1, colonne: 9 }, [
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(resultat).toEqual({
      ok: false,
      raison:
        "Le bloc collé (2 × 3) dépasse le tableau à partir de cette cellule (1 ligne de trop, 1 colonne de trop) : rien n'a été collé.",
    });
  });

  it('rangées CALPAE : actions par mesure, sous-totaux, socle, initiatives, totaux, contrôle', () => {
    const document = deuxActions();
    const analyse = analyser(document);
    if (!analyse.ok) throw new Error('hors format');
    const rangees = organiserRangees(CADRES['calpae-2023'], document.actions, analyse.totaux);
    expect(rangees.map((r) => (r.type === 'action' ? r.action.numero : r.libelle))).toEqual([
      '4.1',
      expect.stringMatching(/^Sous-total — .*orientation/) as string,
      '4.3',
      expect.stringMatching(/^Sous-total — .*obilit/) as string,
      'Sous-total engagements des mesures socle',
      "Sous-total engagements à l'initiative du département",
      'Totaux financiers',
      'Total de contrôle',
    ]);
    const general = rangees.find((r) => r.type === 'total' && r.libelle === 'Totaux financiers');
    // 220 000 + (20 000 + 5 000) = 245 000 €.
    expect(general?.type === 'total' && general.ligne.previsionnel.total).toBe(24_500_000);
  });
  it('rangées CALPAE : les initiatives n’ont qu’un sous-total, celui du groupe (001 · annexe 9)', () => {
    const base = deuxActions();
    const initiative = {
      ...(base.actions[1] as (typeof base.actions)[number]),
      numero: '5.1',
      intitule: 'Initiative locale',
      mesure: 'initiatives_departementales',
    };
    const document = { ...base, actions: [...base.actions, initiative] };
    const analyse = analyser(document);
    if (!analyse.ok) throw new Error('hors format');
    const rangees = organiserRangees(CADRES['calpae-2023'], document.actions, analyse.totaux);
    const libelles = rangees.map((r) => (r.type === 'action' ? r.action.numero : r.libelle));
    expect(libelles.slice(libelles.indexOf('Sous-total engagements des mesures socle'))).toEqual([
      'Sous-total engagements des mesures socle',
      '5.1',
      "Sous-total engagements à l'initiative du département",
      'Totaux financiers',
      'Total de contrôle',
    ]);
    const groupe = rangees.find((r) => r.type === 'total' && r.libelle.includes("l'initiative"));
    // L'initiative reprend les montants de l'action 4.3 : 20 000 € État + 5 000 € autres.
    expect(groupe?.type === 'total' && groupe.ligne.previsionnel.total).toBe(2_500_000);
  });
});
