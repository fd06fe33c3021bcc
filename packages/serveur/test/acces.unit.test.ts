import { describe, expect, it } from 'vitest';
import type { Collectivite, StatutConvention } from '@jalon/schemas';
import { droitsSur, perimetreDe } from '../src/acces/politique.ts';
import type { CompteEnregistre } from '../src/depots/ports.ts';

const compte = (surcharge: Partial<CompteEnregistre>): CompteEnregistre => ({
  id: 1,
  identifiant: 'x',
  nom: 'x',
  role: 'departement_agent',
  hashMotDePasse: '',
  collectiviteId: null,
  departement: null,
  region: null,
  actif: true,
  ...surcharge,
});

const D44: Collectivite = {
  id: 'departement:44',
  type: 'departement',
  code: '44',
  nom: 'LA',
  departement: '44',
  region: '52',
};
const D37: Collectivite = {
  id: 'departement:37',
  type: 'departement',
  code: '37',
  nom: 'IL',
  departement: '37',
  region: '24',
};
const LYON: Collectivite = {
  id: 'metropole:69M',
  type: 'metropole',
  code: '69M',
  nom: 'Lyon',
  departement: '69',
  region: '84',
};

describe('politique d’accès (issue « Plateforme » § 5, INT-PLATEFORME-1 et 2)', () => {
  const agent44 = compte({ role: 'departement_agent', collectiviteId: 'departement:44' });
  const valideur44 = compte({ role: 'departement_valideur', collectiviteId: 'departement:44' });
  const ddets44 = compte({ role: 'ddets', departement: '44' });
  const ddets69 = compte({ role: 'ddets', departement: '69' });
  const commissaire52 = compte({ role: 'commissaire', region: '52' });
  const national = compte({ role: 'national' });

  // Tableau écrit à la main depuis l'issue : [compte, collectivité, statut, lire, modifier, deposer, valider,
  // saisir_execution].
  const cas: [
    string,
    CompteEnregistre,
    Collectivite,
    StatutConvention,
    boolean,
    boolean,
    boolean,
    boolean,
    boolean,
  ][] = [
    ['agent chez lui, brouillon', agent44, D44, 'brouillon', true, true, false, false, true],
    ['agent chez lui, en négociation', agent44, D44, 'en_negociation', true, true, false, false, true],
    [
      'agent chez lui, validée conjointement',
      agent44,
      D44,
      'validee_conjointement',
      true,
      false,
      false,
      false,
      false,
    ],
    ['agent ailleurs', agent44, D37, 'brouillon', false, false, false, false, false],
    ['valideur chez lui, en négociation', valideur44, D44, 'en_negociation', true, true, true, false, true],
    ['valideur chez lui, signée', valideur44, D44, 'signee', true, false, false, false, false],
    ['DDETS chez elle, en négociation', ddets44, D44, 'en_negociation', true, false, false, true, false],
    ['DDETS chez elle, brouillon', ddets44, D44, 'brouillon', true, false, false, false, false],
    [
      'DDETS chez elle, validée conjointement',
      ddets44,
      D44,
      'validee_conjointement',
      true,
      false,
      false,
      false,
      false,
    ],
    ['DDETS ailleurs, en négociation', ddets44, D37, 'en_negociation', false, false, false, false, false],
    ['DDETS du Rhône et Métropole de Lyon', ddets69, LYON, 'en_negociation', true, false, false, true, false],
    ['commissaire de la région', commissaire52, D44, 'en_negociation', true, false, false, false, false],
    ['commissaire d’une autre région', commissaire52, D37, 'brouillon', false, false, false, false, false],
    ['national', national, D37, 'en_negociation', true, false, false, false, false],
  ];
  it.each(cas)('%s', (_nom, c, collectivite, statut, lire, modifier, deposer, valider, saisir_execution) => {
    expect(droitsSur(c, collectivite, statut)).toEqual({
      lire,
      modifier,
      deposer,
      valider,
      saisir_execution,
    });
  });

  it('compte inactif ou incomplet : aucun périmètre (refus par défaut)', () => {
    expect(perimetreDe({ ...agent44, actif: false })).toBeUndefined();
    expect(perimetreDe(compte({ role: 'departement_agent' }))).toBeUndefined();
    expect(perimetreDe(compte({ role: 'ddets' }))).toBeUndefined();
    expect(perimetreDe(compte({ role: 'commissaire' }))).toBeUndefined();
    expect(droitsSur({ ...national, actif: false }, D44, 'brouillon').lire).toBe(false);
  });
});

describe('droit « saisir_execution » : rôle × statut (INT-SAISIE-EXECUTION-1)', () => {
  const comptes = {
    agent: compte({ role: 'departement_agent', collectiviteId: 'departement:44' }),
    valideur: compte({ role: 'departement_valideur', collectiviteId: 'departement:44' }),
    ddets: compte({ role: 'ddets', departement: '44' }),
    commissaire: compte({ role: 'commissaire', region: '52' }),
    national: compte({ role: 'national' }),
  };
  // Écrit à la main : O = saisit l'exécution, . = non. Colonnes dans l'ordre du cycle (issue 6 § 1) :
  // brouillon, en_negociation, validee_conjointement, deliberee, signee, en_execution, rapport_depose,
  // analysee, cloturee. Brouillon et négociation : par `modifier` ; en exécution : seul ; rapport déposé : figé.
  const statuts: StatutConvention[] = [
    'brouillon',
    'en_negociation',
    'validee_conjointement',
    'deliberee',
    'signee',
    'en_execution',
    'rapport_depose',
    'analysee',
    'cloturee',
  ];
  const attendu: Record<keyof typeof comptes, string> = {
    agent: 'OO...O...',
    valideur: 'OO...O...',
    ddets: '.........',
    commissaire: '.........',
    national: '.........',
  };
  const cas = Object.entries(attendu).flatMap(([role, ligne]) =>
    statuts.map((statut, i) => [role as keyof typeof comptes, statut, ligne[i] === 'O'] as const),
  );
  it.each(cas)('%s, %s : %s', (role, statut, saisir) => {
    expect(droitsSur(comptes[role], D44, statut).saisir_execution).toBe(saisir);
  });

  it('en exécution, la collectivité saisit le réalisé sans pouvoir modifier ni déposer', () => {
    expect(droitsSur(comptes.valideur, D44, 'en_execution')).toEqual({
      lire: true,
      modifier: false,
      deposer: false,
      valider: false,
      saisir_execution: true,
    });
  });

  it('hors de son territoire, aucune saisie (même en exécution)', () => {
    expect(droitsSur(comptes.agent, D37, 'en_execution').saisir_execution).toBe(false);
  });
});
