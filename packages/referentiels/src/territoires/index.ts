export * from './types.ts';
export * from './cog.ts';
export * from './collectivites.ts';
