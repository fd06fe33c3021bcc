/**
 * Nature d'un fichier téléversé, d'après son nom (docs/donnees-reelles.md § 4) : le serveur n'a que le nom et les
 * octets ; l'extension et les noms du format d'échange suffisent, le contenu est ensuite contrôlé par le lecteur.
 */
export type NatureFichier = 'archive' | 'situations' | 'evenements' | 'flux_caf' | 'export';

export const EXTENSIONS_ACCEPTEES = ['.zip', '.csv', '.xlsx', '.xml'] as const;

export function natureDe(nom: string): NatureFichier | null {
  const n = nom.toLowerCase();
  if (n.endsWith('.zip')) return 'archive';
  if (n.endsWith('.xml')) return 'flux_caf';
  if (n === 'situations_mensuelles.csv') return 'situations';
  if (n === 'evenements.csv') return 'evenements';
  if (n.endsWith('.csv') || n.endsWith('.xlsx')) return 'export';
  return null;
}

/** Nom de fichier sûr pour le disque : pas de chemin, pas de caractère de contrôle, 120 caractères au plus. */
export function nomSur(nom: string): string {
  const base = nom.split(/[\\/]/).pop() ?? '';
  const propre = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/^\.+/, '')
    .slice(-120);
  return propre === '' ? 'fichier' : propre;
}
