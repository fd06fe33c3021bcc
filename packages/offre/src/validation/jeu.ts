/**
 * Validation d'un jeu (structures + services) : schéma JSON officiel, règles hors schéma, cohérence du jeu
 * (identifiants uniques, services rattachés à une structure du jeu) et contrôles du COG quand les tables sont là.
 * Chaque constat garde le modèle et la position de l'objet dans le jeu, pour que l'import le situe
 * (fichier, feuille, ligne, colonne).
 */
import type { JeuOffre, Modele, Service, Structure } from '../modele.ts';
import { genreZone, type Territoires } from '../territoires.ts';
import type { Constat } from './constat.ts';
import { appliquerRegles, type ContexteRegles } from './regles.ts';
import { validerAuSchema } from './schemas.ts';

export interface ContexteValidation extends ContexteRegles {
  /** Tables du COG ; sans elles, les contrôles de codes sont sautés. */
  readonly territoires?: Territoires;
}

export interface ConstatJeu extends Constat {
  readonly modele: Modele;
  /** Position de l'objet dans `jeu.structures` ou `jeu.services`. */
  readonly index: number;
  /** Son `id`, s'il en a un. */
  readonly id: string | undefined;
}

export interface ResultatValidation {
  readonly valide: boolean;
  readonly constats: readonly ConstatJeu[];
}

const idDe = (o: unknown): string | undefined => {
  const id = (o as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

/** Un objet seul : schéma officiel (code `SCHEMA`) puis règles hors schéma. */
export function validerObjet(modele: Modele, objet: unknown, contexte: ContexteRegles): Constat[] {
  const schema: Constat[] = validerAuSchema(modele, objet).map((e) => ({
    code: 'SCHEMA',
    severite: 'erreur',
    champ: e.champ,
    chemin: e.chemin,
    message: e.message,
  }));
  const regles =
    typeof objet === 'object' && objet !== null && !Array.isArray(objet)
      ? appliquerRegles(modele, objet as Record<string, unknown>, contexte)
      : [];
  return [...schema, ...regles];
}

function idsEnDouble(modele: Modele, objets: readonly unknown[]): ConstatJeu[] {
  const premier = new Map<string, number>();
  const constats: ConstatJeu[] = [];
  objets.forEach((o, index) => {
    const id = idDe(o);
    if (id === undefined) return;
    const deja = premier.get(id);
    if (deja === undefined) {
      premier.set(id, index);
      return;
    }
    constats.push({
      code: 'ID_EN_DOUBLE',
      severite: 'erreur',
      champ: 'id',
      chemin: '/id',
      message: `identifiant « ${id} » déjà utilisé par ${modele === 'service' ? 'le service' : 'la structure'} n° ${deja + 1}`,
      modele,
      index,
      id,
    });
  });
  return constats;
}

/**
 * INT-OFFRE-2 : un service dont `structure_id` ne désigne aucune structure du jeu est une erreur quand le jeu
 * contient des structures (l'export serait incohérent) ; un jeu de services seuls n'est pas vérifié.
 */
function structuresInconnues(jeu: JeuOffre): ConstatJeu[] {
  if (jeu.structures.length === 0) return [];
  const ids = new Set(jeu.structures.map(idDe));
  return jeu.services.flatMap((s, index) => {
    const ref = (s as Partial<Service>).structure_id;
    if (typeof ref !== 'string' || ids.has(ref)) return [];
    return [
      {
        code: 'STRUCTURE_INCONNUE',
        severite: 'erreur' as const,
        champ: 'structure_id',
        chemin: '/structure_id',
        message: `aucune structure du jeu n’a l’identifiant « ${ref} »`,
        modele: 'service' as const,
        index,
        id: idDe(s),
      },
    ];
  });
}

/**
 * Codes du COG (derived · controles_pipeline_data_inclusion) : data·inclusion retire les codes de
 * `zone_eligibilite` invalides et le valideur refuse un `code_insee` inexistant. Ici : avertissement pour la
 * zone (la donnée reste publiable, data·inclusion la nettoiera), erreur pour `code_insee` en mode valideur.
 */
function controlesCog(
  modele: Modele,
  objet: Structure | Service,
  index: number,
  contexte: ContexteValidation,
): ConstatJeu[] {
  const t = contexte.territoires;
  if (t === undefined) return [];
  const constats: ConstatJeu[] = [];
  const base = { modele, index, id: idDe(objet) };
  const insee = objet.code_insee;
  if (typeof insee === 'string' && t.communeExiste(insee) === false) {
    constats.push({
      ...base,
      code: 'CODE_INSEE_INCONNU',
      severite: contexte.mode === 'valideur' ? 'erreur' : 'avertissement',
      champ: 'code_insee',
      chemin: '/code_insee',
      message: `le code commune « ${insee} » n’existe pas au Code officiel géographique`,
    });
  }
  const zones = (objet as Service).zone_eligibilite;
  if (modele === 'service' && Array.isArray(zones)) {
    zones.forEach((code, i) => {
      const genre = genreZone(code);
      if (genre === 'france' || genre === 'pays' || genre === 'inconnu') return; // l'inconnu est une erreur de schéma
      const inconnu =
        genre === 'commune' ? t.communeExiste(code) === false : t.departementsDe(code) === undefined;
      if (!inconnu || (genre === 'epci' && t.communeExiste(code) === undefined)) return;
      constats.push({
        ...base,
        code: 'ZONE_INCONNUE',
        severite: 'avertissement',
        champ: 'zone_eligibilite',
        chemin: `/zone_eligibilite/${i}`,
        message: `le code « ${code} » (${genre}) est inconnu du Code officiel géographique : data·inclusion le retirera`,
      });
    });
  }
  return constats;
}

export function validerJeu(jeu: JeuOffre, contexte: ContexteValidation): ResultatValidation {
  const parObjet = (modele: Modele, objets: readonly (Structure | Service)[]): ConstatJeu[] =>
    objets.flatMap((o, index) => [
      ...validerObjet(modele, o, contexte).map((c) => ({ ...c, modele, index, id: idDe(o) })),
      ...controlesCog(modele, o, index, contexte),
    ]);
  const constats = [
    ...parObjet('structure', jeu.structures),
    ...idsEnDouble('structure', jeu.structures),
    ...parObjet('service', jeu.services),
    ...idsEnDouble('service', jeu.services),
    ...structuresInconnues(jeu),
  ];
  return { valide: !constats.some((c) => c.severite === 'erreur'), constats };
}
