import { construireElementsChorus } from './construire.ts';
import type { LigneChorus } from './construire.ts';
import type { ReferentielChorus } from './types.ts';

/**
 * Référentiel d'activité Chorus — Annexe 8 de l'instruction du 12 février 2020 (000), recopié ligne à ligne, libellés abrégés compris
 * (« Inclus°ScialeProtPer »). Ne pas corriger les coquilles : ce sont les libellés officiels.
 */
const LIGNES: readonly LigneChorus[] = [
  ['OS', '030450', 'Inclus°ScialeProtPer', 'Inclusion sociale et protection des personnes'],
  ['OP', '03045019', 'SNPLP', 'Prévention et lutte contre la pauvreté des enfants'],
  ['OB', '0304501919', 'Contract°CD&métros', 'Mesures relevant de la contractualisa° avec les CT'],
  ['ACT', '030450191901', 'Acc sorties ASE', "Accompagnement des jeunes sortant de l'ASE", '0304-19-01'],
  ['ACT', '030450191902', 'Format° trav soc CD', 'Formation travail social CD contract', '0304-19-01'],
  ['ACT', '030450191903', '1er accueil social', '1er accueil social inconditionnel', '0304-19-01'],
  ['ACT', '030450191904', 'Référents parcours', 'Référents de parcours', '0304-19-01'],
  [
    'ACT',
    '030450191905',
    'Maraudes mixtes',
    'MaraudesEtat(sans abri)/conseil département (ASE)',
    '0304-19-01',
  ],
  [
    'ACT',
    '030450191906',
    'Prévent°Spé contract',
    'Soutien à des actions de prévention spécialisée',
    '0304-19-01',
  ],
  ['ACT', '030450191907', 'GA / Insertion BRSA', "Garantie d'activité et insertion des BRSA", '0304-19-01'],
  ['ACT', '030450191908', 'FAPI', 'FAPI', '0304-19-01'],
  ['ACT', '030450191910', 'Initiatives locales', 'Initiatives locales', '0304-19-01'],
  [
    'ACT',
    '030450191911',
    'Petite enfance',
    'Formation des professionnels de la petite enfance',
    '0304-19-01',
  ],
  ['ACT', '030450191912', 'Bassin minier', 'Bassin minier', '0304-19-01'],
  ['ACT', '030450191913', 'Outre-mer', 'Outre-mer', '0304-19-01'],
  ['OB', '0304501920', 'Investisst social', "Mesures d'investissement social (hors contract)"],
  ['ACT', '030450192001', "Petits-déj à l'école", "Petits-déjeuners à l'école", '0304-19-02'],
  ['ACT', '030450192002', 'Tarif° soc cantines', 'Tarifcation sociale cantines', '0304-19-02'],
  [
    'ACT',
    '030450192003',
    'Form° pro petite enf',
    'Formation des professionnels de la petite enfance',
    '0304-19-02',
  ],
  ['ACT', '030450192004', 'Généralisation PCB', 'Généralisation des points conseil budget', '0304-19-02'],
  [
    'ACT',
    '030450192005',
    'Centre nat trav soc',
    'Centre national ressources en travail social HCTS',
    '0304-19-02',
  ],
  ['ACT', '030450192006', 'Pilotage contract', 'Gouvernance/pilotage contractualisation', '0304-19-02'],
  [
    'ACT',
    '030450192007',
    'Forma°TS HorsContrac',
    'Formation des travailleurs sociaux hors contract',
    '0304-19-02',
  ],
  ['ACT', '030450192008', 'Subventions', 'Subventions', '0304-19-02'],
  ['ACT', '030450192009', 'Prévent° délinquance', 'Prévention de la délinquance', '0304-19-02'],
  ['OB', '0304501921', 'Contract régions', 'Contractualisation avec les régions'],
  ['ACT', '030450192101', 'Contract régions', 'Contractualisation avec les régions', '0304-19-03'],
  ['OB', '0304501922', 'Contract métropoles', 'Contractualisation avec les métropoles'],
  ['ACT', '030450192201', 'Contract métropoles', 'Contractualisation avec les métropoles', '0304-19-04'],
  ['OB', '0304501923', 'Marge de man. terr.', 'Marge de manœuvre territoriale'],
  ['ACT', '030450192301', 'Petite enfance', 'Petite enfance', '0304-19-05'],
  ['ACT', '030450192302', 'Santé', 'Santé', '0304-19-05'],
  ['ACT', '030450192303', 'Insertion emploi', 'Insertion emploi', '0304-19-05'],
  ['ACT', '030450192304', 'Accès aux droits', 'Accès aux droits', '0304-19-05'],
  ['ACT', '030450192305', 'Jeunes', 'Jeunes', '0304-19-05'],
  ['ACT', '030450192306', 'Alimentation', 'Alimentation', '0304-19-05'],
  ['ACT', '030450192307', 'Divers', 'Divers', '0304-19-05'],
];

export const REFERENTIEL_CHORUS_000: ReferentielChorus = {
  code: 'chorus-000',
  libelle:
    "Liste des référentiels d'activité pour l'imputation des crédits de la stratégie nationale de prévention et de lutte contre la pauvreté",
  programme: 'Programme 0304 - Inclusion sociale et protection des personnes',
  elements: construireElementsChorus(LIGNES, '000 · annexe 8'),
  source: '000 · annexe 8',
};
