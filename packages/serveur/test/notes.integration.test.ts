import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { ConventionDetail, ConventionResume, NoteAnalyseApi } from '@jalon/schemas';
import { demoParApi } from './aide/demo-api.ts';
import { Client, corps } from './aide/client.ts';

/**
 * Note d'analyse du commissaire (issue 6 § 4) sur la démonstration : Loire-Atlantique 2022 est au « rapport
 * déposé » (démo : cycle.ts), sa note est attendue du commissaire Pays de la Loire (commissaire.52).
 * Les chiffres attendus sont recalculés ICI depuis les fiches actions lues par l'API (seconde méthode, écrite
 * depuis les textes), jamais recopiés de la réponse.
 */
const demo = demoParApi();
let national: Client;
let commissaire: Client;

beforeAll(async () => {
  national = await demo.compte('national');
  commissaire = await demo.compte('commissaire.52');
});

async function convention(code: string, exercice: number): Promise<ConventionResume> {
  const liste = corps<{ conventions: ConventionResume[] }>(
    await national.get(`/api/conventions?collectivite=departement:${code}&exercice=${exercice}`),
  ).conventions;
  const c = liste[0];
  if (c === undefined) throw new Error(`convention ${code} ${exercice} absente`);
  return c;
}

const lireNote = async (client: Client, id: number) =>
  corps<NoteAnalyseApi>(await client.get(`/api/conventions/${id}/note-analyse`));

/** Taux au dixième, arrondi au plus proche, moitié vers le haut (INT-PILOTAGE-12) : entiers positifs. */
const tauxMain = (r: number, f: number) => (f === 0 ? null : Math.floor((2000 * r + f) / (2 * f)) / 10);

describe('note d’analyse : chiffres pré-remplis', () => {
  it('consommation (réalisé / F), actions sans dépense et crédits n calculés à la main depuis les fiches', async () => {
    const c2022 = await convention('44', 2022);
    const c2023 = await convention('44', 2023);
    expect(c2022.statut).toBe('rapport_depose');
    const detail = corps<ConventionDetail>(await national.get(`/api/conventions/${c2022.id}`));
    const note = await lireNote(commissaire, c2022.id);

    // F = A + B + C + D + E : État, report État, CD, report CD, autres ; la valorisation n'y entre pas
    // (001 · annexe 9). Réalisé : colonne « réalisé » de l'exécution.
    let totalF = 0;
    let totalRealise = 0;
    let reports = 0;
    for (const fiche of detail.fiches_actions) {
      const p = fiche.previsionnel;
      const f = p.etat + p.report_etat + p.cd + p.report_cd + p.autres;
      const r = fiche.execution?.realise ?? 0;
      totalF += f;
      totalRealise += r;
      reports += fiche.execution?.a_reporter_etat ?? 0;
      const ligne = note.consommation.actions.find((a) => a.cle === fiche.numero);
      expect(ligne, fiche.numero).toBeDefined();
      expect(ligne?.total).toBe(f);
      expect(ligne?.realise).toBe(r);
      expect(ligne?.taux).toBe(tauxMain(r, f));
      expect(ligne?.sans_depense).toBe(fiche.execution !== null && fiche.execution.realise === 0);
    }
    expect(note.consommation.actions).toHaveLength(detail.fiches_actions.length);
    expect(note.consommation.generale.total).toBe(totalF);
    expect(note.consommation.generale.realise).toBe(totalRealise);
    expect(note.consommation.generale.taux).toBe(tauxMain(totalRealise, totalF));
    // Les mesures partitionnent les actions : leurs totaux s'additionnent au total général.
    expect(note.consommation.mesures.reduce((s, m) => s + m.total, 0)).toBe(totalF);

    // Crédits de 2023 (001 · annexe 4 § 2) : enveloppe × durée / 12 arrondie au centime inférieur, moins les
    // « montants à reporter part État » de 2022, jamais négatifs.
    const proratisee = Math.floor((c2023.enveloppe_etat * c2023.duree_mois) / 12);
    expect(note.credits_proposes).toEqual({
      exercice: 2023,
      duree_mois: c2023.duree_mois,
      enveloppe: c2023.enveloppe_etat,
      enveloppe_proratisee: proratisee,
      reports_etat: reports,
      nouveaux_credits: Math.max(0, proratisee - reports),
      reports_non_absorbes: Math.max(0, reports - proratisee),
      actions_sans_depense: detail.fiches_actions
        .filter((f) => f.execution !== null && f.execution.realise === 0)
        .map((f) => f.numero),
    });
    expect(note.justification).toBe('');
    expect(note.peut_rediger).toBe(true);
  });

  it('indicateur à cible en pourcentage : part = compte / nouveaux entrants, atteinte = part / cible', async () => {
    const c2022 = await convention('44', 2022);
    const note = await lireNote(commissaire, c2022.id);
    const o1 = note.indicateurs.find((i) => i.code === 'orientes_1_mois');
    const base = note.indicateurs.find((i) => i.code === 'nouveaux_entrants')?.valeur;
    if (o1 === undefined || o1.valeur === null || base === null || base === undefined || base === 0) {
      throw new Error('la démonstration doit renseigner orientes_1_mois et nouveaux_entrants en 2022');
    }
    // Cible CALPAE : 100 % des nouveaux entrants orientés en moins d'un mois (001 · annexe 6 § 1.1).
    expect(o1.cible).not.toBeNull();
    expect(o1.mesure).toBe(tauxMain(o1.valeur, base));
    expect(o1.taux_atteinte).toBe(tauxMain(100 * o1.valeur, 100 * base));
    expect(o1.atteint).toBe(o1.valeur >= base);
  });
});

describe('note d’analyse : droits, versions, audit, dépôt', () => {
  it('seul le commissaire de la région écrit ; version périmée → 409 ; chaque version est gardée et auditée', async () => {
    const c = await convention('44', 2022);
    const corpsNote = { version: c.version, justification: 'Intrusion.' };
    for (const identifiant of ['agent.44', 'valideur.44', 'ddets.44', 'national']) {
      const client = new Client(demo.app().app);
      await client.connecter(identifiant);
      const r = await client.requete('PUT', `/api/conventions/${c.id}/note-analyse`, corpsNote);
      expect(r.statut, identifiant).toBe(403);
    }
    const autre = new Client(demo.app().app);
    await autre.connecter('commissaire.24');
    expect((await autre.requete('PUT', `/api/conventions/${c.id}/note-analyse`, corpsNote)).statut).toBe(404);
    expect((await autre.get(`/api/conventions/${c.id}/note-analyse`)).statut).toBe(404);

    const perimee = await commissaire.requete('PUT', `/api/conventions/${c.id}/note-analyse`, {
      version: c.version + 7,
      justification: 'Trop tard.',
    });
    expect(perimee.statut).toBe(409);
    expect((await lireNote(commissaire, c.id)).justification).toBe('');

    const v1 = await commissaire.requete('PUT', `/api/conventions/${c.id}/note-analyse`, {
      version: c.version,
      justification: 'Première rédaction.',
    });
    expect(v1.statut).toBe(200);
    const n1 = corps<NoteAnalyseApi>(v1);
    expect(n1.version).toBe(c.version + 1);
    expect(n1.redaction).toMatchObject({ numero: 1, par: 'commissaire.52' });
    const v2 = corps<NoteAnalyseApi>(
      await commissaire.requete('PUT', `/api/conventions/${c.id}/note-analyse`, {
        version: n1.version,
        justification: 'Consommation satisfaisante.\n\nCrédits 2023 proposés au montant calculé.',
      }),
    );
    expect(v2.versions.map((v) => v.numero)).toEqual([1, 2]);
    const historique = corps<{ entrees: { qui: string; action: string; avant: unknown; apres: unknown }[] }>(
      await national.get(`/api/conventions/${c.id}/historique`),
    ).entrees.filter((e) => e.action === 'rediger_note_analyse');
    expect(historique).toHaveLength(2);
    expect(historique.map((e) => e.qui)).toEqual(['commissaire.52', 'commissaire.52']);
    const apres = historique.map((e) => (e.apres as { justification: string }).justification).sort();
    expect(apres).toEqual([
      'Consommation satisfaisante.\n\nCrédits 2023 proposés au montant calculé.',
      'Première rédaction.',
    ]);
  });

  it('export DOCX : un vrai document Word avec les chiffres et la justification', async () => {
    const c = await convention('44', 2022);
    const note = await lireNote(commissaire, c.id);
    const reponse = await demo.app().app.request(`/api/conventions/${c.id}/note-analyse.docx`, {
      headers: { cookie: commissaire.cookie ?? '' },
    });
    expect(reponse.status).toBe(200);
    expect(reponse.headers.get('content-type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(await reponse.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const texte = xml.replace(/<[^>]+>/g, '');
    expect(texte).toContain('Note d’analyse du commissaire');
    expect(texte).toContain('Consommation satisfaisante.');
    for (const action of note.consommation.actions) expect(texte).toContain(action.cle);
  });

  it('le dépôt est la transition « deposer_note_analyse » : la convention passe à « analysée », la note se fige', async () => {
    const c = await convention('44', 2022);
    const r = await commissaire.requete('POST', `/api/conventions/${c.id}/transitions`, {
      version: c.version,
      code: 'deposer_note_analyse',
    });
    expect(r.statut, JSON.stringify(r.corps)).toBe(200);
    const apres = await convention('44', 2022);
    expect(apres.statut).toBe('analysee');
    const note = await lireNote(commissaire, c.id);
    expect(note.peut_rediger).toBe(false);
    const refus = await commissaire.requete('PUT', `/api/conventions/${c.id}/note-analyse`, {
      version: apres.version,
      justification: 'Après coup.',
    });
    expect(refus.statut).toBe(403);
  });
});
