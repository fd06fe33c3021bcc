// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { DEPARTEMENTS } from '@jalon/referentiels';
import { CarteDepartements } from '../src/carte/CarteDepartements.tsx';
import { tracerDepartements, type ContoursDepartements } from '../src/carte/geometrie.ts';
import { classerValeurs, indexClasse } from '../src/carte/echelle.ts';

afterEach(cleanup);

// Le vrai fichier servi par l'application (copie de shared/reference/geo).
const contours = JSON.parse(
  readFileSync(join(import.meta.dirname, '../public/geo/departements.geojson'), 'utf8'),
) as ContoursDepartements;

const codesRegion = (region: string) =>
  DEPARTEMENTS.filter((d) => d.codeRegion === region).map((d) => d.code);

/** Tous les nombres d'un chemin SVG, par paires (x, y). */
function points(d: string): [number, number][] {
  const n = (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  const paires: [number, number][] = [];
  for (let i = 0; i + 1 < n.length; i += 2) paires.push([n[i] as number, n[i + 1] as number]);
  return paires;
}

describe('géométrie de la carte', () => {
  it('dessine les 101 départements du COG (outre-mer compris), chacun avec un chemin dans le cadre', () => {
    const traces = tracerDepartements(contours, { largeur: 500, hauteur: 400 });
    expect(traces.map((t) => t.code).sort()).toEqual(DEPARTEMENTS.map((d) => d.code).sort());
    expect(traces.filter((t) => t.encart).map((t) => t.code)).toEqual(['971', '972', '973', '974', '976']);
    for (const t of traces) {
      expect(t.d.length, t.code).toBeGreaterThan(10);
      for (const [x, y] of points(t.d)) {
        expect(x).toBeGreaterThanOrEqual(3.9);
        expect(x).toBeLessThanOrEqual(496.1);
        expect(y).toBeGreaterThanOrEqual(3.9);
        expect(y).toBeLessThanOrEqual(396.1);
      }
    }
  });

  it('une carte régionale ne dessine que la région et la cadre (Centre-Val de Loire : 6 départements)', () => {
    const codes = codesRegion('24');
    expect(codes.sort()).toEqual(['18', '28', '36', '37', '41', '45']);
    const traces = tracerDepartements(contours, { codes, largeur: 400, hauteur: 400 });
    expect(traces.map((t) => t.code).sort()).toEqual(codes);
    const tous = traces.flatMap((t) => points(t.d));
    const xs = tous.map((p) => p[0]);
    const ys = tous.map((p) => p[1]);
    // fitExtent : la région occupe tout le cadre dans au moins une dimension (marge de 4).
    const largeurOccupee = Math.max(...xs) - Math.min(...xs);
    const hauteurOccupee = Math.max(...ys) - Math.min(...ys);
    expect(Math.max(largeurOccupee, hauteurOccupee)).toBeGreaterThan(390);
  });

  it('Indre-et-Loire est à l’ouest du Loiret et au sud de l’Eure-et-Loir (orientation)', () => {
    const traces = tracerDepartements(contours, { codes: codesRegion('24'), largeur: 400, hauteur: 400 });
    const centre = (code: string) => {
      const p = points(traces.find((t) => t.code === code)?.d ?? '');
      return [p.reduce((s, q) => s + q[0], 0) / p.length, p.reduce((s, q) => s + q[1], 0) / p.length];
    };
    const [x37, y37] = centre('37') as [number, number];
    const [x45] = centre('45') as [number, number];
    const [, y28] = centre('28') as [number, number];
    expect(x37).toBeLessThan(x45);
    expect(y37).toBeGreaterThan(y28);
  });
});

describe('classes de la légende', () => {
  it('chaque valeur tombe dans une classe qui la contient ; classes croissantes et contiguës', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(
            fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
            { nil: null },
          ),
          {
            maxLength: 40,
          },
        ),
        fc.integer({ min: 1, max: 7 }),
        (valeurs, nombre) => {
          const classes = classerValeurs(valeurs, nombre);
          const connues = valeurs.filter((v): v is number => v !== null);
          if (connues.length === 0) return classes.length === 0;
          expect(classes[0]?.min).toEqual(Math.min(...connues));
          expect(classes.at(-1)?.max).toEqual(Math.max(...connues));
          for (let i = 1; i < classes.length; i++)
            expect(classes[i]?.min).toBeCloseTo(classes[i - 1]?.max ?? NaN, 6);
          for (const v of valeurs) {
            const i = indexClasse(classes, v);
            if (v === null) expect(i).toBe(-1);
            else {
              const c = classes[i];
              expect(c).toBeDefined();
              expect(v).toBeGreaterThanOrEqual(c?.min ?? Infinity);
              expect(v).toBeLessThanOrEqual((c?.max ?? -Infinity) + 1e-9 * Math.abs(c?.max ?? 1));
            }
          }
          return true;
        },
      ),
    );
  });

  it('0, 25, 50, 75, 100 en 4 classes : bornes 0-25-50-75-100, 100 dans la dernière', () => {
    const classes = classerValeurs([0, 25, 50, 75, 100], 4);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100],
    ]);
    expect(indexClasse(classes, 100)).toBe(3);
    expect(indexClasse(classes, 24.9)).toBe(0);
  });
});

describe('<CarteDepartements>', () => {
  const region = codesRegion('24');
  const valeurs = { '18': 0.5, '28': 0.9, '36': null, '37': 0.25, '41': 0.75, '45': 1 };
  const pourcent = (v: number) => `${Math.round(v * 100)} %`;

  it('donne à chaque département un titre (nom, code, valeur), une légende et un tableau équivalent', () => {
    const { container } = render(
      createElement(CarteDepartements, {
        valeurs,
        libelle: 'Taux de consommation',
        format: pourcent,
        departements: region,
        contours,
      }),
    );
    const chemins = container.querySelectorAll('path[data-code]');
    expect(chemins).toHaveLength(6);
    const titres = [...chemins].map((p) => p.querySelector('title')?.textContent).sort();
    expect(titres).toEqual([
      'Cher (18) : 50 %',
      'Eure-et-Loir (28) : 90 %',
      'Indre (36) : non disponible',
      'Indre-et-Loire (37) : 25 %',
      'Loir-et-Cher (41) : 75 %',
      'Loiret (45) : 100 %',
    ]);
    // 37 (25 %) est dans une classe plus claire que 45 (100 %) ; 36 sans valeur : hachuré.
    const classe = (code: string) =>
      Number(container.querySelector(`path[data-code="${code}"]`)?.getAttribute('data-classe'));
    expect(classe('37')).toBe(0);
    expect(classe('45')).toBe(4);
    expect(classe('36')).toBe(-1);
    expect(screen.getByText('hachuré : sans valeur diffusable')).toBeTruthy();
    const tableau = screen.getByRole('table');
    const lignes = within(tableau)
      .getAllByRole('row')
      .slice(1)
      .map((tr) => tr.textContent);
    expect(lignes).toEqual([
      'Cher (18)50 %',
      'Eure-et-Loir (28)90 %',
      'Indre (36)non disponible',
      'Indre-et-Loire (37)25 %',
      'Loir-et-Cher (41)75 %',
      'Loiret (45)100 %',
    ]);
  });

  it('la sélection marche au clic, au clavier (Entrée) et depuis le tableau', async () => {
    const onSelect = vi.fn();
    const { container } = render(
      createElement(CarteDepartements, {
        valeurs,
        libelle: 'Taux',
        departements: region,
        contours,
        onSelect,
        texteSansValeur: () => '< 11',
      }),
    );
    const utilisateur = userEvent.setup();
    const p37 = container.querySelector('path[data-code="37"]') as SVGPathElement;
    await utilisateur.click(p37);
    expect(onSelect).toHaveBeenLastCalledWith('37');
    p37.focus();
    await utilisateur.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(2);
    await utilisateur.click(screen.getByRole('button', { name: 'Loiret (45)' }));
    expect(onSelect).toHaveBeenLastCalledWith('45');
    expect(screen.getAllByText('< 11').length).toBeGreaterThan(0);
  });
});
