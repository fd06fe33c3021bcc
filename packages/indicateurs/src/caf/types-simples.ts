/**
 * Contrôle d'une valeur contre un type simple du XSD (XML Schema 1.0, partie 2 : string, integer, decimal, date,
 * time, boolean et facettes maxLength, totalDigits, fractionDigits). Renvoie `null` si la valeur est valide, sinon
 * la raison en français.
 */
import { estDateValide } from '../moteur/dates.ts';
import type { TypeSimple } from './schema-xsd.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const HEURE = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const ENTIER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Chiffres significatifs (sans zéros de tête ni zéros de fin après la virgule) : partie entière, fraction. */
function chiffres(v: string): { entiers: number; fraction: number } {
  const sansSigne = v.replace(/^[+-]/, '');
  const [ent = '', frac = ''] = sansSigne.split('.');
  const e = ent.replace(/^0+/, '');
  const f = frac.replace(/0+$/, '');
  return { entiers: e.length, fraction: f.length };
}

export function controlerValeur(brute: string, type: TypeSimple): string | null {
  // Types autres que string : espaces « écrasés » (whiteSpace collapse), donc retirés aux bords.
  const v = type.base === 'string' ? brute : brute.trim();
  switch (type.base) {
    case 'string':
      if (type.maxLength !== undefined && [...v].length > type.maxLength)
        return `${[...v].length} caractères, ${type.maxLength} au plus`;
      return null;
    case 'boolean':
      return /^(true|false|0|1)$/.test(v) ? null : 'booléen attendu (0, 1, true ou false)';
    case 'date': {
      const m = DATE.exec(v);
      if (m === null || !estDateValide(Number(m[1]), Number(m[2]), Number(m[3])))
        return 'date attendue au format AAAA-MM-JJ';
      return null;
    }
    case 'time':
      return HEURE.test(v) ? null : 'heure attendue au format hh:mm:ss';
    case 'integer':
    case 'decimal': {
      if (!(type.base === 'integer' ? ENTIER : DECIMAL).test(v))
        return type.base === 'integer' ? 'nombre entier attendu' : 'nombre décimal attendu';
      const c = chiffres(v);
      if (type.totalDigits !== undefined && c.entiers + c.fraction > type.totalDigits)
        return `${c.entiers + c.fraction} chiffres significatifs, ${type.totalDigits} au plus`;
      if (type.fractionDigits !== undefined && c.fraction > type.fractionDigits)
        return `${c.fraction} décimales, ${type.fractionDigits} au plus`;
      return null;
    }
  }
}
