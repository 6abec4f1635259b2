import { SessionSchema } from './session.entity.js';
import { TaskSchema } from './task.entity.js';
import { UserSchema } from './user.entity.js';

export * from './session.entity.js';
export * from './task.entity.js';
export * from './user.entity.js';

export const entities = [UserSchema, TaskSchema, SessionSchema];
