import { readFileSync } from 'node:fs';

/** « jalon-indicateurs <version> », comme `jalon indicateurs calculer` (version du package.json du moteur). */
export function versionMoteur(): string {
  const paquet: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version =
    typeof paquet === 'object' && paquet !== null && 'version' in paquet && typeof paquet.version === 'string'
      ? paquet.version
      : 'inconnue';
  return `jalon-indicateurs ${version}`;
}
