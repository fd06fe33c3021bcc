import { describe, expect, it } from 'vitest';
import { erreursCellules, ROUTES_DOCUMENTS, taille } from '../src/documents/api.ts';

describe('documents (interface)', () => {
  it('erreurs de relecture : feuille et cellule reprises, messages simples gardés', () => {
    expect(
      erreursCellules({
        erreurs: [
          {
            message: "Feuille 'Prévisionnel 2023', cellule G14 : montant négatif (-5)",
            feuille: 'Prévisionnel 2023',
            cellule: 'G14',
            raison: 'montant négatif (-5)',
          },
          'Fichier XLSX illisible',
          42,
        ],
      }),
    ).toEqual([
      {
        message: "Feuille 'Prévisionnel 2023', cellule G14 : montant négatif (-5)",
        feuille: 'Prévisionnel 2023',
        cellule: 'G14',
        raison: 'montant négatif (-5)',
      },
      { message: 'Fichier XLSX illisible', feuille: null, cellule: null, raison: 'Fichier XLSX illisible' },
    ]);
    expect(erreursCellules(undefined)).toEqual([]);
    expect(erreursCellules({ erreurs: 'x' })).toEqual([]);
  });

  it('tailles en français (1 Kio = 1 024 octets)', () => {
    expect(taille(512)).toBe('512 octets');
    expect(taille(35 * 1024)).toBe('35 Kio');
    expect(taille(5 * 1024 * 1024)).toBe('5 Mio');
    expect(taille(1.5 * 1024 * 1024)).toBe('1,5 Mio');
  });

  it('adresses : format et action en paramètres, nom de fichier déposé encodé', () => {
    expect(ROUTES_DOCUMENTS.document(3, 'fiche-action', 'pdf', '4.1')).toBe(
      '/api/conventions/3/documents/fiche-action?format=pdf&action=4.1',
    );
    expect(ROUTES_DOCUMENTS.fichierDepose(3, 9, 'a b.pdf')).toBe(
      '/api/conventions/3/depots-rapport/9/fichiers/a%20b.pdf',
    );
  });
});
