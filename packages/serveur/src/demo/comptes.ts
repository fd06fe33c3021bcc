import type { Role } from '@jalon/schemas';
import type { NouveauCompte } from '../depots/ports.ts';

/** Mot de passe commun des comptes de démonstration (documenté : docs/plateforme.md). */
export const MOT_DE_PASSE_DEMO = 'demo-jalon';

interface CompteDemo {
  readonly identifiant: string;
  readonly nom: string;
  readonly role: Role;
  readonly collectiviteId?: string;
  readonly departement?: string;
  readonly region?: string;
  readonly territoire: string;
}

const parDepartement = (code: string, nom: string): CompteDemo[] => [
  {
    identifiant: `agent.${code}`,
    nom: `Agent fictif (${nom})`,
    role: 'departement_agent',
    collectiviteId: `departement:${code}`,
    territoire: nom,
  },
  {
    identifiant: `valideur.${code}`,
    nom: `Valideur fictif (${nom})`,
    role: 'departement_valideur',
    collectiviteId: `departement:${code}`,
    territoire: nom,
  },
  {
    identifiant: `ddets.${code}`,
    nom: `DDETS fictive (${nom})`,
    role: 'ddets',
    departement: code,
    territoire: nom,
  },
];

export const COMPTES_DEMO: readonly CompteDemo[] = [
  ...parDepartement('37', 'Indre-et-Loire'),
  ...parDepartement('44', 'Loire-Atlantique'),
  ...parDepartement('59', 'Nord'),
  {
    identifiant: 'commissaire.24',
    nom: 'Commissaire fictif',
    role: 'commissaire',
    region: '24',
    territoire: 'Centre-Val de Loire',
  },
  {
    identifiant: 'commissaire.52',
    nom: 'Commissaire fictive',
    role: 'commissaire',
    region: '52',
    territoire: 'Pays de la Loire',
  },
  {
    identifiant: 'commissaire.32',
    nom: 'Commissaire fictif',
    role: 'commissaire',
    region: '32',
    territoire: 'Hauts-de-France',
  },
  {
    // Commissaire d'une région d'outre-mer (article 73) : décide la part des crédits conservée par l'État à
    // La Réunion (001 · I.4), notifiée dans l'enveloppe CALPAE 2023 de démonstration.
    identifiant: 'commissaire.04',
    nom: 'Commissaire fictif (La Réunion)',
    role: 'commissaire',
    region: '04',
    territoire: 'La Réunion',
  },
  {
    identifiant: 'national',
    nom: 'Administration centrale (fictive)',
    role: 'national',
    territoire: 'France entière',
  },
];

export const versNouveauCompte = (compte: CompteDemo, hashMotDePasse: string): NouveauCompte => ({
  identifiant: compte.identifiant,
  nom: compte.nom,
  role: compte.role,
  hashMotDePasse,
  collectiviteId: compte.collectiviteId ?? null,
  departement: compte.departement ?? null,
  region: compte.region ?? null,
});
