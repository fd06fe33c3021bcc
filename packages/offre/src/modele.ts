/**
 * Structures et services de l'offre d'insertion au schéma data·inclusion v1 (`data/structure.json`,
 * `data/service.json`). Les noms de champs sont ceux du schéma, à l'identique (snake_case) : ce sont des noms
 * d'échange, pas du vocabulaire interne. Les valeurs d'énumération restent des `string` : elles sont des données
 * (`referentiels/`), une version correctif du schéma en ajoute sans changer le code.
 *
 * Source : 001 · annexe 1 § 4 (partage en open data « en utilisant le schéma de données commun ») ;
 * 003 · annexe 5 § 1 (« en conformité avec les schémas de données data.inclusion »).
 */

export type Texte = string | null;
export type Liste = readonly string[] | null;

/** Champs communs aux deux modèles. */
interface Commun {
  source: string;
  id: string;
  nom: string;
  date_maj: string;
  adresse?: Texte;
  code_insee?: Texte;
  code_postal?: Texte;
  commune?: Texte;
  complement_adresse?: Texte;
  courriel?: Texte;
  horaires_accueil?: Texte;
  latitude?: number | null;
  longitude?: number | null;
  lien_source?: Texte;
  telephone?: Texte;
}

export interface Structure extends Commun {
  description?: Texte;
  accessibilite_lieu?: Texte;
  reseaux_porteurs?: Liste;
  siret?: Texte;
  site_web?: Texte;
}

export interface Service extends Commun {
  structure_id: string;
  description: string;
  conditions_acces?: Texte;
  contact_nom_prenom?: Texte;
  frais?: Texte;
  frais_precisions?: Texte;
  lien_mobilisation?: Texte;
  mobilisable_par?: Liste;
  mobilisation_precisions?: Texte;
  modes_accueil?: Liste;
  modes_mobilisation?: Liste;
  nombre_semaines?: number | null;
  publics?: Liste;
  publics_precisions?: Texte;
  thematiques?: Liste;
  type?: Texte;
  volume_horaire_hebdomadaire?: number | null;
  zone_eligibilite?: Liste;
}

export type Modele = 'structure' | 'service';

/** Un jeu de l'offre : ce qu'un producteur publie (structures et services). */
export interface JeuOffre {
  structures: Structure[];
  services: Service[];
}
