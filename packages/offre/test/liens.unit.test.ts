import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleFicheAction,
  financementsDuService,
  idLocal,
  idPublie,
  liensOrphelins,
  normaliserId,
  servicesDeLaFiche,
  type LienFinancement,
} from '../src/index.ts';

describe('ids publiés <source>--<id local>', () => {
  it('préfixe par la source, une seule fois', () => {
    expect(idPublie('cd-93', '42')).toBe('cd-93--42');
    expect(normaliserId('cd-93', '42')).toBe('cd-93--42');
    expect(normaliserId('cd-93', 'cd-93--42')).toBe('cd-93--42');
    expect(idLocal('cd-93', 'cd-93--42')).toBe('42');
    expect(idLocal('cd-93', 'dora--42')).toBe('dora--42');
  });
  it('normaliser est idempotent et idLocal le défait (propriété)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        fc.string({ minLength: 1, maxLength: 20 }),
        (source, local) => {
          const id = normaliserId(source, local);
          expect(normaliserId(source, id)).toBe(id);
          expect(id.startsWith(`${source}--`)).toBe(true);
          expect(idPublie(source, idLocal(source, id))).toBe(id);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('liens fiche action ↔ services', () => {
  const convention = {
    collectivite: { type: 'departement', code: '93' },
    cadre: 'france-travail-2024',
    exercice: 2024,
  };
  const autre = { ...convention, exercice: 2025 };
  const liens: LienFinancement[] = [
    { ficheAction: { convention, numero: '2.1' }, serviceId: 'cd-93--a' },
    { ficheAction: { convention, numero: '2.1' }, serviceId: 'cd-93--b' },
    { ficheAction: { convention, numero: '2.1' }, serviceId: 'cd-93--a' },
    { ficheAction: { convention, numero: '2.3' }, serviceId: 'cd-93--a' },
    { ficheAction: { convention: autre, numero: '2.1' }, serviceId: 'cd-93--a' },
  ];

  it('clé stable d’une fiche action', () => {
    expect(cleFicheAction({ convention, numero: '2.1' })).toBe('departement:93/france-travail-2024/2024#2.1');
  });
  it('une fiche liste ses services, sans doublon', () => {
    expect(servicesDeLaFiche(liens, { convention, numero: '2.1' })).toEqual(['cd-93--a', 'cd-93--b']);
    expect(servicesDeLaFiche(liens, { convention: autre, numero: '2.3' })).toEqual([]);
  });
  it('un service montre ses conventions et actions', () => {
    expect(financementsDuService(liens, 'cd-93--a')).toEqual([
      { convention, numeros: ['2.1', '2.3'] },
      { convention: autre, numeros: ['2.1'] },
    ]);
  });
  it('signale les liens vers un service absent', () => {
    expect(liensOrphelins(liens, [{ id: 'cd-93--a' }]).map((l) => l.serviceId)).toEqual(['cd-93--b']);
  });
});
