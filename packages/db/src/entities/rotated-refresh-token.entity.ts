import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { belongsTo } from './belongs-to.js';
import { timestampDefaultNow } from './columns.js';
import { SessionSchema } from './session.entity.js';

/**
 * Hashes of refresh tokens a session has already rotated away from. Seeing one again means the token
 * was copied, so the whole session is revoked. Rows go with their session.
 */
export const RotatedRefreshTokenSchema = defineEntity({
  name: 'RotatedRefreshToken',
  tableName: 'rotated_refresh_tokens',
  indexes: [{ name: 'rotated_refresh_tokens_session_id_idx', properties: ['session'] }],
  properties: {
    tokenHash: p.string().length(64).primary(),
    session: belongsTo(SessionSchema, 'rotated_refresh_tokens_session_id_fkey'),
    rotatedAt: timestampDefaultNow(),
  },
});

export type RotatedRefreshToken = InferEntity<typeof RotatedRefreshTokenSchema>;
