import fc from 'fast-check';
import { jourDe } from './calendrier.ts';
import { ligneEvenement, type EvenementJeu, type PersonneJeu, type SituationJeu } from './petit-jeu.ts';

/**
 * Générateurs fast-check de petits jeux adverses pour le croisement moteur ↔ DuckDB (P = 2023) : historiques
 * mensuels en segments (dont suspensions de 12 et 13 mois exactement, absences, radiations, états laissés vides),
 * événements concentrés autour de P et souvent le même jour (réservoir de quelques jours par personne), jours
 * pièges (1er, 14-16, fin de mois, 31).
 */
export const ANNEE_CROISEMENT = 2023;
export const PREMIER_MOIS_CROISEMENT = 2022 * 12 - 2; // 2021-11
export const DERNIER_MOIS_CROISEMENT = 2024 * 12; // 2024-01

type Segment =
  | 'ouvert_sdd'
  | 'ouvert_sans_sdd'
  | 'suspendu'
  | 'suspendu_sdd'
  | 'absent'
  | 'radie'
  | 'clos'
  | 'defaut_versable_sdd'
  | 'defaut_non_versable';

const segmentArb = fc.record({
  genre: fc.oneof(
    { weight: 4, arbitrary: fc.constant<Segment>('ouvert_sdd') },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Segment>(
        'ouvert_sans_sdd',
        'suspendu',
        'suspendu_sdd',
        'absent',
        'radie',
        'clos',
        'defaut_versable_sdd',
        'defaut_non_versable',
      ),
    },
  ),
  // 12 et 13 : le seuil de la suspension « de plus de douze mois » (R2 c).
  duree: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom(11, 12, 13, 14)),
});

const LIGNES: Record<Segment, Omit<SituationJeu, 'mois'> | null> = {
  absent: null,
  ouvert_sdd: { versable: true, sdd: true, etat: 'ouvert' },
  ouvert_sans_sdd: { versable: true, sdd: false, etat: 'ouvert' },
  suspendu: { versable: false, sdd: false, etat: 'suspendu' },
  suspendu_sdd: { versable: false, sdd: true, etat: 'suspendu' },
  radie: { versable: false, sdd: false, etat: 'radie' },
  clos: { versable: false, sdd: false, etat: 'clos' },
  defaut_versable_sdd: { versable: true, sdd: true, etat: null },
  defaut_non_versable: { versable: false, sdd: false, etat: null },
};

function situationsDe(debut: number, segments: readonly { genre: Segment; duree: number }[]): SituationJeu[] {
  const situations: SituationJeu[] = [];
  let mois = debut;
  for (const { genre, duree } of segments) {
    const ligne = LIGNES[genre];
    for (let i = 0; i < duree && mois <= DERNIER_MOIS_CROISEMENT; i++, mois++) {
      if (ligne !== null) situations.push({ mois, ...ligne });
    }
  }
  return situations;
}

function jourDuMois(mois: number, jour: number): number {
  const annee = Math.floor(mois / 12);
  const m = (mois % 12) + 1;
  const dernier = new Date(Date.UTC(annee, m, 0)).getUTCDate();
  return jourDe(annee, m, Math.min(jour, dernier));
}

/** Un jour entre 2021-06 et 2024-03, surtout de fin 2022 à début 2024 ; souvent un jour piège. */
export const jourArb: fc.Arbitrary<number> = fc
  .record({
    mois: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 2022 * 12 + 10, max: 2024 * 12 + 1 }) },
      { weight: 1, arbitrary: fc.integer({ min: 2021 * 12 + 5, max: 2024 * 12 + 2 }) },
    ),
    jour: fc.oneof(fc.constantFrom(1, 2, 14, 15, 16, 28, 29, 30, 31), fc.integer({ min: 1, max: 31 })),
  })
  .map(({ mois, jour }) => jourDuMois(mois, jour));

const ORGANISMES = ['france_travail', 'departement', 'delegataire', 'caf'] as const;
const DISPOSITIFS = ['garantie_activite_departementale', 'accompagnement_global'] as const;

function evenementArb(jours: readonly number[]): fc.Arbitrary<EvenementJeu> {
  // Un jour du réservoir de la personne, un voisin (±1, ±14, ±15 jours) ou un jour quelconque.
  const jour = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...jours) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...jours), fc.constantFrom(-15, -14, -1, 1, 13, 14, 15, 27, 28, 29, 30, 31))
        .map(([j, d]) => j + d),
    },
    { weight: 1, arbitrary: jourArb },
  );
  const organisme = fc.option(fc.constantFrom(...ORGANISMES), { nil: undefined });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ type: fc.constant('reception_notification'), jour }) },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('orientation'),
        jour,
        organisme: fc.constantFrom(...ORGANISMES),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('designation_referent'), jour, organisme }) },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('rdv'),
        jour,
        organisme,
        statut: fc.option(fc.constantFrom('prevu', 'honore', 'absent', 'annule'), { nil: undefined }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('cer'), jour }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('fin_suivi'), jour }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('ouverture_droit'), jour }) },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constantFrom('proposition_dispositif', 'entree_dispositif', 'sortie_dispositif'),
        jour,
        dispositif: fc.constantFrom(...DISPOSITIFS),
        conseiller: fc.option(fc.constantFrom('C1', 'C2', 'C3'), { nil: undefined }),
      }),
    },
  );
}

const seg = (genre: Segment, duree: number): { genre: Segment; duree: number } => ({ genre, duree });

/**
 * Historiques mensuels : segments quelconques, ou deux formes qui visent une règle précise —
 * une longue suspension (11 à 14 mois, surtout 12 et 13) suivie d'un retour en 2023 (R2 c), et un stock présent
 * dès le premier mois du fichier qui redevient SDD en 2023 (fenêtre globale des absences, R2 b).
 */
const situationsArb: fc.Arbitrary<SituationJeu[]> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        debut: fc.oneof(
          fc.constant(PREMIER_MOIS_CROISEMENT),
          fc.integer({ min: PREMIER_MOIS_CROISEMENT, max: DERNIER_MOIS_CROISEMENT }),
        ),
        segments: fc.array(segmentArb, { minLength: 1, maxLength: 8 }),
      })
      .map(({ debut, segments }) => situationsDe(debut, segments)),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        debut: fc.integer({ min: PREMIER_MOIS_CROISEMENT, max: 2022 * 12 + 5 }),
        avant: fc.integer({ min: 1, max: 3 }),
        suspension: fc.oneof(fc.constantFrom(12, 13), fc.integer({ min: 11, max: 14 })),
        genre: fc.constantFrom<Segment>(
          'suspendu',
          'suspendu',
          'defaut_non_versable',
          'suspendu_sdd',
          'clos',
          'radie',
        ),
      })
      .map(({ debut, avant, suspension, genre }) =>
        situationsDe(debut, [seg('ouvert_sdd', avant), seg(genre, suspension), seg('ouvert_sdd', 30)]),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ stock: fc.integer({ min: 13, max: 22 }), pause: fc.integer({ min: 1, max: 2 }) })
      .map(({ stock, pause }) =>
        situationsDe(PREMIER_MOIS_CROISEMENT, [
          seg('ouvert_sdd', stock),
          seg('ouvert_sans_sdd', pause),
          seg('ouvert_sdd', 30),
        ]),
      ),
  },
);

/**
 * Jours « d'ancrage » : autour du début des mois où la personne pourrait entrer (V et SDD, de 2022-12 à 2023-12),
 * pour que T0, orientations, rendez-vous et CER tombent souvent près d'une entrée et de ses bornes de délai.
 */
function ancresDe(situations: readonly SituationJeu[]): number[] {
  const mois = situations
    .filter((s) => s.versable && s.sdd && s.mois >= 2022 * 12 + 11 && s.mois <= 2023 * 12 + 11)
    .map((s) => s.mois);
  return (mois.length > 0 ? mois : [2023 * 12 + 5]).map((m) => jourDuMois(m, 1));
}

/**
 * Un parcours cohérent autour d'une ancre : T0, orientation(s) à un écart piège du T0 (0, 13-15, 27-31 jours…),
 * rendez-vous et CER à un écart piège de l'orientation, parfois une fin de suivi. Chaque élément est facultatif.
 */
function scenarioArb(ancres: readonly number[]): fc.Arbitrary<EvenementJeu[]> {
  const ecart = (valeurs: readonly number[]): fc.Arbitrary<number> =>
    fc.oneof(fc.constantFrom(...valeurs), fc.integer({ min: -5, max: 75 }));
  return fc
    .record({
      ancre: fc.constantFrom(...ancres),
      t0: fc.option(fc.integer({ min: -35, max: 40 }), { nil: undefined }),
      orientations: fc.array(
        fc.record({
          ecart: ecart([-1, 0, 1, 13, 14, 15, 27, 28, 29, 30, 31, 59, 60, 61]),
          type: fc.constantFrom('orientation', 'orientation', 'designation_referent'),
          organisme: fc.constantFrom(...ORGANISMES),
        }),
        { maxLength: 2 },
      ),
      rdv: fc.array(
        fc.record({
          ecart: ecart([-1, 0, 14, 15]),
          statut: fc.option(fc.constantFrom('prevu', 'honore', 'absent', 'annule'), { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
      cer: fc.option(ecart([0, 20, 58, 59, 60, 61, 62]), { nil: undefined }),
      // Fin de suivi à un jour quelconque, ou le jour même de la première orientation (R2 a : appliquée avant).
      finSuivi: fc.option(fc.oneof(fc.integer({ min: -90, max: 40 }), fc.constant('meme_jour' as const)), {
        nil: undefined,
      }),
      dispositif: fc.option(
        fc.record({
          dispositif: fc.constantFrom(...DISPOSITIFS),
          proposition: fc.option(fc.integer({ min: -60, max: 300 }), { nil: undefined }),
          entree: fc.oneof(fc.constantFrom(0, 1, 30), fc.integer({ min: 0, max: 90 })),
          sortie: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })), { nil: undefined }),
          conseiller: fc.option(fc.constantFrom('C1', 'C2', 'C3'), { nil: undefined }),
          // Seconde entrée le même jour, autre conseiller : l'ordre du fichier départage (INT-BENCH-1).
          doublon: fc.option(fc.constantFrom('C1', 'C2', 'C4'), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    })
    .map(({ ancre, t0, orientations, rdv, cer, finSuivi, dispositif }) => {
      const evenements: EvenementJeu[] = [];
      const depart = t0 === undefined ? ancre : ancre + t0;
      if (t0 !== undefined) evenements.push({ type: 'reception_notification', jour: depart });
      const premiere = orientations[0];
      if (finSuivi === 'meme_jour') {
        if (premiere !== undefined) evenements.push({ type: 'fin_suivi', jour: depart + premiere.ecart });
      } else if (finSuivi !== undefined) evenements.push({ type: 'fin_suivi', jour: ancre + finSuivi });
      for (const o of orientations)
        evenements.push({ type: o.type, jour: depart + o.ecart, organisme: o.organisme });
      if (premiere !== undefined) {
        const jourOrientation = depart + premiere.ecart;
        for (const r of rdv)
          evenements.push({ type: 'rdv', jour: jourOrientation + r.ecart, statut: r.statut });
        if (cer !== undefined) evenements.push({ type: 'cer', jour: depart + cer });
      }
      if (dispositif !== undefined) {
        const { dispositif: d, proposition, entree, sortie, conseiller, doublon } = dispositif;
        const jourProposition = ancre + (proposition ?? 0);
        if (proposition !== undefined) {
          evenements.push({ type: 'proposition_dispositif', jour: jourProposition, dispositif: d });
        }
        const jourEntree = jourProposition + entree;
        evenements.push({ type: 'entree_dispositif', jour: jourEntree, dispositif: d, conseiller });
        if (doublon !== undefined) {
          evenements.push({
            type: 'entree_dispositif',
            jour: jourEntree,
            dispositif: d,
            conseiller: doublon,
          });
        }
        if (sortie !== undefined) {
          evenements.push({ type: 'sortie_dispositif', jour: jourEntree + sortie, dispositif: d });
        }
      }
      return evenements;
    });
}

/**
 * Une orientation ancienne : juste avant une longue suite de mois suspendus (seuil 12/13 mois, R2 c) ou avant le
 * premier mois de la personne, parfois avant le début du fichier (fenêtre globale, R2 b).
 */
function orientationAncienneArb(situations: readonly SituationJeu[]): fc.Arbitrary<EvenementJeu> {
  const debutsSuspension = situations
    .filter((s, i) => {
      const precedente = situations[i - 1];
      const suspendu = (x: SituationJeu | undefined): boolean =>
        x !== undefined && (x.etat ?? (x.versable ? 'ouvert' : 'suspendu')) === 'suspendu';
      return suspendu(s) && !(suspendu(precedente) && precedente?.mois === s.mois - 1);
    })
    .map((s) => jourDuMois(s.mois, 1));
  const premier = situations[0] === undefined ? jourDe(2022, 6, 1) : jourDuMois(situations[0].mois, 1);
  const jours = [...debutsSuspension, premier];
  return fc.record({
    type: fc.constantFrom('orientation', 'designation_referent'),
    jour: fc.oneof(
      fc.tuple(fc.constantFrom(...jours), fc.integer({ min: -45, max: -1 })).map(([j, d]) => j + d),
      fc.integer({ min: jourDe(2021, 6, 1), max: premier + 10 }),
    ),
    organisme: fc.constantFrom(...ORGANISMES),
  });
}

export const personneArb = (id: string): fc.Arbitrary<PersonneJeu> =>
  situationsArb.chain((situations) => {
    const ancres = ancresDe(situations);
    const bruit = fc
      .array(
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .tuple(fc.constantFrom(...ancres), fc.integer({ min: -40, max: 70 }))
              .map(([j, d]) => j + d),
          },
          { weight: 1, arbitrary: jourArb },
        ),
        { minLength: 1, maxLength: 3 },
      )
      .chain((jours) => fc.array(evenementArb(jours), { maxLength: 8 }));
    return fc
      .tuple(
        fc.array(scenarioArb(ancres), { maxLength: 2 }),
        fc.array(orientationAncienneArb(situations), { maxLength: 1 }),
        bruit,
      )
      .chain(([scenarios, anciennes, autres]) => {
        const tous = [...scenarios.flat(), ...anciennes, ...autres];
        // Ordre du fichier quelconque (le moteur trie par jour, à jour égal dans l'ordre du fichier).
        return fc.shuffledSubarray(tous, { minLength: tous.length, maxLength: tous.length });
      })
      .map((evenements) => ({
        id,
        situations,
        // Pas de doublon exact (la lecture les rejette, spec § 1 « Lignes invalides »).
        evenements: evenements.filter(
          (e, i) => evenements.findIndex((f) => ligneEvenement(id, f) === ligneEvenement(id, e)) === i,
        ),
      }));
  });

/** Un jeu de 1 à `maxPersonnes` personnes (identifiants P1, P2…). */
export const jeuArb = (maxPersonnes: number): fc.Arbitrary<PersonneJeu[]> =>
  fc
    .integer({ min: 1, max: maxPersonnes })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personneArb(`P${String(i + 1)}`))));
