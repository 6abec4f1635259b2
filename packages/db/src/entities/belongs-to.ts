import { type EntitySchema, p } from '@mikro-orm/core';

/**
 * A required reference to the row this one belongs to: ON DELETE CASCADE (the row goes with its owner),
 * the foreign key named as the specification names it, and no index of its own (each table declares
 * the index its queries need, led by the owner column).
 */
// biome-ignore lint/suspicious/noExplicitAny: any entity schema can own rows
export function belongsTo<Owner extends EntitySchema<any, any>>(owner: Owner, foreignKeyName: string) {
  return p
    .manyToOne(owner)
    .ref()
    .deleteRule('cascade')
    .updateRule('no action')
    .foreignKeyName(foreignKeyName)
    .index(false);
}
