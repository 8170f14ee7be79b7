export * from './audit';
export * from './auth';
export * from './deals';
export * from './drafts';
export * from './emails';
export * from './organizations';
export * from './spaces';
