import { z } from 'zod';
import { isStorableText } from './rules/storable-text.js';

/** A string that PostgreSQL can store unchanged. */
export const storableText = () =>
  z.string().refine(isStorableText, { message: 'Contains characters that cannot be stored' });
