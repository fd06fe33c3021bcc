/**
 * Référentiels de l'offre d'insertion, lus depuis les fichiers data·inclusion v1.0.8 copiés dans `data/`
 * (« GIP Plateforme de l’inclusion – schéma data·inclusion v1.0.8,
 * https://github.com/gip-inclusion/data-inclusion-schema, mise à jour du 27/04/2026 », Licence Ouverte 2.0).
 * Aucune valeur n'est recopiée dans le code.
 */
import frais from '../../data/extra/frais.json' with { type: 'json' };
import modesAccueil from '../../data/extra/modes-accueil.json' with { type: 'json' };
import modesMobilisation from '../../data/extra/modes-mobilisation.json' with { type: 'json' };
import personnesMobilisatrices from '../../data/extra/personnes-mobilisatrices.json' with { type: 'json' };
import publics from '../../data/extra/publics.json' with { type: 'json' };
import reseauxPorteurs from '../../data/extra/reseaux-porteurs.json' with { type: 'json' };
import thematiques from '../../data/extra/thematiques.json' with { type: 'json' };
import typesDeServices from '../../data/extra/types-de-services.json' with { type: 'json' };
import typologiesDeServices from '../../data/extra/typologies-de-services.json' with { type: 'json' };
import categoriesThematiques from '../../data/derived/categories-thematiques.derived.json' with { type: 'json' };
import { chargerCategories } from './categories.ts';
import { chargerReferentiel } from './referentiel.ts';

export * from './categories.ts';
export * from './referentiel.ts';

/** Version du schéma data·inclusion des fichiers de `data/` (data/README.md). */
export const VERSION_SCHEMA_DATA_INCLUSION = '1.0.8';

export const REFERENTIELS_OFFRE = {
  thematiques: chargerReferentiel('thematiques', thematiques),
  /** Champ `type` d'un service. */
  typesDeServices: chargerReferentiel('types-de-services', typesDeServices),
  frais: chargerReferentiel('frais', frais),
  publics: chargerReferentiel('publics', publics),
  modesAccueil: chargerReferentiel('modes-accueil', modesAccueil),
  modesMobilisation: chargerReferentiel('modes-mobilisation', modesMobilisation),
  /** Champ `mobilisable_par` d'un service. */
  personnesMobilisatrices: chargerReferentiel('personnes-mobilisatrices', personnesMobilisatrices),
  /** Champ `reseaux_porteurs` d'une structure. */
  reseauxPorteurs: chargerReferentiel('reseaux-porteurs', reseauxPorteurs),
  /**
   * Orphelin de la v0 : aucun champ v1 ne l'utilise (README data·inclusion). Gardé pour lire d'anciens fichiers
   * et pour l'afficher, jamais pour valider.
   */
  typologiesDeServices: chargerReferentiel('typologies-de-services', typologiesDeServices),
} as const;

export const CATEGORIES_THEMATIQUES = chargerCategories(categoriesThematiques);

/** Champ du schéma → référentiel qui en donne les valeurs (pour les formulaires et les contrôles de cohérence). */
export const REFERENTIEL_DU_CHAMP = {
  service: {
    thematiques: REFERENTIELS_OFFRE.thematiques,
    type: REFERENTIELS_OFFRE.typesDeServices,
    frais: REFERENTIELS_OFFRE.frais,
    publics: REFERENTIELS_OFFRE.publics,
    modes_accueil: REFERENTIELS_OFFRE.modesAccueil,
    modes_mobilisation: REFERENTIELS_OFFRE.modesMobilisation,
    mobilisable_par: REFERENTIELS_OFFRE.personnesMobilisatrices,
  },
  structure: { reseaux_porteurs: REFERENTIELS_OFFRE.reseauxPorteurs },
} as const;
