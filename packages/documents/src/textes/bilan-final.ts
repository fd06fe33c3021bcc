import { NATURES_INELIGIBLES, somme, versementsFranceTravail } from '@jalon/domaine';
import { ficheDe, type ContexteDocument } from '../contexte.ts';
import { cellule, entete, para, titre, type Bloc, type DocumentTexte } from '../docx/modele.ts';
import { ErreurDocument } from '../erreurs.ts';
import { feuillesBilanFinancier } from '../grille/france-travail.ts';
import { montantFr } from '../typographie.ts';
import { aCompleter, feuilleEnTableau, nomDepartement, texteOuConsigne } from './communs.ts';
import { annexeIndicateurs } from './indicateurs-rapport.ts';

/**
 * Bilan final France Travail (003 · annexe 7 art. 3.2) : « un bilan de mise en œuvre du plan d'actions » et « un
 * bilan financier […] établi sur le modèle qui se trouve en annexe 3 », plus la situation des versements (art. 6
 * et 8 : avance de 60 %, solde, trop-perçu — calculs du domaine) et les indicateurs de pilotage (annexe 4).
 */
export function bilanFinal(contexte: ContexteDocument): DocumentTexte {
  const { convention, contenu } = contexte;
  if (convention.cadre.famille !== 'france_travail') {
    throw new ErreurDocument(
      `Le bilan final (003 · annexe 7 art. 3.2) vaut pour le cadre France Travail ; pour ${convention.cadre.code}, produisez le rapport d'exécution (« rapport-execution »).`,
    );
  }
  const n = convention.exercice;
  const dep = nomDepartement(contexte);
  const blocs: Bloc[] = [
    titre(
      0,
      `Bilan final de la convention départementale pour l'insertion et l'emploi dans le cadre de la réforme France Travail ${n}`,
    ),
    para(`Département : ${dep}`, 'centre'),
    para(aCompleter(contenu.rapport.date, 'date du bilan'), 'centre'),
    para(
      `Bilan produit en application de l'article 3.2 de la convention, au plus tard trois mois suivant la fin de la durée de la convention (31 décembre ${n}).`,
    ),
    titre(1, "1. Bilan de mise en œuvre du plan d'actions"),
    ...texteOuConsigne(
      contenu.rapport.bilan_mise_en_oeuvre,
      "bilan de mise en œuvre du plan d'actions à compléter",
    ),
  ];
  for (const volet of [1, 2, 3] as const) {
    const actions = convention.actions.filter((action) => action.volet === volet);
    blocs.push(titre(2, `1.${volet}. Volet ${volet}`));
    if (actions.length === 0) blocs.push(para('Aucune action sur ce volet.'));
    actions.forEach((action, rang) => {
      const fiche = ficheDe(contexte, action.numero);
      const p = action.previsionnel;
      const prefixe = `1.${volet}.${rang + 1}`;
      blocs.push(
        titre(3, `${prefixe}. Action ${action.numero} : ${action.intitule}`),
        titre(4, `${prefixe}.1. Description de l'action`),
        ...texteOuConsigne(fiche.description, "description de l'action"),
        titre(4, `${prefixe}.2. Date de mise en place et partenaires`),
        para(`Date de mise en place : ${aCompleter(fiche.date_mise_en_place, 'date')}`),
        para(`Partenaires et co-financeurs : ${aCompleter(fiche.partenaires, 'partenaires')}`),
        titre(4, `${prefixe}.3. Budget prévu et réalisé`),
        para(
          `Budget prévu : ${montantFr(p.etat + p.report_etat + p.cd + p.report_cd + p.autres)} (État : ${montantFr(p.etat + p.report_etat)} ; Conseil départemental : ${montantFr(p.cd + p.report_cd)} ; autres financeurs : ${montantFr(p.autres)})`,
        ),
        para(
          action.execution === undefined
            ? 'Dépenses réalisées : non saisies.'
            : `Dépenses réalisées : ${montantFr(action.execution.realise)}`,
        ),
        titre(4, `${prefixe}.4. Bilan et perspectives`),
        ...texteOuConsigne(fiche.bilan, "bilan de l'action"),
        ...texteOuConsigne(fiche.perspectives, "perspectives de l'action"),
      );
    });
  }

  // Versements (003 · annexe 7 art. 6 et 8 ; spec convention-v1 § 4).
  const alloue = somme(convention.actions.map((a) => a.previsionnel.etat));
  const eligibles = convention.actions.filter(
    (a) => a.natureDepense === undefined || NATURES_INELIGIBLES[a.natureDepense] === undefined,
  );
  const realisees = somme(eligibles.map((a) => a.execution?.realise ?? 0));
  const versements = versementsFranceTravail({
    montantAlloue: alloue,
    depensesEligiblesRealisees: realisees,
  });
  const synthese: Bloc = {
    type: 'tableau',
    entetes: [[entete('Versements'), entete('Montant')]],
    lignes: [
      ['Montant alloué (article 4.1)', alloue],
      ['Avance de 60 % versée à la signature', versements.avance],
      ['Dépenses éligibles réalisées', realisees],
      ['Contribution due (dépenses éligibles, dans la limite du montant alloué)', versements.du],
      ['Solde restant à verser', versements.resteAVerser],
      ['Trop-perçu à rembourser', versements.tropPercu],
    ].map(([libelle, montant]) => [
      cellule(String(libelle)),
      cellule(montant === undefined ? '' : montantFr(Number(montant)), { alignement: 'droite' }),
    ]),
    largeurs: [4, 1.5],
  };
  blocs.push(
    titre(1, '2. Bilan financier'),
    para(
      "Le bilan financier est établi sur le modèle de l'annexe 3 de la convention (trame de bilan financier), ci-après, volet par volet.",
    ),
    synthese,
  );
  return {
    titre: `Bilan final ${n} — ${dep}`,
    sections: [
      { orientation: 'portrait', blocs },
      {
        orientation: 'paysage',
        blocs: [
          titre(1, 'Annexe 3 - Trame de bilan financier'),
          ...feuillesBilanFinancier(contexte).flatMap((feuille, i) => [
            titre(2, `Volet ${i + 1}`),
            feuilleEnTableau(feuille, [3, 1, 1, 1, 1.2, 2.5, 1.6]),
          ]),
          titre(1, '3. Indicateurs de pilotage'),
          annexeIndicateurs(contexte),
        ],
      },
    ],
  };
}
