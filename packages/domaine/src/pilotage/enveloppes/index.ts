export * from './repartition.ts';
export * from './refactions.ts';
export * from './reallocation.ts';
export * from './outre-mer.ts';
