import { expect } from 'vitest';
import { analyserConvention, type RapportFinancier, type ResultatControle } from '../src/index.ts';

/** Fabrique de documents `jalon.convention/1` pour les tests (montants en euros, comme dans le format). */
export interface ActionTest {
  numero: string;
  mesure: string;
  intitule?: string;
  code_chorus?: string;
  volet?: number;
  nature_depense?: string;
  previsionnel?: Partial<
    Record<'etat' | 'report_etat' | 'cd' | 'valorisation_cd' | 'report_cd' | 'autres', unknown>
  >;
  execution?: Partial<Record<'realise' | 'valorisation_cd' | 'a_reporter_etat' | 'a_reporter_cd', unknown>>;
  realise_exercice_precedent?: unknown;
  justification?: string;
  validee_par_commissaire?: boolean;
}

/** Code Chorus attendu des mesures CALPAE (spec § 1 ; 001 · annexe 10), recopié ici à la main. */
export const CHORUS: Record<string, string> = {
  sorties_ase: '030450191901',
  formation_travailleurs_sociaux: '030450191902',
  premier_accueil_social: '030450191903',
  referents_parcours: '030450191904',
  maraudes_mixtes: '030450191905',
  prevention_specialisee: '030450191906',
  insertion_orientation: '030450191907',
  garantie_activite: '030450191907',
  mobilite: '030450191907',
  numerique_insertion: '030450191907',
  petite_enfance: '030450191911',
  initiatives_departementales: '030450191910',
};

export function action(a: ActionTest): Record<string, unknown> {
  const document: Record<string, unknown> = {
    numero: a.numero,
    intitule: a.intitule ?? `Action ${a.numero}`,
    mesure: a.mesure,
    previsionnel: {
      etat: 0,
      report_etat: 0,
      cd: 0,
      valorisation_cd: 0,
      report_cd: 0,
      autres: 0,
      ...a.previsionnel,
    },
  };
  if (a.code_chorus !== undefined) document.code_chorus = a.code_chorus;
  else if (CHORUS[a.mesure] !== undefined && a.volet === undefined) document.code_chorus = CHORUS[a.mesure];
  if (a.volet !== undefined) document.volet = a.volet;
  if (a.nature_depense !== undefined) document.nature_depense = a.nature_depense;
  if (a.execution !== undefined) {
    document.execution = {
      realise: 0,
      valorisation_cd: 0,
      a_reporter_etat: 0,
      a_reporter_cd: 0,
      ...a.execution,
    };
  }
  if ('realise_exercice_precedent' in a) document.realise_exercice_precedent = a.realise_exercice_precedent;
  if (a.justification !== undefined) document.justification = a.justification;
  if (a.validee_par_commissaire !== undefined) document.validee_par_commissaire = a.validee_par_commissaire;
  return document;
}

export function convention(
  actions: readonly ActionTest[],
  autres: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    format: 'jalon.convention/1',
    cadre: 'calpae-2023',
    collectivite: { type: 'departement', code: '44' },
    exercice: 2023,
    regime: 'civil',
    duree_mois: 12,
    enveloppe_etat: 10_000_000,
    actions: actions.map(action),
    ...autres,
  };
}

export const conventionFranceTravail = (
  actions: readonly ActionTest[],
  autres: Record<string, unknown> = {},
) => convention(actions, { cadre: 'france-travail-2024', exercice: 2024, ...autres });

/** Analyse un document qui doit être au format ; échoue le test sinon. */
export function rapport(document: unknown): RapportFinancier {
  const analyse = analyserConvention(JSON.stringify(document));
  if (!analyse.ok) expect.fail(`document hors format : ${JSON.stringify(analyse.erreurs)}`);
  return analyse.rapport;
}

export const controles = (document: unknown, code?: string): ResultatControle[] =>
  rapport(document).controles.filter((controle) => code === undefined || controle.code === code);

export const codes = (document: unknown): string[] => controles(document).map((controle) => controle.code);
