import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { genererCle, lireCle, normaliserIdentifiant, pseudonyme } from '../src/pseudonymisation/index.ts';

const CLE = Buffer.alloc(32, 7);

describe('pseudonymisation', () => {
  it('normalise un NIR : espaces retirés, majuscules, 13 premiers caractères (sans la clé)', () => {
    expect(normaliserIdentifiant(' 1 84 12 75 123 456 78 ')).toBe('1841275123456');
    expect(normaliserIdentifiant('1 84 12 2a 123 456 78')).toBe('184122A123456');
    expect(normaliserIdentifiant('abc 12')).toBe('ABC12');
  });

  it('pseudonyme = 32 premiers caractères hexadécimaux du HMAC-SHA256 de la forme normalisée', () => {
    const attendu = createHmac('sha256', CLE).update('1841275123456').digest('hex').slice(0, 32);
    expect(pseudonyme(CLE, '1 84 12 75 123 456 78')).toBe(attendu);
    expect(pseudonyme(CLE, '1841275123456')).toBe(attendu);
  });

  it('même entrée + même clé → même pseudonyme ; autre clé → autre pseudonyme', () => {
    expect(pseudonyme(CLE, 'X1')).toBe(pseudonyme(Buffer.alloc(32, 7), 'X1'));
    expect(pseudonyme(CLE, 'X1')).not.toBe(pseudonyme(Buffer.alloc(32, 8), 'X1'));
  });

  it('clé : 64 caractères hexadécimaux, sinon refusée', () => {
    const cle = genererCle();
    expect(cle).toMatch(/^[0-9a-f]{64}$/);
    expect(lireCle(`${cle}\n`)?.length).toBe(32);
    expect(lireCle('court')).toBeNull();
    expect(genererCle()).not.toBe(cle);
  });
});
