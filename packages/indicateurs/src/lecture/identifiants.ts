/**
 * Données personnelles minimales (DESIGN.md, principe 6 ; spec parcours-rsa-v1 : « le moteur ne reçoit ni nom, ni
 * NIR, ni adresse ») : repérage des colonnes d'identification directe et des identifiants en forme de NIR.
 */

/** Normalise un nom de colonne : sans accents, minuscules, espaces et tirets → `_` (spec § 1 : casse et accents indifférents). */
export function normaliserNomColonne(nom: string): string {
  return nom
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.']+/g, '_');
}

/** Noms (normalisés) de colonnes qui identifient directement une personne (INT-LECT-5). */
export const COLONNES_IDENTIFIANTES: ReadonlySet<string> = new Set([
  'nir',
  'nir_cle',
  'nss',
  'numero_securite_sociale',
  'numero_de_securite_sociale',
  'num_securite_sociale',
  'numero_secu',
  'num_secu',
  'no_secu',
  'securite_sociale',
  'nom',
  'nom_naissance',
  'nom_de_naissance',
  'nom_usage',
  'nom_d_usage',
  'nom_famille',
  'nom_de_famille',
  'nom_patronymique',
  'prenom',
  'prenoms',
  'date_naissance',
  'date_de_naissance',
  'lieu_naissance',
  'lieu_de_naissance',
  'adresse',
  'adresse_postale',
  'telephone',
  'tel',
  'portable',
  'mobile',
  'courriel',
  'email',
  'e_mail',
  'mail',
  'adresse_mail',
  'adresse_email',
  'adresse_courriel',
]);

/**
 * Vrai si la valeur a la forme d'un NIR : 13 ou 15 caractères (clé comprise), commençant par 1 ou 2, espaces
 * ignorés ; la Corse s'écrit 2A / 2B à la place du département (INT-LECT-5).
 */
export function ressembleAUnNir(valeur: string): boolean {
  const v = valeur.replace(/\s+/g, '');
  if (v.length !== 13 && v.length !== 15) return false;
  return /^[12]\d{4}(?:\d{2}|2[ABab])\d{6}(?:\d{2})?$/.test(v);
}

/** Message de refus commun, qui renvoie vers la pseudonymisation. */
export function messageRefusConfidentialite(detail: string): string {
  return (
    `Données refusées : ${detail}. Le moteur ne reçoit que des identifiants pseudonymisés (ni NIR, ni nom, ni ` +
    `adresse). Pseudonymisez l'extraction avec « jalon pseudonymiser --entree <fichier|dossier> --sortie <dossier> ` +
    `--cle <fichier-clé> » (voir docs/indicateurs-cli.md), puis relancez le calcul sur le dossier produit.`
  );
}
