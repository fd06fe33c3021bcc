import type { ContexteDocument } from '../contexte.ts';
import {
  consigne,
  para,
  paraGras,
  sautDePage,
  titre,
  type Bloc,
  type DocumentTexte,
} from '../docx/modele.ts';
import { ErreurDocument } from '../erreurs.ts';
import { feuilleTableauFinancier } from '../grille/tableau-financier-calpae.ts';
import { montantFr } from '../typographie.ts';
import { tableauEngagementsInitiatives, tableauEngagementsSocle } from './annexes-convention.ts';
import { aCompleter, feuilleEnTableau, nomDepartement } from './communs.ts';
import { blocsFicheCalpae } from './fiche-action.ts';
import { articleVersements, signatures } from './elements-convention.ts';

/**
 * Convention CALPAE 2023 : modèle de 001 · annexe 7 (visas, préambule, articles 1 à 7, signatures), annexe A
 * (tableau des engagements du socle et fiches actions), annexe B (engagements à l'initiative du département et
 * fiches), tableau financier récapitulatif prévisionnel (001 · annexe 9). Les mentions entre crochets du modèle
 * sont remplies par le contenu quand il les donne.
 */
export function conventionCalpae2023(contexte: ContexteDocument): DocumentTexte {
  const { convention, contenu } = contexte;
  if (convention.cadre.code !== 'calpae-2023') {
    throw new ErreurDocument(
      `Le modèle de convention de 001 · annexe 7 vaut pour le cadre calpae-2023 (reçu ${convention.cadre.code}) ; pour 2020, produisez l'avenant (« avenant »).`,
    );
  }
  const n = convention.exercice;
  const dep = nomDepartement(contexte);
  const s = contenu.signataires;
  const r = contenu.references;
  const prefet = aCompleter(s.prefet, "indiquer le représentant de l'Etat");
  const president = aCompleter(s.president, 'indiquer le représentant du département');
  const enveloppe = convention.enveloppeEtat === undefined ? 'XXXXXX €' : montantFr(convention.enveloppeEtat);
  const glissant = convention.regime === 'glissant';
  const socle = convention.actions.filter((action) => action.mesure?.nature === 'socle');
  const initiatives = convention.actions.filter((action) => action.mesure?.nature === 'initiative');

  const corps: Bloc[] = [
    para('GOUVERNEMENT — Liberté Égalité Fraternité', 'gauche'),
    titre(0, "CONVENTION D'APPUI À LA LUTTE CONTRE LA PAUVRETÉ ET D'ACCÈS À L'EMPLOI (CALPAE)"),
    paraGras(`ANNÉE ${n}`, 'centre'),
    para('Entre'),
    para(
      `L'État, représenté par ${prefet}, Préfet du Département de ${dep}, et désigné ci-après par les termes « le Préfet », d'une part,`,
    ),
    para('Et'),
    para(
      `Le Département de ${dep}, représenté par ${president}, Président du Conseil départemental de ${dep}, et désigné ci-après par les termes « le Département », d'autre part,`,
    ),
    para('Vu la loi n° 2022-1726 du 30 décembre 2022 de finances pour 2023'),
    para(
      "Vu l'instruction n° DGCS/SD1/2019/24 du 04 février 2019 relative à la mise en œuvre territoriale de la stratégie de prévention et de lutte contre la pauvreté dans son volet « Contractualisation entre l'Etat et les départements d'appui à la lutte contre la pauvreté et d'accès à l'emploi »",
    ),
    para(
      "Vu l'instruction n° DGCS/SD1B/2019/196 du 25 septembre 2019 relative à la mise en œuvre des conventions d'appui à la lutte contre la pauvreté et d'accès à l'emploi",
    ),
    para(
      "Vu l'instruction n° DGCS/SD1B/DIPLP/DGEFP/SD PAE/2020/28 du 12 février 2020 relative à la poursuite de la mise en œuvre territoriale de la stratégie nationale de prévention et de lutte contre la pauvreté notamment dans son volet « contractualisation d'appui à la lutte contre la pauvreté et d'accès à l'emploi »",
    ),
    para(
      "Vu l'instruction n° DGCS/SD1B/DIPLP/2020/181 du 20 octobre 2020 modificative relative aux avenants 2020 aux conventions départementales d'appui à la lutte contre la pauvreté et à l'accès à l'emploi",
    ),
    para(
      "Vu l'instruction n° DIPLP/DGCS/SD1B/DGEFP/SDPAE/DPE/2021/23 du 19 mars 2021 modificative relative aux avenants aux conventions départementales d'appui à la lutte contre la pauvreté et d'accès à l'emploi pour 2021",
    ),
    para(
      "Vu l'instruction n° DGCS/SD1B/DIPLP/DGEFP/2022/19 du 19 janvier 2022 relative aux conventions d'appui à la lutte contre la pauvreté et d'accès à l'emploi départementales, métropolitaines et régionales pour l'année 2022",
    ),
    para(
      "Vu l'instruction n° DGCS/SD1B/DIPLP/DGEFP/2023/9 du 31 janvier 2023 relative aux conventions d'appui à la lutte contre la pauvreté et d'accès à l'emploi départementales, métropolitaines et régionales pour l'année 2023",
    ),
    para(
      `Vu la précédente convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi 2019-2021, signée le ${aCompleter(r.date_convention_initiale, 'indiquer la date de signature de la convention')} entre l'Etat et le Département de ${dep}, jointe en annexe`,
    ),
    para(
      `Vu les avenants 2020 et 2021 de la convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi 2019-2021, signés respectivement les ${aCompleter(r.dates_avenants, "indiquer la date de signature de l'avenant 2020 et de l'avenant 2021 de la convention")}, joints en annexe`,
    ),
    para(
      `Vu la précédente convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi 2022, signée le ${aCompleter(r.date_convention_precedente, 'indiquer la date de signature de la convention')} entre l'Etat et le Département de ${dep}, jointe en annexe`,
    ),
    para(
      `Vu la délibération de la ${aCompleter(r.instance_deliberation, 'Séance Plénière / Commission permanente')} du Département de ${dep} en date du ${aCompleter(r.date_deliberation, "indiquer la date de délibération de la commission permanente ou de l'assemblée délibérante")} autorisant le Président du Conseil départemental à signer la présente convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi,`,
    ),
    para('Il est convenu ce qui suit :'),
    titre(1, 'PREAMBULE'),
    para(
      "La Stratégie nationale de prévention et de lutte contre la pauvreté a prévu dès 2019 la conclusion de conventions d'appui à la lutte contre la pauvreté et d'accès à l'emploi (CALPAE) avec les Départements, pour une durée de trois ans, de 2019 à 2021, qui ont été prolongées en 2022, afin de tenir compte des retards pris durant la crise sanitaire et d'atteindre les cibles fixées pour 2022.",
    ),
    para(
      "Dans le cadre du Pacte des solidarités qui prolonge la Stratégie pauvreté, il est prévu le déploiement d'une nouvelle démarche de contractualisation avec les collectivités territoriales à partir du 1er janvier 2024 via la signature de Pactes locaux des solidarités. Afin d'assurer la transition d'ici 2024, le ministre des Solidarités, de l'Autonomie et des Personnes handicapées ainsi que le ministre du Travail, du Plein emploi et de l'Insertion ont décidé la prolongation des actuelles CALPAE avec les conseils départementaux jusqu'au 31 décembre 2023.",
    ),
    para(
      "Aussi, la présente convention s'inscrit dans la continuité des précédentes contractualisations entre l'Etat et le Département et dans la nécessaire prise en compte des travaux de France Travail et de lutte contre le non recours. Elle se recentre, s'agissant des mesures socles, sur 2 objectifs prioritaires : l'insertion des bénéficiaires du RSA d'une part et l'accès aux droits d'autre part.",
    ),
    titre(1, 'ARTICLE 1 – OBJET DE LA CONVENTION'),
    para(
      `Par la présente convention, le Préfet et le Président du conseil départemental de ${dep} définissent des engagements réciproques relevant de la stratégie nationale de prévention et de lutte contre la pauvreté et du Pacte des Solidarités.`,
    ),
    para(
      "Ces engagements réciproques se traduisent par la mise en œuvre d'actions assorties d'objectifs mesurables et d'indicateurs de résultats, permettant de renforcer les coopérations entre les acteurs et d'instaurer une meilleure articulation entre leurs interventions, en cohérence avec leurs champs de compétences respectifs. Dans ce cadre, le Département mettra en œuvre des actions nouvelles ou renforcera des actions existantes, en association étroite avec l'État, ses partenaires et des personnes concernées.",
    ),
    para("Cette convention fixe également l'engagement de l'État et du Département sur le plan financier."),
    para(
      "Elle définit les modalités de suivi et d'évaluation des actions prévues au titre de ladite convention.",
    ),
    titre(1, "ARTICLE 2 – ENGAGEMENTS RÉCIPROQUES DU DÉPARTEMENT ET DE L'ÉTAT"),
    para(
      "Cette contractualisation suppose une égalité des parties et des engagements tant du Département que de l'État.",
    ),
    para(
      "Les engagements sont définis conjointement par l'État et le Département dans le cadre d'un dialogue avec les autres collectivités locales (et notamment les communes et leurs centres communaux et intercommunaux d'action sociale ainsi que la région), les partenaires associatifs et des personnes concernées, lequel peut prendre la forme d'un comité de pilotage départemental réuni régulièrement ; dans cette perspective les acteurs de la protection sociale et de l'emploi (Pôle emploi, CNAF, CCMSA, CNAM, CNAV) seront mobilisés.",
    ),
    para(
      "Les partenaires territoriaux peuvent, s'ils le souhaitent, prendre part à la convention, avec l'accord de l'État et du Département.",
    ),
    titre(
      2,
      '2.1. Les engagements concourant à la mise en œuvre de la stratégie et du Pacte des Solidarités',
    ),
    para(
      "La convention porte sur un socle commun d'objectifs. Chaque mesure socle comporte des indicateurs de suivi que le Département renseigne annuellement dans un tableau correspondant. Ces engagements sont décrits dans l'annexe A : cette annexe contient un tableau des engagements du socle commun et l'ensemble des fiches actions. Ces fiches, parties intégrantes de la convention, précisent le calendrier de réalisation de chaque action.",
    ),
    para(
      "Au-delà de ce socle d'engagements, le Département s'engage à réaliser des actions, également accompagnées d'indicateurs de résultats, qu'il propose et qui s'inscrivent dans les orientations de la stratégie de prévention et de lutte contre la pauvreté et du Pacte des Solidarités. Ces engagements sont décrits dans l'annexe B, contenant le tableau des engagements à l'initiative du département et les fiches actions.",
    ),
    titre(2, "2.2. Les engagements financiers de l'État et du Département"),
    para(
      "L'État apporte son soutien financier au Département dans le cadre de la présente convention, pour la réalisation des actions décrites à l'article 2.1.",
    ),
    para(`Au titre de l'année ${n}, le soutien financier de l'Etat s'élève à un montant de ${enveloppe}.`),
    para(
      "Le Département s'engage sur des montants financiers par action figurant dans le tableau financier récapitulatif annexé à la présente convention.",
    ),
    para(
      `Le Département s'engage à préciser les fiches actions qui seraient modifiées ou nouvellement créées par rapport à la précédente convention ${n - 1}, ainsi que le calendrier de réalisation de ces actions, lequel ne devra pas dépasser l'échéance de la présente convention.`,
    ),
    titre(2, '2.3. Suivi et évaluation de la convention'),
    para(
      "Le suivi et l'évaluation de l'exécution de la présente convention sont effectués de façon conjointe par le Département et l'État. Les modalités de pilotage au niveau départemental sont définies entre le préfet de département et le conseil départemental, en lien avec le préfet de région.",
    ),
    para(
      "Le Département est en charge de la préparation d'un rapport d'exécution de la convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi. Ce rapport contient un bilan financier des actions mises en œuvre et décrit les résultats obtenus ainsi que l'atteinte des objectifs fixés, il précise en annexe l'exécution budgétaire des crédits contractualisés dans un tableau financier et le renseignement de la matrice des indicateurs des engagements contractualisés. Ce rapport contient également un bilan global synthétisant l'ensemble des actions conduites par le département et ses partenaires sur le territoire.",
    ),
    para(
      `Ce rapport fait l'objet d'une délibération départementale en vue d'une transmission au préfet de région et au préfet de département au plus tard le ${glissant ? '30 juin' : '31 mars'} de l'exercice suivant la réalisation des actions. Il est mis en ligne sur l'espace numérique de travail de la stratégie de prévention et de lutte contre la pauvreté et peut être présenté lors d'une conférence régionale des acteurs.`,
    ),
    para(
      `A l'issue du processus d'évaluation de l'exécution des actions déployées ${convention.dureeMois === 6 ? `du 1er juillet ${n} au 31 décembre ${n}` : `du 1er janvier au 31 décembre ${n}`}, le Département s'engage à compléter la matrice des indicateurs annexée à la convention, des résultats obtenus.`,
    ),
    titre(1, 'ARTICLE 3 – MODALITÉS DE VERSEMENT DES CRÉDITS'),
    para("La contribution fera l'objet d'un versement annuel."),
    para(`La contribution financière sera créditée sur le compte du Département de ${dep}.`),
    ...articleVersements(contexte),
    para(`L'ordonnateur de la dépense est le Préfet de ${aCompleter(s.ordonnateur, 'nom du Préfet')}.`),
    para(`Le comptable assignataire de la dépense est ${aCompleter(s.comptable, 'nom du comptable')}.`),
    para(
      `La dépense est imputée sur les crédits ouverts sur le programme 304 « Inclusion sociale et protection des personnes », action 19 « Stratégie nationale de prévention et de lutte contre la pauvreté », sous-action 01 « Contractualisation avec les CD », du budget de la mission « Solidarité, insertion et égalité des chances ». Les contributions financières du fonds de lutte contre la pauvreté et d'accès à l'emploi sont versées sous réserve de la disponibilité des crédits, pour l'année ${n}.`,
    ),
    titre(1, 'ARTICLE 4 – DURÉE DE LA CONVENTION ET RENOUVELLEMENT'),
    para(
      `La présente convention est conclue ${convention.dureeMois === 6 ? 'pour une durée de 6 mois' : "pour une durée d'un an"}, jusqu'au 31 décembre ${n}.`,
    ),
    titre(1, "ARTICLE 5 – CONTRÔLE FINANCIER DE L'ADMINISTRATION"),
    para(
      "Le Département veille à ce qu'il n'y ait aucun report des crédits au-delà de la durée d'exécution de la présente convention. Dans le cas contraire, et à titre exceptionnel, un titre de reversement à l'encontre du Département pourra être délivré par l'Etat si les dépenses réalisées pendant la durée d'exécution de la présente convention étaient inférieures au versement effectué, et ce après étude des indicateurs dans la matrice annexée à la convention et du bilan financier annexé au rapport de la présente convention, conformément à l'article 2.",
    ),
    titre(1, 'ARTICLE 6 – DÉNONCIATION DE LA CONVENTION'),
    para(
      `La convention peut être dénoncée par l'une ou l'autre des parties par lettre recommandée avec accusé de réception. Cette dénonciation doit être adressée au plus tard le 31 décembre ${n} au Préfet. Le Département reste soumis aux obligations résultant de l'article 4 de la présente convention, en particulier la transmission d'un rapport portant sur l'exécution de la convention.`,
    ),
    titre(1, 'ARTICLE 7 – LITIGE'),
    para(
      `Tout litige résultant de l'exécution de la présente convention est du ressort du tribunal administratif de ${aCompleter(s.tribunal_administratif, 'nom du tribunal administratif')} après la recherche d'une résolution amiable.`,
    ),
    ...signatures(contexte, [
      [
        'Le Président du Conseil départemental',
        `de ${dep}`,
        aCompleter(s.president, 'prénom nom Président CD'),
      ],
      ['Le Préfet', `de ${dep}`, aCompleter(s.prefet, 'prénom nom Préfet')],
    ]),
    para(
      `Pour visa, le directeur régional des finances publiques de ${aCompleter(contexte.region, 'nom de la région')}.`,
    ),
    sautDePage,
  ];
  const annexeA: Bloc[] = [
    titre(1, 'Annexe A – Tableau des engagements du socle'),
    tableauEngagementsSocle(contexte),
  ];
  const fichesA: Bloc[] =
    socle.length === 0
      ? [consigne('[Aucune action au titre des mesures socle.]')]
      : socle.flatMap((action) => [...blocsFicheCalpae(contexte, action), sautDePage]);
  const annexeB: Bloc[] = [
    titre(1, "Annexe B – Tableau des engagements à l'initiative du département"),
    tableauEngagementsInitiatives(contexte),
    para(
      "Les projets proposés s'inscrivent dans les orientations de la stratégie de lutte contre la pauvreté et du Pacte des Solidarités, sans être redondants avec les actions portées au titre du socle des engagements (par exemple actions en direction des PMI, au titre de la mixité sociale dans les établissements, en matière de prévention spécialisée, etc.)",
    ),
  ];
  const fichesB: Bloc[] = initiatives.flatMap((action) => [
    ...blocsFicheCalpae(contexte, action),
    sautDePage,
  ]);
  return {
    titre: `Convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi ${n} — ${dep}`,
    sections: [
      { orientation: 'portrait', blocs: corps },
      { orientation: 'paysage', blocs: annexeA },
      { orientation: 'portrait', blocs: [...fichesA, ...annexeB, ...fichesB] },
      {
        orientation: 'paysage',
        blocs: [
          titre(1, 'Tableau financier récapitulatif prévisionnel (annexe 9)'),
          feuilleEnTableau(
            feuilleTableauFinancier(contexte, 'previsionnel'),
            [2.5, 2.5, 0.8, 2.6, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7, 1.7],
          ),
        ],
      },
    ],
  };
}
