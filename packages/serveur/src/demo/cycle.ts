import {
  appliquerTransition,
  type Acteur,
  type CodeTransition,
  type DemandeTransition,
  type EtatConvention,
  type Partie,
  type Trace,
} from '@jalon/domaine';
import type { ConventionResume } from '@jalon/schemas';
import { chargerInstantane } from '../cas/cycle.ts';
import type { Depots } from '../depots/ports.ts';
import { AVERTISSEMENT_FICTIF, DEPARTEMENTS_DEMO } from './modeles.ts';

/**
 * États de démonstration (issue 6 § 1), FICTIFS : chaque convention parcourt réellement le cycle du domaine
 * (`appliquerTransition`), avec des dates d'actes plausibles de l'année, jusqu'à l'état voulu. Le journal du
 * cycle et l'audit sont donc cohérents avec les règles. Choix :
 * - 2019 à 2021 : clôturées ;
 * - 2022 : Indre-et-Loire clôturée, Nord analysée, Loire-Atlantique au « rapport déposé » : la note d'analyse
 *   du commissaire (Pays de la Loire) est en retard ;
 * - 2023 : en négociation (ce sont les conventions que l'on modifie dans la démonstration : en retard sur
 *   l'adoption, 001 · annexe 4, synthèse du calendrier) ;
 * - 2024 (France Travail) : Indre-et-Loire et Nord en négociation, Loire-Atlantique au brouillon.
 */
export function etatDemo(code: string, exercice: number): EtatConvention {
  if (exercice <= 2021) return 'cloturee';
  if (exercice === 2022) return code === '44' ? 'rapport_depose' : code === '59' ? 'analysee' : 'cloturee';
  if (exercice === 2023) return 'en_negociation';
  return code === '44' ? 'brouillon' : 'en_negociation';
}

type Qui = 'valideur' | 'ddets' | 'commissaire';

interface Pas {
  readonly code: CodeTransition;
  readonly qui: Qui;
  /** Jour de l'acte, relatif à l'exercice `e` : [décalage d'année, mois, jour]. */
  readonly le: readonly [number, number, number];
  readonly jusqua?: EtatConvention;
}

/** Le parcours annuel type (001 · annexe 4, synthèse du calendrier ; 003 · III.4) ; les signatures à la suite. */
const PARCOURS: readonly Pas[] = [
  { code: 'ouvrir_negociation', qui: 'ddets', le: [-1, 11, 15] },
  { code: 'valider_fiches', qui: 'valideur', le: [-1, 12, 10] },
  { code: 'valider_fiches', qui: 'ddets', le: [-1, 12, 15] },
  { code: 'valider_conjointement', qui: 'ddets', le: [-1, 12, 15] },
  { code: 'deliberer', qui: 'valideur', le: [0, 2, 10] },
  { code: 'signer', qui: 'valideur', le: [0, 3, 1] },
  { code: 'signer', qui: 'ddets', le: [0, 3, 5] },
  { code: 'signer', qui: 'commissaire', le: [0, 3, 8] },
  { code: 'demarrer_execution', qui: 'ddets', le: [0, 3, 9] },
  { code: 'deposer_rapport', qui: 'valideur', le: [1, 3, 25] },
  { code: 'deposer_note_analyse', qui: 'commissaire', le: [1, 5, 2] },
  { code: 'cloturer', qui: 'commissaire', le: [1, 9, 15] },
];

const deux = (n: number) => String(n).padStart(2, '0');

export async function semerCycleDemo(depots: Depots, convention: ConventionResume): Promise<void> {
  const code = convention.collectivite.code;
  const cible = etatDemo(code, convention.exercice);
  if (cible === 'brouillon') return;
  const region = DEPARTEMENTS_DEMO.find((d) => d.code === code)?.region ?? '';
  const acteurs: Record<Qui, Acteur> = {
    valideur: {
      id: `valideur.${code}`,
      role: 'departement_valideur',
      territoire: { type: 'collectivite', code: convention.collectivite.id },
    },
    ddets: { id: `ddets.${code}`, role: 'ddets', territoire: { type: 'departement', code } },
    commissaire: {
      id: `commissaire.${region}`,
      role: 'commissaire',
      territoire: { type: 'region', code: region },
    },
  };
  const { pilotee, fichesParNumero } = await chargerInstantane(depots, convention);
  let courante = pilotee;
  for (const pas of PARCOURS) {
    if (courante.etat === cible) break;
    const signatureInutile =
      pas.code === 'signer' && pas.qui === 'commissaire' && convention.cadre !== 'france-travail-2024';
    const bilanFinal = pas.code === 'deposer_note_analyse' && convention.cadre === 'france-travail-2024';
    if (signatureInutile || bilanFinal) continue;
    const [an, mois, jour] = pas.le;
    const date = `${String(convention.exercice + an)}-${deux(mois)}-${deux(jour)}`;
    const maintenant = new Date(`${date}T12:00:00Z`);
    const demande: DemandeTransition = { code: pas.code, date };
    const acteur = acteurs[pas.qui];
    // La note d'analyse relève d'un autre dépôt (issue 6 § 4) : ici, sa rédaction est supposée faite.
    const avantNote: Trace = { acteur: acteur.id, role: acteur.role, le: date };
    const entree = pas.code === 'deposer_note_analyse' ? { ...courante, noteAnalyse: avantNote } : courante;
    const resultat = appliquerTransition(entree, demande, acteur, maintenant);
    if (!resultat.ok) {
      throw new Error(
        `Démonstration incohérente (${code} ${String(convention.exercice)}, ${pas.code}) : ${resultat.refus.map((r) => r.message).join(' ')}`,
      );
    }
    courante = resultat.convention;
    const validations = new Map<number, Partial<Record<Partie, Trace>>>();
    for (const fiche of courante.fiches) {
      const id = fichesParNumero.get(fiche.numero);
      if (id !== undefined) validations.set(id, { ...fiche.validations });
    }
    await depots.cycle.ecrire(convention.id, {
      etat: courante.etat,
      dateDeliberation: courante.dateDeliberation,
      dateSignature: courante.dateSignature,
      signatures: courante.signatures,
      validations,
      avenants: courante.avenants,
      entree: resultat.entree,
    });
    await depots.audit.ecrire({
      conventionId: convention.id,
      utilisateurId: null,
      qui: 'jalon (démonstration)',
      role: null,
      action: resultat.entree.transition,
      entite: 'convention',
      entiteId: String(convention.id),
      avant: { statut: resultat.entree.de },
      apres: { statut: resultat.entree.vers, date, remarque: AVERTISSEMENT_FICTIF },
    });
  }
  if (courante.etat !== cible) {
    throw new Error(`Démonstration : ${code} ${String(convention.exercice)} n'atteint pas « ${cible} ».`);
  }
}
