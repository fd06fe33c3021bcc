/**
 * Identifiants publiés `<source>--<id local>` : l'`id` data·inclusion v1 est la clé unique qui combine
 * l'identifiant du producteur et celui de l'objet chez lui (service.json, structure.json, champ `id` ;
 * derived · migration « v1 id is the unique primary key… e.g. 'dora--42' »).
 */

export const SEPARATEUR_ID = '--';

export function idPublie(source: string, idLocal: string): string {
  return `${source}${SEPARATEUR_ID}${idLocal}`;
}

/** Identifiant local d'un id publié (l'id lui-même s'il ne porte pas le préfixe de sa source). */
export function idLocal(source: string, id: string): string {
  const prefixe = `${source}${SEPARATEUR_ID}`;
  return id.startsWith(prefixe) ? id.slice(prefixe.length) : id;
}

/** Préfixe l'id par sa source s'il ne l'est pas déjà (idempotent : `normaliserId(s, normaliserId(s, x))`). */
export function normaliserId(source: string, id: string): string {
  return id.startsWith(`${source}${SEPARATEUR_ID}`) ? id : idPublie(source, id);
}
