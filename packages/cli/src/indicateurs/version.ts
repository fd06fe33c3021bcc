import { readFileSync } from 'node:fs';

/** « jalon-indicateurs <version> », version lue dans le package.json du paquet moteur. */
export function versionMoteur(): string {
  const paquet: unknown = JSON.parse(
    readFileSync(new URL('../../../indicateurs/package.json', import.meta.url), 'utf8'),
  );
  const version =
    typeof paquet === 'object' && paquet !== null && 'version' in paquet && typeof paquet.version === 'string'
      ? paquet.version
      : 'inconnue';
  return `jalon-indicateurs ${version}`;
}
