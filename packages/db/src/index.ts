export { type EntityManager, LockMode, type MikroORM } from '@mikro-orm/postgresql';
export * from './config.js';
export * from './database-env.js';
export * from './embedded.js';
export * from './entities/index.js';
export * from './local-database.js';
export * from './orm.js';
