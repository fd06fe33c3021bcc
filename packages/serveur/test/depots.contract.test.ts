import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrer } from '../src/base/migrer.ts';
import type { Base } from '../src/base/ouvrir.ts';
import { persistanceKysely } from '../src/depots/kysely/index.ts';
import type { Persistance } from '../src/depots/ports.ts';
import { FABRIQUES } from './aide/bases.ts';
import { COLLECTIVITES_TEST, ficheVide } from './aide/donnees.ts';

/** Suite de contrat des dépôts : la même sur PGlite et, si DATABASE_URL_TEST est défini, sur PostgreSQL. */
describe.each(FABRIQUES)('dépôts sur $nom', (fabrique) => {
  let base: Base;
  let p: Persistance;

  beforeAll(async () => {
    base = await fabrique.ouvrir();
    p = persistanceKysely(base.db);
    await p.depots.collectivites.enregistrer(COLLECTIVITES_TEST);
  });
  afterAll(async () => {
    await base.fermer();
  });

  it('rejouer les migrations ne fait rien', async () => {
    expect(await migrer(base.db)).toEqual([]);
  });

  it('collectivités : périmètres collectivité, département, région, tout', async () => {
    const ids = async (perimetre: Parameters<typeof p.depots.collectivites.lister>[0]) =>
      (await p.depots.collectivites.lister(perimetre)).map((c) => c.id);
    expect(await ids({ type: 'collectivite', id: 'departement:37' })).toEqual(['departement:37']);
    expect(await ids({ type: 'departement', code: '44' })).toEqual(['departement:44', 'metropole:44M']);
    expect(await ids({ type: 'region', code: '52' })).toEqual([
      'departement:44',
      'departement:49',
      'metropole:44M',
      'region:52',
    ]);
    expect(await ids({ type: 'tout' })).toHaveLength(5);
    expect(await p.depots.collectivites.trouver('departement:99')).toBeUndefined();
  });

  it('comptes : création, lecture, contrainte rôle × territoire, compte en nombre', async () => {
    const id = await p.depots.utilisateurs.creer({
      identifiant: 'agent.37',
      nom: 'Agent 37',
      role: 'departement_agent',
      hashMotDePasse: 'h',
      collectiviteId: 'departement:37',
      departement: null,
      region: null,
    });
    const compte = await p.depots.utilisateurs.parIdentifiant('agent.37');
    expect(compte).toMatchObject({
      id,
      role: 'departement_agent',
      collectiviteId: 'departement:37',
      actif: true,
    });
    expect(await p.depots.utilisateurs.parId(id)).toEqual(compte);
    // Un agent sans collectivité est refusé par la base elle-même.
    await expect(
      p.depots.utilisateurs.creer({
        identifiant: 'agent.sans',
        nom: 'x',
        role: 'departement_agent',
        hashMotDePasse: 'h',
        collectiviteId: null,
        departement: null,
        region: null,
      }),
    ).rejects.toThrow();
    const n = await p.depots.utilisateurs.compter();
    expect(typeof n).toBe('number');
    expect(n).toBe(1);
  });

  it('sessions : création, lecture, purge des expirées', async () => {
    const compte = await p.depots.utilisateurs.parIdentifiant('agent.37');
    const utilisateurId = compte?.id ?? -1;
    await p.depots.sessions.creer({
      empreinte: 'a',
      utilisateurId,
      jetonCsrf: 'c1',
      expireLe: '2000-01-01T00:00:00.000Z',
    });
    await p.depots.sessions.creer({
      empreinte: 'b',
      utilisateurId,
      jetonCsrf: 'c2',
      expireLe: '2999-01-01T00:00:00.000Z',
    });
    // Sans expiration absolue ni jeton d'identité donnés à la création : `null` (session locale).
    const attendue = {
      empreinte: 'b',
      utilisateurId,
      jetonCsrf: 'c2',
      expireLe: '2999-01-01T00:00:00.000Z',
      expireAbsoluLe: null,
      idToken: null,
    };
    expect(await p.depots.sessions.trouver('b')).toEqual(attendue);
    expect(await p.depots.sessions.trouverAvecCompte('b')).toEqual({
      session: attendue,
      compte,
    });
    expect(await p.depots.sessions.trouverAvecCompte('inconnue')).toBeUndefined();
    expect(await p.depots.sessions.purger(new Date('2024-01-01'))).toBe(1);
    expect(await p.depots.sessions.trouver('a')).toBeUndefined();
    await p.depots.sessions.supprimer('b');
    expect(await p.depots.sessions.trouver('b')).toBeUndefined();
  });

  it('conventions : unicité collectivité × cadre × exercice, filtres et périmètre', async () => {
    const nouvelle = {
      collectiviteId: 'departement:44',
      cadre: 'calpae-2023' as const,
      exercice: 2023,
      regime: 'civil' as const,
      dureeMois: 12 as const,
      enveloppeEtat: 120_000_000,
      statut: 'brouillon' as const,
    };
    const id = await p.depots.conventions.creer(nouvelle);
    await expect(p.depots.conventions.creer(nouvelle)).rejects.toThrow();
    await p.depots.conventions.creer({ ...nouvelle, collectiviteId: 'departement:37' });
    await p.depots.conventions.creer({
      ...nouvelle,
      cadre: 'calpae-2022',
      exercice: 2022,
      statut: 'cloturee',
    });

    const convention = await p.depots.conventions.trouver(id);
    expect(convention).toMatchObject({
      id,
      cadre: 'calpae-2023',
      exercice: 2023,
      enveloppe_etat: 120_000_000,
      statut: 'brouillon',
      version: 1,
      collectivite: { id: 'departement:44', nom: 'Loire-Atlantique', region: '52' },
    });
    expect(convention?.modifiee_le).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const region52 = await p.depots.conventions.lister({ type: 'region', code: '52' }, {});
    expect(region52.map((c) => [c.collectivite.code, c.exercice])).toEqual([
      ['44', 2022],
      ['44', 2023],
    ]);
    expect(await p.depots.conventions.lister({ type: 'tout' }, { exercice: 2023 })).toHaveLength(2);
    expect(await p.depots.conventions.lister({ type: 'tout' }, { statut: 'cloturee' })).toHaveLength(1);
    expect(await p.depots.conventions.lister({ type: 'tout' }, { cadre: 'calpae-2022' })).toHaveLength(1);
    expect(
      await p.depots.conventions.lister({ type: 'tout' }, { collectivite: 'departement:37' }),
    ).toHaveLength(1);
    expect(await p.depots.conventions.trouverParCle('departement:44', 'calpae-2023', 2023)).toMatchObject({
      id,
    });
  });

  it('verrouillage optimiste : une version périmée ne passe pas', async () => {
    const convention = await p.depots.conventions.trouverParCle('departement:44', 'calpae-2023', 2023);
    const id = convention?.id ?? -1;
    const avant = await p.depots.conventions.trouver(id);
    // La convention à jour est rendue par l'écriture même : tout pareil, version + 1.
    const ajour = await p.depots.conventions.avancerVersion(id, 1);
    expect(ajour).toEqual({ ...avant, version: 2, modifiee_le: ajour?.modifiee_le });
    expect(await p.depots.conventions.trouver(id)).toEqual(ajour);
    expect(await p.depots.conventions.avancerVersion(id, 1)).toBeUndefined();
    await p.depots.conventions.modifier(id, { enveloppeEtat: 5, statut: 'en_negociation' });
    expect(await p.depots.conventions.trouver(id)).toMatchObject({
      version: 2,
      enveloppe_etat: 5,
      statut: 'en_negociation',
    });
  });

  it('fiches actions : aller-retour de tous les champs, gros montants exacts, rang, suppression', async () => {
    const convention = await p.depots.conventions.trouverParCle('departement:44', 'calpae-2023', 2023);
    const conventionId = convention?.id ?? -1;
    // 999 999 999 999,99 € : au-delà de 2^31, en deçà de 2^53 — doit revenir en nombre exact.
    const gros = 99_999_999_999_999;
    const complete = ficheVide('4.1', {
      theme: 'Insertion des allocataires du RSA',
      description: 'Plateforme',
      financee_fapi: true,
      montant_fapi: 1_000_050,
      indicateurs_suivi: {
        nouveaux_entrants: 10,
        nouveaux_entrants_orientes_15_jours: 5,
        nouveaux_entrants_concernes: 3,
        allocataires_concernes: 40,
      },
      previsionnel: { etat: gros, report_etat: 1, cd: 2, valorisation_cd: 3, report_cd: 4, autres: 5 },
      execution: { realise: 6, valorisation_cd: 7, a_reporter_etat: 8, a_reporter_cd: 9 },
      realise_exercice_precedent: 0,
      justification: 'parce que',
      validee_par_commissaire: true,
    });
    let id1 = await p.depots.fiches.creer(conventionId, complete);
    let id2 = await p.depots.fiches.creer(conventionId, ficheVide('4.2'));
    const lues = await p.depots.fiches.lister(conventionId);
    expect(lues.map((f) => [f.id, f.rang])).toEqual([
      [id1, 0],
      [id2, 1],
    ]);
    expect(lues[0]).toEqual({ ...complete, id: id1, rang: 0 });
    expect(lues[1]?.execution).toBeNull();
    expect(await p.depots.fiches.trouver(id1)).toMatchObject({ conventionId, numero: '4.1' });
    expect(await p.depots.fiches.trouverNumero(conventionId, '4.2')).toBe(id2);
    expect(await p.depots.fiches.trouverNumero(conventionId, '4.3')).toBeUndefined();
    // Remplacement en bloc (import) : tout part, les nouvelles arrivent dans l'ordre donné, rangs 0, 1, …
    const remplacees = await p.transaction((d) =>
      d.fiches.remplacerToutes(conventionId, [ficheVide('9.2'), ficheVide('9.1')]),
    );
    const apresRemplacement = await p.depots.fiches.lister(conventionId);
    expect(apresRemplacement.map((f) => [f.id, f.numero, f.rang])).toEqual([
      [remplacees[0], '9.2', 0],
      [remplacees[1], '9.1', 1],
    ]);
    await p.transaction((d) => d.fiches.remplacerToutes(conventionId, [complete, ficheVide('4.2')]));
    const [r1, r2] = await p.depots.fiches.lister(conventionId);
    if (r1 === undefined || r2 === undefined) throw new Error('fiches remplacées absentes');
    expect(r1).toEqual({ ...complete, id: r1.id, rang: 0 });
    id1 = r1.id;
    id2 = r2.id;

    await p.depots.fiches.modifier(id2, ficheVide('4.2', { intitule: 'Renommée', execution: null }));
    expect((await p.depots.fiches.trouver(id2))?.intitule).toBe('Renommée');
    await expect(p.depots.fiches.creer(conventionId, ficheVide('4.1'))).rejects.toThrow();
    await expect(
      p.depots.fiches.creer(
        conventionId,
        ficheVide('4.9', { previsionnel: { ...complete.previsionnel, cd: -1 } }),
      ),
    ).rejects.toThrow();
    await p.depots.fiches.supprimer(id2);
    expect(await p.depots.fiches.lister(conventionId)).toHaveLength(1);
  });

  it('valeurs d’indicateurs : écriture, remplacement, provenance calcul', async () => {
    const convention = await p.depots.conventions.trouverParCle('departement:44', 'calpae-2023', 2023);
    const conventionId = convention?.id ?? -1;
    await p.depots.indicateurs.ecrire(conventionId, [
      {
        indicateur: 'nouveaux_entrants',
        annee: 2018,
        nature: 'situation_t0',
        valeur: 1200,
        commentaire: 'DREES',
        provenance: { type: 'saisie' },
        modifieePar: 'agent.44',
      },
      {
        indicateur: 'nouveaux_entrants',
        annee: 2022,
        nature: 'resultat',
        valeur: 1500,
        commentaire: '',
        provenance: { type: 'saisie' },
        modifieePar: 'agent.44',
      },
    ]);
    await p.depots.indicateurs.ecrire(conventionId, [
      {
        indicateur: 'nouveaux_entrants',
        annee: 2022,
        nature: 'resultat',
        valeur: 1498.5,
        commentaire: 'recalculé',
        provenance: {
          type: 'calcul',
          moteurVersion: '1.0.0',
          empreinte: 'sha256:abc',
          calculeLe: '2023-02-01T09:30:00.000+01:00',
        },
        modifieePar: 'agent.44',
      },
    ]);
    const valeurs = await p.depots.indicateurs.lister(conventionId);
    expect(valeurs).toHaveLength(2);
    expect(valeurs[1]).toMatchObject({
      annee: 2022,
      valeur: 1498.5,
      commentaire: 'recalculé',
      // Horodatage rendu en UTC ISO 8601, quel que soit le décalage reçu (09:30 +01:00 = 08:30 Z).
      provenance: {
        type: 'calcul',
        moteur_version: '1.0.0',
        empreinte: 'sha256:abc',
        calcule_le: '2023-02-01T08:30:00.000Z',
      },
    });
    expect(valeurs[0]).toMatchObject({ annee: 2018, valeur: 1200, provenance: { type: 'saisie' } });
  });

  it('France Travail : parcours types, volet 3 en 5 parties, coopération', async () => {
    const id = await p.depots.conventions.creer({
      collectiviteId: 'departement:49',
      cadre: 'france-travail-2024',
      exercice: 2024,
      regime: 'civil',
      dureeMois: 12,
      enveloppeEtat: 0,
      statut: 'brouillon',
    });
    const vide = await p.depots.franceTravail.lire(id);
    expect(vide.parcoursTypes).toEqual([]);
    expect(vide.volet3.plan_partage.gouvernance).toBe('');
    const parcours = {
      nom: 'Remobilisation',
      duree: '6 mois',
      contenu: 'ateliers',
      modalites: 'collectif, 15 h par semaine',
      public_cible: 'ARSA éloignés de l’emploi',
      cout_unitaire: 250_000,
      places_financees: 40,
    };
    await p.depots.franceTravail.remplacerParcoursTypes(id, [parcours, { ...parcours, nom: 'Emploi' }]);
    await p.depots.franceTravail.remplacerParcoursTypes(id, [parcours]);
    const volet3 = {
      note_engagement: { bassin_cible: 'Saumur', engagement_methode: 'oui', strategie_deploiement: 'RH' },
      plan_partage: {
        entree_parcours: '1',
        accompagnement_emploi: '2',
        partage_donnees: '3',
        mobilisation_entreprises: '4',
        gouvernance: '5',
      },
    };
    await p.depots.franceTravail.ecrireVolet3(id, volet3);
    await p.depots.franceTravail.ecrireVolet3(id, volet3);
    await p.depots.franceTravail.ecrireCooperation(id, [{ axe: '1.1', retenu: true, commentaire: '' }]);
    const lu = await p.depots.franceTravail.lire(id);
    expect(lu.parcoursTypes).toEqual([{ ...parcours, id: lu.parcoursTypes[0]?.id }]);
    expect(lu.volet3).toEqual(volet3);
    expect(lu.cooperation).toEqual([{ axe: '1.1', retenu: true, commentaire: '' }]);
  });

  it('audit : écrit dans la transaction, annulé avec elle', async () => {
    const convention = await p.depots.conventions.trouverParCle('departement:37', 'calpae-2023', 2023);
    const conventionId = convention?.id ?? -1;
    const entree = {
      conventionId,
      utilisateurId: null,
      qui: 'agent.37',
      role: 'departement_agent',
      action: 'modifier_convention',
      entite: 'convention',
      entiteId: String(conventionId),
      avant: { enveloppe_etat: 1 },
      apres: { enveloppe_etat: 2 },
    };
    await p.transaction(async (d) => {
      await d.conventions.modifier(conventionId, { enveloppeEtat: 2 });
      await d.audit.ecrire(entree);
    });
    await expect(
      p.transaction(async (d) => {
        await d.conventions.modifier(conventionId, { enveloppeEtat: 3 });
        await d.audit.ecrire({ ...entree, action: 'annulee' });
        throw new Error('échec volontaire');
      }),
    ).rejects.toThrow('échec volontaire');
    const historique = await p.depots.audit.lister(conventionId);
    expect(historique.map((h) => h.action)).toEqual(['modifier_convention']);
    expect(historique[0]).toMatchObject({ avant: { enveloppe_etat: 1 }, apres: { enveloppe_etat: 2 } });
    expect((await p.depots.conventions.trouver(conventionId))?.enveloppe_etat).toBe(2);
  });

  it('transactions concurrentes : la seconde version périmée échoue, rien n’est perdu', async () => {
    const convention = await p.depots.conventions.trouverParCle('departement:37', 'calpae-2023', 2023);
    const id = convention?.id ?? -1;
    const version = convention?.version ?? -1;
    const resultats = await Promise.all(
      [1, 2].map((i) =>
        p.transaction(async (d) => {
          const nouvelle = await d.conventions.avancerVersion(id, version);
          if (nouvelle !== undefined) await d.conventions.modifier(id, { enveloppeEtat: 1000 + i });
          return nouvelle?.version;
        }),
      ),
    );
    expect(resultats.filter((r) => r !== undefined)).toEqual([version + 1]);
    expect((await p.depots.conventions.trouver(id))?.version).toBe(version + 1);
  });
});
