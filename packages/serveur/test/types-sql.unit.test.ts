import { describe, expect, it } from 'vitest';
import { horodatageVersIso, int8VersNombre } from '../src/base/types-sql.ts';

describe('normalisation des types SQL', () => {
  it('int8 : chaîne → nombre exact jusqu’à 2^53 − 1, au-delà une erreur plutôt qu’un arrondi', () => {
    expect(int8VersNombre('99999999999999')).toBe(99_999_999_999_999);
    expect(int8VersNombre('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => int8VersNombre('9007199254740993')).toThrow(RangeError);
  });

  it('horodatages PostgreSQL (décalage « +00 », « +02 », « +05:30 ») → ISO 8601 UTC', () => {
    expect(horodatageVersIso('2024-03-01 12:00:00.123+00')).toBe('2024-03-01T12:00:00.123Z');
    expect(horodatageVersIso('2024-03-01 12:00:00+02')).toBe('2024-03-01T10:00:00.000Z');
    expect(horodatageVersIso('2024-03-01 12:00:00+05:30')).toBe('2024-03-01T06:30:00.000Z');
  });
});
