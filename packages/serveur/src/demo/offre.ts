import { normaliserObjet, validerObjet, type Modele } from '@jalon/offre';
import type { Depots } from '../depots/ports.ts';
import { sourceDe } from '../cas/offre-acces.ts';

/**
 * Offre d'insertion de démonstration (issue 8) : quelques structures et services FICTIFS pour 37, 44 et 59,
 * clairement marqués « (fictif) », au schéma data·inclusion v1, liés à des fiches actions. Chaque objet est
 * validé comme une saisie (schéma officiel et règles) : une démonstration invalide fait échouer le semis.
 */
const DATE_MAJ = '2026-01-15';
const FICTIF = 'Données fictives de démonstration Jalon : ce service n’existe pas.';

interface ServiceDemo {
  readonly id: string;
  readonly structure: 'insertion' | 'mobilite';
  readonly nom: string;
  readonly thematiques: readonly string[];
  readonly type: string;
  readonly volume?: number;
  readonly semaines?: number;
  /** Numéro de la fiche action qui le finance (rang dans la convention), s'il y en a une. */
  readonly ficheRang?: number;
}

const SERVICES: readonly ServiceDemo[] = [
  {
    id: 'demo-auto-ecole-sociale',
    structure: 'mobilite',
    nom: 'Auto-école sociale (fictif)',
    thematiques: ['mobilite--preparer-un-permis', 'mobilite--etre-accompagne-dans-son-parcours-mobilite'],
    type: 'accompagnement',
    volume: 6,
    semaines: 12,
    ficheRang: 0,
  },
  {
    id: 'demo-remobilisation-intensive',
    structure: 'insertion',
    nom: 'Parcours de remobilisation intensif (fictif)',
    thematiques: ['remobilisation--activites-sportives-et-culturelles'],
    type: 'atelier',
    volume: 15,
    semaines: 10,
    ficheRang: 1,
  },
  {
    id: 'demo-garde-ponctuelle',
    structure: 'insertion',
    nom: 'Garde d’enfants ponctuelle pour entretiens (fictif)',
    thematiques: ['famille--garde-denfants'],
    type: 'aide-materielle',
  },
];

function valide(modele: Modele, brut: Record<string, unknown>): Record<string, unknown> {
  const { objet } = normaliserObjet(modele, brut);
  const erreurs = validerObjet(modele, objet, { aujourdhui: DATE_MAJ, mode: 'defaut' }).filter(
    (c) => c.severite === 'erreur',
  );
  if (erreurs.length > 0) throw new Error(`démonstration de l’offre invalide : ${JSON.stringify(erreurs)}`);
  return objet;
}

export async function semerOffreDemo(depots: Depots, codes: readonly string[]): Promise<void> {
  for (const code of codes) {
    const collectivite = await depots.collectivites.trouver(`departement:${code}`);
    if (collectivite === undefined) continue;
    const source = sourceDe(collectivite);
    const commune = { '37': '37261', '44': '44109', '59': '59350' }[code] ?? null;
    const creer = (modele: Modele, donnees: Record<string, unknown>) =>
      depots.offre.creer({
        modele,
        collectiviteId: collectivite.id,
        departement: collectivite.departement,
        donnees,
      });
    for (const [cle, nom] of [
      ['insertion', `Espace insertion départemental ${code} (fictif)`],
      ['mobilite', `Plateforme mobilité solidaire ${code} (fictif)`],
    ] as const) {
      await creer(
        'structure',
        valide('structure', {
          source,
          id: `demo-${cle}`,
          nom,
          date_maj: DATE_MAJ,
          description: FICTIF,
          code_insee: commune,
          reseaux_porteurs: ['departements'],
        }),
      );
    }
    const fichesParConvention = await fichesDeDemo(depots, collectivite.id);
    for (const s of SERVICES) {
      const id = await creer(
        'service',
        valide('service', {
          source,
          id: s.id,
          structure_id: `demo-${s.structure}`,
          nom: s.nom,
          description: `${FICTIF} Il illustre la saisie d’un service financé par la convention du département.`,
          date_maj: DATE_MAJ,
          type: s.type,
          thematiques: s.thematiques,
          frais: 'gratuit',
          publics: ['beneficiaires-des-minimas-sociaux'],
          modes_accueil: ['en-presentiel'],
          modes_mobilisation: ['envoyer-un-courriel'],
          mobilisable_par: ['professionnels'],
          courriel: `offre-demo-${code}@example.org`,
          adresse: '1 rue de la Démonstration',
          code_insee: commune,
          zone_eligibilite: [code],
          ...(s.volume !== undefined ? { volume_horaire_hebdomadaire: s.volume } : {}),
          ...(s.semaines !== undefined ? { nombre_semaines: s.semaines } : {}),
        }),
      );
      const fiche = s.ficheRang === undefined ? undefined : fichesParConvention[s.ficheRang];
      if (fiche !== undefined) await depots.offre.lier(fiche, id);
    }
  }
}

/** Fiches de la dernière convention CALPAE de la collectivité (démonstration). */
async function fichesDeDemo(depots: Depots, collectiviteId: string): Promise<number[]> {
  const conventions = (await depots.conventions.lister({ type: 'collectivite', id: collectiviteId }, {}))
    .filter((c) => c.cadre !== 'france-travail-2024')
    .sort((a, b) => b.exercice - a.exercice);
  const derniere = conventions[0];
  if (derniere === undefined) return [];
  return (await depots.fiches.lister(derniere.id)).map((f) => f.id);
}
