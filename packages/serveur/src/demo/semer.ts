import { CADRES, trouverMesure } from '@jalon/referentiels';
import { AXES_COOPERATION } from '@jalon/schemas';
import { hacherMotDePasse } from '../cas/session.ts';
import { INDICATEURS_PAR_CADRE, ANNEE_T0 } from '../cas/referentiel-indicateurs.ts';
import type { ChampsFiche, Depots, NouvelleValeur, Persistance } from '../depots/ports.ts';
import { semerOffreDemo } from './offre.ts';
import { COMPTES_DEMO, MOT_DE_PASSE_DEMO, versNouveauCompte } from './comptes.ts';
import { semerCycleDemo } from './cycle.ts';
import { semerEnveloppesDemo } from './enveloppes.ts';
import {
  ACTIONS_CALPAE,
  ACTIONS_FRANCE_TRAVAIL,
  AVERTISSEMENT_FICTIF,
  DEPARTEMENTS_DEMO,
  EXERCICES_DEMO,
  type ActionDemo,
  type DepartementDemo,
  type ExerciceDemo,
} from './modeles.ts';

/** Euros entiers → centimes (les montants fictifs sont en euros entiers : conversion exacte). */
const eur = (euros: number): number => Math.round(euros) * 100;

/** Générateur pseudo-aléatoire à graine (mulberry32) : la démonstration est identique à chaque démarrage. */
function aleatoire(graine: number): () => number {
  let etat = graine >>> 0;
  return () => {
    etat = (etat + 0x6d2b79f5) >>> 0;
    let t = etat;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Règles volontairement enfreintes, pour montrer les contrôles (toutes fictives) :
 * - Nord 2023 : action 1.2 avec crédits CD < crédits État → PARITE_ACTION (bloquant) ;
 * - Indre-et-Loire 2023 : valorisation sans justification → VALORISATION_JUSTIFIEE (alerte) ;
 * - Loire-Atlantique 2024 : une dépense en frais généraux → DEPENSE_INELIGIBLE (bloquant) ;
 * - Nord 2024 : part CD du volet 2 sous 50 % → COFINANCEMENT_VOLET2 (bloquant).
 * Les conventions 2023 de Loire-Atlantique et d'Indre-et-Loire n'ont aucun contrôle bloquant.
 */
function ficheDemo(
  dep: DepartementDemo,
  ex: ExerciceDemo,
  action: ActionDemo,
  realisePrecedent: number | null,
): ChampsFiche {
  const cadre = CADRES[ex.cadre];
  const mesure = trouverMesure(cadre, action.mesure);
  const etat = eur(dep.enveloppe * action.partEtat * 0.97);
  let ratioCd = action.ratioCd;
  if (dep.code === '59' && ex.exercice === 2023 && action.numero === '1.2') ratioCd = 0.8;
  if (dep.code === '59' && ex.exercice === 2024 && action.volet === 2) ratioCd = 0.6;
  const cd = eur((etat / 100) * ratioCd);
  const valorisation = action.partValorisation ? eur((cd / 100) * action.partValorisation) : 0;
  const justifiee = !(dep.code === '37' && ex.exercice === 2023);
  const reportEtat = ex.exercice > 2019 && cadre.famille === 'calpae' ? eur((etat / 100) * 0.04) : 0;
  const reportCd = ex.exercice > 2019 && cadre.famille === 'calpae' ? eur((cd / 100) * 0.03) : 0;
  const autres = action.mesure === 'insertion_orientation' ? eur(20_000) : 0;
  const total = etat + reportEtat + cd + reportCd + autres;
  const natureDepense =
    dep.code === '44' && ex.exercice === 2024 && action.numero === 'V1.1'
      ? 'frais_generaux'
      : action.natureDepense;
  return {
    numero: action.numero,
    intitule: action.intitule,
    mesure: action.mesure,
    code_chorus: cadre.famille === 'calpae' ? (mesure?.codeChorus ?? null) : null,
    volet: action.volet ?? null,
    nature_depense: natureDepense ?? null,
    theme: action.theme,
    contexte:
      cadre.famille === 'france_travail' ? `${AVERTISSEMENT_FICTIF} Offre existante à renforcer.` : '',
    enjeux_objectifs: cadre.famille === 'france_travail' ? 'Accélérer l’entrée en parcours (fictif).' : '',
    description: `${action.description} ${AVERTISSEMENT_FICTIF}`,
    lien_strategie:
      action.mesure === 'initiatives_departementales'
        ? 'Lutte contre les privations du quotidien (fictif).'
        : '',
    date_mise_en_place:
      ex.exercice === 2019 ? 'action à mettre en place au 2nd semestre 2019' : 'action existante',
    duree_action: 'indéterminée',
    partenaires_cofinanceurs: action.partenaires,
    budget_detaille: `Soutien de l’État : ${etat / 100} € ; part du département : ${cd / 100} € (fictif).`,
    financee_fapi: action.mesure === 'garantie_activite' ? true : false,
    montant_fapi: action.mesure === 'garantie_activite' ? eur(50_000) : null,
    objectifs_progression: '',
    calendrier_previsionnel: cadre.famille === 'france_travail' ? 'Janvier à décembre 2024 (fictif).' : '',
    indicateurs_suivi: {
      nouveaux_entrants: action.volet === 2 ? 1200 : null,
      nouveaux_entrants_orientes_15_jours: action.volet === 2 ? 640 : null,
      nouveaux_entrants_concernes: action.volet === 2 ? 300 : null,
      allocataires_concernes: action.volet === 2 ? 900 : null,
    },
    previsionnel: {
      etat,
      report_etat: reportEtat,
      cd,
      valorisation_cd: valorisation,
      report_cd: reportCd,
      autres,
    },
    execution: ex.clos
      ? {
          realise: eur((total / 100) * 0.92),
          valorisation_cd: valorisation,
          a_reporter_etat: eur((etat / 100) * 0.04),
          a_reporter_cd: eur((cd / 100) * 0.03),
        }
      : null,
    realise_exercice_precedent: ex.cadre === 'calpae-2023' ? realisePrecedent : null,
    justification:
      valorisation > 0 && justifiee
        ? 'Valorisation des postes de référents RSA existants (délibération fictive du conseil départemental).'
        : '',
    validee_par_commissaire: false,
  };
}

function valeursIndicateurs(dep: DepartementDemo, ex: ExerciceDemo, hasard: () => number): NouvelleValeur[] {
  const echelle = dep.enveloppe / 1_000_000;
  const indicateurs = INDICATEURS_PAR_CADRE[ex.cadre].slice(0, 8);
  const valeurs: NouvelleValeur[] = [];
  for (const indicateur of indicateurs) {
    const base = Math.round(300 * echelle * (0.5 + hasard()));
    const commun = {
      indicateur: indicateur.code,
      modifieePar: 'demo',
      provenance: { type: 'saisie' as const },
    };
    valeurs.push({
      ...commun,
      annee: ANNEE_T0,
      nature: 'situation_t0',
      valeur: base,
      commentaire: AVERTISSEMENT_FICTIF,
    });
    for (let annee = 2019; annee < ex.exercice; annee++) {
      valeurs.push({
        ...commun,
        annee,
        nature: 'resultat',
        valeur: Math.round(base * (1 + 0.06 * (annee - ANNEE_T0) + 0.05 * hasard())),
        commentaire: '',
      });
    }
    valeurs.push({
      ...commun,
      annee: ex.exercice,
      nature: 'objectif',
      valeur: Math.round(base * 1.4),
      commentaire: 'Objectif fixé conjointement (fictif).',
    });
  }
  return valeurs;
}

async function semerFranceTravail(depots: Depots, conventionId: number, dep: DepartementDemo) {
  await depots.franceTravail.remplacerParcoursTypes(conventionId, [
    {
      nom: 'Parcours « Remobilisation »',
      duree: '6 mois',
      contenu: 'Ateliers collectifs, levée des freins sociaux (fictif)',
      modalites: 'Collectif et individuel, 15 heures par semaine',
      public_cible: 'Allocataires du RSA éloignés de l’emploi',
      cout_unitaire: eur(2_400),
      places_financees: Math.round(dep.enveloppe / 20_000),
    },
    {
      nom: 'Parcours « Emploi »',
      duree: '3 mois',
      contenu: 'Immersions et mises en relation avec des employeurs (fictif)',
      modalites: 'Individuel',
      public_cible: 'Allocataires du RSA proches de l’emploi',
      cout_unitaire: eur(900),
      places_financees: Math.round(dep.enveloppe / 10_000),
    },
  ]);
  if (dep.code === '59') {
    await depots.franceTravail.ecrireVolet3(conventionId, {
      note_engagement: {
        bassin_cible: 'Bassin fictif de démonstration',
        engagement_methode: 'Engagement dans la méthode co-construite France Travail (fictif).',
        strategie_deploiement: 'Renfort de 10 ETP d’accompagnement en 2024 (fictif).',
      },
      plan_partage: {
        entree_parcours: 'Rendez-vous d’orientation sous 15 jours (fictif).',
        accompagnement_emploi: 'Suivi à 6 mois dans l’emploi (fictif).',
        partage_donnees: 'Échanges de données hebdomadaires (fictif).',
        mobilisation_entreprises: 'Club d’entreprises inclusives (fictif).',
        gouvernance: 'Comité local trimestriel (fictif).',
      },
    });
  }
  await depots.franceTravail.ecrireCooperation(
    conventionId,
    AXES_COOPERATION.map((axe, i) => ({
      axe: axe.code,
      retenu: i < 4,
      commentaire: i < 4 ? 'Prévu (fictif).' : '',
    })),
  );
}

/** Sème la démonstration si la base n'a encore aucun compte. Rend `false` si elle était déjà semée. */
export async function semerDemonstration(persistance: Persistance): Promise<boolean> {
  if ((await persistance.depots.utilisateurs.compter()) > 0) return false;
  // Un seul hachage argon2 pour tous les comptes (même mot de passe documenté ; évite 13 hachages au démarrage).
  const hash = await hacherMotDePasse(MOT_DE_PASSE_DEMO);
  await persistance.transaction(async (depots) => {
    for (const compte of COMPTES_DEMO) await depots.utilisateurs.creer(versNouveauCompte(compte, hash));
    for (const dep of DEPARTEMENTS_DEMO) {
      const hasard = aleatoire(Number(dep.code));
      const realise = new Map<string, number>();
      for (const ex of EXERCICES_DEMO) {
        const collectiviteId = `departement:${dep.code}`;
        const enveloppe =
          ex.cadre === 'france-travail-2024' ? Math.round(dep.enveloppe * 0.45) : dep.enveloppe;
        const id = await depots.conventions.creer({
          collectiviteId,
          cadre: ex.cadre,
          exercice: ex.exercice,
          regime: 'civil',
          dureeMois: 12,
          enveloppeEtat: eur(enveloppe),
          statut: 'brouillon',
        });
        const cadre = CADRES[ex.cadre];
        const actions = (cadre.famille === 'france_travail' ? ACTIONS_FRANCE_TRAVAIL : ACTIONS_CALPAE).filter(
          (a) => trouverMesure(cadre, a.mesure) !== undefined,
        );
        for (const action of actions) {
          const fiche = ficheDemo({ ...dep, enveloppe }, ex, action, realise.get(action.numero) ?? 0);
          await depots.fiches.creer(id, fiche);
          if (fiche.execution !== null) realise.set(action.numero, fiche.execution.realise);
        }
        if (ex.exercice >= 2020 && ex.cadre === 'calpae-2020') {
          await depots.conventions.ajouterAvenant(id, {
            numero: ex.exercice - 2019,
            objet: `Avenant ${ex.exercice} : crédits de l’exercice ${ex.exercice} (fictif)`,
            dateSignature: `${ex.exercice}-07-01`,
          });
        }
        await depots.indicateurs.ecrire(id, valeursIndicateurs(dep, ex, hasard));
        if (ex.cadre === 'france-travail-2024') await semerFranceTravail(depots, id, dep);
        const creee = await depots.conventions.trouver(id);
        if (creee !== undefined) await semerCycleDemo(depots, creee);
        await depots.audit.ecrire({
          conventionId: id,
          utilisateurId: null,
          qui: 'jalon (démonstration)',
          role: null,
          action: 'semer_demo',
          entite: 'convention',
          entiteId: String(id),
          avant: null,
          apres: { statut: 'brouillon', remarque: AVERTISSEMENT_FICTIF },
        });
      }
    }
    await semerOffreDemo(
      depots,
      DEPARTEMENTS_DEMO.map((d) => d.code),
    );
    await semerEnveloppesDemo(depots);
  });
  return true;
}

export function infoDemo() {
  return {
    motDePasse: MOT_DE_PASSE_DEMO,
    comptes: COMPTES_DEMO.map((c) => ({
      identifiant: c.identifiant,
      role: c.role,
      territoire: c.territoire,
    })),
  };
}
