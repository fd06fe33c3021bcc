import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeDisponible } from '@jalon/documents';
import type {
  Collectivite,
  ConventionDetail,
  ConventionResume,
  DocumentsConvention,
  MatriceIndicateurs,
} from '@jalon/schemas';
import { estPublique } from '../src/http/securite.ts';
import { REGLAGES_SECURITE } from '../src/http/securite-reglages.ts';
import { applicationDemo, type ApplicationTest } from './aide/application.ts';
import { Client, corps } from './aide/client.ts';

/**
 * Test de sécurité (issue « Plateforme » § 5) : CHAQUE route de l'API × CHAQUE rôle. Les routes sont lues dans
 * le document OpenAPI, et l'on vérifie que le routeur n'en a pas d'autres : une route ajoutée sans exemple de
 * requête ici fait échouer le test. Les corps envoyés sont VALIDES (un refus 422 ne compterait pas) : seul le
 * contrôle de rôle et de territoire doit refuser (403 ou 404), et rien ne doit changer en base.
 */
let t: ApplicationTest;
let national: Client;

/** Sans LibreOffice (hors CI), pas de dépôt figé possible : la route de ses fichiers n'est alors pas essayée. */
const SANS_DEPOT = !libreOfficeDisponible() && !process.env.CI;

beforeAll(async () => {
  // Limites de débit relevées : ce test envoie des centaines de requêtes d'import depuis une même « adresse » ;
  // il porte sur les rôles et territoires, la limitation a ses propres tests.
  const grand = { points: 100_000, dureeS: 60 };
  t = await applicationDemo(undefined, {
    securite: {
      ...REGLAGES_SECURITE,
      limites: { ...REGLAGES_SECURITE.limites, importParIp: grand, importParCompte: grand },
    },
  });
  national = new Client(t.app);
  await national.connecter('national');
  await semerDonnees();
  if (SANS_DEPOT) return;
  // Un rapport déposé (dépôt figé, issue 5) sur chaque convention 2023 et 2024 ciblée, par son valideur.
  for (const code of ['37', '44', '59']) {
    const valideur = new Client(t.app);
    await valideur.connecter(`valideur.${code}`);
    for (const exercice of [2023, 2024]) {
      const { convention } = await cible(code, exercice);
      const r = await valideur.requete('POST', `/api/conventions/${convention.id}/depots-rapport`, {
        version: convention.version,
      });
      if (r.statut !== 201) throw new Error(`dépôt ${code} ${exercice} : ${JSON.stringify(r.corps)}`);
    }
  }
}, 600_000);
afterAll(async () => {
  await t.base.fermer();
});

interface Cible {
  readonly convention: ConventionResume;
  readonly ficheId: number;
  readonly indicateur: string;
  /** Un dépôt figé du rapport et l'un de ses fichiers (déposés dans `beforeAll`, issue 5). */
  readonly depotId: number;
  readonly fichierDepot: string;
  /** Un profil de correspondance de la collectivité et un import de données (semés par `semerDonnees`). */
  readonly profilId: number;
  readonly importId: number;
}

/** Données réelles (docs/donnees-reelles.md § 4) : un profil par collectivité et un import par convention ciblée. */
const PROFIL_TEST = {
  format: 'jalon.profil/1',
  nom: 'Export test',
  cible: 'evenements',
  identifiant: { colonne: 'id', pseudonymiser: false },
  regles: [{ nom: 'rdv', champs: { type: { valeur: 'rdv' }, date: { colonne: 'date' } } }],
};
async function semerDonnees(): Promise<void> {
  const d = t.persistance.depots.donnees;
  for (const code of ['37', '44', '59']) {
    await d.creerProfil({
      collectiviteId: `departement:${code}`,
      nom: 'Export test',
      profil: PROFIL_TEST,
      modifiePar: 'test',
    });
    for (const exercice of [2023, 2024]) {
      const { convention } = await cible(code, exercice);
      await d.enregistrerImport(
        {
          convention_id: convention.id,
          annee: 2022,
          qui: 'test',
          forme: 'echange',
          profil: null,
          fichiers: [],
          empreinte: 'sha256:0',
          moteur_version: 'test',
          lignes: { situations: 0, evenements: 0 },
          anomalies: [],
          avertissements: [],
          indicateurs: {},
          ignores: [],
        },
        [
          {
            indicateur: 'orientes_1_mois',
            lignes: 0,
            retenues: 0,
            csvGz: gzipSync('id_personne;indicateur\r\n'),
          },
        ],
      );
    }
  }
}

async function cible(code: string, exercice: number): Promise<Cible> {
  const liste = corps<{ conventions: ConventionResume[] }>(
    await national.get(`/api/conventions?collectivite=departement:${code}&exercice=${exercice}`),
  ).conventions;
  const convention = liste[0];
  if (convention === undefined) throw new Error('convention de démonstration absente');
  const detail = corps<ConventionDetail>(await national.get(`/api/conventions/${convention.id}`));
  const matrice = corps<MatriceIndicateurs>(
    await national.get(`/api/conventions/${convention.id}/indicateurs`),
  );
  const documents = corps<DocumentsConvention>(
    await national.get(`/api/conventions/${convention.id}/documents`),
  );
  const profils = await t.persistance.depots.donnees.listerProfils(detail.convention.collectivite.id);
  const imports = await t.persistance.depots.donnees.listerImports(convention.id);
  return {
    profilId: profils[0]?.id ?? -1,
    importId: imports[0]?.id ?? -1,
    convention: detail.convention,
    ficheId: detail.fiches_actions[0]?.id ?? -1,
    indicateur: matrice.indicateurs[0]?.code ?? '',
    depotId: documents.depots[0]?.id ?? -1,
    fichierDepot: documents.depots[0]?.fichiers[0]?.nom ?? '',
  };
}

/** Une requête VALIDE par route (méthode + chemin OpenAPI) contre une cible. */
type Exemple = (c: Cible) => { chemin: string; corps?: unknown };
const EXEMPLES: Record<string, Exemple> = {
  // Données réelles. Les deux routes multipart contrôlent rôle et territoire AVANT de lire le corps : le corps JSON
  // envoyé ici n'est jamais lu (refus 403/404 attendu, pas 422).
  'GET /api/collectivites/{collectivite}/profils': (c) => ({
    chemin: `/api/collectivites/${c.convention.collectivite.id}/profils`,
  }),
  'POST /api/collectivites/{collectivite}/profils': (c) => ({
    chemin: `/api/collectivites/${c.convention.collectivite.id}/profils`,
    corps: { nom: 'intrusion', profil: PROFIL_TEST },
  }),
  'PUT /api/collectivites/{collectivite}/profils/{profilId}': (c) => ({
    chemin: `/api/collectivites/${c.convention.collectivite.id}/profils/${c.profilId}`,
    corps: { nom: 'intrusion', profil: PROFIL_TEST, version: 1 },
  }),
  'DELETE /api/collectivites/{collectivite}/profils/{profilId}': (c) => ({
    chemin: `/api/collectivites/${c.convention.collectivite.id}/profils/${c.profilId}?version=1`,
  }),
  'POST /api/collectivites/{collectivite}/profils/apercu': (c) => ({
    chemin: `/api/collectivites/${c.convention.collectivite.id}/profils/apercu`,
    corps: { profil: String(c.profilId) },
  }),
  'POST /api/conventions/{id}/donnees': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/donnees`,
    corps: { version: c.convention.version, annee: 2022 },
  }),
  'GET /api/conventions/{id}/donnees/imports': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/donnees/imports`,
  }),
  'GET /api/conventions/{id}/donnees/imports/{importId}/explications/{indicateur}': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/donnees/imports/${c.importId}/explications/orientes_1_mois`,
  }),
  'GET /api/collectivites': () => ({ chemin: '/api/collectivites' }),
  'GET /api/conventions': () => ({ chemin: '/api/conventions' }),
  'DELETE /api/session': () => ({ chemin: '/api/session' }),
  'POST /api/oidc/deconnexion': () => ({ chemin: '/api/oidc/deconnexion' }),
  'GET /api/identites': () => ({ chemin: '/api/identites' }),
  'POST /api/identites': () => ({
    chemin: '/api/identites',
    corps: { email: 'intrus@exemple.test', nom: 'Intrus', role: 'national' },
  }),
  'PUT /api/identites/{id}': () => ({
    chemin: '/api/identites/1',
    corps: { nom: 'Intrus', role: 'national' },
  }),
  'DELETE /api/identites/{id}': () => ({ chemin: '/api/identites/1' }),
  'GET /api/conventions/{id}': (c) => ({ chemin: `/api/conventions/${c.convention.id}` }),
  'PATCH /api/conventions/{id}': (c) => ({
    chemin: `/api/conventions/${c.convention.id}`,
    corps: { version: c.convention.version, enveloppe_etat: 1 },
  }),
  'POST /api/conventions/{id}/depot': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/depot`,
    corps: { version: c.convention.version },
  }),
  'POST /api/conventions/{id}/validation': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/validation`,
    corps: { version: c.convention.version },
  }),
  // Cycle de vie (issue 6) : « délibérer » n'est permis qu'au valideur de la collectivité (001 · annexe 4 § 2).
  'GET /api/conventions/{id}/transitions': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/transitions`,
  }),
  'POST /api/conventions/{id}/transitions': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/transitions`,
    corps: { version: c.convention.version, code: 'deliberer', date: '2024-01-15' },
  }),
  // Note d'analyse (issue 6 § 4) : écrite par le commissaire de la région quand le rapport est déposé.
  'GET /api/conventions/{id}/note-analyse': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/note-analyse`,
  }),
  'GET /api/conventions/{id}/note-analyse.docx': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/note-analyse.docx`,
  }),
  'PUT /api/conventions/{id}/note-analyse': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/note-analyse`,
    corps: { version: c.convention.version, justification: 'intrusion' },
  }),
  // Tableaux de bord (issue 6 § 6) : la région de la cible ; la vue nationale est traitée à part (VUES_NATIONALES).
  'GET /api/tableaux-bord/regions/{code}': (c) => ({
    chemin: `/api/tableaux-bord/regions/${c.convention.collectivite.region ?? '00'}?annee=2022`,
  }),
  'GET /api/tableaux-bord/national': () => ({ chemin: '/api/tableaux-bord/national?annee=2022' }),
  // Échéances, rappels, calendrier, bilans partagés (issue 6 § 2 et 3).
  'GET /api/echeances': (c) => ({ chemin: `/api/echeances?collectivite=${c.convention.collectivite.id}` }),
  'GET /api/rappels/boite': () => ({ chemin: '/api/rappels/boite' }),
  'POST /api/rappels/envoi': () => ({ chemin: '/api/rappels/envoi' }),
  'GET /api/calendrier/jeton': () => ({ chemin: '/api/calendrier/jeton' }),
  'POST /api/calendrier/jeton': () => ({ chemin: '/api/calendrier/jeton' }),
  'DELETE /api/calendrier/jeton': () => ({ chemin: '/api/calendrier/jeton' }),
  'GET /api/conventions/{id}/bilans': (c) => ({ chemin: `/api/conventions/${c.convention.id}/bilans` }),
  'POST /api/conventions/{id}/bilans': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/bilans`,
    corps: {
      date_bilan: '2024-03-01',
      participants: 'intrusion',
      constats: '',
      decisions: '',
      exercice: null,
      actions: [],
      indicateurs: [],
    },
  }),
  'PUT /api/conventions/{id}/bilans/{bilanId}': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/bilans/999999`,
    corps: {
      version: 1,
      date_bilan: '2024-03-01',
      participants: 'intrusion',
      constats: '',
      decisions: '',
      exercice: null,
      actions: [],
      indicateurs: [],
    },
  }),
  'DELETE /api/conventions/{id}/bilans/{bilanId}': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/bilans/999999?version=1`,
  }),
  // Enveloppes (issue 6 § 5) : lecture par l'État, fixation par le national, simulation par le commissaire.
  'GET /api/enveloppes/{cadre}/{exercice}': () => ({ chemin: '/api/enveloppes/calpae-2023/2023' }),
  'PUT /api/enveloppes/{cadre}/{exercice}': () => ({
    chemin: '/api/enveloppes/calpae-2023/2023',
    corps: { montant: 100, cles: [{ collectivite_id: 'departement:37', poids: 1 }] },
  }),
  // Part conservée outre-mer : toujours La Réunion (974, région 04), hors du territoire de chaque compte essayé.
  'PUT /api/enveloppes/{cadre}/{exercice}/outre-mer/{collectivite}': () => ({
    chemin: '/api/enveloppes/calpae-2023/2023/outre-mer/departement:974',
    corps: { credits_socle: 100, conserve_socle: 10, concertation_le: '2023-01-10', motif: 'intrusion' },
  }),
  'POST /api/enveloppes/{cadre}/{exercice}/regions/{region}/simulation': (c) => ({
    chemin: `/api/enveloppes/calpae-2023/2023/regions/${c.convention.collectivite.region ?? '00'}/simulation`,
    corps: { lignes: [{ collectivite_id: c.convention.collectivite.id, attribue: 0 }] },
  }),
  'GET /api/conventions/{id}/historique': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/historique`,
  }),
  'GET /api/conventions/{id}/export': (c) => ({ chemin: `/api/conventions/${c.convention.id}/export` }),
  'POST /api/conventions/import': (c) => ({
    chemin: `/api/conventions/import?version=${c.convention.version}`,
    corps: {
      format: 'jalon.convention/1',
      cadre: c.convention.cadre,
      collectivite: { type: c.convention.collectivite.type, code: c.convention.collectivite.code },
      exercice: c.convention.exercice,
      regime: 'civil',
      duree_mois: 12,
      enveloppe_etat: 1,
      actions: [],
    },
  }),
  'POST /api/conventions/{id}/fiches': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/fiches`,
    corps: {
      version: c.convention.version,
      numero: 'Z.9',
      intitule: 'intrusion',
      mesure: c.convention.cadre === 'france-travail-2024' ? 'remobilisation' : 'mobilite',
      ...(c.convention.cadre === 'france-travail-2024' ? { volet: 2 } : {}),
    },
  }),
  'PATCH /api/conventions/{id}/fiches/{ficheId}': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/fiches/${c.ficheId}`,
    corps: { version: c.convention.version, intitule: 'intrusion' },
  }),
  'DELETE /api/conventions/{id}/fiches/{ficheId}': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/fiches/${c.ficheId}?version=${c.convention.version}`,
  }),
  'PUT /api/conventions/{id}/lignes-financieres': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/lignes-financieres`,
    corps: { version: c.convention.version, lignes: [{ fiche_id: c.ficheId, previsionnel: { cd: 0 } }] },
  }),
  'GET /api/conventions/{id}/indicateurs': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/indicateurs`,
  }),
  'PUT /api/conventions/{id}/indicateurs': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/indicateurs`,
    corps: {
      version: c.convention.version,
      valeurs: [{ indicateur: c.indicateur, annee: 2020, nature: 'resultat', valeur: 1 }],
    },
  }),
  'POST /api/conventions/{id}/indicateurs/import': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/indicateurs/import`,
    corps: { version: c.convention.version, resultat: { annee: 2020, indicateurs: { [c.indicateur]: 1 } } },
  }),
  'GET /api/conventions/{id}/france-travail': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/france-travail`,
  }),
  'PUT /api/conventions/{id}/france-travail': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/france-travail`,
    corps: { version: c.convention.version, parcours_types: [] },
  }),
  // Documents (issue 5). Le ré-import vérifie les droits AVANT de lire le fichier : un refus 422 (fichier) au lieu
  // de 403/404 ferait échouer ce test.
  'GET /api/conventions/{id}/documents': (c) => ({ chemin: `/api/conventions/${c.convention.id}/documents` }),
  'GET /api/conventions/{id}/documents/{type}': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/documents/tableau-financier`,
  }),
  'POST /api/conventions/{id}/tableau-financier/xlsx': (c) => {
    const formulaire = new FormData();
    formulaire.set('version', String(c.convention.version));
    formulaire.set('fichier', new File([new Uint8Array([80, 75, 3, 4])], 'tableau.xlsx'));
    return { chemin: `/api/conventions/${c.convention.id}/tableau-financier/xlsx`, corps: formulaire };
  },
  'GET /api/conventions/{id}/rapport/textes': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/rapport/textes`,
  }),
  'PUT /api/conventions/{id}/rapport/textes': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/rapport/textes`,
    corps: { version: c.convention.version, textes: { introduction: 'intrusion' } },
  }),
  'POST /api/conventions/{id}/depots-rapport': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/depots-rapport`,
    corps: { version: c.convention.version },
  }),
  'GET /api/conventions/{id}/depots-rapport/{depotId}/fichiers/{nom}': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/depots-rapport/${c.depotId}/fichiers/${encodeURIComponent(c.fichierDepot)}`,
  }),
  // Offre d'insertion (issue 8) : par collectivité ; objets inexistants (refus avant toute recherche).
  'GET /api/offre/{collectivite}': (c) => ({ chemin: `/api/offre/${c.convention.collectivite.id}` }),
  'GET /api/offre/{collectivite}/manques': (c) => ({
    chemin: `/api/offre/${c.convention.collectivite.id}/manques`,
  }),
  'GET /api/offre/{collectivite}/export': (c) => ({
    chemin: `/api/offre/${c.convention.collectivite.id}/export?fichier=services.json`,
  }),
  'POST /api/offre/{collectivite}/import': (c) => ({
    chemin: `/api/offre/${c.convention.collectivite.id}/import`,
    corps: { fichiers: [{ nom: 'services.json', contenu_base64: Buffer.from('[]').toString('base64') }] },
  }),
  ...Object.fromEntries(
    (['structures', 'services'] as const).flatMap((m): [string, Exemple][] => [
      [
        `POST /api/offre/{collectivite}/${m}`,
        (c) => ({ chemin: `/api/offre/${c.convention.collectivite.id}/${m}`, corps: { nom: 'intrusion' } }),
      ],
      [
        `PUT /api/offre/{collectivite}/${m}/{objetId}`,
        (c) => ({ chemin: `/api/offre/${c.convention.collectivite.id}/${m}/1`, corps: { nom: 'intrusion' } }),
      ],
      [
        `DELETE /api/offre/{collectivite}/${m}/{objetId}`,
        (c) => ({ chemin: `/api/offre/${c.convention.collectivite.id}/${m}/1` }),
      ],
    ]),
  ),
  'GET /api/conventions/{id}/offre': (c) => ({ chemin: `/api/conventions/${c.convention.id}/offre` }),
  'POST /api/conventions/{id}/fiches/{ficheId}/services': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/fiches/${c.ficheId}/services`,
    corps: { service_id: 1 },
  }),
  'DELETE /api/conventions/{id}/fiches/{ficheId}/services/{serviceId}': (c) => ({
    chemin: `/api/conventions/${c.convention.id}/fiches/${c.ficheId}/services/1`,
  }),
};

/** Routes qui ne portent sur aucun territoire (la session du compte lui-même). */
const SANS_TERRITOIRE = new Set([
  'DELETE /api/session',
  'POST /api/oidc/deconnexion',
  // Le compte lui-même : ses courriels, son flux iCalendar (cycle.integration / rappels.integration).
  'GET /api/rappels/boite',
  'GET /api/calendrier/jeton',
  'POST /api/calendrier/jeton',
  'DELETE /api/calendrier/jeton',
]);
/**
 * Bilan partagé (issue 6 § 3) : l'État du territoire (DDETS, commissaire) y écrit aussi ; ce cas est vérifié
 * dans bilans.integration.test.ts. Ici, seuls le hors-territoire et les autres rôles sont essayés.
 */
const ECRITURE_ETAT = new Set(['POST /api/conventions/{id}/bilans']);
/**
 * Administration des identités ProConnect : réservée au rôle `national` (INT-SECURITE-1) ; tout autre rôle reçoit
 * 403. Le rôle `national` y est testé dans oidc.integration.test.ts.
 */
const ADMINISTRATION = new Set([
  'POST /api/rappels/envoi',
  'GET /api/identites',
  'POST /api/identites',
  'PUT /api/identites/{id}',
  'DELETE /api/identites/{id}',
]);
/** Vues nationales, sans territoire de cible : services de l'État 200, comptes des collectivités 403. */
const VUES_NATIONALES = new Set([
  'GET /api/tableaux-bord/national',
  'GET /api/enveloppes/{cadre}/{exercice}',
]);
/**
 * Écritures réservées à l'administration centrale (ou, pour l'outre-mer, au commissaire de la région 04, absent
 * d'ici) : refusées (403) à tout autre compte ; le national n'écrit pas ici.
 */
const ECRITURES_NATIONALES = new Set([
  'PUT /api/enveloppes/{cadre}/{exercice}',
  'PUT /api/enveloppes/{cadre}/{exercice}/outre-mer/{collectivite}',
]);
/** Calculs sans écriture permis au commissaire de la région et au national : 200 dans leur territoire. */
const CALCULS_REGIONAUX = new Set(['POST /api/enveloppes/{cadre}/{exercice}/regions/{region}/simulation']);
/** Listes : réponse 200, mais seulement des éléments du territoire. */
const LISTES = new Set(['GET /api/conventions', 'GET /api/collectivites']);

async function routesDeLApi(): Promise<string[]> {
  const doc = corps<{ paths: Record<string, Record<string, unknown>> }>(
    await national.get('/api/openapi.json'),
  );
  return Object.entries(doc.paths)
    .flatMap(([chemin, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${chemin}`))
    .filter((route) => {
      const [methode = '', chemin = ''] = route.split(' ');
      return !estPublique(methode, chemin);
    })
    .sort();
}

interface Compte {
  readonly identifiant: string;
  /** Collectivités (codes de département) de son territoire parmi la démonstration. */
  readonly territoire: readonly string[];
  /** Peut-il modifier les conventions de son territoire ? */
  readonly redacteur: boolean;
  /** Son territoire, écrit indépendamment du code de l'application. */
  readonly voit: (c: Collectivite) => boolean;
}

const COMPTES: readonly Compte[] = [
  { identifiant: 'agent.37', territoire: ['37'], redacteur: true, voit: (c) => c.id === 'departement:37' },
  { identifiant: 'valideur.37', territoire: ['37'], redacteur: true, voit: (c) => c.id === 'departement:37' },
  { identifiant: 'ddets.37', territoire: ['37'], redacteur: false, voit: (c) => c.departement === '37' },
  // Centre-Val de Loire (24) : 18, 28, 36, 37, 41, 45 et la région elle-même.
  {
    identifiant: 'commissaire.24',
    territoire: ['37'],
    redacteur: false,
    voit: (c) => ['18', '28', '36', '37', '41', '45'].includes(c.code) || c.id === 'region:24',
  },
  { identifiant: 'national', territoire: ['37', '44', '59'], redacteur: false, voit: () => true },
];

describe('chaque route × chaque rôle', () => {
  it('toutes les routes du routeur sous /api sont dans le document OpenAPI, et chacune a un exemple ici', async () => {
    const documentees = new Set(await routesDeLApi());
    const routeur = t.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .filter((route) => {
        const [methode = '', chemin = ''] = route.split(' ');
        return !estPublique(methode, chemin);
      });
    for (const route of routeur) expect(documentees, `route hors OpenAPI : ${route}`).toContain(route);
    for (const route of documentees)
      expect(Object.keys(EXEMPLES), `exemple manquant : ${route}`).toContain(route);
  });

  it.each(COMPTES)('$identifiant : rien hors de son territoire ni au-delà de son rôle', async (compte) => {
    const client = new Client(t.app);
    expect((await client.connecter(compte.identifiant)).statut).toBe(200);
    const routes = await routesDeLApi();

    // Cibles interdites : hors territoire (lecture et écriture), et dans le territoire pour les comptes en lecture.
    const horsTerritoire = ['37', '44', '59'].filter((code) => !compte.territoire.includes(code));
    const cibles: { cible: Cible; lecture: boolean }[] = [];
    for (const code of horsTerritoire) {
      cibles.push({ cible: await cible(code, 2023), lecture: false });
      cibles.push({ cible: await cible(code, 2024), lecture: false });
    }
    if (!compte.redacteur) {
      for (const code of compte.territoire) {
        cibles.push({ cible: await cible(code, 2023), lecture: true });
        cibles.push({ cible: await cible(code, 2024), lecture: true });
      }
    }
    const versionsAvant = new Map(cibles.map(({ cible: c }) => [c.convention.id, c.convention.version]));
    let essais = 0;

    for (const route of routes) {
      if (SANS_TERRITOIRE.has(route)) continue;
      if (ADMINISTRATION.has(route)) {
        if (compte.identifiant === 'national') continue;
        const [m = 'GET'] = route.split(' ');
        const ex = EXEMPLES[route]?.(cibles[0]?.cible as Cible);
        const r = await client.requete(m, ex?.chemin ?? '', ex?.corps);
        expect(r.statut, `${compte.identifiant} ${route}`).toBe(403);
        essais++;
        continue;
      }
      if (SANS_DEPOT && route.includes('{depotId}')) continue;
      const [methode = 'GET'] = route.split(' ');
      const exemple = EXEMPLES[route];
      if (exemple === undefined) throw new Error(`exemple manquant : ${route}`);
      if (ECRITURES_NATIONALES.has(route)) {
        if (compte.identifiant === 'national') continue;
        const { chemin, corps: envoi } = exemple(cibles[0]?.cible as Cible);
        const r = await client.requete(methode, chemin, envoi);
        expect(r.statut, `${compte.identifiant} ${route}`).toBe(403);
        continue;
      }
      if (CALCULS_REGIONAUX.has(route)) {
        const permis = compte.identifiant === 'national' || compte.identifiant.startsWith('commissaire.');
        for (const { cible: c, lecture } of cibles) {
          const { chemin, corps: envoi } = exemple(c);
          const r = await client.requete(methode, chemin, envoi);
          const attendus = permis && lecture ? [200] : [403, 404];
          expect(attendus, `${compte.identifiant} ${chemin} → ${r.statut}`).toContain(r.statut);
        }
        continue;
      }
      if (VUES_NATIONALES.has(route)) {
        const r = await client.get(exemple(cibles[0]?.cible as Cible).chemin);
        expect(r.statut, `${compte.identifiant} ${route}`).toBe(compte.redacteur ? 403 : 200);
        continue;
      }
      if (LISTES.has(route)) {
        const r = await client.requete(methode, exemple(cibles[0]?.cible as Cible).chemin);
        expect(r.statut).toBe(200);
        const elements =
          route === 'GET /api/conventions'
            ? corps<{ conventions: ConventionResume[] }>(r).conventions.map((c) => c.collectivite)
            : corps<{ collectivites: Collectivite[] }>(r).collectivites;
        expect(elements.length).toBeGreaterThan(0);
        for (const c of elements)
          expect(compte.voit(c), `${compte.identifiant} ${route} : ${c.id}`).toBe(true);
        continue;
      }
      for (const { cible: c, lecture } of cibles) {
        if (ECRITURE_ETAT.has(route) && lecture && /^(ddets|commissaire)\./.test(compte.identifiant))
          continue;
        const estFt = route.includes('france-travail');
        if (estFt !== (c.convention.cadre === 'france-travail-2024')) continue;
        const { chemin, corps: envoi } = exemple(c);
        const r = await client.requete(methode, chemin, envoi);
        essais++;
        if (lecture && methode === 'GET') {
          expect(r.statut, `${compte.identifiant} ${route} (son territoire)`).toBe(200);
        } else {
          expect(
            [403, 404],
            `${compte.identifiant} ${methode} ${chemin} → ${r.statut} ${JSON.stringify(r.corps)}`,
          ).toContain(r.statut);
        }
      }
    }
    expect(essais).toBeGreaterThan(10);

    // Rien n'a été écrit : mêmes versions, aucune entrée d'historique ajoutée par ce compte.
    for (const [id, version] of versionsAvant) {
      const d = corps<ConventionDetail>(await national.get(`/api/conventions/${id}`));
      expect(d.convention.version).toBe(version);
      const historique = corps<{ entrees: { qui: string }[] }>(
        await national.get(`/api/conventions/${id}/historique`),
      );
      expect(historique.entrees.some((e) => e.qui === compte.identifiant)).toBe(false);
    }
  });

  it('contrôle positif : l’agent de la collectivité peut bien lire et écrire chez lui (les exemples sont valides)', async () => {
    const client = new Client(t.app);
    await client.connecter('agent.37');
    const c2023 = await cible('37', 2023);
    const patch = EXEMPLES['PATCH /api/conventions/{id}']?.(c2023);
    expect((await client.requete('PATCH', patch?.chemin ?? '', patch?.corps)).statut).toBe(200);
    const c2023b = await cible('37', 2023);
    for (const route of ['POST /api/conventions/{id}/fiches', 'PUT /api/conventions/{id}/indicateurs']) {
      const c = await cible('37', 2023);
      const ex = EXEMPLES[route]?.(c);
      const [methode = ''] = route.split(' ');
      expect((await client.requete(methode, ex?.chemin ?? '', ex?.corps)).statut, route).toBeLessThan(300);
    }
    expect(c2023b.convention.version).toBe(c2023.convention.version + 1);
    const ft = await cible('37', 2024);
    const exFt = EXEMPLES['PUT /api/conventions/{id}/france-travail']?.(ft);
    expect((await client.requete('PUT', exFt?.chemin ?? '', exFt?.corps)).statut).toBe(200);
  });
});
