import { parseArgs } from 'node:util';

/** Options d'une commande : chaînes ou drapeaux ; `--aide` / `-h` sont ajoutés à toutes. */
export type DefinitionOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export type ArgumentsLus =
  | {
      readonly ok: true;
      readonly valeurs: Record<string, string | boolean | undefined>;
      readonly positionnels: string[];
      readonly aide: boolean;
    }
  | { readonly ok: false; readonly message: string };

/** `parseArgs` strict, avec un message d'erreur en français qui nomme l'option fautive. */
export function lireArguments(args: string[], options: DefinitionOptions): ArgumentsLus {
  try {
    const lus = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { ...options, aide: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    const valeurs = lus.values as Record<string, string | boolean | undefined>;
    return {
      ok: true,
      valeurs,
      positionnels: lus.positionals,
      aide: valeurs.aide === true || valeurs.help === true,
    };
  } catch (erreur) {
    const detail = erreur instanceof Error ? erreur.message : String(erreur);
    const option = /'([^']+)'/u.exec(detail)?.[1];
    return {
      ok: false,
      message:
        option === undefined
          ? `Arguments invalides : ${detail}`
          : `Option inconnue ou mal formée : ${option}`,
    };
  }
}
