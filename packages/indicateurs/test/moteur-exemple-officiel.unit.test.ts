import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculer, dossier, ev, plage, suspendu } from './aide-moteur.ts';

/**
 * L'exemple minimal de la spec (shared/specs/exemples/parcours-mini), transcrit à la main en dossiers :
 * le résultat attendu est celui calculé à la main par les auteurs de la spec (attendu-2022.json).
 */
const attendu = JSON.parse(
  readFileSync(
    new URL('../../../../shared/specs/exemples/parcours-mini/attendu-2022.json', import.meta.url),
    'utf8',
  ),
) as { indicateurs: Record<string, number | null> };

const personnes = [
  dossier(
    'A',
    [plage('2022-03', '2022-12')],
    [
      ev('reception_notification', '2022-03-01'),
      ev('orientation', '2022-03-31', { organisme: 'departement' }),
      ev('rdv', '2022-04-14', { organisme: 'departement', statut: 'honore' }),
      ev('cer', '2022-04-30'),
    ],
  ),
  dossier(
    'B',
    [plage('2022-03', '2022-12')],
    [
      ev('reception_notification', '2022-03-01'),
      ev('orientation', '2022-04-01', { organisme: 'departement' }),
    ],
  ),
  dossier(
    'C',
    [plage('2022-03', '2022-12')],
    [
      ev('reception_notification', '2022-03-01'),
      ev('orientation', '2022-03-15', { organisme: 'france_travail' }),
    ],
  ),
  dossier(
    'D',
    [plage('2020-01', '2021-05'), suspendu('2021-06', '2022-06'), plage('2022-07', '2022-12')],
    [ev('orientation', '2021-01-10', { organisme: 'departement' })],
  ),
  dossier(
    'E',
    [plage('2020-01', '2021-06'), suspendu('2021-07', '2022-06'), plage('2022-07', '2022-12')],
    [ev('orientation', '2021-01-10', { organisme: 'departement' })],
  ),
];

describe('exemple parcours-mini de la spec (2022)', () => {
  it('donne exactement les valeurs attendues', () => {
    expect(calculer(2022, personnes)).toEqual(attendu.indicateurs);
  });
});

describe('exemple officiel du délai (001 · annexe 6 § 1.1 : T0 = 01/03)', () => {
  const entrant = (orientation: string) =>
    dossier(
      'X',
      [plage('2022-03', '2022-12')],
      [
        ev('reception_notification', '2022-03-01'),
        ev('orientation', orientation, { organisme: 'departement' }),
      ],
    );
  it.each([
    ['2022-03-31', 1],
    ['2022-04-01', 0],
  ])('orientée le %s : « en 1 mois et moins » = %i (il fallait avant le 01/04)', (date, attenduValeur) => {
    expect(calculer(2022, [entrant(date)]).orientes_1_mois).toBe(attenduValeur);
  });
  it.each([
    ['2022-03-15', 1],
    ['2022-03-16', 0],
  ])('orientée le %s : « en 15 jours et moins » = %i (avant le 16/03)', (date, attenduValeur) => {
    expect(calculer(2022, [entrant(date)]).orientes_15_jours).toBe(attenduValeur);
  });
  it('fin de mois : T0 le 31/01, orientée le 28/02 (2023) hors délai, le 27/02 dans le délai', () => {
    const p = (orientation: string) =>
      dossier(
        'Y',
        [plage('2023-01', '2023-12')],
        [
          ev('reception_notification', '2023-01-31'),
          ev('orientation', orientation, { organisme: 'departement' }),
        ],
      );
    expect(calculer(2023, [p('2023-02-27')]).orientes_1_mois).toBe(1);
    expect(calculer(2023, [p('2023-02-28')]).orientes_1_mois).toBe(0);
  });
  it('une orientation antérieure au T0 compte comme « dans le délai »', () => {
    const p = dossier(
      'Z',
      [plage('2022-03', '2022-12')],
      [
        ev('orientation', '2022-03-02', { organisme: 'departement' }),
        ev('reception_notification', '2022-03-10'),
      ],
    );
    const r = calculer(2022, [p]);
    expect(r.orientes_1_mois).toBe(1);
    expect(r.orientes_15_jours).toBe(1);
  });
});
