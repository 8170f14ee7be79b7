export * from './audit';
export * from './auth';
export * from './deals';
export * from './drafts';
export * from './emails';
export * from './learning';
export * from './organizations';
export * from './spaces';
