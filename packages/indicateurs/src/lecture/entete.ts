/** Lecture de la ligne d'en-tête : colonnes attendues, inconnues, manquantes ou identifiantes (spec parcours-rsa-v1 § 1). */
import { ErreurLecture } from './erreurs.ts';
import { COLONNES_IDENTIFIANTES, messageRefusConfidentialite, normaliserNomColonne } from './identifiants.ts';

export interface DefinitionColonnes<C extends string> {
  readonly obligatoires: readonly C[];
  readonly facultatives: readonly C[];
}

export interface Entete<C extends string> {
  /** Indice de chaque colonne connue dans la ligne, -1 si absente (facultative). */
  readonly indices: Readonly<Record<C, number>>;
  readonly nombreColonnes: number;
  readonly avertissements: readonly string[];
}

export function lireEntete<C extends string>(
  fichier: string,
  noms: readonly string[],
  definition: DefinitionColonnes<C>,
): Entete<C> {
  const connues = [...definition.obligatoires, ...definition.facultatives];
  const indices = Object.fromEntries(connues.map((c) => [c, -1])) as Record<C, number>;
  const avertissements: string[] = [];
  const identifiantes: string[] = [];
  noms.forEach((brut, k) => {
    const nom = normaliserNomColonne(brut);
    const connue = connues.find((c) => c === nom);
    if (connue !== undefined) {
      if (indices[connue] >= 0) {
        throw new ErreurLecture(`${fichier} : la colonne « ${connue} » figure deux fois dans l'en-tête.`);
      }
      indices[connue] = k;
    } else if (COLONNES_IDENTIFIANTES.has(nom)) {
      identifiantes.push(brut.trim());
    } else if (nom === '') {
      avertissements.push(`${fichier} : colonne sans nom (n° ${k + 1}) ignorée.`);
    } else {
      avertissements.push(`${fichier} : colonne inconnue « ${brut.trim()} » ignorée.`);
    }
  });
  if (identifiantes.length > 0) {
    throw new ErreurLecture(
      messageRefusConfidentialite(
        `${fichier} contient des colonnes d'identification directe (${identifiantes.map((c) => `« ${c} »`).join(', ')})`,
      ),
      'confidentialite',
    );
  }
  const manquantes = definition.obligatoires.filter((c) => indices[c] < 0);
  if (manquantes.length > 0) {
    throw new ErreurLecture(
      `${fichier} : colonne(s) obligatoire(s) absente(s) de l'en-tête : ${manquantes.map((c) => `« ${c} »`).join(', ')} ` +
        `(en-tête lu : ${noms.map((n) => `« ${n.trim()} »`).join(', ')}).`,
    );
  }
  return { indices, nombreColonnes: noms.length, avertissements };
}
