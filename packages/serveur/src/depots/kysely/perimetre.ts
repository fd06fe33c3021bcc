import type { ExpressionBuilder } from 'kysely';
import type { BaseJalon } from '../../base/tables.ts';
import type { Perimetre } from '../ports.ts';

/** Condition SQL « la collectivité est dans le périmètre » (INT-PLATEFORME-1). */
export function dansPerimetre(perimetre: Perimetre) {
  return (eb: ExpressionBuilder<BaseJalon, 'collectivite'>) => {
    switch (perimetre.type) {
      case 'tout':
        return eb.lit(true);
      case 'collectivite':
        return eb('collectivite.id', '=', perimetre.id);
      case 'departement':
        return eb('collectivite.departement', '=', perimetre.code);
      case 'region':
        return eb('collectivite.region', '=', perimetre.code);
    }
  };
}
