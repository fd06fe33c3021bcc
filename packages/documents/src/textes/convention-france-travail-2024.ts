import { somme, type Centimes } from '@jalon/domaine';
import type { ContexteDocument } from '../contexte.ts';
import { consigne, para, sautDePage, titre, type Bloc, type DocumentTexte } from '../docx/modele.ts';
import { ErreurDocument } from '../erreurs.ts';
import { feuillesBilanFinancier, feuillesPlanFinancement } from '../grille/france-travail.ts';
import { montantEnLettres } from '../montant-lettres.ts';
import { montantFr } from '../typographie.ts';
import { aCompleter, feuilleEnTableau, nomDepartement } from './communs.ts';
import { articleVersements, signatures } from './elements-convention.ts';
import { blocsFicheFranceTravail } from './fiche-action.ts';
import { annexeIndicateurs } from './indicateurs-rapport.ts';

/**
 * Convention départementale France Travail 2024 : modèle de 003 · annexe 7 (imputation, visas, préambule,
 * articles 1 à 11, signatures) et ses annexes 1 (fiches actions du volet 2), 1 bis (feuille de route du volet
 * 3, transmise à part), 2 (plan de financement), 3 (trame de bilan financier) et 4 (indicateurs de pilotage).
 * Montants de l'article 4.1 : crédits État (A) par volet, en chiffres et en lettres.
 */
export const montantEtLettres = (montant: Centimes): string =>
  `${montantFr(montant)} (${montantEnLettres(montant)})`;

export function conventionFranceTravail2024(contexte: ContexteDocument): DocumentTexte {
  const { convention, contenu } = contexte;
  if (convention.cadre.code !== 'france-travail-2024') {
    throw new ErreurDocument(
      `Le modèle de 003 · annexe 7 vaut pour le cadre france-travail-2024 (reçu ${convention.cadre.code}).`,
    );
  }
  const n = convention.exercice;
  const dep = nomDepartement(contexte);
  const s = contenu.signataires;
  const r = contenu.references;
  const parVolet = (volet: 1 | 2 | 3): Centimes =>
    somme(convention.actions.filter((a) => a.volet === volet).map((a) => a.previsionnel.etat));
  const total = parVolet(1) + parVolet(2) + parVolet(3);

  const corps: Bloc[] = [
    para('Logo de la collectivité', 'gauche'),
    para('Imputation budgétaire', 'gauche'),
    para(`Convention n°${r.numero_convention ?? '...'}`, 'gauche'),
    para('Programme : 102', 'gauche'),
    para(`Montant : ${montantFr(total)}`, 'gauche'),
    titre(
      0,
      "CONVENTION DÉPARTEMENTALE POUR L'INSERTION ET L'EMPLOI DANS LE CADRE DE LA RÉFORME FRANCE TRAVAIL",
    ),
    para(String(n), 'centre'),
    para('Entre'),
    para(
      `Le Ministère du travail, du plein emploi et l'insertion, représenté par ${aCompleter(s.prefet, "indiquer le représentant de l'Etat")}, préfet du Département de ${dep}, et désigné ci-après par les termes « l'administration », d'une part,`,
    ),
    para('Et'),
    para(
      `Le Conseil départemental de ${dep}, représenté par ${aCompleter(s.president, 'indiquer le représentant du département')}, président du Conseil départemental de ${dep}, et désigné ci-après par les termes « le Conseil départemental », d'autre part,`,
    ),
    para(`Vu la loi n° ... du ... de finances pour ${n},`),
    para('Vu la loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi ;'),
    para(
      "Vu l'instruction n° DGEFP/DPE/2023/192 du 27 décembre 2023 relative à la mise en œuvre de la contractualisation entre l'État et les conseils départementaux pour l'insertion et de l'emploi dans le cadre de la réforme France Travail ;",
    ),
    para(
      "Vu l'instruction n° DGCS/SD1B/2023/169 du 23 novembre 2023 relative à la mise en œuvre territoriale du Pacte national des solidarités à travers des « pactes locaux des solidarités » conclus entre l'État et les conseils départementaux d'une part, et entre l'État et les métropoles d'autre part, pour les années 2024-2027 ;",
    ),
    para(
      `Vu la délibération de la Commission permanente du Département de ${dep} en date du ${aCompleter(r.date_deliberation, 'indiquer la date de délibération de la commission permanente')} autorisant le président du Conseil départemental à signer la présente convention.`,
    ),
    para('Il est convenu ce qui suit :'),
    titre(1, 'PRÉAMBULE'),
    para(
      "Dans le cadre de la réforme de France Travail comme du Pacte des solidarités, l'enjeu d'accroître le retour à l'emploi de toutes les personnes qui en sont privées et plus particulièrement celles qui en sont le plus éloignées est partagé par tous comme levier à la fois de sortie de la précarité et de réponse aux besoins de recrutement sur les territoires.",
    ),
    para(
      "La présente convention pour l'insertion et l'emploi dans le cadre de France Travail soutient les départements autour de 3 objectifs : préparer la mise en place de la réforme France Travail, intensifier les accompagnements et densifier l'offre de solutions locales et pour certains d'entre eux, déployer un accompagnement rénové des allocataires du RSA.",
    ),
    para(
      "La contractualisation pour l'insertion et l'emploi dans le cadre de la réforme France Travail est annuelle pour l'année 2024. Elle s'inscrit dans une logique transitoire et est conçue comme préparatoire au cadre pérenne pluriannuel à partir de 2025 qui sera coconstruit avec les départements.",
    ),
    titre(1, 'ARTICLE 1 – OBJET DE LA CONVENTION'),
    para(
      `Par la présente convention, le préfet et le président du conseil départemental de ${dep} définissent les engagements relevant de la contractualisation pour l'insertion et l'emploi dans le cadre de la réforme France Travail sur trois volets.`,
    ),
    para(
      "Le volet 1 vise à préparer la mise en place de la réforme France Travail et l'application des dispositions législatives et réglementaires issues de la loi pour le plein emploi.",
    ),
    para(
      "Le volet 2 vise à étoffer l'offre de solutions d'insertion locales, dans une approche subsidiaire et une recherche d'impact.",
    ),
    para(
      'Le volet 3 vise à assurer de nouveaux déploiements territorialisés pour un accompagnement rénové des allocataires du RSA.',
    ),
    para(
      "Cette convention fixe également l'engagement de l'État et du Conseil départemental sur le plan financier.",
    ),
    para(
      "Elle définit les modalités de suivi et d'évaluation des actions prévues au titre de ladite convention.",
    ),
    titre(1, 'ARTICLE 2 – DURÉE DE LA CONVENTION'),
    para(`La présente convention est conclue pour la période du 1er janvier ${n} au 31 décembre ${n}.`),
    titre(1, 'ARTICLE 3 - ENGAGEMENTS DU DÉPARTEMENT'),
    titre(2, '3.1. Actions et moyens mis en œuvre'),
    para(
      "La présente convention porte sur trois volets précisés en article 1. Les engagements à ce titre sont définis conjointement par l'État et le Conseil départemental sur la base des référentiels définis au niveau national.",
    ),
    para(
      "Ces engagements sont décrits dans un plan d'action détaillé (annexe 1 et 1 bis) associé à un plan de financement (annexe 2)",
    ),
    titre(2, '3.2. Rendu compte et suivi du projet'),
    para(
      "Le suivi des actions déployées et de l'ensemble des moyens mobilisés pour la mise en œuvre de la présente convention est opéré au niveau départemental dans le cadre de la gouvernance locale.",
    ),
    para(
      "Le conseil départemental s'engage à produire un bilan final au plus tard trois mois suivant la fin de la durée de convention mentionnée à l'article 2.",
    ),
    para('Le bilan doit comporter :'),
    {
      type: 'liste',
      elements: [
        "un bilan de mise en œuvre du plan d'actions objet de la présente convention ;",
        'un bilan financier reprenant les coûts générés par les actions concrétisées au titre du projet sur la durée de la convention. Ce bilan financier doit être établi sur le modèle qui se trouve en annexe 3.',
      ],
    },
    titre(2, '3.3. Engagements financiers'),
    para(
      "Le montant, la nature et l'affectation prévisionnels des financements consentis par l'État sont définis dans le plan de financement mentionné à l'article 3.1.",
    ),
    para(
      'Le Conseil départemental mobilise également ses moyens propres nécessaires à la bonne réalisation des actions.',
    ),
    para(
      "Il participe à hauteur de 50 % du coût total des actions inscrites au volet 2 au titre du co-financement avec l'administration.",
    ),
    titre(2, '3.4 Communication'),
    para(
      "Le Conseil départemental s'engage à faire publicité du financement de l'administration dans toute communication visuelle au public au moyen d'une insertion du logo du Ministère du travail, du plein emploi et de l'insertion en exploitant les éléments du kit de communication mis à disposition par l'administration.",
    ),
    titre(2, '3.5 Pilotage et partage de données'),
    para(
      "Le Conseil départemental s'engage à mettre en œuvre les démarches nécessaires afin de partager ses données et faire évoluer son système d'information avec pour cible l'interopérabilité avec le système d'information Plateforme France Travail.",
    ),
    para(
      "Pour chacun des volets couverts par la présente convention, le Conseil départemental s'engage à renseigner les indicateurs correspondants et précisés dans l'annexe 4.",
    ),
    titre(1, "ARTICLE 4 – ENGAGEMENTS DE L'ADMINISTRATION"),
    titre(2, '4.1 Engagements financiers'),
    para(
      `L'administration apporte son soutien financier au Conseil départemental dans le cadre de la présente convention. Un montant de ${montantEtLettres(total)} est alloué au Conseil départemental.`,
    ),
    para('Ce montant se décline de la façon suivante :'),
    {
      type: 'liste',
      elements: [
        `${montantEtLettres(parVolet(1))} au titre du volet 1 visant la préparation et la mise en place de la réforme France Travail et l'application des dispositions législatives et réglementaires issues de la loi pour le plein emploi ;`,
        `${montantEtLettres(parVolet(2))} au titre du volet 2 visant à étoffer l'offre de solutions d'insertion locales ;`,
        ...(parVolet(3) > 0
          ? [
              `${montantEtLettres(parVolet(3))} au titre du volet 3 relatif aux nouveaux déploiements territorialisés pour un accompagnement rénové des allocataires du RSA.`,
            ]
          : []),
      ],
    },
    titre(2, "4.2 Précisions sur les dépenses non-éligibles au financement de l'État"),
    para(
      "Les dépenses liées aux frais généraux (fournitures, reprographie, locations de salles, équipement...), aux frais de mission (déplacements/hébergement/restauration du personnel) ou au recours à des prestations d'évaluation, de formation ou de gestion de projet ne sont pas éligibles au financement de l'État.",
    ),
    para(
      "Les dépenses d'investissement, hors développements informatiques répondant aux besoins du projet, sont exclues des présents financements.",
    ),
    titre(1, "ARTICLE 5 – SUIVI DE L'EXÉCUTION DE LA CONVENTION"),
    para(
      "Le suivi de l'exécution de la présente convention est effectué, de façon conjointe par le Conseil départemental et l'administration (au niveau national et au niveau territorial), selon les modalités prévues à l'article 3.2.",
    ),
    titre(1, 'ARTICLE 6 – CONDITIONS FINANCIÈRES'),
    para("La contribution de l'administration est versée de la manière suivante :"),
    {
      type: 'liste',
      elements: [
        "Une avance de 60 % du montant prévisionnel indiqué à l'article 4.1 à la signature de la convention ;",
        "Un versement du solde du montant prévisionnel indiqué à l'article 4.1 suivant la production du bilan final mentionné à l'article 3.2.",
      ],
    },
    para(
      `La contribution financière sera créditée sur le compte du Conseil départemental de ${dep} selon les procédures comptables en vigueur.`,
    ),
    para(
      "En cas de trop-perçu, les montants indus sont remboursés à l'État lors de la production du bilan final d'exécution.",
    ),
    ...articleVersements(contexte),
    para(`L'ordonnateur de la dépense est ${aCompleter(s.ordonnateur, 'A compléter')}.`),
    para(`Le comptable assignataire de la dépense est ${aCompleter(s.comptable, 'A compléter')}.`),
    titre(1, 'ARTICLE 7 – AUTRES ENGAGEMENTS'),
    para(
      "En cas d'inexécution ou de modification des conditions d'exécution et de retard pris dans l'exécution de la présente convention par le Conseil départemental, pour une raison quelconque, celui-ci doit en informer l'administration sans délai en lettre recommandée avec accusé de réception.",
    ),
    titre(1, "ARTICLE 8 – CONTRÔLE DE L'ADMINISTRATION"),
    para(
      "L'administration contrôle à l'issue de la convention que la contribution financière n'excède pas le coût de la mise en œuvre de l'action.",
    ),
    para(
      "L'administration peut exiger le remboursement des sommes indues en cas d'observation d'inexécution des dépenses prévues à la présente convention.",
    ),
    titre(1, 'ARTICLE 9 – MODIFICATION DE LA CONVENTION'),
    para(
      "La présente convention établie pour un an peut être modifiée en cours d'exécution d'un commun accord par les deux parties. Les modifications ainsi effectuées sont formalisées par un avenant.",
    ),
    titre(1, 'ARTICLE 10 – DÉNONCIATION DE LA CONVENTION'),
    para(
      "En cas de non-respect par l'une ou l'autre des parties de l'une de ses obligations résultant de la présente convention, celle-ci peut être résiliée de plein droit par l'autre partie, sans préjudice de tous autres droits qu'elle pourrait faire valoir, à l'expiration d'un délai de deux mois suivant l'envoi d'une lettre recommandée avec accusé de réception valant mise en demeure de se conformer aux obligations contractuelles restées infructueuses.",
    ),
    titre(1, 'ARTICLE 11 – LITIGE'),
    para(
      `Tout litige résultant de l'exécution de la présente convention est du ressort du Tribunal administratif de ${aCompleter(s.tribunal_administratif, 'nom du tribunal administratif')} après la recherche d'une résolution amiable.`,
    ),
    ...signatures(contexte, [
      ['Le président du Conseil départemental', `de ${dep}`, aCompleter(s.president, 'prénom nom président')],
      ['Le préfet', `de ${dep}`, aCompleter(s.prefet, 'prénom nom préfet')],
      [
        'Le préfet',
        `de ${aCompleter(contexte.region, 'nom de la région')}`,
        aCompleter(s.prefet_region, 'prénom nom préfet'),
      ],
    ]),
    sautDePage,
  ];
  const volet2 = convention.actions.filter((action) => action.volet === 2);
  const annexe1: Bloc[] = [
    titre(1, "ANNEXE 1 - Plan d'action : Fiche action (volet 2)"),
    ...(volet2.length === 0
      ? [consigne('[Aucune action au volet 2.]')]
      : volet2.flatMap((action) => blocsFicheFranceTravail(contexte, action))),
    titre(1, "ANNEXE 1 bis - Plan d'action : Feuille de route (volet 3)"),
    para('Document sous format PowerPoint transmis en parallèle par les services de la DGEFP.'),
  ];
  const largeursPlan = [2.5, 2.5, 2.5, 1.3, 1.3, 1.3, 1.6, 2.5];
  const largeursBilan = [3, 1, 1, 1, 1.2, 2.5, 1.6];
  return {
    titre: `Convention départementale pour l'insertion et l'emploi ${n} — ${dep}`,
    sections: [
      { orientation: 'portrait', blocs: [...corps, ...annexe1] },
      {
        orientation: 'paysage',
        blocs: [
          titre(1, 'ANNEXE 2 - Plan de financement'),
          ...feuillesPlanFinancement(contexte).flatMap((feuille, i) => [
            titre(2, `Volet ${i + 1}`),
            feuilleEnTableau(feuille, largeursPlan),
          ]),
          titre(1, 'ANNEXE 3 - Trame de bilan financier'),
          ...feuillesBilanFinancier(contexte).flatMap((feuille, i) => [
            titre(2, `Volet ${i + 1}`),
            feuilleEnTableau(feuille, largeursBilan),
          ]),
          titre(1, 'ANNEXE 4 - Indicateurs de pilotage'),
          annexeIndicateurs(contexte),
        ],
      },
    ],
  };
}
