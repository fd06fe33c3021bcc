import type { ActionFinanciere } from '@jalon/domaine';
import { ficheDe, type ContexteDocument } from '../contexte.ts';
import { consigne, para, titre, type Bloc, type DocumentTexte, type Section } from '../docx/modele.ts';
import { feuilleTableauFinancier } from '../grille/tableau-financier-calpae.ts';
import { ErreurDocument } from '../erreurs.ts';
import {
  aCompleter,
  dateExecution,
  feuilleEnTableau,
  lignesBudgetExecute,
  lignesBudgetPrevisionnel,
  nomDepartement,
  periode,
  texteOuConsigne,
} from './communs.ts';
import {
  annexeIndicateurs,
  entreesAction,
  entreesMesure,
  tableauIndicateursRapport,
} from './indicateurs-rapport.ts';

/**
 * Rapport d'exécution de la convention CALPAE (001 · annexe 5, « modèle de rapport d'exécution ») : plan du
 * modèle (1. Mesures socle, 1.1 à 1.9 ; 2. Mesures à l'initiative du département ; 3. Annexes), action par
 * action : description, dates, partenaires, durée, budget prévisionnel et exécuté avec les reports, indicateurs,
 * bilan et perspectives. Les années du modèle (convention 2022, rapport 2023) suivent l'exercice de la
 * convention : exercice n, rapport en n+1.
 */

/** Ordre et intitulés des mesures socle du modèle (001 · annexe 5). */
interface MesureRapport {
  readonly mesure: string;
  readonly titre: string;
  readonly consigne?: string;
  readonly complement?: string;
}

const MESURES_RAPPORT: readonly MesureRapport[] = [
  {
    mesure: 'insertion_orientation',
    titre: "Réduire les délais de l'entrée en parcours d'accompagnement des allocataires du RSA",
    consigne:
      "Indicateurs socles indiqués dans le tableau annexé. Expliquer les résultats de l'année {n} et leur évolution par rapport à {n-1}.",
  },
  {
    mesure: 'garantie_activite',
    titre: "Déployer la garantie d'activité",
    consigne:
      "Indicateurs socles indiqués dans le tableau annexé : expliquer les résultats de l'année {n} et leur évolution par rapport à {n-1}",
    complement:
      "Indiquer également l'ensemble des actions relevant de la garantie d'activité départementale et le nombre de personnes bénéficiaires, ainsi que l'état d'avancement du dispositif d'accompagnement global mené avec Pôle emploi.",
  },
  {
    mesure: 'numerique_insertion',
    titre:
      "Poursuivre la montée en puissance des systèmes d'information pour le pilotage de la politique insertion et le suivi de parcours",
  },
  {
    mesure: 'premier_accueil_social',
    titre: "Couverture territoriale et maillage des acteurs : l'accueil social inconditionnel de proximité",
  },
  {
    mesure: 'referents_parcours',
    titre: 'Référent de parcours : pour une meilleure prise en charge des situations complexes',
  },
  { mesure: 'formation_travailleurs_sociaux', titre: 'Formation des travailleurs sociaux' },
  {
    mesure: 'mobilite',
    titre:
      "Mobilité des demandeurs d'emploi : couverture du territoire par des plateformes mobilité et accompagnement du public en insertion via la prescription de mesures d'accompagnement à la mobilité",
  },
  {
    mesure: 'maraudes_mixtes',
    titre: 'Maraudes mixtes',
    consigne:
      "Indicateurs socles indiqués dans le tableau annexé : expliquer les résultats de l'année {n} et leur évolution par rapport à {n-1}",
  },
  {
    mesure: 'prevention_specialisee',
    titre: 'Prévention spécialisée',
    consigne:
      "Indicateurs socles indiqués dans le tableau annexé : expliquer les résultats de l'année {n} et leur évolution par rapport à {n-1}",
  },
];

const annees = (texte: string, n: number): string =>
  texte
    .replaceAll('{n-1}', String(n - 1))
    .replaceAll('{n+1}', String(n + 1))
    .replaceAll('{n}', String(n));

/** Les huit rubriques d'une action (001 · annexe 5, § 1.1.1.1 à 1.1.1.8). */
export function blocsAction(
  contexte: ContexteDocument,
  action: ActionFinanciere,
  prefixe: string,
  rang: number,
): Bloc[] {
  const n = contexte.convention.exercice;
  const fiche = ficheDe(contexte, action.numero);
  return [
    titre(3, `${prefixe}. Action ${rang} : ${action.intitule} (fiche action ${action.numero})`),
    titre(4, `${prefixe}.1. Description de l'action`),
    ...texteOuConsigne(fiche.description, "Description de l'action à compléter"),
    titre(4, `${prefixe}.2. Date de mise en place de l'action`),
    ...texteOuConsigne(fiche.date_mise_en_place, 'Date de mise en place à compléter'),
    titre(4, `${prefixe}.3. Partenaires et co-financeurs`),
    ...texteOuConsigne(fiche.partenaires, 'Partenaires et co-financeurs à compléter'),
    titre(4, `${prefixe}.4. Durée de l'action`),
    ...texteOuConsigne(fiche.duree, "Durée de l'action à compléter"),
    titre(4, `${prefixe}.5. Budget`),
    para('Le tableau récapitulatif financier est annexé au présent rapport.'),
    ...texteOuConsigne(fiche.commentaire_budget, 'Commentez le tableau financier au sein de cette section'),
    titre(5, `${prefixe}.5.1. Budget prévisionnel figurant dans la convention : Etat, CD, total`),
    para(periode(contexte)),
    ...lignesBudgetPrevisionnel(contexte, action).map((ligne) => para(ligne)),
    titre(5, `${prefixe}.5.2. Budget exécuté`),
    para('Le détail des dépenses par action figure dans le tableau en annexe.'),
    para(dateExecution(contexte)),
    ...lignesBudgetExecute(contexte, action).map((ligne) => para(ligne)),
    titre(4, `${prefixe}.6. Indicateurs`),
    consigne(`[La prise en compte des indicateurs est réalisée ${periode(contexte).toLowerCase()}].`),
    tableauIndicateursRapport(
      contexte,
      "Nom de l'action",
      action.intitule,
      entreesAction(contexte, action.numero),
    ),
    titre(4, `${prefixe}.7. Bilan d'exécution`),
    ...texteOuConsigne(
      fiche.bilan,
      `Détailler l'état d'avancement de chaque action sur l'année ${n} et justifier le cas échéant les écarts de réalisation des résultats quantitatifs (indicateurs) et qualitatifs`,
    ),
    titre(4, `${prefixe}.8. Perspectives futures de mise en œuvre de l'action`),
    ...texteOuConsigne(
      fiche.perspectives,
      "Donnez des précisions sur la poursuite ou la réorientation de l'action. Réorientation des cibles des indicateurs le cas échéant.",
    ),
  ];
}

export function rapportExecution(contexte: ContexteDocument): DocumentTexte {
  const { convention, contenu } = contexte;
  if (convention.cadre.famille !== 'calpae') {
    throw new ErreurDocument(
      `Le rapport d'exécution (001 · annexe 5) vaut pour les cadres CALPAE ; pour ${convention.cadre.code}, produisez le bilan final (« bilan-final »).`,
    );
  }
  const n = convention.exercice;
  const actions = convention.actions;
  const blocs: Bloc[] = [
    titre(
      0,
      "Rapport d'exécution de la convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi",
    ),
    para(aCompleter(contenu.rapport.date, "Date de réalisation du rapport d'exécution"), 'centre'),
    para(aCompleter(contexte.region, 'Région'), 'centre'),
    para(`Département : ${nomDepartement(contexte)}`, 'centre'),
    para(
      "La stratégie nationale de prévention et de lutte contre la pauvreté repose sur une mise en œuvre à partir des territoires, en appui de la gouvernance nationale dont elle fait l'objet. La contractualisation exigeante entre l'Etat et les départements lancée le 21 février 2019 en constitue un levier essentiel.",
    ),
    para(
      `Cette contractualisation a été conclue initialement pour une période de trois ans, de 2019 à 2021 et a été prolongée en 2022 puis en 2023. Une évaluation est réalisée chaque année sur la mise en œuvre des actions de la contractualisation et conditionne le versement des crédits de la contractualisation pour l'année suivante. Le présent rapport d'exécution permet, pour l'année ${n + 1}, une nouvelle évaluation des actions contractualisées dans la convention ${n}.`,
    ),
    {
      type: 'paragraphe',
      segments: [
        {
          texte:
            "Le rapport a pour but de rendre compte de l'exécution des crédits versés au titre de la convention signée par le préfet de département et le président du conseil départemental. A l'aune des fiches-actions annexées à la convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi, ",
        },
        {
          texte:
            'le rapport rappelle, action par action, les engagements et le cadre financier initial, rend compte de son exécution et des résultats atteints.',
          gras: true,
        },
      ],
    },
    para(
      convention.regime === 'civil'
        ? `Les départements qui ont contractualisé sur l'année civile ${n} doivent délibérer au plus tard le 31 mars ${n + 1} sur ce rapport d'exécution qu'ils transmettront aux préfets de région et préfets de département pour analyse en vue de la délégation des crédits pour l'année ${n + 1}.`
        : `Les départements ayant contractualisé en année glissante, du 1er juillet ${n} au 30 juin ${n + 1}, doivent délibérer au plus tard le 30 juin ${n + 1} sur ce rapport d'exécution qu'ils transmettront aux préfets de région et préfets de département.`,
    ),
    ...texteOuConsigne(
      contenu.rapport.introduction,
      'Vous pouvez compléter le paragraphe introductif en fonction du contexte local de mise en place des mesures de la contractualisation de la stratégie nationale de prévention et de lutte contre la pauvreté',
    ),
    titre(1, '1. Mesures socle'),
  ];

  // Mesures socle : celles du modèle dans son ordre, puis les autres mesures socle du cadre (2020 : ASE, petite enfance).
  const connues = new Set(MESURES_RAPPORT.map((m) => m.mesure));
  const autres = convention.cadre.mesures
    .filter((mesure) => mesure.nature === 'socle' && !connues.has(mesure.code))
    .map((mesure): MesureRapport => ({ mesure: mesure.code, titre: mesure.libelle }));
  const mesuresDuCadre = new Set(convention.cadre.mesures.map((m) => m.code));
  [...MESURES_RAPPORT.filter((m) => mesuresDuCadre.has(m.mesure)), ...autres].forEach((entree, index) => {
    const prefixe = `1.${index + 1}`;
    const siennes = actions.filter((action) => action.codeMesure === entree.mesure);
    blocs.push(titre(2, `${prefixe}. ${entree.titre}`));
    const commentaire = contenu.rapport.mesures[entree.mesure];
    if (entree.consigne !== undefined) {
      blocs.push(...texteOuConsigne(commentaire, annees(entree.consigne, n)));
      if (entree.complement !== undefined && commentaire === undefined)
        blocs.push(consigne(`[${entree.complement}]`));
    } else if (commentaire !== undefined) blocs.push(...texteOuConsigne(commentaire, ''));
    const indicateurs = entreesMesure(contexte, entree.mesure);
    if (indicateurs.length > 0)
      blocs.push(
        tableauIndicateursRapport(contexte, 'Nom de la Mesure', `Mesure ${entree.titre}`, indicateurs),
      );
    if (siennes.length === 0) blocs.push(para('Aucune action contractualisée sur cette mesure.'));
    siennes.forEach((action, rang) =>
      blocs.push(...blocsAction(contexte, action, `${prefixe}.${rang + 1}`, rang + 1)),
    );
  });

  blocs.push(titre(1, "2. Mesures à l'initiative du département"));
  const initiatives = actions.filter(
    (action) => action.mesure?.nature === 'initiative' || action.mesure === undefined,
  );
  if (initiatives.length === 0) blocs.push(para("Aucune action à l'initiative du département."));
  initiatives.forEach((action, rang) => {
    const prefixe = `2.${rang + 1}`;
    const actionBlocs = blocsAction(contexte, action, prefixe, rang + 1);
    // Au § 2, l'action est de niveau 2 (« 2.1. Action 1 ») : on remonte ses titres d'un cran.
    blocs.push(
      ...actionBlocs.map((bloc) =>
        bloc.type === 'titre' && bloc.niveau > 2 ? { ...bloc, niveau: (bloc.niveau - 1) as 2 | 3 | 4 } : bloc,
      ),
    );
    if (action.mesure === undefined)
      blocs.push(consigne(`[Mesure « ${action.codeMesure} » inconnue du cadre ${convention.cadre.code}.]`));
  });

  blocs.push(titre(1, '3. Annexes'));
  blocs.push(
    para(
      `Le tableau des indicateurs et le tableau financier ${n}, dûment remplis, sont joints au présent rapport.`,
    ),
  );
  const annexes: Section[] = [
    {
      orientation: 'paysage',
      blocs: [titre(2, 'Annexe 1. Tableau des indicateurs'), annexeIndicateurs(contexte)],
    },
    {
      orientation: 'paysage',
      blocs: [
        titre(2, `Annexe 2. Tableau financier ${n}`),
        feuilleEnTableau(
          feuilleTableauFinancier(contexte, 'execution'),
          [1.9, 1.9, 0.7, 3.2, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8],
        ),
      ],
    },
  ];
  return {
    titre: `Rapport d'exécution ${n} — ${nomDepartement(contexte)}`,
    sections: [{ orientation: 'portrait', blocs }, ...annexes],
  };
}
