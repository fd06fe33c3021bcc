export * from './periode.ts';
export * from './echeancier.ts';
export * from './classement.ts';
export * from './icalendar.ts';
