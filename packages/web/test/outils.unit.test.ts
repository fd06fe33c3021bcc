import { describe, expect, it } from 'vitest';
import { lireResultatCalcul } from '../src/indicateurs/importCalcul.ts';
import { differences } from '../src/historique/differences.ts';

describe('import d’un résultat de « jalon indicateurs calculer »', () => {
  it('lit le résultat attendu de l’exemple parcours-mini et décrit sa provenance', () => {
    const texte = JSON.stringify({
      annee: 2022,
      cadre: 'calpae-2022',
      indicateurs: { nouveaux_entrants: 4, ag_par_conseiller: null },
      lignes_ecartees: 0,
      anomalies: [],
      moteur: { version: '1.0.0' },
      empreinte: 'abc123',
    });
    const lecture = lireResultatCalcul('calcul.json', texte);
    expect(lecture.ok && lecture.provenance).toEqual([
      'Fichier : calcul.json',
      'Année calculée : 2022',
      'Cadre : calpae-2022',
      "Moteur d'indicateurs : version 1.0.0",
      'Empreinte des données : abc123',
      '2 indicateurs calculés',
      'Lignes écartées à la lecture : 0',
      'Anomalies signalées : 0',
    ]);
  });
  it('lit la provenance écrite par la commande (moteur, empreinte, date du calcul)', () => {
    // Forme de `provenance` produite par packages/cli/src/indicateurs/calculer.ts ; empreinte du jeu parcours-mini.
    const empreinte = 'sha256:9cada5451b930a357758a88866144b24a447d6b7ed0db6fd9ac06d478c00768e';
    const texte = JSON.stringify({
      annee: 2022,
      cadre: 'calpae-2023',
      indicateurs: { nouveaux_entrants: 4 },
      lignes_ecartees: 0,
      anomalies: [],
      provenance: { moteur: 'jalon-indicateurs 0.1.0', empreinte, calcule_le: '2024-03-01T11:05:00.000Z' },
    });
    const lecture = lireResultatCalcul('calcul.json', texte);
    expect(lecture.ok && lecture.provenance).toEqual([
      'Fichier : calcul.json',
      'Année calculée : 2022',
      'Cadre : calpae-2023',
      "Moteur d'indicateurs : jalon-indicateurs 0.1.0",
      `Empreinte des données : ${empreinte}`,
      // 11 h 05 UTC = 12 h 05 à Paris (heure d'hiver).
      'Calculé le : 01/03/2024 12:05',
      '1 indicateur calculé',
      'Lignes écartées à la lecture : 0',
      'Anomalies signalées : 0',
    ]);
    const tronquee = lireResultatCalcul(
      'c.json',
      JSON.stringify({ annee: 2022, indicateurs: {}, provenance: { moteur: 'm', empreinte: 'sha256:abc' } }),
    );
    expect(tronquee.ok).toBe(false);
    if (!tronquee.ok) expect(tronquee.erreurs[0]).toMatch(/^c\.json, champ « provenance\.empreinte »/);
  });
  it('situe une faute de JSON (ligne, colonne) et un champ manquant', () => {
    const json = lireResultatCalcul('x.json', '{\n  "annee": 2022,\n  oups\n}');
    expect(json.ok).toBe(false);
    if (!json.ok) expect(json.erreurs[0]).toMatch(/^x\.json, ligne 3, colonne \d+ : JSON invalide/);
    const champ = lireResultatCalcul('y.json', '{"annee": 2022}');
    expect(champ.ok).toBe(false);
    if (!champ.ok) expect(champ.erreurs[0]).toMatch(/^y\.json, champ « indicateurs »/);
  });
});

describe('différences de l’historique', () => {
  it('une ligne par champ modifié, montants en euros', () => {
    expect(
      differences(
        { previsionnel: { etat: 100, cd: 10000000 }, intitule: 'A' },
        { previsionnel: { etat: 100, cd: 9000000 }, intitule: 'B' },
      ),
    ).toEqual([
      { chemin: 'previsionnel.cd', avant: '100\u00a0000,00\u00a0€', apres: '90\u00a0000,00\u00a0€' },
      { chemin: 'intitule', avant: 'A', apres: 'B' },
    ]);
  });
  it('création : tous les champs, « — » avant', () => {
    expect(differences(null, { numero: '4.2' })).toEqual([{ chemin: 'numero', avant: '—', apres: '4.2' }]);
  });
  it('listes d’objets élément par élément (n° 1, n° 2…), listes simples en clair', () => {
    expect(
      differences(
        { parcours: [{ nom: 'A', cout_unitaire: 100000 }], publics: [] },
        {
          parcours: [
            { nom: 'A', cout_unitaire: 120000 },
            { nom: 'B', cout_unitaire: 5000 },
          ],
          publics: ['jeunes', 'familles'],
        },
      ),
    ).toEqual([
      { chemin: 'parcours n° 1.cout_unitaire', avant: '1 000,00 €', apres: '1 200,00 €' },
      { chemin: 'parcours n° 2.nom', avant: '—', apres: 'B' },
      { chemin: 'parcours n° 2.cout_unitaire', avant: '—', apres: '50,00 €' },
      { chemin: 'publics', avant: '(liste vide)', apres: 'jeunes, familles' },
    ]);
  });
});
