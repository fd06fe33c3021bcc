/**
 * Analyse des manques de l'offre d'un département (pure) : services par catégorie de thématiques et par zone
 * d'éligibilité, freins périphériques sans réponse, offres intensives. « Éviter les doublons et cibler les
 * segments non couverts », « identifier les thématiques à renforcer et les thématiques pluri-recensées »
 * (003 · annexe 5) ; cartographie de l'offre (001 · annexe 1 § 4).
 */
import type { JeuOffre, Service, Structure } from '../modele.ts';
import { CATEGORIES_THEMATIQUES } from '../referentiels/index.ts';
import { genreZone, type Territoires } from '../territoires.ts';
import { FREINS, HEURES_HEBDOMADAIRES_INTENSIF } from './freins.ts';

/** Comment un service touche le département (INT-OFFRE-5). */
export type Portee = 'national' | 'departement' | 'infra' | 'adresse';

export interface ServiceSitue {
  readonly id: string;
  readonly nom: string;
  readonly portee: Portee;
  /** Codes de zone qui le rattachent au département (vide si rattaché par l'adresse). */
  readonly zones: readonly string[];
  readonly categories: readonly string[];
}

export interface LigneCategorie {
  readonly categorie: string;
  readonly libelle: string;
  readonly services: number;
  /** Dont services couvrant tout le département (national ou départemental). */
  readonly servicesToutLeDepartement: number;
  /** Frein périphérique auquel la catégorie répond, s'il y en a un. */
  readonly frein: string | undefined;
  /** Aucun service : segment non couvert. */
  readonly manque: boolean;
}

export interface LigneFrein {
  readonly frein: string;
  readonly libelle: string;
  readonly source: string;
  readonly services: number;
  readonly servicesToutLeDepartement: number;
  /** Zones infra-départementales (communes, EPCI) couvertes par au moins un service du frein. */
  readonly zonesCouvertes: readonly string[];
  readonly manque: boolean;
}

export interface LigneZone {
  readonly zone: string;
  readonly genre: 'departement' | 'commune' | 'epci';
  /** Nombre de services par catégorie, propres à cette zone (les services départementaux sont comptés à part). */
  readonly parCategorie: Readonly<Record<string, number>>;
  readonly services: number;
}

export interface OffreIntensive {
  readonly id: string;
  readonly nom: string;
  readonly volume_horaire_hebdomadaire: number;
  readonly nombre_semaines: number | null;
  /** Volume total en minutes (volume hebdomadaire × semaines), entier ; `null` sans nombre de semaines. */
  readonly minutesTotales: number | null;
  /** Le service seul atteint-il 15 h par semaine ? */
  readonly atteintSeuil: boolean;
}

export interface AnalyseManques {
  readonly departement: string;
  readonly services: readonly ServiceSitue[];
  readonly parCategorie: readonly LigneCategorie[];
  readonly freins: readonly LigneFrein[];
  readonly zones: readonly LigneZone[];
  readonly intensif: {
    readonly seuilHeuresHebdomadaires: number;
    readonly avecVolume: readonly OffreIntensive[];
    readonly atteignantSeuil: number;
    /** Services du département sans volume horaire (information non disponible ou sans objet). */
    readonly sansVolume: number;
  };
  /** Services sans aucun rattachement possible (zone inconnue, EPCI sans table…) : listés, jamais perdus. */
  readonly nonRattaches: readonly { readonly id: string; readonly raison: string }[];
  /** Thématiques non reconnues (version du schéma plus récente ?). */
  readonly thematiquesInconnues: readonly string[];
}

function categoriesDu(service: Service, inconnues: Set<string>): string[] {
  const cats = new Set<string>();
  for (const t of service.thematiques ?? []) {
    const c = CATEGORIES_THEMATIQUES.categorieDe(t);
    if (c === undefined) inconnues.add(t);
    else cats.add(c.value);
  }
  return [...cats];
}

type Situation = { portee: Portee; zones: string[] } | { horsDepartement: true } | { nonRattache: string };

/** Où est le service par rapport au département (INT-OFFRE-5). */
function situer(
  service: Service,
  structure: Structure | undefined,
  departement: string,
  t: Territoires,
): Situation {
  const zones = service.zone_eligibilite;
  if (Array.isArray(zones) && zones.length > 0) {
    let national = false;
    let toutDep = false;
    const infra: string[] = [];
    const inconnues: string[] = [];
    for (const code of zones) {
      const genre = genreZone(code);
      const deps = t.departementsDe(code);
      if (deps === undefined) {
        inconnues.push(code);
        continue;
      }
      if (!deps.includes(departement)) continue;
      if (genre === 'france') national = true;
      else if (genre === 'departement') toutDep = true;
      else infra.push(code);
    }
    if (national) return { portee: 'national', zones: ['france'] };
    if (toutDep) return { portee: 'departement', zones: [departement] };
    if (infra.length > 0) return { portee: 'infra', zones: infra };
    if (inconnues.length > 0)
      return { nonRattache: `zone(s) sans rattachement connu : ${inconnues.join(', ')}` };
    return { horsDepartement: true };
  }
  // Sans zone d'éligibilité : l'adresse du service, sinon celle de sa structure.
  const insee = service.code_insee ?? structure?.code_insee ?? null;
  if (typeof insee === 'string') {
    const deps = t.departementsDe(insee);
    if (deps === undefined) return { nonRattache: `code commune « ${insee} » sans département connu` };
    return deps.includes(departement) ? { portee: 'adresse', zones: [] } : { horsDepartement: true };
  }
  return { nonRattache: 'ni zone d’éligibilité ni code commune (service ou structure)' };
}

function minutes(heures: number): number {
  return Math.round(heures * 60);
}

export function analyserManques(
  jeu: JeuOffre,
  departement: string,
  territoires: Territoires,
): AnalyseManques {
  const structures = new Map(jeu.structures.map((s) => [s.id, s]));
  const inconnues = new Set<string>();
  const situes: (ServiceSitue & { service: Service })[] = [];
  const nonRattaches: { id: string; raison: string }[] = [];
  for (const service of jeu.services) {
    const situation = situer(service, structures.get(service.structure_id), departement, territoires);
    if ('horsDepartement' in situation) continue;
    if ('nonRattache' in situation) {
      nonRattaches.push({ id: service.id, raison: situation.nonRattache });
      continue;
    }
    situes.push({
      service,
      id: service.id,
      nom: service.nom,
      portee: situation.portee,
      zones: situation.zones,
      categories: categoriesDu(service, inconnues),
    });
  }
  const toutLeDep = (s: ServiceSitue): boolean => s.portee === 'national' || s.portee === 'departement';
  const freinDe = new Map(FREINS.flatMap((f) => f.categories.map((c) => [c, f.code] as const)));

  const parCategorie: LigneCategorie[] = CATEGORIES_THEMATIQUES.liste.map((c) => {
    const siens = situes.filter((s) => s.categories.includes(c.value));
    return {
      categorie: c.value,
      libelle: c.label,
      services: siens.length,
      servicesToutLeDepartement: siens.filter(toutLeDep).length,
      frein: freinDe.get(c.value),
      manque: siens.length === 0,
    };
  });

  const freins: LigneFrein[] = FREINS.map((f) => {
    const siens = situes.filter((s) => s.categories.some((c) => f.categories.includes(c)));
    return {
      frein: f.code,
      libelle: f.libelle,
      source: f.source,
      services: siens.length,
      servicesToutLeDepartement: siens.filter(toutLeDep).length,
      zonesCouvertes: [...new Set(siens.filter((s) => s.portee === 'infra').flatMap((s) => s.zones))].sort(),
      manque: siens.length === 0,
    };
  });

  const zonesMap = new Map<
    string,
    { genre: LigneZone['genre']; parCategorie: Record<string, number>; services: number }
  >();
  const ajouterZone = (zone: string, genre: LigneZone['genre'], s: ServiceSitue): void => {
    const z = zonesMap.get(zone) ?? { genre, parCategorie: {}, services: 0 };
    z.services++;
    for (const c of s.categories) z.parCategorie[c] = (z.parCategorie[c] ?? 0) + 1;
    zonesMap.set(zone, z);
  };
  for (const s of situes) {
    if (toutLeDep(s)) ajouterZone(departement, 'departement', s);
    else if (s.portee === 'infra')
      for (const z of s.zones) ajouterZone(z, genreZone(z) === 'epci' ? 'epci' : 'commune', s);
  }
  const zones: LigneZone[] = [...zonesMap]
    .map(([zone, z]) => ({ zone, ...z }))
    .sort((a, b) =>
      a.genre === 'departement' ? -1 : b.genre === 'departement' ? 1 : a.zone.localeCompare(b.zone),
    );

  const avecVolume: OffreIntensive[] = situes
    .filter((s) => typeof s.service.volume_horaire_hebdomadaire === 'number')
    .map(({ service }) => {
      const vh = service.volume_horaire_hebdomadaire as number;
      const ns = service.nombre_semaines ?? null;
      return {
        id: service.id,
        nom: service.nom,
        volume_horaire_hebdomadaire: vh,
        nombre_semaines: ns,
        minutesTotales: ns === null ? null : minutes(vh) * ns,
        atteintSeuil: minutes(vh) >= HEURES_HEBDOMADAIRES_INTENSIF * 60,
      };
    })
    .sort(
      (a, b) => b.volume_horaire_hebdomadaire - a.volume_horaire_hebdomadaire || a.id.localeCompare(b.id),
    );

  return {
    departement,
    services: situes.map(({ service: _s, ...reste }) => reste),
    parCategorie,
    freins,
    zones,
    intensif: {
      seuilHeuresHebdomadaires: HEURES_HEBDOMADAIRES_INTENSIF,
      avecVolume,
      atteignantSeuil: avecVolume.filter((o) => o.atteintSeuil).length,
      sansVolume: situes.length - avecVolume.length,
    },
    nonRattaches,
    thematiquesInconnues: [...inconnues].sort(),
  };
}
