import { describe, expect, it } from 'vitest';
import { expliquerIndicateur } from '../src/moteur/index.ts';
import { calculer, dossier, ev, parametres, plage, suspendu } from './aide-moteur.ts';
import type { DossierPersonne } from '../src/moteur/index.ts';

/**
 * Périmètre des nouveaux entrants : une règle par inclusion et exclusion de 001 · annexe 6 § 1.1, calculée à la main.
 * Le fichier couvre 2021-01 → 2022-12 grâce à une personne témoin présente tout du long (fenêtre observée).
 */
const temoin = dossier('TEMOIN', [plage('2021-01', '2022-12', { versable: true, sdd: false })]);
const entrants = (...personnes: DossierPersonne[]) =>
  calculer(2022, [temoin, ...personnes]).nouveaux_entrants;
const raison = (p: DossierPersonne) => {
  const lignes = [
    ...expliquerIndicateur([temoin, p], parametres(2022, [temoin, p]), 'nouveaux_entrants', p.id),
  ];
  return lignes[0]?.raison;
};
const oriente = (date: string) => ev('orientation', date, { organisme: 'departement' });

describe('inclus (001 · annexe 6 § 1.1 « Ce périmètre inclut »)', () => {
  it('primo-demandeur soumis aux droits et devoirs', () => {
    expect(entrants(dossier('P', [plage('2022-05', '2022-12')]))).toBe(1);
  });
  it('radié qui revient soumis aux droits et devoirs, même déjà orienté avant sa radiation', () => {
    const p = dossier(
      'R',
      [plage('2021-01', '2021-06'), plage('2022-02', '2022-12')],
      [oriente('2021-02-01')],
    );
    expect(entrants(p)).toBe(1);
  });
  it('radié (etat_droit « radie ») qui revient', () => {
    const p = dossier(
      'R2',
      [
        plage('2021-01', '2021-06'),
        plage('2021-07', '2021-08', { versable: false, sdd: false, etat: 'radie' }),
        plage('2021-09', '2022-12'),
      ],
      [oriente('2021-02-01')],
    );
    const complet = p;
    // Retour en 2021-09 : entrée en 2021, pas en 2022 (déjà SDD en décembre 2021).
    expect(entrants(complet)).toBe(0);
    expect(calculer(2021, [temoin, complet]).nouveaux_entrants).toBe(1);
  });
  it('nouvel arrivant dans le département (absent du fichier avant son arrivée)', () => {
    expect(entrants(dossier('N', [plage('2022-09', '2022-12')]))).toBe(1);
  });
  it('personne qui rejoint un foyer au RSA ou passe sous le seuil de 500 € (versable non soumise, puis soumise)', () => {
    const p = dossier('F', [plage('2021-01', '2022-03', { sdd: false }), plage('2022-04', '2022-12')]);
    expect(entrants(p)).toBe(1);
  });
  it('suspendu plus de 12 mois (13) puis de nouveau soumis : le suivi est clos', () => {
    const p = dossier(
      'S13',
      [plage('2021-01', '2021-01'), suspendu('2021-02', '2022-02'), plage('2022-03', '2022-12')],
      [oriente('2021-01-05')],
    );
    expect(entrants(p)).toBe(1);
  });
});

describe('exclus (001 · annexe 6 § 1.1 « Ce périmètre exclut »)', () => {
  it('versable mais non soumis aux droits et devoirs (au-dessus du seuil de 500 €)', () => {
    const p = dossier('NS', [plage('2022-01', '2022-12', { sdd: false })]);
    expect(entrants(p)).toBe(0);
    expect(raison(p)).toBe('NON_SDD');
  });
  it('allers-retours dans le top « droits et devoirs » avec un accompagnement en veille non clos', () => {
    const p = dossier(
      'O',
      [plage('2021-01', '2021-12'), plage('2022-01', '2022-02', { sdd: false }), plage('2022-03', '2022-12')],
      [oriente('2021-02-10')],
    );
    expect(entrants(p)).toBe(0);
    expect(raison(p)).toBe('SUIVI_EN_COURS');
  });
  it('les mêmes allers-retours SANS suivi : le retour dans le top est une entrée', () => {
    const p = dossier('O2', [
      plage('2021-01', '2021-12'),
      plage('2022-01', '2022-02', { sdd: false }),
      plage('2022-03', '2022-12'),
    ]);
    expect(entrants(p)).toBe(1);
  });
  it('suspendu 12 mois exactement : accompagnement en veille, pas de nouvelle entrée', () => {
    const p = dossier(
      'S12',
      [plage('2021-01', '2021-01'), suspendu('2021-02', '2022-01'), plage('2022-02', '2022-12')],
      [oriente('2021-01-05')],
    );
    expect(entrants(p)).toBe(0);
    expect(raison(p)).toBe('SUIVI_EN_COURS');
  });
  it('déjà soumis le mois précédent (présent dans le flux depuis 2021) : pas une entrée', () => {
    const p = dossier('STOCK', [plage('2021-06', '2022-12')]);
    expect(entrants(p)).toBe(0);
    expect(raison(p)).toBe('SDD_MOIS_PRECEDENT');
  });
  it('soumis mais jamais versable', () => {
    const p = dossier('NV', [plage('2022-01', '2022-12', { versable: false, sdd: true, etat: 'suspendu' })]);
    expect(raison(p)).toBe('NON_VERSABLE');
  });
});

describe('suivi en cours (spec § 2)', () => {
  it('un fin_suivi clôt le suivi : la personne redevenue soumise entre', () => {
    const p = dossier(
      'FS',
      [plage('2021-01', '2022-01'), plage('2022-02', '2022-03', { sdd: false }), plage('2022-04', '2022-12')],
      [oriente('2021-02-01'), ev('fin_suivi', '2022-02-15')],
    );
    expect(entrants(p)).toBe(1);
  });
  it('fin_suivi et nouvelle orientation le même jour : le nouveau suivi reste en cours', () => {
    const p = dossier(
      'FS2',
      [plage('2021-01', '2022-01'), plage('2022-02', '2022-03', { sdd: false }), plage('2022-04', '2022-12')],
      [oriente('2021-02-01'), ev('fin_suivi', '2022-02-15'), oriente('2022-02-15')],
    );
    expect(entrants(p)).toBe(0);
  });
  it('une orientation datée le premier jour du mois ne compte pas comme suivi en cours ce mois-là', () => {
    const p = dossier(
      'J1',
      [plage('2022-01', '2022-04', { sdd: false }), plage('2022-05', '2022-12')],
      [oriente('2022-05-01')],
    );
    expect(entrants(p)).toBe(1);
  });
  it('une orientation datée la veille du mois bloque l’entrée', () => {
    const p = dossier(
      'J0',
      [plage('2022-01', '2022-04', { sdd: false }), plage('2022-05', '2022-12')],
      [oriente('2022-04-30')],
    );
    expect(entrants(p)).toBe(0);
  });
  it('un suivi clos le reste jusqu’à une nouvelle désignation de référent', () => {
    const p = dossier(
      'DR',
      [plage('2021-01', '2021-03'), plage('2021-05', '2021-12', { sdd: false }), plage('2022-01', '2022-12')],
      [oriente('2021-01-10'), ev('designation_referent', '2021-09-01', { organisme: 'delegataire' })],
    );
    // Absente en avril 2021 (radiée) puis nouvelle désignation en septembre : suivi en cours en janvier 2022.
    expect(entrants(p)).toBe(0);
  });
  it('une absence hors de la fenêtre observée n’est pas une radiation', () => {
    // Fenêtre 2021-01 → 2022-12 (témoin) : la personne orientée en 2020 n'est pas observée avant 2021.
    const p = dossier(
      'HF',
      [plage('2021-01', '2021-12', { sdd: false }), plage('2022-01', '2022-12')],
      [oriente('2020-03-01')],
    );
    expect(entrants(p)).toBe(0);
  });
  it('une personne qui entre deux fois dans l’année compte une fois (personnes distinctes)', () => {
    const p = dossier(
      'DEUX',
      [plage('2022-01', '2022-03'), plage('2022-05', '2022-12')],
      [ev('fin_suivi', '2022-02-01')],
    );
    expect(entrants(p)).toBe(1);
    const lignes = [
      ...expliquerIndicateur([temoin, p], parametres(2022, [temoin, p]), 'nouveaux_entrants', 'DEUX'),
    ];
    expect(lignes.map((l) => l.mois_entree)).toEqual(['2022-01']);
  });
});
