import { SMTPServer } from 'smtp-server';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { BilanEnvoi, BoiteEnvoi, ConventionResume, EcheancesApi, JetonCalendrier } from '@jalon/schemas';
import { envoyerRappels, transportSmtp } from '../src/cas/rappels.ts';
import { demoParApi } from './aide/demo-api.ts';
import { Client, corps } from './aide/client.ts';

/**
 * Échéances, rappels et flux iCalendar par l'API (issue 6 § 2). Dates attendues recopiées de 001 · annexe 4,
 * « Synthèse du calendrier » : adoption de la convention 2023 au plus tard le 30/06/2023 (année civile) ou le
 * 01/09/2023 (année glissante) ; période d'exercice 2023 du 01/01 au 31/12/2023 (civile) ou du 01/07 au
 * 31/12/2023 (glissante).
 */

const { app, compte } = demoParApi();

async function echeances(client: Client, requete: string): Promise<EcheancesApi> {
  const r = await client.get(`/api/echeances?${requete}`);
  expect(r.statut, JSON.stringify(r.corps)).toBe(200);
  return corps<EcheancesApi>(r);
}

describe('échéances par convention, contre les dates des textes', () => {
  it('année civile : adoption au 30/06/2023, en retard ; période 01/01–31/12/2023 (repère)', async () => {
    const ddets = await compte('ddets.44');
    const v = await echeances(ddets, 'collectivite=departement:44&exercice=2023');
    const adoption = v.echeances.find((e) => e.code === 'adoption_convention');
    expect(adoption).toMatchObject({ echeance: '2023-06-30', statut: 'en_retard', fait_le: null });
    const periode = v.echeances.find((e) => e.code === 'periode_exercice');
    expect(periode).toMatchObject({ debut: '2023-01-01', echeance: '2023-12-31', statut: 'repere' });
    expect(v.retards_par_collectivite['departement:44']).toBe(
      v.echeances.filter((e) => e.statut === 'en_retard').length,
    );
    // Hors territoire : 404, rien n'est révélé.
    expect((await ddets.get('/api/echeances?collectivite=departement:59')).statut).toBe(404);
  });

  it('année glissante (après passage du régime) : adoption au 01/09/2023, période 01/07–31/12/2023', async () => {
    const agent = await compte('agent.59');
    const [c] = corps<{ conventions: ConventionResume[] }>(
      await agent.get('/api/conventions?exercice=2023'),
    ).conventions;
    if (c === undefined) throw new Error('convention 59 2023 absente');
    const r = await agent.requete('PATCH', `/api/conventions/${c.id}`, {
      version: c.version,
      regime: 'glissant',
    });
    expect(r.statut).toBe(200);
    const v = await echeances(agent, 'exercice=2023');
    expect(v.echeances.find((e) => e.code === 'adoption_convention')?.echeance).toBe('2023-09-01');
    expect(v.echeances.find((e) => e.code === 'periode_exercice')).toMatchObject({
      debut: '2023-07-01',
      echeance: '2023-12-31',
    });
  });

  it('une échéance accomplie par une transition est « faite » au jour de l’acte (délibération semée le 10/02/2020)', async () => {
    const commissaire = await compte('commissaire.24');
    const v = await echeances(commissaire, 'collectivite=departement:37&exercice=2020');
    const adoption = v.echeances.find((e) => e.code === 'adoption_convention');
    expect(adoption).toMatchObject({ statut: 'fait', fait_le: '2020-02-10' });
    const filtre = await echeances(commissaire, 'statut=en_retard');
    const toutes = await echeances(commissaire, '');
    expect(filtre.echeances).toEqual(toutes.echeances.filter((e) => e.statut === 'en_retard'));
    expect(filtre.echeances.length).toBeGreaterThan(0);
    expect(filtre.echeances.every((e) => e.statut === 'en_retard')).toBe(true);
  });
});

describe('rappels par courriel', () => {
  it('SMTP réel (serveur sur la boucle locale) : chaque rappel reçu une fois ; un second passage n’envoie rien', async () => {
    const recus: { a: string[]; texte: string }[] = [];
    const serveur = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(flux, session, fin) {
        const morceaux: Buffer[] = [];
        flux.on('data', (m: Buffer) => morceaux.push(m));
        flux.on('end', () => {
          recus.push({
            a: session.envelope.rcptTo.map((r) => r.address),
            texte: Buffer.concat(morceaux).toString('utf8'),
          });
          fin();
        });
      },
    });
    await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
    const adresse = serveur.server.address();
    const port = typeof adresse === 'object' && adresse !== null ? adresse.port : 0;
    try {
      const config = {
        transport: transportSmtp(`smtp://127.0.0.1:${String(port)}`, 'Jalon <jalon@exemple.test>'),
        domaine: 'jalon.invalid',
        urlPublique: 'http://jalon.exemple.test',
      };
      const premier = await envoyerRappels(app().persistance, config, app().maintenant);
      expect(premier.erreurs).toBe(0);
      expect(premier.envoyes).toBeGreaterThan(0);
      expect(recus).toHaveLength(premier.envoyes);
      // L'adoption 2023 de Loire-Atlantique (30/06/2023) relève du valideur de la collectivité.
      const valideur = recus.filter((m) => m.a.includes('valideur.44@jalon.invalid'));
      expect(valideur.some((m) => m.texte.includes('30/06/2023'))).toBe(true);
      const second = await envoyerRappels(app().persistance, config, app().maintenant);
      expect(second.envoyes).toBe(0);
      expect(second.deja_envoyes).toBe(premier.envoyes);
      expect(recus).toHaveLength(premier.envoyes);
    } finally {
      await new Promise<void>((ok) => serveur.close(() => ok()));
    }
  });

  it('route d’envoi : administration centrale seulement, idempotente ; boîte d’envoi de chaque compte', async () => {
    const agent = await compte('agent.44');
    expect((await agent.requete('POST', '/api/rappels/envoi')).statut).toBe(403);
    const national = await compte('national');
    const r = corps<BilanEnvoi>(await national.requete('POST', '/api/rappels/envoi'));
    expect(r.envoyes).toBe(0);
    expect(r.deja_envoyes).toBeGreaterThan(0);
    const toute = corps<BoiteEnvoi>(await national.get('/api/rappels/boite')).courriels;
    expect(toute.length).toBe(r.deja_envoyes);
    const valideur = await compte('valideur.44');
    const miens = corps<BoiteEnvoi>(await valideur.get('/api/rappels/boite')).courriels;
    expect(miens.length).toBeGreaterThan(0);
    expect(new Set(miens.map((c) => c.destinataire))).toEqual(new Set(['valideur.44@jalon.invalid']));
    expect(miens.every((c) => c.envoye_le !== null)).toBe(true);
  });
});

describe('flux iCalendar par compte', () => {
  it('adresse secrète : text/calendar relu par ical.js, une entrée par échéance à faire ; révocable', async () => {
    const valideur = await compte('valideur.44');
    const jeton = corps<JetonCalendrier>(await valideur.requete('POST', '/api/calendrier/jeton'));
    expect(jeton.actif).toBe(true);
    const chemin = new URL(jeton.url ?? '').pathname;
    const anonyme = new Client(app().app);
    const r = await anonyme.get(chemin);
    expect(r.statut).toBe(200);
    expect(r.entetes.get('content-type')).toMatch(/^text\/calendar/);
    const calendrier = new ICAL.Component(ICAL.parse(String(r.corps)));
    const evenements = calendrier.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // Seconde méthode : l'API des échéances du même compte.
    const attendues = (await echeances(valideur, '')).echeances.filter((e) => e.statut !== 'repere');
    expect(evenements).toHaveLength(attendues.length);
    const adoption = evenements.find(
      (e) => e.startDate.toString() === '2023-06-30' && e.summary.includes('Loire-Atlantique'),
    );
    expect(adoption).toBeDefined();

    // Un nouveau jeton révoque l'ancien ; la révocation coupe le flux.
    const second = corps<JetonCalendrier>(await valideur.requete('POST', '/api/calendrier/jeton'));
    expect((await anonyme.get(chemin)).statut).toBe(404);
    const chemin2 = new URL(second.url ?? '').pathname;
    expect((await anonyme.get(chemin2)).statut).toBe(200);
    expect(corps<JetonCalendrier>(await valideur.get('/api/calendrier/jeton'))).toMatchObject({
      actif: true,
      url: null,
    });
    await valideur.requete('DELETE', '/api/calendrier/jeton');
    expect((await anonyme.get(chemin2)).statut).toBe(404);
    expect((await anonyme.get('/calendrier/pas-un-jeton.ics')).statut).toBe(404);
  });
});
