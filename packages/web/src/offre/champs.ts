import { COLONNES, REFERENTIEL_DU_CHAMP, SCHEMAS, type Colonne, type Referentiel } from '@jalon/offre';
import type { ModeleOffre } from './api.ts';

/**
 * Champs des formulaires de l'offre, lus dans le schéma data·inclusion (`@jalon/offre`, COLONNES) : une version
 * correctif du schéma ajoute champs et valeurs sans changer ce code. Seuls les libellés d'interface sont ici.
 */
const LIBELLES: Readonly<Record<string, string>> = {
  nom: 'Nom',
  description: 'Description',
  adresse: 'Adresse',
  complement_adresse: 'Complément d’adresse',
  code_postal: 'Code postal',
  commune: 'Commune',
  code_insee: 'Code commune (Insee)',
  courriel: 'Courriel',
  telephone: 'Téléphone',
  site_web: 'Site web',
  siret: 'SIRET',
  horaires_accueil: 'Horaires d’accueil (format OpenStreetMap)',
  accessibilite_lieu: 'Lien vers l’accessibilité du lieu',
  reseaux_porteurs: 'Réseaux porteurs',
  thematiques: 'Thématiques',
  type: 'Type de service',
  frais: 'Frais',
  frais_precisions: 'Précisions sur les frais',
  publics: 'Publics',
  publics_precisions: 'Précisions sur les publics',
  conditions_acces: 'Conditions d’accès',
  modes_accueil: 'Modes d’accueil',
  modes_mobilisation: 'Modes de mobilisation',
  mobilisable_par: 'Mobilisable par',
  mobilisation_precisions: 'Précisions sur la mobilisation',
  lien_mobilisation: 'Lien de mobilisation',
  contact_nom_prenom: 'Contact (nom et prénom)',
  zone_eligibilite: 'Zone d’éligibilité (codes séparés par des virgules : 44, 44109, france…)',
  volume_horaire_hebdomadaire: 'Volume horaire hebdomadaire (heures)',
  nombre_semaines: 'Nombre de semaines',
  structure_id: 'Structure',
};

/** Champs gérés par le serveur (source, id, date de mise à jour) ou sans saisie utile ici. */
const HORS_FORMULAIRE = new Set([
  'source',
  'id',
  'date_maj',
  'lien_source',
  'latitude',
  'longitude',
  'structure_id',
]);

export interface ChampFormulaire {
  readonly colonne: Colonne;
  readonly libelle: string;
  readonly referentiel: Referentiel | undefined;
}

export function champsDuFormulaire(modele: ModeleOffre): ChampFormulaire[] {
  const referentiels = REFERENTIEL_DU_CHAMP[modele] as Readonly<Record<string, Referentiel>>;
  const proprietes = SCHEMAS[modele].properties as Record<string, { title?: string }>;
  return COLONNES[modele]
    .filter((c) => !HORS_FORMULAIRE.has(c.nom))
    .map((colonne) => ({
      colonne,
      libelle: LIBELLES[colonne.nom] ?? proprietes[colonne.nom]?.title ?? colonne.nom,
      referentiel: referentiels[colonne.nom],
    }));
}

export const libelleChamp = (nom: string): string => LIBELLES[nom] ?? nom;
