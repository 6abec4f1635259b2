import type { EntityManager, MikroORM } from '@taskapp/db';

/**
 * A request's own EntityManager, forked on first use. Task reads and the session check go through
 * `ctx.queries` and never touch it, and a fork (unit of work, identity map, entity factory …) was
 * ~1.3 % of a task list's CPU. Every property is the fork's, with methods bound to it, and it is still
 * `instanceof` the ORM's EntityManager class.
 */
export function lazyEntityManager(orm: MikroORM): EntityManager {
  let fork: EntityManager | undefined;
  const real = () => {
    fork ??= orm.em.fork();
    return fork;
  };
  return new Proxy(Object.create(Object.getPrototypeOf(orm.em)) as EntityManager, {
    get(_target, property) {
      const em = real();
      const value = Reflect.get(em, property, em);
      return typeof value === 'function' ? value.bind(em) : value;
    },
    set: (_target, property, value) => Reflect.set(real(), property, value),
    has: (_target, property) => Reflect.has(real(), property),
  });
}
