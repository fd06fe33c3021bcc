/** Générateurs fast-check de jeux valides au schéma data·inclusion v1 (valeurs tirées des référentiels). */
import fc from 'fast-check';
import { REFERENTIELS_OFFRE, type JeuOffre, type Service, type Structure } from '../src/index.ts';

const caracteres = [...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789éèàçÉœ’«» ,;:"\'\n-/()€'];
const texte = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...caracteres), { minLength: min, maxLength: max })
    .map((c) => c.join(''))
    .filter((s) => s.trim() !== '' && !s.endsWith('.'));

const date = fc
  .integer({ min: 0, max: 9_312 })
  .map((j) => new Date(Date.UTC(2000, 0, 1) + j * 86_400_000).toISOString().slice(0, 10));
const ensemble = (valeurs: readonly string[]): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.constantFrom(...valeurs), { minLength: 1, maxLength: 3 });
const publics = fc.oneof(
  fc.constant(['tous-publics']),
  ensemble(REFERENTIELS_OFFRE.publics.valeurs.filter((p) => p !== 'tous-publics')),
);
const coordonnee = fc.double({ min: -90, max: 90, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));

const structure = (source: string, local: string): fc.Arbitrary<Structure> =>
  fc.record(
    {
      source: fc.constant(source),
      id: fc.constant(`${source}--${local}`),
      nom: texte(3, 40),
      date_maj: date,
      description: texte(5, 80),
      code_insee: fc.constantFrom('93066', '2A004', '97411'),
      siret: fc.stringMatching(/^\d{14}$/),
      site_web: fc.constantFrom('https://exemple.fr', 'https://exemple.fr/a?b=c,d'),
      reseaux_porteurs: ensemble(REFERENTIELS_OFFRE.reseauxPorteurs.valeurs),
      latitude: coordonnee,
      telephone: fc.constantFrom('+33123456789', '01 48 00 00 00'),
    },
    { requiredKeys: ['source', 'id', 'nom', 'date_maj'] },
  );

const service = (source: string, local: string, structureId: string): fc.Arbitrary<Service> =>
  fc.record(
    {
      source: fc.constant(source),
      structure_id: fc.constant(structureId),
      id: fc.constant(`${source}--${local}`),
      nom: texte(3, 40),
      description: texte(5, 120),
      date_maj: date,
      type: fc.constantFrom(...REFERENTIELS_OFFRE.typesDeServices.valeurs),
      thematiques: ensemble(REFERENTIELS_OFFRE.thematiques.valeurs),
      frais: fc.constantFrom(...REFERENTIELS_OFFRE.frais.valeurs),
      frais_precisions: texte(1, 30),
      publics,
      modes_accueil: ensemble(REFERENTIELS_OFFRE.modesAccueil.valeurs),
      modes_mobilisation: ensemble(REFERENTIELS_OFFRE.modesMobilisation.valeurs),
      mobilisable_par: ensemble(REFERENTIELS_OFFRE.personnesMobilisatrices.valeurs),
      zone_eligibilite: fc.array(
        fc.constantFrom('93', '93066', '200054781', 'france', '2A', '99134', '971'),
        { minLength: 1, maxLength: 3 },
      ),
      courriel: fc.constantFrom('contact@exemple.fr', 'a.b+c@exemple.org'),
      lien_mobilisation: fc.constantFrom('https://exemple.fr/inscription'),
      volume_horaire_hebdomadaire: fc.oneof(fc.integer({ min: 0, max: 35 }), fc.constantFrom(2.5, 7.75)),
      nombre_semaines: fc.integer({ min: 1, max: 52 }),
      longitude: coordonnee,
    },
    { requiredKeys: ['source', 'structure_id', 'id', 'nom', 'description', 'date_maj'] },
  );

export const jeuValide: fc.Arbitrary<JeuOffre> = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    fc.uniqueArray(fc.stringMatching(/^[a-z0-9:_]{1,8}$/), { minLength: 1, maxLength: 3 }),
    fc.uniqueArray(fc.stringMatching(/^[a-z0-9:_]{1,8}$/), { minLength: 0, maxLength: 4 }),
  )
  .chain(([source, idsStructures, idsServices]) =>
    fc.record({
      structures: fc.tuple(...idsStructures.map((id) => structure(source, id))),
      services: fc.tuple(
        ...idsServices.map((id, i) =>
          service(source, id, `${source}--${idsStructures[i % idsStructures.length] ?? ''}`),
        ),
      ),
    }),
  );
