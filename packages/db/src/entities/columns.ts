import { p } from '@mikro-orm/core';

/** A `timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP` column, also set in JavaScript when the entity is created. */
export const timestampDefaultNow = () =>
  p
    .datetime()
    .columnType('timestamptz')
    .defaultRaw('CURRENT_TIMESTAMP')
    .onCreate(() => new Date());

/** Like timestampDefaultNow, and moved to now on every update through the ORM. */
export const timestampTouchedOnUpdate = () => timestampDefaultNow().onUpdate(() => new Date());
