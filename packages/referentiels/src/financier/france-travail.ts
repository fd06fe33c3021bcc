import type { LigneModeleFranceTravail, ModeleVoletFranceTravail, ModelesFinanciers } from './types.ts';

/**
 * Modèles financiers de la convention France Travail 2024 : « Plan de financement » (003 · annexe 7, son
 * annexe 2) et « Trame de bilan financier » (003 · annexe 7, son annexe 3), volet par volet. Libellés recopiés
 * (exemples du modèle compris : « Rémunération XX », « Structure XXX »), mise en forme (italique) retirée.
 * Dans la trame de bilan, l'en-tête de colonnes est répété en tête de chaque section.
 */
const PLAN = '003 · annexe 7, annexe 2 (plan de financement)';
const BILAN = '003 · annexe 7, annexe 3 (trame de bilan financier)';

const section = (libelle: string): LigneModeleFranceTravail => ({ type: 'section', libelle });
const total = (libelle: string): LigneModeleFranceTravail => ({ type: 'total', libelle });
const ligne = (
  champs: Omit<Extract<LigneModeleFranceTravail, { type: 'ligne' }>, 'type'>,
): LigneModeleFranceTravail => ({ type: 'ligne', ...champs });

const titrePlan = (volet: number): string[] => [
  `Construction du plan de financement - VOLET ${volet} - Période du 01/01/{aa} au 31/12/{aa}`,
  'PLAFOND DEPARTEMENT',
];
const COLONNES_PLAN_DEBUT = ['Nature de dépenses', 'Objet de la dépense', "Précisions sur l'action / objet"];
const groupesPlan = (cible: string) =>
  [
    {
      libelle: "Etat des lieux de l'existant",
      colonnes: [
        'Ressources existantes (ETP et volumes financiers)',
        cible,
        "Delta entre la cible et l'existant (en ETP et volumes financiers)",
      ],
    },
    {
      libelle: 'Construction du plan de financement',
      colonnes: [
        "Montant delta (en volume financier compte tenu d'une montée en charge progressive)",
        'Si source(s) de financement complémentaire identifiée(s) préciser (pilotes, redéploiement interne, FSE ...)',
      ],
    },
  ] as const;
const CIBLE_VOLETS_1_2 = 'Cible (besoins en ETP et volumes financiers)';
/** Le modèle du volet 3 écrit « besoins et ETP ou volumes financiers ». */
const CIBLE_VOLET_3 = 'Cible (besoins et ETP ou volumes financiers)';

const modelePlan = (
  volet: 1 | 2 | 3,
  cible: string,
  lignes: readonly LigneModeleFranceTravail[],
): ModeleVoletFranceTravail => {
  const groupes = groupesPlan(cible);
  return {
    volet,
    titres: titrePlan(volet),
    groupesColonnes: groupes,
    colonnes: [...COLONNES_PLAN_DEBUT, ...groupes.flatMap((groupe) => groupe.colonnes)],
    lignes,
    source: PLAN,
  };
};

const SOLUTIONS_COMPLEMENTAIRES =
  "Solutions d'accompagnement complémentaires (augmentation capacitaire, élargissement de périmètre, publics cibles spécifiques etc)";

export const PLAN_FINANCEMENT_FRANCE_TRAVAIL: readonly ModeleVoletFranceTravail[] = [
  modelePlan(1, CIBLE_VOLETS_1_2, [
    section('Renforcement des équipes locales CD'),
    ligne({ nature: 'ETP CD', objet: 'Ingénierie (chefferie de projet)', mesure: 'chefferie_projet' }),
    ligne({ nature: 'Autre' }),
    total('Total ETP CD'),
    section('Développement SI'),
    ligne({
      nature: 'Dépenses CD',
      objet: "Paramétrage SI en vue de l'interconnexion",
      mesure: 'developpement_si',
    }),
    total('Total'),
    total('TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 1 :'),
  ]),
  modelePlan(2, CIBLE_VOLETS_1_2, [
    section("Etoffer l'offre de solutions locales"),
    ligne({
      nature: "Intensification de l'accompagnement des allocataires du RSA",
      objet: SOLUTIONS_COMPLEMENTAIRES,
      precision: 'Action 1',
      mesure: 'intensification_accompagnement',
    }),
    ligne({ precision: 'Action 2', mesure: 'intensification_accompagnement' }),
    ligne({ precision: 'Action 3 ...', mesure: 'intensification_accompagnement' }),
    ligne({ objet: "ETP d'accompagnement (CD, PE...)", mesure: 'intensification_accompagnement' }),
    total('Total'),
    section('Remobilisation / entrée de parcours'),
    ligne({ nature: 'Remobilisation', objet: 'Solutions de remobilisation', mesure: 'remobilisation' }),
    total('Total'),
    ligne({ nature: 'Levée des freins socio-professionnels', objet: 'Mobilité', mesure: 'freins_mobilite' }),
    ligne({ objet: "Garde d'enfant", mesure: 'freins_garde_enfant' }),
    ligne({ objet: 'Santé', mesure: 'freins_sante' }),
    ligne({ objet: 'Autre', mesure: 'freins_autre' }),
    total('Total'),
    total('Total'),
    section("Référencement de l'offre de solutions locales d'accompagnement"),
    ligne({
      nature: "Référencement de l'offre de solution du territoire (ex : alimentation DORA ou autre...)",
      objet: 'ETP',
      mesure: 'referencement_offre',
    }),
    total('Total'),
    total('TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 2 :'),
  ]),
  modelePlan(3, CIBLE_VOLET_3, [
    section('Renforcement des équipes locales PE / CD'),
    ligne({ nature: 'ETP CD', objet: 'Accompagnement', mesure: 'equipes_accompagnement' }),
    ligne({
      objet: 'Ingénierie (chef de projet, chargé déploiement numérique, coordonnateur administratif)',
      mesure: 'ingenierie_deploiement',
    }),
    ligne({ objet: 'Autres' }),
    total('Total ETP CD'),
    ligne({
      nature:
        "Pour info : ETP PE (hypothèses pour le lancement de l'expérimentation finançables par réallocation interne à l'opérateur)",
      objet: 'Accompagnement',
      pourInformation: true,
    }),
    ligne({ objet: 'Ingénierie (chef de projet)', pourInformation: true }),
    ligne({ objet: 'Autres', pourInformation: true }),
    total('Pour info : Total ETP PE'),
    total('Total ETP'),
    section('Renforcement des solutions locales'),
    ligne({
      nature: 'Solutions locales CD',
      objet: 'Accompagnement délégué à une structure du PDI (organisme référent)',
      mesure: 'solutions_locales',
    }),
    ligne({
      objet: "Solutions d'accompagnement complémentaires déléguées à une structure du PDI",
      mesure: 'solutions_locales',
    }),
    ligne({ objet: 'Solutions de remobilisation', mesure: 'solutions_locales' }),
    ligne({ objet: "Solutions de maintien dans l'emploi", mesure: 'solutions_locales' }),
    ligne({ objet: 'Solutions de levée des freins', mesure: 'solutions_locales' }),
    total('Total solutions locales CD'),
    ligne({ nature: 'Pour info : Solutions locales PE', objet: 'Prestations', pourInformation: true }),
    total('Pour info : Total solutions locales PE'),
    total('Total Solutions locales'),
    section('Développement SI'),
    ligne({
      nature: 'Dépenses CD',
      objet:
        "Evolution techniques nécessaires à l'atteinte de la cible (feuille de route à construire avec les correspondants numériques)",
      mesure: 'developpement_si',
    }),
    total('Total CD'),
    total('Total Développement SI'),
    total('TOTAL BESOINS DEPARTEMENTAUX AU TITRE DU VOLET 3 :'),
  ]),
];

const COLONNES_BILAN = [
  'Nature de la dépense',
  'Unité (si pertinent)',
  "Nombre d'unités",
  'coût unitaire',
  'Date ou période',
  'Objet de la dépense',
  'Montant',
];

const modeleBilan = (
  volet: 1 | 2 | 3,
  lignes: readonly LigneModeleFranceTravail[],
): ModeleVoletFranceTravail => ({
  volet,
  titres: ["Etat des dépenses contractualisation pour l'insertion et l'emploi {n}", `VOLET ${volet}`],
  groupesColonnes: [],
  colonnes: COLONNES_BILAN,
  lignes,
  source: BILAN,
});

const depense = (nature: string, mesure?: string): LigneModeleFranceTravail =>
  ligne(mesure === undefined ? { nature } : { nature, mesure });

export const BILAN_FINANCIER_FRANCE_TRAVAIL: readonly ModeleVoletFranceTravail[] = [
  modeleBilan(1, [
    section('Dépenses relatives au renforcement des équipes locales CD/PE'),
    section('Dépenses relatives au renforcement des équipes locales CD'),
    depense("Postes d'Ingénierie", 'chefferie_projet'),
    depense('Rémunération chef de projet', 'chefferie_projet'),
    depense('Rémunération XX', 'chefferie_projet'),
    depense('Rémunération', 'chefferie_projet'),
    total('TOTAL DEPENSES RELATIVES AU RENFORCEMENT DES EQUIPES LOCALES'),
    section('Dépenses relatives au développement SI'),
    depense("Paramétrage SI en vue de l'interconnexion", 'developpement_si'),
    total('TOTAL DEPENSES RELATIVES AU DEVELOPPEMENT SI'),
    total('TOTAL DEPENSES AU TITRE DU VOLET 1'),
  ]),
  modeleBilan(2, [
    section("Dépenses relatives au renforcement de l'accompagnement"),
    section('Dépenses relatives au renforcement des solutions locales'),
    depense("Solutions d'accompagnement complémentaires", 'intensification_accompagnement'),
    depense('Action 1', 'intensification_accompagnement'),
    depense('Action 2', 'intensification_accompagnement'),
    depense('Action 3...', 'intensification_accompagnement'),
    depense("Postes d'accompagnement", 'intensification_accompagnement'),
    depense('Rémunération CIP', 'intensification_accompagnement'),
    depense('Rémunération CIP - accompagnement global', 'intensification_accompagnement'),
    depense('Rémunération coach emploi', 'intensification_accompagnement'),
    depense('Rémunération travailleur social XX', 'intensification_accompagnement'),
    depense('Rémunération ZZZ', 'intensification_accompagnement'),
    section('Dépenses relatives à la remobilisation / entrée en parcours'),
    depense('Action 1', 'remobilisation'),
    depense('Action 2...', 'remobilisation'),
    total("TOTAL DEPENSES RELATIVES AU RENFORCEMENT DE L'ACCOMPAGNEMENT"),
    section('Dépenses relatives à la levée des freins sociaux'),
    // Le modèle ne dit pas quel frein : la ligne se rattache à l'un des types `freins_*` selon l'action.
    depense('Structure XXX'),
    depense('Structure XXX'),
    depense('Structure XXX'),
    total('TOTAL DEPENSES LEVÉE DES FREINS SOCIAUX'),
    section("Dépenses relatives au référencement de l'offre de solutions locales d'accompagnement"),
    depense('Rémunération XX', 'referencement_offre'),
    total("TOTAL DEPENSES RELATIVES AU REFERENCEMENT DE L'OFFRE DE SOLUTIONS LOCALES D'ACCOMPAGNEMENT"),
    total('TOTAL DEPENSES AU TITRE DU VOLET 2'),
  ]),
  modeleBilan(3, [
    section('Dépenses relatives au renforcement des équipes locales CD/PE'),
    section('Dépenses relatives au renforcement des équipes locales CD'),
    depense("Postes d'ingénierie", 'ingenierie_deploiement'),
    depense('Rémunération chef de projet', 'ingenierie_deploiement'),
    depense('Rémunération XX', 'ingenierie_deploiement'),
    depense('Rémunération', 'ingenierie_deploiement'),
    depense("Postes d'accompagnement", 'equipes_accompagnement'),
    depense('Rémunération CIP', 'equipes_accompagnement'),
    depense('Rémunération coach emploi', 'equipes_accompagnement'),
    depense('Rémunération travailleur social XX', 'equipes_accompagnement'),
    depense('Rémunération ZZZ', 'equipes_accompagnement'),
    section('Dépenses relatives au renforcement des équipes locales PE (le cas échéant)'),
    depense('Rémunération CIP - accompagnement global', 'equipes_accompagnement'),
    depense('Rémunération CIP', 'equipes_accompagnement'),
    total('TOTAL DEPENSES RELATIVES AU RENFORCEMENT DES EQUIPES LOCALES'),
    section('Dépenses relatives au renforcement des solutions locales'),
    depense('Structure XXX', 'solutions_locales'),
    depense('Structure XXX', 'solutions_locales'),
    depense('Structure XXX', 'solutions_locales'),
    total('TOTAL DEPENSES RENFORCEMENT DES SOLUTIONS LOCALES'),
    section('Dépenses relatives au développement SI'),
    depense("Ex : développement d'un interfaçage avec XX", 'developpement_si'),
    total('TOTAL DEPENSES RELATIVES AU DEVELOPPEMENT SI'),
    total('TOTAL DEPENSES AU TITRE DU VOLET 3'),
  ]),
];

export const MODELES_FINANCIERS_FRANCE_TRAVAIL: ModelesFinanciers = {
  famille: 'france_travail',
  planFinancement: PLAN_FINANCEMENT_FRANCE_TRAVAIL,
  bilanFinancier: BILAN_FINANCIER_FRANCE_TRAVAIL,
};
