// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  GrilleFinanciere,
  TEXTE_EXECUTION_SEULE,
  type GrilleFinanciereProps,
} from '../src/grille/GrilleFinanciere.tsx';
import { deuxActions, exempleCalpae2023 } from './fixtures/conventions.ts';

afterEach(cleanup);

const monter = (props: Partial<GrilleFinanciereProps> = {}) => {
  const onEnregistrer = vi.fn<GrilleFinanciereProps['onEnregistrer']>().mockResolvedValue({ ok: true });
  const onDeposer = vi.fn();
  render(
    createElement(GrilleFinanciere, {
      document: exempleCalpae2023(),
      onEnregistrer,
      onDeposer,
      ...props,
    }),
  );
  return { onEnregistrer, onDeposer, user: userEvent.setup(), grille: screen.getByRole('grid') };
};

/** Cellule par numéro d'action et en-tête de colonne (texte visible). */
const cellule = (numero: string, colonne: string): HTMLElement => {
  const grille = screen.getByRole('grid');
  const entetes = within(grille).getAllByRole('columnheader');
  const entete = entetes.find((th) => th.textContent.includes(colonne) && th.getAttribute('scope') === 'col');
  if (entete === undefined) throw new Error(`colonne ${colonne} introuvable`);
  const index = entete.getAttribute('aria-colindex');
  const ligne = within(grille)
    .getAllByRole('row')
    .find((tr) => within(tr).queryByRole('rowheader')?.textContent.startsWith(`${numero} `) === true);
  if (ligne === undefined) throw new Error(`action ${numero} introuvable`);
  const trouvee = [...ligne.querySelectorAll<HTMLElement>('[aria-colindex]')].find(
    (td) => td.getAttribute('aria-colindex') === index,
  );
  if (trouvee === undefined) throw new Error('cellule introuvable');
  return trouvee;
};

describe('GrilleFinanciere', () => {
  it('motif grid de l’ARIA : role=grid, indices de lignes et colonnes, une seule cellule tabulable', () => {
    const { grille } = monter();
    expect(grille.getAttribute('aria-colcount')).toBe('12');
    expect(grille.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(screen.getAllByRole('row')[2]?.getAttribute('aria-rowindex')).toBe('3');
    // F calculé : 220 000 € (001 · annexe 5).
    expect(cellule('4.1', 'Budget global').textContent).toBe('220\u00a0000,00 €');
  });

  it('Entrée pour modifier, Entrée pour valider : la parité apparaît près des cellules et bloque « Déposer »', async () => {
    const { user } = monter();
    const deposer = screen.getByRole('button', { name: 'Déposer' });
    expect((deposer as HTMLButtonElement).disabled).toBe(false);
    const c = cellule('4.1', 'Crédits CD');
    await user.click(c);
    await user.keyboard('{Enter}');
    const champ = screen.getByRole('textbox', { name: 'Crédits CD, action 4.1' });
    expect((champ as HTMLInputElement).value).toBe('100000');
    await user.clear(champ);
    await user.type(champ, '90 000{Enter}');
    const apres = cellule('4.1', 'Crédits CD');
    expect(apres.textContent).toBe('90\u00a0000,00 €');
    expect(apres.getAttribute('aria-invalid')).toBe('true');
    const decrits = (apres.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '');
    expect(decrits.join('|')).toMatch(/Bloquant.*001 · annexe 4 ; contrôle PARITE_ACTION/);
    expect(cellule('4.1', 'Crédits État').getAttribute('aria-invalid')).toBe('true');
    expect(cellule('4.1', 'Reports CD').getAttribute('aria-invalid')).toBeNull();
    expect(cellule('4.1', 'Budget global').textContent).toBe('210\u00a0000,00 €');
    expect((screen.getByRole('button', { name: 'Déposer' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Dépôt impossible : 2 contrôles bloquants/)).toBeTruthy();
    // Correction : la parité revient, « Déposer » attend l'enregistrement.
    await user.keyboard('{Enter}');
    const champ2 = screen.getByRole('textbox', { name: 'Crédits CD, action 4.1' });
    await user.clear(champ2);
    await user.type(champ2, '100 000,00 €{Enter}');
    expect(cellule('4.1', 'Crédits CD').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Aucun contrôle en défaut.')).toBeTruthy();
  });

  it('agent (dépôt réservé au valideur) : « Déposer » visible mais désactivé, raison et contrôles expliqués', async () => {
    const user = userEvent.setup();
    render(
      createElement(GrilleFinanciere, {
        document: exempleCalpae2023(),
        onEnregistrer: vi.fn<GrilleFinanciereProps['onEnregistrer']>().mockResolvedValue({ ok: true }),
        depotReserve: 'Dépôt réservé au valideur de la collectivité.',
      }),
    );
    const deposer = screen.getByRole('button', { name: 'Déposer' }) as HTMLButtonElement;
    expect(deposer.disabled).toBe(true);
    expect(document.getElementById('raison-depot')?.textContent).toBe(
      'Dépôt réservé au valideur de la collectivité. Aucun contrôle bloquant : le valideur peut déposer le tableau.',
    );
    // C de 4.1 à 90 000 € < A = 100 000 € : parité par action en défaut (001 · annexe 4), dite aussi à l'agent.
    await user.click(cellule('4.1', 'Crédits CD'));
    await user.keyboard('{Enter}');
    const champ = screen.getByRole('textbox', { name: 'Crédits CD, action 4.1' });
    await user.clear(champ);
    await user.type(champ, '90000{Enter}');
    expect(document.getElementById('raison-depot')?.textContent).toMatch(
      /^Dépôt réservé au valideur de la collectivité\. Dépôt impossible : 2 contrôles bloquants/,
    );
    expect((screen.getByRole('button', { name: 'Déposer' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('sans `onDeposer` ni `depotReserve` (convention figée) : pas de bouton « Déposer »', () => {
    render(
      createElement(GrilleFinanciere, {
        document: exempleCalpae2023(),
        onEnregistrer: vi.fn<GrilleFinanciereProps['onEnregistrer']>().mockResolvedValue({ ok: true }),
      }),
    );
    expect(screen.queryByRole('button', { name: 'Déposer' })).toBeNull();
  });

  it('Échap annule la saisie ; un texte illisible garde l’éditeur ouvert avec un message', async () => {
    const { user } = monter();
    await user.click(cellule('4.1', 'Autres financeurs'));
    await user.keyboard('7');
    const champ = screen.getByRole('textbox', { name: 'Autres financeurs, action 4.1' });
    expect((champ as HTMLInputElement).value).toBe('7');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(cellule('4.1', 'Autres financeurs').textContent).toBe('0,00 €');
    await user.keyboard('{Enter}');
    const champ2 = screen.getByRole('textbox', { name: 'Autres financeurs, action 4.1' });
    await user.clear(champ2);
    await user.type(champ2, '12,345{Enter}');
    expect(champ2.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Montant illisible : .*plus de deux décimales/)).toBeTruthy();
  });

  it('flèches et Tab : déplacement de cellule en cellule, Tab valide et passe à droite', async () => {
    const { user } = monter();
    await user.click(cellule('4.1', 'Crédits État'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cellule('4.1', 'Reports État'));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement?.getAttribute('role')).toBe('rowheader');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toMatch(/^Sous-total/);
    await user.keyboard('{ArrowUp}{ArrowRight}{Enter}');
    const champ = screen.getByRole('textbox', { name: 'Crédits État, action 4.1' });
    await user.clear(champ);
    await user.type(champ, '50000');
    await user.keyboard('{Tab}');
    expect(cellule('4.1', 'Crédits État').textContent).toBe('50\u00a0000,00 €');
    expect(document.activeElement).toBe(cellule('4.1', 'Reports État'));
  });

  it('colle un bloc copié d’Excel à partir de la cellule active et recalcule les totaux', async () => {
    const { user } = monter({ document: deuxActions() });
    const depart = cellule('4.1', 'Crédits État');
    await user.click(depart);
    fireEvent.paste(depart, { clipboardData: { getData: () => '1 234,56 €\t1234.56\r\n2 000\t3,5\r\n' } });
    expect(cellule('4.1', 'Crédits État').textContent).toBe('1\u00a0234,56 €');
    expect(cellule('4.1', 'Reports État').textContent).toBe('1\u00a0234,56 €');
    expect(cellule('4.3', 'Crédits État').textContent).toBe('2\u00a0000,00 €');
    expect(cellule('4.3', 'Reports État').textContent).toBe('3,50 €');
    expect(screen.getByRole('status').textContent).toContain('4 cellules collées');
    // 4.1 : 1 234,56 + 1 234,56 + 100 000 + 10 000 + 0 = 112 469,12 €.
    expect(cellule('4.1', 'Budget global').textContent).toBe('112\u00a0469,12 €');
  });

  it('un bloc qui dépasse n’est pas collé et le dit', async () => {
    const { user } = monter();
    const depart = cellule('4.1', 'À reporter CD');
    await user.click(depart);
    fireEvent.paste(depart, { clipboardData: { getData: () => '1\t2\n' } });
    expect(screen.getByRole('alert').textContent).toContain("rien n'a été collé");
    expect(cellule('4.1', 'À reporter CD').textContent).toBe('0,00 €');
  });

  it('enregistre les lignes modifiées (en centimes) ; un conflit 409 garde les saisies', async () => {
    const onEnregistrer = vi
      .fn<GrilleFinanciereProps['onEnregistrer']>()
      .mockResolvedValueOnce({
        ok: false,
        message: 'Cette action a été modifiée par quelqu’un d’autre entre-temps.',
      })
      .mockResolvedValueOnce({ ok: true });
    const { user } = monter({ onEnregistrer });
    await user.click(cellule('4.1', 'Autres financeurs'));
    await user.keyboard('5000{Enter}');
    await user.click(screen.getByRole('button', { name: /^Enregistrer/ }));
    expect(onEnregistrer).toHaveBeenCalledWith([
      {
        numero: '4.1',
        // En centimes : 100 000 € = 10 000 000 c ; 5 000 € saisis = 500 000 c.
        previsionnel: {
          etat: 10000000,
          report_etat: 1000000,
          cd: 10000000,
          valorisation_cd: 0,
          report_cd: 1000000,
          autres: 500000,
        },
        execution: null,
      },
    ]);
    expect(screen.getByRole('alert').textContent).toContain('modifiée par quelqu’un d’autre');
    expect(screen.getByRole('alert').textContent).toContain('Vos saisies sont conservées');
    expect(cellule('4.1', 'Autres financeurs').textContent).toBe('5\u00a0000,00 €');
    await user.click(screen.getByRole('button', { name: /^Enregistrer/ }));
    expect(onEnregistrer).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toContain('1 ligne enregistrée');
  });

  it('convention en exécution : seul le réalisé se saisit, le prévisionnel est en lecture seule et expliqué', async () => {
    const { user, onEnregistrer, grille } = monter({ executionSeule: true, onDeposer: undefined });
    // Le texte d'explication (DSFR) est lu avec la grille.
    const aide = screen.getByText(TEXTE_EXECUTION_SEULE);
    expect(aide.closest('#aide-execution')).not.toBeNull();
    expect(grille.getAttribute('aria-describedby')).toBe('aide-grille aide-execution');

    // Prévisionnel : Entrée n'ouvre pas d'éditeur, la cellule est marquée en lecture seule.
    const cd = cellule('4.1', 'Crédits CD');
    expect(cd.getAttribute('aria-readonly')).toBe('true');
    await user.click(cd);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.keyboard('7');
    expect(screen.queryByRole('textbox')).toBeNull();

    // Exécution : saisissable.
    const realise = cellule('4.1', 'Réalisé');
    expect(realise.getAttribute('aria-readonly')).toBeNull();
    await user.click(realise);
    await user.keyboard('{Enter}');
    const champ = screen.getByRole('textbox', { name: 'Réalisé, action 4.1' });
    await user.clear(champ);
    await user.type(champ, '1 500{Enter}');
    expect(cellule('4.1', 'Réalisé').textContent).toBe('1 500,00 €');
    await user.click(screen.getByRole('button', { name: /^Enregistrer/ }));
    expect(onEnregistrer).toHaveBeenCalledTimes(1);
    const [lignes] = onEnregistrer.mock.calls[0] ?? [];
    // 1 500 € = 150 000 centimes ; les autres colonnes de l'exécution partent de zéro.
    expect(lignes?.map((l) => [l.numero, l.execution])).toEqual([
      ['4.1', { realise: 150000, valorisation_cd: 0, a_reporter_etat: 0, a_reporter_cd: 0 }],
    ]);
  });

  it('convention en exécution : un bloc collé sur le prévisionnel n’y écrit rien et le compte', async () => {
    const { user } = monter({ executionSeule: true, document: deuxActions() });
    const depart = cellule('4.1', 'Crédits État');
    await user.click(depart);
    fireEvent.paste(depart, { clipboardData: { getData: () => '1 234,56\t99\n' } });
    expect(cellule('4.1', 'Crédits État').textContent).not.toBe('1 234,56 €');
    expect(cellule('4.1', 'Reports État').textContent).not.toBe('99,00 €');
    expect(screen.getByRole('status').textContent).toContain(
      '2 valeurs ignorées hors de l’exécution (prévisionnel en lecture seule)',
    );
  });

  it('sans exécution seule, pas de texte d’explication', () => {
    monter();
    expect(screen.queryByText(TEXTE_EXECUTION_SEULE)).toBeNull();
  });
});
