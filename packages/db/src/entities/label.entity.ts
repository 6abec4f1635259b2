import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { DEFAULT_COLOR } from '@taskapp/shared';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow, timestampTouchedOnUpdate } from './columns.js';
import { UserSchema } from './user.entity.js';

/** A person's label. Names are unique per person ignoring case ("Errands" and "errands" are one label). */
export const LabelSchema = defineEntity({
  name: 'Label',
  tableName: 'labels',
  indexes: [
    {
      name: 'labels_user_id_lower_name_key',
      expression:
        'create unique index "labels_user_id_lower_name_key" on "labels" ("user_id", lower("name"))',
    },
  ],
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    user: belongsTo(UserSchema, 'labels_user_id_fkey'),
    name: p.string().length(255),
    color: p.string().length(20).default(DEFAULT_COLOR),
    createdAt: timestampDefaultNow(),
    updatedAt: timestampTouchedOnUpdate(),
  },
});

export type Label = InferEntity<typeof LabelSchema>;
