import { describe, expect, it } from 'vitest';
import { validerContenu } from '@jalon/documents';
import { INDICATEURS_CALPAE_2023 } from '@jalon/referentiels';
import type { ConventionResume, FicheAction, ValeurIndicateur } from '@jalon/schemas';
import { TEXTES_VIDES, contenuDeLaConvention } from '../src/cas/documents-contenu.ts';
import { decouperErreur } from '../src/cas/documents-import.ts';
import { enSlug, nomDeFichier } from '../src/cas/documents.ts';
import { ficheVide } from './aide/donnees.ts';

const convention = {
  id: 1,
  collectivite: {
    id: 'departement:44',
    type: 'departement',
    code: '44',
    nom: 'Loire-Atlantique',
    departement: '44',
    region: '52',
  },
  cadre: 'calpae-2023',
  exercice: 2023,
  regime: 'civil',
  duree_mois: 12,
  enveloppe_etat: 0,
  statut: 'brouillon',
  version: 1,
  modifiee_le: '2024-01-01T00:00:00.000Z',
} as unknown as ConventionResume;

const valeur = (
  indicateur: string,
  annee: number,
  nature: ValeurIndicateur['nature'],
  v: number | null,
  commentaire = '',
) =>
  ({
    indicateur,
    annee,
    nature,
    valeur: v,
    commentaire,
    provenance: { type: 'saisie' },
    modifiee_par: 'agent.44',
    modifiee_le: '2024-01-01T00:00:00.000Z',
  }) as ValeurIndicateur;

describe('contenu des documents tiré de la base', () => {
  it('fiches, FAPI, textes du rapport, indicateurs (valeurs / cibles), vides omis ; accepté par le schéma strict', () => {
    const fiche = {
      ...ficheVide('1.1'),
      id: 7,
      rang: 0,
      description: 'Plateforme',
      partenaires_cofinanceurs: '  ',
      financee_fapi: true,
      montant_fapi: 1_200_000,
    } as unknown as FicheAction;
    const code = INDICATEURS_CALPAE_2023[0]?.code ?? '';
    const contenu = contenuDeLaConvention(
      convention,
      [fiche],
      [
        valeur(code, 2018, 'situation_t0', 100, 'Source CAF'),
        valeur(code, 2022, 'resultat', 150),
        valeur(code, 2023, 'objectif', 200, 'Source CAF'),
        valeur('code_libre', 2023, 'resultat', 3),
      ],
      INDICATEURS_CALPAE_2023,
      {
        ...TEXTES_VIDES,
        introduction: 'Intro',
        actions: { '1.1': { commentaire_budget: '', bilan: 'Bilan', perspectives: '' } },
        explications: { [code]: 'Hausse' },
      },
    );
    expect(contenu.collectivite).toEqual({ nom: 'Loire-Atlantique' });
    expect(contenu.rapport).toEqual({ introduction: 'Intro', mesures: {} });
    // 1 200 000 centimes = 12 000,00 € (espaces insécables de formaterEuros).
    const { fapi, ...autres } = contenu.fiches?.['1.1'] ?? {};
    expect(autres).toEqual({ description: 'Plateforme', bilan: 'Bilan' });
    expect(fapi).toMatch(/^oui, 12\s000,00\s€$/u);
    expect(contenu.indicateurs).toEqual([
      {
        code,
        unite: 'nombre',
        valeurs: { '2018': 100, '2022': 150 },
        cibles: { '2023': 200 },
        commentaire: 'Source CAF',
        explication: 'Hausse',
      },
      { code: 'code_libre', libelle: 'code_libre', unite: 'nombre', valeurs: { '2023': 3 }, cibles: {} },
    ]);
    expect(() => validerContenu(contenu)).not.toThrow();
  });

  it('FAPI : non, ou oui sans montant ; inconnu omis', () => {
    const base = { ...ficheVide('1.1'), id: 1, rang: 0 } as unknown as FicheAction;
    const fapi = (f: Partial<FicheAction>) =>
      contenuDeLaConvention(convention, [{ ...base, ...f }], [], [], TEXTES_VIDES).fiches?.['1.1']?.fapi;
    expect(fapi({ financee_fapi: false })).toBe('non');
    expect(fapi({ financee_fapi: true, montant_fapi: null })).toBe('oui');
    expect(fapi({ financee_fapi: null })).toBeUndefined();
  });
});

describe('erreurs et noms de fichiers', () => {
  it('« Feuille …, cellule … : raison » découpé ; message sans cellule gardé entier', () => {
    expect(decouperErreur("Feuille 'Exécution 2023', cellule AB104 : nombre attendu")).toEqual({
      message: "Feuille 'Exécution 2023', cellule AB104 : nombre attendu",
      feuille: 'Exécution 2023',
      cellule: 'AB104',
      raison: 'nombre attendu',
    });
    expect(decouperErreur("Feuille 'Prévisionnel 2023' : action « 9.9 » absente du tableau")).toMatchObject({
      feuille: 'Prévisionnel 2023',
      cellule: null,
    });
    expect(decouperErreur('Fichier XLSX illisible')).toMatchObject({
      feuille: null,
      raison: 'Fichier XLSX illisible',
    });
  });

  it('noms de fichiers sans accents ni espaces', () => {
    expect(enSlug('Côtes-d’Armor')).toBe('cotes-d-armor');
    expect(nomDeFichier(convention, 'fiche-action', 'docx', '4.1')).toBe(
      'fiche-action_loire-atlantique_2023_action-4.1.docx',
    );
  });
});
