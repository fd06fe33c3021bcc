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
});
