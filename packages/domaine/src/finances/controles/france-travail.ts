import type { NatureDepense } from '../../convention/schema.ts';
import { formaterEuros as euros, somme } from '../../montant.ts';
import { totalF } from '../lignes.ts';
import type { Verification } from './types.ts';

/**
 * COFINANCEMENT_VOLET2 (003 · III.2 : « Un cofinancement à hauteur de 50 % de la part du département est fixé
 * sur la globalité des actions du volet 2 » ; annexe 7 art. 3.3) : 2 × Σ (C + D) < Σ F sur le volet 2 (INT-FINANCES-22).
 */
export const verifierCofinancementVolet2: Verification = ({ actions }) => {
  const volet2 = actions.filter((action) => action.volet === 2);
  if (volet2.length === 0) return [];
  const partCd = somme(volet2.map(({ previsionnel: p }) => p.cd + p.report_cd));
  const cout = somme(volet2.map(({ previsionnel: p }) => totalF(p)));
  if (2 * partCd >= cout) return [];
  const requis = Math.ceil(cout / 2);
  return [
    {
      actions: volet2.map((action) => action.numero),
      message:
        `Volet 2 : part du département (C + D = ${euros(partCd)}) inférieure à 50 % du coût total des actions ` +
        `(${euros(cout)}) ; il faut au moins ${euros(requis)}, soit ${euros(requis - partCd)} de plus.`,
    },
  ];
};

/**
 * Natures de dépense non éligibles au financement de l'État (003 · annexe 7 art. 4.2 ; annexe 2 § 3.a ; II.2).
 * `developpement_si` est l'exception éligible aux dépenses d'investissement.
 */
export const NATURES_INELIGIBLES: Readonly<Partial<Record<NatureDepense, string>>> = {
  frais_generaux: 'frais généraux (fournitures, reprographie, locations de salles, équipement…)',
  frais_mission: 'frais de mission (déplacements, hébergement, restauration)',
  prestation_evaluation: 'prestation d’évaluation',
  prestation_formation: 'prestation de formation',
  prestation_gestion_projet: 'prestation de gestion de projet',
  investissement: 'investissement hors développement informatique',
  conseiller_relation_entreprise: 'conseiller relation entreprise',
  cofinancement_caom: 'cofinancement IAE ou contrats aidés relevant d’une CAOM',
};

/** DEPENSE_INELIGIBLE : une entrée par action ; `nature_depense` absente = non jugée (INT-FINANCES-23). */
export const verifierDepenseIneligible: Verification = ({ actions }) =>
  actions.flatMap(({ numero, natureDepense }) => {
    const libelle = natureDepense === undefined ? undefined : NATURES_INELIGIBLES[natureDepense];
    if (libelle === undefined) return [];
    return [
      {
        actions: [numero],
        message:
          `Action ${numero} : dépense « ${natureDepense} » (${libelle}) non éligible au financement de l’État ; ` +
          `la financer sur les moyens propres du département ou la retirer du plan de financement.`,
      },
    ];
  });
