import type { ActionFinanciere } from '@jalon/domaine';
import { ficheDe, type ContexteDocument } from '../contexte.ts';
import { cellule, champ, entete, para, titre, type Bloc, type DocumentTexte } from '../docx/modele.ts';
import { ErreurDocument } from '../erreurs.ts';
import { montantFr } from '../typographie.ts';
import { aCompleter, valeurIndicateurTexte } from './communs.ts';
import { entreesAction } from './indicateurs-rapport.ts';

/**
 * Fiches actions : CALPAE 2023, modèle de l'annexe A (mesures socle) et de l'annexe B (initiatives du
 * département) de 001 · annexe 7 ; France Travail 2024, « Plan d'action : Fiche action » de 003 · annexe 7,
 * annexe 1. Les champs viennent du contenu (`fiches[numero]`), les montants de la convention.
 */

/** Thème de l'action : celui du contenu, sinon celui de sa mesure au tableau financier (001 · annexe 9). */
function themeDe(contexte: ContexteDocument, action: ActionFinanciere): string | undefined {
  const fiche = ficheDe(contexte, action.numero);
  if (fiche.theme !== undefined) return fiche.theme;
  const modeles = contexte.convention.cadre.modelesFinanciers;
  if (modeles.famille !== 'calpae') return action.mesure?.libelle;
  return modeles.previsionnel.themes.find((theme) => theme.mesure === action.codeMesure)?.theme;
}

/** Montants de l'action au prévisionnel, pour le « budget détaillé ». */
function montantsAction(action: ActionFinanciere): string {
  const p = action.previsionnel;
  return [
    `Soutien de l'État : ${montantFr(p.etat)}${p.report_etat > 0 ? ` (et ${montantFr(p.report_etat)} de crédits reportés)` : ''}`,
    `Crédits du département : ${montantFr(p.cd)}${p.valorisation_cd > 0 ? ` (dont valorisation ${montantFr(p.valorisation_cd)})` : ''}${p.report_cd > 0 ? ` (et ${montantFr(p.report_cd)} de crédits reportés)` : ''}`,
    ...(p.autres > 0 ? [`Autres financeurs : ${montantFr(p.autres)}`] : []),
    `Budget global de l'action : ${montantFr(p.etat + p.report_etat + p.cd + p.report_cd + p.autres)}`,
  ].join('\n');
}

/** Tableau « Objectifs et progression » : indicateurs rattachés à l'action, années 2018 à n. */
function progression(contexte: ContexteDocument, action: ActionFinanciere): Bloc {
  const n = contexte.convention.exercice;
  const annees: number[] = [];
  for (let annee = 2018; annee <= n; annee += 1) annees.push(annee);
  const entrees = entreesAction(contexte, action.numero);
  return {
    type: 'tableau',
    entetes: [[entete('Indicateur'), ...annees.map((annee) => entete(String(annee)))]],
    lignes:
      entrees.length === 0
        ? [[cellule('Aucun indicateur rattaché à l’action.', { colonnes: annees.length + 1 })]]
        : entrees.map(({ libelle, valeur }) => [
            cellule(libelle),
            ...annees.map((annee) => {
              const cle = String(annee);
              // Années passées : résultat atteint ; exercice : cible quand le résultat manque.
              const v = valeur?.valeurs[cle] ?? (annee === n ? (valeur?.cibles[cle] ?? null) : null);
              return cellule(valeurIndicateurTexte(v, valeur?.unite ?? 'nombre'), { alignement: 'droite' });
            }),
          ]),
    largeurs: [4, ...annees.map(() => 1)],
  };
}

/** Fiche action CALPAE (annexe A : socle ; annexe B : initiative). */
export function blocsFicheCalpae(contexte: ContexteDocument, action: ActionFinanciere): Bloc[] {
  const fiche = ficheDe(contexte, action.numero);
  const n = contexte.convention.exercice;
  const initiative = action.mesure?.nature === 'initiative';
  return [
    titre(2, `${initiative ? 'Annexe B' : 'Annexe A'} : Fiche action ${action.numero}`),
    ...(initiative
      ? []
      : [champ('Thème de la contractualisation', aCompleter(themeDe(contexte, action), 'thème'))]),
    champ("Intitulé de l'action", action.intitule),
    champ("Description de l'action", aCompleter(fiche.description, "description de l'action")),
    ...(initiative
      ? [
          champ(
            'Lien avec la stratégie pauvreté ou le Pacte des Solidarités',
            aCompleter(fiche.lien_strategie, 'lien avec la stratégie ou le Pacte'),
          ),
        ]
      : []),
    champ(
      "Date de mise en place de l'action",
      aCompleter(fiche.date_mise_en_place, 'action existante, action nouvelle, etc.'),
    ),
    champ("Durée de l'action", aCompleter(fiche.duree, 'indéterminée ; ponctuelle ; etc.')),
    champ('Partenaires et co-financeurs', aCompleter(fiche.partenaires, 'partenaires et co-financeurs')),
    champ(
      `Budget détaillé sur ${n}`,
      aCompleter(fiche.budget_detaille, 'détail sur l’année et par poste de dépense'),
    ),
    para(montantsAction(action)),
    champ('Action déjà financée au titre du FAPI', aCompleter(fiche.fapi, 'oui/non ; si oui, combien')),
    champ(
      initiative ? 'Objectifs poursuivis et progression' : 'Objectifs et progression',
      fiche.objectifs ?? '',
    ),
    progression(contexte, action),
  ];
}

/** Fiche action France Travail (003 · annexe 7, annexe 1 « Plan d'action : Fiche action (volet 2) »). */
export function blocsFicheFranceTravail(contexte: ContexteDocument, action: ActionFinanciere): Bloc[] {
  const fiche = ficheDe(contexte, action.numero);
  const n = contexte.convention.exercice;
  const p = action.previsionnel;
  const valeur = (code: string): string => {
    const v = contexte.contenu.indicateurs.find(
      (i) => i.code === code && (i.action === action.numero || i.action === undefined),
    );
    const x = v?.valeurs[String(n)] ?? v?.cibles[String(n)] ?? null;
    return x === null ? '' : valeurIndicateurTexte(x, v?.unite ?? 'nombre');
  };
  return [
    titre(2, `Fiche action ${action.numero} (volet ${action.volet ?? '?'})`),
    champ("Intitulé de l'action", action.intitule),
    champ('Contexte / État du préexistant', aCompleter(fiche.contexte, 'contexte')),
    champ(
      "Enjeux identifiés et objectifs visés par l'action",
      aCompleter(fiche.enjeux, 'enjeux et objectifs'),
    ),
    champ("Description de l'action", aCompleter(fiche.description, "description de l'action")),
    champ(
      "Date de mise en place de l'action",
      aCompleter(
        fiche.date_mise_en_place,
        `action existante renforcée, action à mettre en place au 1er semestre ${n} [préciser date], etc.`,
      ),
    ),
    champ("Durée de l'action", aCompleter(fiche.duree, 'indéterminée ; expérimentation ; ponctuelle ; etc.')),
    champ('Partenaires et co-financeurs', aCompleter(fiche.partenaires, 'partenaires et co-financeurs')),
    champ(
      'Budget détaillé',
      `${fiche.budget_detaille === undefined ? '' : `${fiche.budget_detaille}\n`}Montant apporté par l'État : ${montantFr(p.etat + p.report_etat)} ; montant apporté par la collectivité : ${montantFr(p.cd + p.report_cd)}${p.autres > 0 ? ` ; autres financeurs : ${montantFr(p.autres)}` : ''}`,
    ),
    champ('Calendrier prévisionnel', aCompleter(fiche.calendrier, 'calendrier prévisionnel')),
    para("Indicateurs de suivi et de pilotage de l'action (le cas échéant à compléter par les porteurs) :"),
    champ(`Nombre de nouveaux entrants ${n}`, valeur('nouveaux_entrants')),
    champ(
      `Nombre de nouveaux entrants orientés en 15 jours et moins en ${n} (en cas d'impossibilité à paramétrer le délai de 15 jours, le délai d'un mois sera retenu)`,
      valeur('orientes_15_jours'),
    ),
    champ(
      `Nombre de nouveaux entrants concernés par l'action en ${n}`,
      valeur('nouveaux_entrants_concernes_action'),
    ),
    champ(
      `Nombre d'allocataires (nouveaux entrants + ARSA avec antériorité dans le dispositif) concernés par l'action en ${n}`,
      valeur('allocataires_concernes_action'),
    ),
  ];
}

export function blocsFiche(contexte: ContexteDocument, action: ActionFinanciere): Bloc[] {
  return contexte.convention.cadre.famille === 'calpae'
    ? blocsFicheCalpae(contexte, action)
    : blocsFicheFranceTravail(contexte, action);
}

/** Une fiche action seule. */
export function ficheAction(contexte: ContexteDocument, numero: string): DocumentTexte {
  const action = contexte.convention.actions.find((a) => a.numero === numero);
  if (action === undefined) {
    throw new ErreurDocument(
      `Action « ${numero} » absente de la convention (actions : ${contexte.convention.actions.map((a) => a.numero).join(', ') || 'aucune'}).`,
    );
  }
  return {
    titre: `Fiche action ${numero} — ${action.intitule}`,
    sections: [{ orientation: 'portrait', blocs: blocsFiche(contexte, action) }],
  };
}
