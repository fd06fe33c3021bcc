import type { Cible, CodeIndicateurMoteur, Indicateur, NatureIndicateur } from './types.ts';

/**
 * Définitions communes des indicateurs d'insertion calculés par le moteur (codes de
 * shared/specs/parcours-rsa-v1.md § 2). Chaque cadre les reprend avec son libellé officiel et sa source.
 */
interface Modele {
  readonly nature: NatureIndicateur;
  readonly definition: string;
  readonly mesure: 'insertion_orientation' | 'garantie_activite';
}

const MODELES: Readonly<Record<CodeIndicateurMoteur, Modele>> = {
  nouveaux_entrants: {
    nature: 'flux',
    mesure: 'insertion_orientation',
    definition:
      "Personnes distinctes qui, dans l'année, ont un droit versable, deviennent (ou redeviennent) soumises aux droits et devoirs sans l'être le mois précédent, et n'ont pas de suivi en cours (orientation ou référent).",
  },
  nouveaux_entrants_orientes: {
    nature: 'flux',
    mesure: 'insertion_orientation',
    definition: "Nouveaux entrants dont l'orientation est notifiée au plus tard le dernier jour de l'année.",
  },
  nouveaux_entrants_orientes_hors_france_travail: {
    nature: 'flux',
    mesure: 'insertion_orientation',
    definition:
      'Nouveaux entrants orientés dans l’année vers un organisme autre que Pôle emploi / France Travail (parcours social ou socio-professionnel).',
  },
  orientes_1_mois: {
    nature: 'delai',
    mesure: 'insertion_orientation',
    definition:
      "Nouveaux entrants dont l'orientation est notifiée moins d'un mois calendaire après la réception par le département de la notification CAF/MSA (T0).",
  },
  orientes_15_jours: {
    nature: 'delai',
    mesure: 'insertion_orientation',
    definition:
      "Nouveaux entrants dont l'orientation est notifiée moins de 15 jours après la réception par le département de la notification CAF/MSA (T0) : T0 le 01/03, orientation avant le 16/03.",
  },
  premiers_rdv: {
    nature: 'flux',
    mesure: 'insertion_orientation',
    definition:
      "Nouveaux entrants orientés hors Pôle emploi / France Travail ayant un premier rendez-vous d'accompagnement fixé avec leur référent après l'orientation.",
  },
  premiers_rdv_2_semaines: {
    nature: 'delai',
    mesure: 'insertion_orientation',
    definition:
      "Parmi eux, premier rendez-vous d'accompagnement fixé deux semaines au plus après la date d'orientation.",
  },
  premiers_cer: {
    nature: 'flux',
    mesure: 'insertion_orientation',
    definition:
      "Premiers contrats d'engagements réciproques signés par des nouveaux entrants orientés hors Pôle emploi / France Travail (renouvellements exclus).",
  },
  premiers_cer_2_mois: {
    nature: 'delai',
    mesure: 'insertion_orientation',
    definition:
      'Parmi eux, premier CER signé dans les deux mois qui suivent la réception de la notification CAF/MSA par le département (le guide prime sur le tableau, spec parcours-rsa-v1 § 3).',
  },
  ga_orientes: {
    nature: 'flux',
    mesure: 'garantie_activite',
    definition:
      "Nouveaux entrants de l'année orientés vers la garantie d'activité départementale (offre intensive issue d'un appel à projets ou d'un marché), accompagnement global exclu.",
  },
  ga_en_cours: {
    nature: 'stock',
    mesure: 'garantie_activite',
    definition:
      "Allocataires (entrants et existants) en cours d'accompagnement par la garantie d'activité départementale au 31 décembre.",
  },
  ag_orientes: {
    nature: 'flux',
    mesure: 'garantie_activite',
    definition:
      "Allocataires entrés dans l'année en accompagnement global (binôme conseiller Pôle emploi / travailleur social du département).",
  },
  ag_en_cours: {
    nature: 'stock',
    mesure: 'garantie_activite',
    definition: "Allocataires en cours d'accompagnement global au 31 décembre.",
  },
  ag_par_conseiller: {
    nature: 'moyenne',
    mesure: 'garantie_activite',
    definition:
      "Nombre moyen de personnes suivies par conseiller Pôle emploi dédié à l'accompagnement global, à la date de remontée.",
  },
  ag_delai_moyen_jours: {
    nature: 'moyenne',
    mesure: 'garantie_activite',
    definition:
      "Temps moyen, en jours, entre la proposition d'accompagnement global par un conseiller ou un travailleur social et son démarrage effectif.",
  },
};

export interface Reprise {
  readonly libelle: string;
  readonly rubrique: string;
  readonly source: string;
  readonly obligatoire?: boolean;
  readonly cible?: Cible;
  /** Précision propre au cadre, ajoutée à la définition commune. */
  readonly precision?: string;
}

/** Un indicateur d'insertion calculé par le moteur, tel que le cadre le nomme. */
export function indicateurMoteur(code: CodeIndicateurMoteur, reprise: Reprise): Indicateur {
  const modele = MODELES[code];
  return {
    code,
    libelle: reprise.libelle,
    rubrique: reprise.rubrique,
    definition:
      reprise.precision === undefined ? modele.definition : `${modele.definition} ${reprise.precision}`,
    nature: modele.nature,
    obligatoire: reprise.obligatoire ?? true,
    mesure: modele.mesure,
    calculable: true,
    ...(reprise.cible === undefined ? {} : { cible: reprise.cible }),
    source: reprise.source,
  };
}

/** Cibles écrites dans les textes. */
export const CIBLES = {
  orientation1Mois: (source: string): Cible => ({
    texte: "Objectif = 100% d'orientations notifiées en moins d'un mois.",
    valeur: 100,
    unite: 'pourcentage',
    comparaison: 'egal',
    portee: 'part des nouveaux entrants orientés en un mois et moins',
    source,
  }),
  rdv2Semaines: (source: string): Cible => ({
    texte: "Objectif : 100% de 1er RDV d'accompagnement à moins de deux semaines fixés.",
    valeur: 100,
    unite: 'pourcentage',
    comparaison: 'egal',
    portee: 'part des premiers rendez-vous fixés à deux semaines ou moins',
    source,
  }),
  cer2Mois: (source: string): Cible => ({
    texte: 'Objectif : 100% de CER signés en moins de deux mois.',
    valeur: 100,
    unite: 'pourcentage',
    comparaison: 'egal',
    portee: 'part des premiers CER signés dans les deux mois',
    source,
  }),
  agParConseiller: (texte: string, source: string, comparaison: Cible['comparaison'] = 'au_plus'): Cible => ({
    texte,
    valeur: 70,
    unite: 'personnes',
    comparaison,
    portee: 'personnes suivies par binôme Pôle emploi / département',
    source,
  }),
  agDelai: (texte: string, source: string): Cible => ({
    texte,
    valeur: 21,
    unite: 'jours',
    comparaison: 'moins_de',
    portee: "délai moyen de démarrage de l'accompagnement global (3 semaines)",
    source,
  }),
  agEntrees: (source: string): Cible => ({
    texte:
      "d'a minima 100 nouvelles personnes accompagnées par binôme Pôle emploi / département (objectif annuel commun)",
    valeur: 100,
    unite: 'personnes',
    comparaison: 'au_moins',
    portee: "entrées de l'année en accompagnement global par binôme",
    source,
  }),
} as const;
