import { describe, expect, it } from 'vitest';
import { validerAuSchema, validerJeu, type JeuOffre } from '../src/index.ts';

const service = {
  source: 'cd-93',
  structure_id: 'cd-93--s',
  id: 'cd-93--x',
  nom: 'Atelier CV',
  description: 'Un atelier pour écrire son CV.',
  date_maj: '2025-01-01',
};

describe('validation au schéma officiel, messages en français avec chemin JSON', () => {
  it('accepte un service minimal valide', () => {
    expect(validerAuSchema('service', service)).toEqual([]);
  });

  it('signale un champ obligatoire absent', () => {
    const { description: _d, ...sansDescription } = service;
    expect(validerAuSchema('service', sansDescription)).toEqual([
      { chemin: '/description', champ: 'description', message: 'champ obligatoire « description » absent' },
    ]);
  });

  it('donne le chemin de l’élément fautif d’une liste', () => {
    expect(validerAuSchema('service', { ...service, publics: ['jeunes', 'retraites'] })).toEqual([
      { chemin: '/publics/1', champ: 'publics', message: 'valeur « retraites » hors référentiel' },
    ]);
  });

  it('un seul message pour un code de zone qui ne correspond à aucune forme', () => {
    const erreurs = validerAuSchema('service', { ...service, zone_eligibilite: ['93', 'x'] });
    expect(erreurs).toHaveLength(1);
    expect(erreurs[0]).toMatchObject({ chemin: '/zone_eligibilite/1', champ: 'zone_eligibilite' });
    expect(erreurs[0]?.message).toMatch(/^valeur « x » refusée : code commune/);
  });

  it('dit toutes les fautes d’un même champ (SIRET trop court et mal formé)', () => {
    const structure = {
      source: 'cd-93',
      id: 'cd-93--s',
      nom: 'Structure',
      date_maj: '2025-01-01',
      siret: '12A',
    };
    expect(validerAuSchema('structure', structure).map((e) => e.message)).toEqual([
      'trop court : 14 caractère(s) au moins',
      'format invalide « 12A » (motif ^\\d{14}$)',
    ]);
  });

  it.each([
    ['date_maj', '2025-02-30', 'doit être une date AAAA-MM-JJ valide (reçu « 2025-02-30 »)'],
    ['courriel', 'pas-un-courriel', 'doit être une adresse de courriel valide (reçu « pas-un-courriel »)'],
    [
      'lien_mobilisation',
      'www.exemple.fr',
      'doit être une adresse web complète (https://…) (reçu « www.exemple.fr »)',
    ],
    ['nombre_semaines', 0, 'doit être supérieur ou égal à 1 (reçu 0)'],
    ['nombre_semaines', 1.5, 'doit être un nombre entier (reçu 1.5)'],
    ['modes_accueil', ['a-distance', 'a-distance'], 'valeur en double dans la liste (positions 0 et 1)'],
    ['mobilisable_par', [], 'liste vide : 1 valeur(s) au moins (ou ne rien mettre)'],
  ])('%s = %j → %s', (champ, valeur, message) => {
    expect(validerAuSchema('service', { ...service, [champ]: valeur })).toEqual([
      { chemin: `/${champ}`, champ, message },
    ]);
  });
});

describe('validation d’un jeu', () => {
  const jeu = (j: Partial<JeuOffre>): JeuOffre => ({ structures: [], services: [], ...j });
  const contexte = { aujourdhui: '2025-06-30', mode: 'defaut' as const };
  const structure = { source: 'cd-93', id: 'cd-93--s', nom: 'Structure', date_maj: '2025-01-01' };

  it('ID_EN_DOUBLE : deux services de même id', () => {
    const r = validerJeu(jeu({ structures: [structure], services: [service, service] }), contexte);
    expect(r.valide).toBe(false);
    expect(r.constats).toMatchObject([{ code: 'ID_EN_DOUBLE', modele: 'service', index: 1 }]);
  });

  it('STRUCTURE_INCONNUE : structure_id absent du jeu qui a des structures ; pas vérifié sans structure', () => {
    const orphelin = { ...service, structure_id: 'cd-93--autre' };
    expect(
      validerJeu(jeu({ structures: [structure], services: [orphelin] }), contexte).constats,
    ).toMatchObject([{ code: 'STRUCTURE_INCONNUE', champ: 'structure_id' }]);
    expect(validerJeu(jeu({ services: [orphelin] }), contexte).valide).toBe(true);
  });

  it('un avertissement n’empêche pas la validité', () => {
    const r = validerJeu(
      jeu({ structures: [structure], services: [{ ...service, nom: 'Atelier CV.' }] }),
      contexte,
    );
    expect(r.valide).toBe(true);
    expect(r.constats).toMatchObject([{ code: 'NOM_POINT_FINAL', severite: 'avertissement' }]);
  });
});
