import { describe, expect, it } from 'vitest';
import type { TableauBordApi } from '@jalon/schemas';
import { lireCles } from '../src/pages/PageEnveloppes.tsx';
import { classerLignes, valeursCarte } from '../src/pilotage/tableaux/mesures.ts';

const ligne = (
  departement: string,
  taux: number | null,
  secret = false,
): TableauBordApi['lignes'][number] => ({
  departement,
  nom: `D${departement}`,
  collectivite_id: `departement:${departement}`,
  convention_id: null,
  etat: null,
  taux_consommation: taux,
  taux_atteinte: secret ? { type: 'secret', affichage: '< 11' } : { type: 'vide' },
  indicateurs: { n: secret ? { type: 'secret', affichage: '< 11' } : { type: 'valeur', valeur: 12 } },
  en_retard: false,
});

const tableau = (lignes: TableauBordApi['lignes']): TableauBordApi => ({
  territoire: { type: 'region', code: '52', nom: 'Pays de la Loire' },
  annee: 2022,
  cadre: 'calpae-2022',
  seuil_secret: 11,
  indicateurs: [{ code: 'n', libelle: 'N', comptage: true }],
  departements: lignes.map((l) => l.departement),
  lignes,
  series: [],
});

describe('tableau de bord : classement et carte', () => {
  it('valeurs décroissantes, puis masquées, puis vides ; un secret ne devient jamais un nombre sur la carte', () => {
    const t = tableau([ligne('49', null), ligne('44', 50), ligne('85', 90), ligne('53', 10, true)]);
    expect(classerLignes(t, 'consommation').map((l) => l.departement)).toEqual(['85', '44', '53', '49']);
    expect(classerLignes(t, 'indicateur:n').map((l) => l.departement)).toEqual(['44', '49', '85', '53']);
    expect(valeursCarte(t, 'indicateur:n')).toEqual({ '49': 12, '44': 12, '85': 12, '53': null });
  });
});

describe('enveloppes : lecture de la clé saisie', () => {
  it('une collectivité par ligne, poids entier ; les lignes fautives sont nommées', () => {
    expect(lireCles('departement:44;3\n\ndepartement:49 ; 1\n')).toEqual({
      cles: [
        { collectivite_id: 'departement:44', poids: 3 },
        { collectivite_id: 'departement:49', poids: 1 },
      ],
      erreurs: [],
    });
    const fautes = lireCles('departement:44;1,5\n;2\ndepartement:72;-1');
    expect(fautes.cles).toEqual([]);
    expect(fautes.erreurs).toEqual([
      'Ligne 1 : « identifiant;poids entier » attendu, reçu « departement:44;1,5 ».',
      'Ligne 2 : « identifiant;poids entier » attendu, reçu « ;2 ».',
      'Ligne 3 : « identifiant;poids entier » attendu, reçu « departement:72;-1 ».',
    ]);
  });
});
