export * from './types.ts';
export * from './chorus.ts';
export { REFERENTIEL_CHORUS_000 } from './referentiel-000.ts';
export { REFERENTIEL_CHORUS_001 } from './referentiel-001.ts';
