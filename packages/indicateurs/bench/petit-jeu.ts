import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dateIso, moisTexte } from './calendrier.ts';
import { EN_TETE_EVENEMENTS, EN_TETE_SITUATIONS } from './generateur.ts';

/**
 * Petit jeu de données en mémoire (quelques personnes), pour le test de croisement moteur ↔ DuckDB : il s'écrit en
 * CSV au format parcours v1 (ce que lisent DuckDB et la CLI) et se convertit en dossiers du moteur.
 */
export type EtatJeu = 'ouvert' | 'suspendu' | 'radie' | 'clos';

export interface SituationJeu {
  readonly mois: number;
  readonly versable: boolean;
  readonly sdd: boolean;
  /** `null` : colonne laissée vide (défaut de la spec : `ouvert` si versable, sinon `suspendu`). */
  readonly etat: EtatJeu | null;
}

export interface EvenementJeu {
  readonly type: string;
  readonly jour: number;
  readonly organisme?: string | undefined;
  readonly dispositif?: string | undefined;
  readonly statut?: string | undefined;
  readonly conseiller?: string | undefined;
}

export interface PersonneJeu {
  readonly id: string;
  /** Triées par mois, un mois au plus une fois. */
  readonly situations: readonly SituationJeu[];
  /** Dans l'ordre du fichier (pas forcément chronologique). */
  readonly evenements: readonly EvenementJeu[];
}

export function ligneSituation(id: string, s: SituationJeu): string {
  return `${id},${moisTexte(s.mois)},${s.versable ? 'oui' : 'non'},${s.sdd ? 'oui' : 'non'},${s.etat ?? ''}\n`;
}

export function ligneEvenement(id: string, e: EvenementJeu): string {
  return `${id},${e.type},${dateIso(e.jour)},${e.organisme ?? ''},,${e.dispositif ?? ''},${e.statut ?? ''},${
    e.conseiller ?? ''
  },\n`;
}

export async function ecrirePetitJeu(dossier: string, personnes: readonly PersonneJeu[]): Promise<void> {
  await mkdir(dossier, { recursive: true });
  let situations = EN_TETE_SITUATIONS;
  let evenements = EN_TETE_EVENEMENTS;
  for (const p of personnes) {
    for (const s of p.situations) situations += ligneSituation(p.id, s);
    for (const e of p.evenements) evenements += ligneEvenement(p.id, e);
  }
  await writeFile(join(dossier, 'situations_mensuelles.csv'), situations, 'utf8');
  await writeFile(join(dossier, 'evenements.csv'), evenements, 'utf8');
}
