import type { CodeCadre } from '@jalon/referentiels';
import type { RolePilotage } from '../acteur.ts';
import type { EtatAvenant, EtatConvention } from './etats.ts';

/** Les deux parties cocontractantes qui valident les fiches actions (001 · annexe 4 § 2). */
export type Partie = 'collectivite' | 'etat';

/** Les signataires d'une convention ou d'un avenant. */
export type Signataire = 'president_collectivite' | 'prefet_departement' | 'prefet_region';

export const CODES_TRANSITION = [
  'ouvrir_negociation',
  'valider_fiches',
  'valider_conjointement',
  'rouvrir_negociation',
  'deliberer',
  'signer',
  'demarrer_execution',
  'deposer_rapport',
  'deposer_note_analyse',
  'analyser_bilan_final',
  'cloturer',
  'denoncer',
  'ouvrir_avenant',
  'valider_avenant',
  'deliberer_avenant',
  'signer_avenant',
] as const;
export type CodeTransition = (typeof CODES_TRANSITION)[number];

export const CODES_PREREQUIS = [
  'fiches_presentes',
  'fiches_validees_conjointement',
  'aucun_controle_bloquant',
  'periode_commencee',
  'periode_terminee',
  'execution_saisie',
  'note_analyse_redigee',
  'aucun_avenant_en_cours',
] as const;
export type CodePrerequis = (typeof CODES_PREREQUIS)[number];

/**
 * Une transition, en données : d'où elle part, où elle mène, qui peut la déclencher, ce qu'elle exige.
 * `mode` :
 * - `simple` : un acteur autorisé suffit ;
 * - `validation_fiches` : l'acteur valide des fiches au nom de sa partie (l'état ne change pas) ;
 * - `signature` : chaque signataire signe ; l'état change à la dernière signature.
 */
export interface DefinitionTransition {
  readonly code: CodeTransition;
  readonly libelle: string;
  /** États de la convention où la transition est offerte. */
  readonly etats: readonly EtatConvention[];
  /** Nouvel état de la convention ; `null` : inchangé. */
  readonly vers: EtatConvention | null;
  /** Transition d'un avenant : état de l'avenant en cours (`null` : aucun, l'avenant est créé) et état visé. */
  readonly avenant?: { readonly de: EtatAvenant | null; readonly vers: EtatAvenant };
  readonly roles: readonly RolePilotage[];
  readonly mode: 'simple' | 'validation_fiches' | 'signature';
  /** La transition porte la date d'un acte (jour de délibération ou de signature), par défaut aujourd'hui. */
  readonly date?: 'deliberation' | 'signature';
  /** Un motif écrit est exigé. */
  readonly motif?: boolean;
  readonly prerequis: readonly CodePrerequis[];
  /** Sur le chemin principal du parcours (pour « prochaine étape »). */
  readonly principale: boolean;
  readonly source: string;
}

export interface DefinitionSignataire {
  readonly signataire: Signataire;
  readonly libelle: string;
  readonly roles: readonly RolePilotage[];
  readonly source: string;
}

/** Le cycle de vie d'un cadre : libellés des états, signataires, parties, transitions. */
export interface CycleDeVie {
  readonly libellesEtats: Readonly<Record<EtatConvention, string>>;
  readonly signataires: readonly DefinitionSignataire[];
  /** Rôles qui valident les fiches au nom de chaque partie. */
  readonly parties: Readonly<Record<Partie, readonly RolePilotage[]>>;
  readonly transitions: readonly DefinitionTransition[];
}

const LIBELLES_COMMUNS: Readonly<Record<EtatConvention, string>> = {
  brouillon: 'Brouillon',
  en_negociation: 'En négociation',
  validee_conjointement: 'Fiches actions validées conjointement',
  deliberee: 'Délibérée',
  signee: 'Signée',
  en_execution: 'En exécution',
  rapport_depose: "Rapport d'exécution déposé",
  analysee: 'Analysée (note du commissaire)',
  cloturee: 'Clôturée',
};

/** Le valideur de la collectivité enregistre les actes de l'exécutif départemental (INT-PILOTAGE-1). */
const COLLECTIVITE: readonly RolePilotage[] = ['departement_valideur'];
const DEUX_PARTIES: readonly RolePilotage[] = ['departement_valideur', 'ddets'];

const PRESIDENT: DefinitionSignataire = {
  signataire: 'president_collectivite',
  libelle: 'Président du conseil départemental',
  roles: COLLECTIVITE,
  source: '001 · annexe 7 (signatures) ; 000 · annexe 7-1',
};
const PREFET: DefinitionSignataire = {
  signataire: 'prefet_departement',
  libelle: 'Préfet de département',
  roles: ['ddets'],
  source: '001 · annexe 7 (signatures) ; 000 · annexe 7-1',
};

const SIGNATAIRES_CALPAE: readonly DefinitionSignataire[] = [PRESIDENT, PREFET];

/** 003 · III.4.b : « signées entre le préfet de département, le président du conseil départemental et le préfet de région ». */
const SIGNATAIRES_FRANCE_TRAVAIL: readonly DefinitionSignataire[] = [
  { ...PRESIDENT, source: '003 · III.4.b' },
  { ...PREFET, source: '003 · III.4.b' },
  {
    signataire: 'prefet_region',
    libelle: 'Préfet de région (responsable du BOP 102)',
    // Le compte régional de l'État (commissaire / DREETS) enregistre la signature du préfet de région (INT-PILOTAGE-2).
    roles: ['commissaire'],
    source: '003 · III.4.b',
  },
];

const rolesSignataires = (signataires: readonly DefinitionSignataire[]): RolePilotage[] => [
  ...new Set(signataires.flatMap((s) => s.roles)),
];

/** Transitions d'avenant, communes (001 · annexe 4 § 2 ; 000 · annexe 5 § 2 ; 003 · III.2 pour le volet 3). */
function transitionsAvenant(
  signataires: readonly DefinitionSignataire[],
  source: string,
): DefinitionTransition[] {
  const etats: readonly EtatConvention[] = ['signee', 'en_execution'];
  return [
    {
      code: 'ouvrir_avenant',
      libelle: 'Ouvrir un avenant',
      etats,
      vers: null,
      avenant: { de: null, vers: 'en_negociation' },
      roles: DEUX_PARTIES,
      mode: 'simple',
      motif: true,
      prerequis: ['aucun_avenant_en_cours'],
      principale: false,
      source,
    },
    {
      code: 'valider_avenant',
      libelle: "Valider conjointement l'avenant et ses fiches actions",
      etats,
      vers: null,
      avenant: { de: 'en_negociation', vers: 'validee_conjointement' },
      roles: DEUX_PARTIES,
      mode: 'simple',
      prerequis: ['aucun_controle_bloquant'],
      principale: false,
      source: `${source} ; 001 · annexe 4 § 2 (fiches validées conjointement)`,
    },
    {
      code: 'deliberer_avenant',
      libelle: "Enregistrer la délibération sur l'avenant",
      etats,
      vers: null,
      avenant: { de: 'validee_conjointement', vers: 'deliberee' },
      roles: COLLECTIVITE,
      mode: 'simple',
      date: 'deliberation',
      prerequis: ['aucun_controle_bloquant'],
      principale: false,
      source: `${source} (délibération en commission permanente ou assemblée délibérante)`,
    },
    {
      code: 'signer_avenant',
      libelle: "Signer l'avenant",
      etats,
      vers: null,
      avenant: { de: 'deliberee', vers: 'signee' },
      roles: rolesSignataires(signataires),
      mode: 'signature',
      date: 'signature',
      prerequis: ['aucun_controle_bloquant'],
      principale: false,
      source: `${source} ; 001 · annexe 4 § 2 (« un avenant ne peut être rétroactif »)`,
    },
  ];
}

const CALPAE: CycleDeVie = {
  libellesEtats: LIBELLES_COMMUNS,
  signataires: SIGNATAIRES_CALPAE,
  parties: { collectivite: COLLECTIVITE, etat: ['ddets'] },
  transitions: [
    {
      code: 'ouvrir_negociation',
      libelle: 'Ouvrir la négociation',
      etats: ['brouillon'],
      vers: 'en_negociation',
      roles: ['departement_agent', 'departement_valideur', 'ddets'],
      mode: 'simple',
      prerequis: [],
      principale: true,
      source: '001 · I.3 (négociation par les préfets et les commissaires) ; annexe 4 § 2',
    },
    {
      code: 'valider_fiches',
      libelle: 'Valider des fiches actions',
      etats: ['en_negociation'],
      vers: null,
      roles: DEUX_PARTIES,
      mode: 'validation_fiches',
      prerequis: ['fiches_presentes'],
      principale: false,
      source: '001 · annexe 4 § 2 (« validées conjointement par les deux parties cocontractantes »)',
    },
    {
      code: 'valider_conjointement',
      libelle: 'Constater la validation conjointe des fiches actions',
      etats: ['en_negociation'],
      vers: 'validee_conjointement',
      roles: DEUX_PARTIES,
      mode: 'simple',
      prerequis: ['fiches_presentes', 'fiches_validees_conjointement', 'aucun_controle_bloquant'],
      principale: true,
      source:
        "001 · annexe 4 § 2 (fiches validées conjointement « en amont de l'adoption de la convention ») ; annexe 4 (règles de gestion)",
    },
    {
      code: 'rouvrir_negociation',
      libelle: 'Rouvrir la négociation',
      etats: ['validee_conjointement'],
      vers: 'en_negociation',
      roles: DEUX_PARTIES,
      mode: 'simple',
      motif: true,
      prerequis: [],
      principale: false,
      source: '001 · annexe 4 § 2 (fiches coconstruites) — INT-PILOTAGE-3',
    },
    {
      code: 'deliberer',
      libelle: 'Enregistrer la délibération de la collectivité',
      etats: ['validee_conjointement'],
      vers: 'deliberee',
      roles: COLLECTIVITE,
      mode: 'simple',
      date: 'deliberation',
      prerequis: ['fiches_validees_conjointement', 'aucun_controle_bloquant'],
      principale: true,
      source: '001 · annexe 4 § 2 (« délibération en commission permanente ou assemblée délibérante »)',
    },
    {
      code: 'signer',
      libelle: 'Signer la convention',
      etats: ['deliberee'],
      vers: 'signee',
      roles: rolesSignataires(SIGNATAIRES_CALPAE),
      mode: 'signature',
      date: 'signature',
      prerequis: ['aucun_controle_bloquant'],
      principale: true,
      source: '001 · annexe 7 (signatures du président du conseil départemental et du préfet)',
    },
    {
      code: 'demarrer_execution',
      libelle: "Constater le début de l'exécution",
      etats: ['signee'],
      vers: 'en_execution',
      roles: DEUX_PARTIES,
      mode: 'simple',
      prerequis: ['periode_commencee'],
      principale: true,
      source: "001 · annexe 4, synthèse du calendrier (période d'exercice)",
    },
    {
      code: 'deposer_rapport',
      libelle: "Déposer le rapport d'exécution",
      etats: ['en_execution'],
      vers: 'rapport_depose',
      roles: COLLECTIVITE,
      mode: 'simple',
      prerequis: ['periode_terminee', 'execution_saisie', 'aucun_avenant_en_cours'],
      principale: true,
      source:
        "001 · annexe 4 § 1 (rapport d'exécution, tableau financier de l'exécution) ; 000 · annexe 5 § 1",
    },
    {
      code: 'deposer_note_analyse',
      libelle: "Déposer la note d'analyse du commissaire",
      etats: ['rapport_depose'],
      vers: 'analysee',
      roles: ['commissaire'],
      mode: 'simple',
      prerequis: ['note_analyse_redigee'],
      principale: true,
      source: "001 · annexe 4 § 2 (note d'analyse des commissaires) ; 000 · annexe 5 § 1",
    },
    {
      code: 'cloturer',
      libelle: 'Clôturer la convention',
      etats: ['analysee'],
      vers: 'cloturee',
      roles: ['commissaire', 'national'],
      mode: 'simple',
      prerequis: ['aucun_avenant_en_cours'],
      principale: true,
      source: '000 · annexe 5 § 2 (montant définitif arrêté par la DIPLP et la DGCS) — INT-PILOTAGE-4',
    },
    ...transitionsAvenant(SIGNATAIRES_CALPAE, '001 · annexe 4 § 2 ; 000 · annexe 5 § 2'),
  ],
};

const FRANCE_TRAVAIL: CycleDeVie = {
  libellesEtats: {
    ...LIBELLES_COMMUNS,
    validee_conjointement: "Plan d'action finalisé conjointement",
    rapport_depose: 'Bilan final déposé',
    analysee: "Bilan final d'exécution opéré par l'État",
  },
  signataires: SIGNATAIRES_FRANCE_TRAVAIL,
  parties: { collectivite: COLLECTIVITE, etat: ['ddets'] },
  transitions: CALPAE.transitions
    .filter((t) => t.code !== 'deposer_note_analyse' && t.avenant === undefined)
    .map((t): DefinitionTransition => {
      switch (t.code) {
        case 'ouvrir_negociation':
          return { ...t, source: '003 · III.4.b (« Le préfet propose l’engagement d’une négociation »)' };
        case 'valider_conjointement':
          return {
            ...t,
            libelle: "Constater la finalisation conjointe du plan d'action",
            source:
              '003 · III.4.c (conventions finalisées fin janvier 2024) ; 001 · annexe 4 § 2 par analogie',
          };
        case 'deliberer':
          return { ...t, source: '003 · III.4.c (« approbation en assemblée délibérante »)' };
        case 'signer':
          return { ...t, roles: rolesSignataires(SIGNATAIRES_FRANCE_TRAVAIL), source: '003 · III.4.b' };
        case 'demarrer_execution':
          return { ...t, source: '003 · III.4.a ; annexe 7 art. 2 (01/01/2024 – 31/12/2024)' };
        case 'deposer_rapport':
          return { ...t, libelle: 'Déposer le bilan final', source: '003 · annexe 7 art. 3.2 ; III.3' };
        case 'cloturer':
          return {
            ...t,
            roles: ['ddets', 'commissaire'],
            source: '003 · annexe 7 art. 3.3 (solde versé après le bilan final) — INT-PILOTAGE-4',
          };
        default:
          return t;
      }
    })
    .flatMap((t): DefinitionTransition[] =>
      t.code === 'deposer_rapport'
        ? [
            t,
            {
              code: 'analyser_bilan_final',
              libelle: "Opérer le bilan final d'exécution",
              etats: ['rapport_depose'],
              vers: 'analysee',
              roles: ['ddets'],
              mode: 'simple',
              prerequis: [],
              principale: true,
              source:
                '003 · III.3 (« bilan final d’exécution … opéré par les services de l’État, au niveau départemental »)',
            },
          ]
        : [t],
    )
    .concat([
      {
        code: 'denoncer',
        libelle: 'Dénoncer la convention',
        etats: ['signee', 'en_execution'],
        vers: 'cloturee',
        roles: ['departement_valideur', 'ddets', 'commissaire'],
        mode: 'simple',
        motif: true,
        prerequis: [],
        principale: false,
        source: '003 · III.4.a (« peuvent être dénoncées par l’une des parties signataires »)',
      },
      ...transitionsAvenant(SIGNATAIRES_FRANCE_TRAVAIL, '003 · III.2 (avenant volet 3)'),
    ]),
};

/** Le cycle de vie de chaque cadre. Un cadre nouveau ajoute sa ligne ici (TypeScript signale l'oubli). */
export const CYCLES_DE_VIE: Readonly<Record<CodeCadre, CycleDeVie>> = {
  'calpae-2020': CALPAE,
  'calpae-2022': CALPAE,
  'calpae-2023': CALPAE,
  'france-travail-2024': FRANCE_TRAVAIL,
};

export function trouverTransition(cycle: CycleDeVie, code: string): DefinitionTransition | undefined {
  return cycle.transitions.find((transition) => transition.code === code);
}
