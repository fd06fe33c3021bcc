import { ecrireDocx } from './ecrire.ts';
import { cellule, champ, consigne, entete, para, titre, type Bloc, type DocumentTexte } from './modele.ts';
import { montantFr, pourcentageFr } from '../typographie.ts';

/**
 * Note d'analyse du commissaire (issue 6 § 4 ; 001 · annexe 4 § 2 : « une note d'analyse du commissaire […]
 * fondant les crédits de l'année suivante » ; 000 · annexe 5 § 1). Entrée : les chiffres pré-remplis par le
 * domaine (forme de l'API `GET /api/conventions/{id}/note-analyse`) et la justification rédigée. Montants en
 * centimes, taux en pourcentage (ou `null`).
 */
export interface LigneNote {
  readonly cle: string;
  readonly libelle: string;
  readonly total: number;
  readonly realise: number;
  readonly taux: number | null;
}

export interface EntreeNoteDocx {
  readonly collectivite: { readonly nom: string };
  readonly cadre: string;
  readonly exercice: number;
  readonly regime: 'civil' | 'glissant';
  readonly consommation: {
    readonly actions: readonly (LigneNote & {
      readonly sans_depense: boolean;
      readonly execution_saisie: boolean;
    })[];
    readonly mesures: readonly LigneNote[];
    readonly sous_totaux: readonly LigneNote[];
    readonly generale: LigneNote;
  };
  readonly indicateurs: readonly {
    readonly libelle: string;
    readonly valeur: number | null;
    readonly cible: string | null;
    readonly atteint: boolean | null;
    readonly taux_atteinte: number | null;
  }[];
  readonly actions_sans_depense: readonly { readonly numero: string; readonly intitule: string }[];
  readonly actions_sans_execution: readonly string[];
  readonly controles_ouverts: readonly { readonly gravite: string; readonly message: string }[];
  readonly credits_proposes: {
    readonly exercice: number;
    readonly duree_mois: number;
    readonly enveloppe: number;
    readonly enveloppe_proratisee: number;
    readonly reports_etat: number;
    readonly nouveaux_credits: number;
    readonly reports_non_absorbes: number;
  } | null;
  readonly justification: string;
  readonly redaction: { readonly par: string; readonly le: string; readonly numero: number } | null;
}

const tauxTexte = (t: number | null) => (t === null ? '—' : pourcentageFr(t));

function tableauConsommation(lignes: readonly LigneNote[], premiere: string): Bloc {
  return {
    type: 'tableau',
    entetes: [[entete(premiere), entete('Total F'), entete('Réalisé'), entete('Consommation')]],
    lignes: lignes.map((l) => [
      cellule(l.cle === l.libelle ? l.libelle : `${l.cle} — ${l.libelle}`),
      cellule(montantFr(l.total), { alignement: 'droite' }),
      cellule(montantFr(l.realise), { alignement: 'droite' }),
      cellule(tauxTexte(l.taux), { alignement: 'droite' }),
    ]),
    largeurs: [5, 2, 2, 1.5],
  };
}

/** Le modèle neutre de la note (titres, tableaux) : les tests lisent ce modèle, le DOCX en est l'écriture. */
export function modeleNoteAnalyse(note: EntreeNoteDocx): DocumentTexte {
  const c = note.consommation;
  const blocs: Bloc[] = [
    titre(0, `Note d’analyse du commissaire — ${note.collectivite.nom}, exercice ${String(note.exercice)}`),
    champ('Cadre', `${note.cadre} (régime ${note.regime})`),
    champ(
      'Consommation générale',
      `${montantFr(c.generale.realise)} réalisés sur ${montantFr(c.generale.total)} (${tauxTexte(c.generale.taux)})`,
    ),
    titre(1, '1. Consommation des crédits par action'),
    tableauConsommation(c.actions, 'Action'),
    titre(1, '2. Consommation par mesure'),
    tableauConsommation([...c.mesures, ...c.sous_totaux, c.generale], 'Mesure'),
    titre(1, '3. Indicateurs et cibles'),
    {
      type: 'tableau',
      entetes: [[entete('Indicateur'), entete('Valeur'), entete('Cible'), entete('Atteinte')]],
      lignes: note.indicateurs.map((i) => [
        cellule(i.libelle),
        cellule(i.valeur === null ? '—' : String(i.valeur), { alignement: 'droite' }),
        cellule(i.cible ?? 'pas de cible'),
        cellule(
          i.atteint === null
            ? '—'
            : `${i.atteint ? 'atteinte' : 'non atteinte'} (${tauxTexte(i.taux_atteinte)})`,
          { alignement: 'droite' },
        ),
      ]),
      largeurs: [5, 1.5, 3, 2],
    },
    titre(1, '4. Actions sans dépense et actions sans exécution saisie'),
    note.actions_sans_depense.length === 0
      ? para('Aucune action sans dépense.')
      : { type: 'liste', elements: note.actions_sans_depense.map((a) => `${a.numero} — ${a.intitule}`) },
    note.actions_sans_execution.length === 0
      ? para('Exécution saisie pour toutes les actions.')
      : para(`Exécution non saisie : ${note.actions_sans_execution.join(', ')}.`),
    titre(1, '5. Contrôles ouverts'),
    note.controles_ouverts.length === 0
      ? para('Aucun contrôle ouvert.')
      : { type: 'liste', elements: note.controles_ouverts.map((k) => `${k.gravite} : ${k.message}`) },
    titre(1, '6. Crédits proposés pour l’exercice suivant'),
  ];
  const cr = note.credits_proposes;
  if (cr === null) blocs.push(para('Pas de convention de l’exercice suivant : crédits non calculés.'));
  else
    blocs.push({
      type: 'tableau',
      entetes: [
        [entete(`Exercice ${String(cr.exercice)} (${String(cr.duree_mois)} mois)`), entete('Montant')],
      ],
      lignes: [
        [cellule('Enveloppe État pré-notifiée'), cellule(montantFr(cr.enveloppe), { alignement: 'droite' })],
        [
          cellule('Enveloppe proratisée (durée / 12)'),
          cellule(montantFr(cr.enveloppe_proratisee), { alignement: 'droite' }),
        ],
        [
          cellule('Reports État de l’exercice analysé, déduits'),
          cellule(montantFr(cr.reports_etat), { alignement: 'droite' }),
        ],
        [
          cellule('Nouveaux crédits proposés', { gras: true }),
          cellule(montantFr(cr.nouveaux_credits), { alignement: 'droite', gras: true }),
        ],
        ...(cr.reports_non_absorbes > 0
          ? [
              [
                cellule('Reports non absorbés'),
                cellule(montantFr(cr.reports_non_absorbes), { alignement: 'droite' }),
              ],
            ]
          : []),
      ],
      largeurs: [5, 2],
    });
  blocs.push(
    consigne('Source : 001 · annexe 4 § 2 (reports déduits, actions sans dépense, durée 12 ou 6 mois).'),
    titre(1, '7. Justification du commissaire'),
    ...(note.justification.trim() === ''
      ? [consigne('Justification non rédigée.')]
      : note.justification.split(/\n{2,}/).map((p) => para(p, 'justifie'))),
  );
  if (note.redaction !== null)
    blocs.push(
      consigne(
        `Version ${String(note.redaction.numero)}, rédigée par ${note.redaction.par} le ${note.redaction.le.slice(0, 10)}.`,
      ),
    );
  return {
    titre: `Note d’analyse — ${note.collectivite.nom} ${String(note.exercice)}`,
    sections: [{ orientation: 'portrait', blocs }],
  };
}

export const noteAnalyseDocx = (note: EntreeNoteDocx): Promise<Buffer> => ecrireDocx(modeleNoteAnalyse(note));
