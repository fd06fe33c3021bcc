// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AXES_COOPERATION, PARTIES_PLAN_PARTAGE, type FranceTravailModification } from '@jalon/schemas';
import { coutTotal, ligneVide, lireParcours } from '../src/france-travail/parcoursTypes.ts';
import { TableauParcours } from '../src/france-travail/TableauParcours.tsx';
import { FormulaireVolet3 } from '../src/france-travail/FormulaireVolet3.tsx';
import { ListeCooperation } from '../src/france-travail/ListeCooperation.tsx';
import type { Retour } from '../src/france-travail/Enregistrement.tsx';

afterEach(cleanup);

const cellules = (racine: HTMLElement): string[] =>
  within(racine)
    .getAllByRole('cell')
    .map((td) => td.textContent);

type Enregistrer = (m: Omit<FranceTravailModification, 'version'>) => Promise<Retour>;
const enregistreur = () =>
  vi.fn<Enregistrer>().mockResolvedValue({ severite: 'success', texte: 'Enregistré.' });

const volet3Vide = {
  note_engagement: { bassin_cible: '', engagement_methode: '', strategie_deploiement: '' },
  plan_partage: {
    entree_parcours: '',
    accompagnement_emploi: '',
    partage_donnees: '',
    mobilisation_entreprises: '',
    gouvernance: '',
  },
};

describe('parcours types (003 · annexe 4 § 2-a) : lecture du formulaire', () => {
  it('coût en euros → centimes entiers, places entières, lignes vides non envoyées', () => {
    const lecture = lireParcours([
      {
        nom: ' Remobilisation ',
        duree: '6 mois',
        contenu: 'Ateliers',
        modalites: 'Collectif',
        public_cible: 'ARSA',
        cout_unitaire: '2 400,50 €',
        places_financees: '12',
      },
      ligneVide(),
    ]);
    expect(lecture).toEqual({
      ok: true,
      parcours: [
        {
          nom: 'Remobilisation',
          duree: '6 mois',
          contenu: 'Ateliers',
          modalites: 'Collectif',
          public_cible: 'ARSA',
          cout_unitaire: 240_050,
          places_financees: 12,
        },
      ],
    });
  });

  it('chaque faute dit sa ligne, sa colonne et sa raison ; rien n’est rendu', () => {
    const lecture = lireParcours([
      ligneVide(),
      { ...ligneVide(), duree: '3 mois', cout_unitaire: '12,345', places_financees: '2,5' },
    ]);
    expect(lecture.ok).toBe(false);
    if (lecture.ok) return;
    expect(lecture.fautes.map((f) => [f.ligne, f.colonne])).toEqual([
      [2, 'nom'],
      [2, 'cout_unitaire'],
      [2, 'places_financees'],
    ]);
    expect(lecture.fautes[1]?.raison).toMatch(/plus de deux décimales/);
    expect(lecture.fautes[2]?.raison).toBe("« 2,5 » n'est pas un nombre entier de places");
  });

  it('coût prévu = coût unitaire × places, en centimes ; inconnu si une donnée manque', () => {
    // 2 400,50 € × 12 places = 28 806,00 €.
    expect(coutTotal({ cout_unitaire: 240_050, places_financees: 12 })).toBe(2_880_600);
    expect(coutTotal({ cout_unitaire: null, places_financees: 12 })).toBeNull();
    expect(coutTotal({ cout_unitaire: 100_000_000_000_000, places_financees: 1_000 })).toBeNull();
  });
});

describe('TableauParcours', () => {
  it('ajouter un parcours, le saisir, l’enregistrer : l’API reçoit des centimes', async () => {
    const enregistrer = enregistreur();
    const user = userEvent.setup();
    render(createElement(TableauParcours, { parcours: [], modifiable: true, enregistrer }));
    expect(screen.getByText('Aucun parcours type saisi.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ajouter un parcours type' }));
    await user.type(screen.getByRole('textbox', { name: 'Nom, parcours 1' }), 'Emploi');
    await user.type(screen.getByRole('textbox', { name: 'Coût unitaire (€), parcours 1' }), '900');
    await user.type(screen.getByRole('textbox', { name: 'Places financées, parcours 1' }), '40');
    // 900 € × 40 = 36 000 €, affiché avant même l'enregistrement.
    const ligne = screen.getAllByRole('row')[1];
    if (ligne === undefined) throw new Error('ligne absente');
    expect(cellules(ligne)).toContain('36\u00a0000,00\u00a0€');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les parcours types' }));
    expect(enregistrer).toHaveBeenCalledWith({
      parcours_types: [
        {
          nom: 'Emploi',
          duree: '',
          contenu: '',
          modalites: '',
          public_cible: '',
          cout_unitaire: 90_000,
          places_financees: 40,
        },
      ],
    });
    expect(await screen.findByText('Enregistré.')).toBeTruthy();
  });

  it('une saisie fautive n’est pas envoyée : message qui dit la ligne et la colonne', async () => {
    const enregistrer = enregistreur();
    const user = userEvent.setup();
    render(createElement(TableauParcours, { parcours: [], modifiable: true, enregistrer }));
    await user.click(screen.getByRole('button', { name: 'Ajouter un parcours type' }));
    await user.type(screen.getByRole('textbox', { name: 'Places financées, parcours 1' }), 'dix');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les parcours types' }));
    expect(enregistrer).not.toHaveBeenCalled();
    const alerte = screen.getAllByRole('alert')[0];
    expect(alerte?.textContent).toMatch(/ligne 1, colonne « Nom » : le nom du parcours est obligatoire/);
    expect(alerte?.textContent).toMatch(/ligne 1, colonne « Places financées » : « dix »/);
  });

  it('lecture seule : montants en euros, aucun champ ni bouton', () => {
    render(
      createElement(TableauParcours, {
        parcours: [
          {
            id: 1,
            nom: 'Remobilisation',
            duree: '6 mois',
            contenu: '',
            modalites: '',
            public_cible: '',
            cout_unitaire: 240_000,
            places_financees: 3,
          },
        ],
        modifiable: false,
        enregistrer: enregistreur(),
      }),
    );
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    // 2 400 € × 3 places = 7 200 €.
    expect(cellules(document.body)).toEqual(
      expect.arrayContaining(['Remobilisation', '2\u00a0400,00\u00a0€', '3', '7\u00a0200,00\u00a0€']),
    );
  });
});

describe('FormulaireVolet3 (003 · annexe 3)', () => {
  it('note d’engagement (3 champs) et plan partagé en 5 volets, envoyés tels quels', async () => {
    const enregistrer = enregistreur();
    const user = userEvent.setup();
    render(createElement(FormulaireVolet3, { volet3: volet3Vide, modifiable: true, enregistrer }));
    expect(screen.getAllByRole('textbox')).toHaveLength(3 + 5);
    expect(PARTIES_PLAN_PARTAGE).toHaveLength(5);
    await user.type(screen.getByRole('textbox', { name: 'Bassin cible' }), 'Lille');
    await user.type(
      screen.getByRole('textbox', { name: '5 — Mise en place de la gouvernance' }),
      'Comité trimestriel',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer le volet 3' }));
    expect(enregistrer).toHaveBeenCalledWith({
      volet3: {
        note_engagement: { ...volet3Vide.note_engagement, bassin_cible: 'Lille' },
        plan_partage: { ...volet3Vide.plan_partage, gouvernance: 'Comité trimestriel' },
      },
    });
  });
});

describe('ListeCooperation (003 · annexe 7, annexe 5)', () => {
  it('cocher un axe et le commenter : la liste entière est envoyée', async () => {
    const enregistrer = enregistreur();
    const user = userEvent.setup();
    const cooperation = AXES_COOPERATION.map((a) => ({ axe: a.code, retenu: false, commentaire: '' }));
    render(createElement(ListeCooperation, { cooperation, modifiable: true, enregistrer }));
    expect(screen.getByText(/0 axe retenu sur 7/)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /^3 — Données de pilotage/ }));
    await user.type(screen.getByRole('textbox', { name: 'Commentaire, axe 3' }), 'Tableau commun');
    expect(screen.getByText(/1 axe retenu sur 7/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Enregistrer la coopération' }));
    const envoye = enregistrer.mock.calls[0]?.[0].cooperation ?? [];
    expect(envoye).toHaveLength(7);
    expect(envoye.filter((a) => a.retenu)).toEqual([
      { axe: '3', retenu: true, commentaire: 'Tableau commun' },
    ]);
  });
});
