import { conflict, notFound } from '../domain-error.js';

/** Missing and someone else's look the same: nobody learns which task ids exist. */
export const taskNotFound = () => notFound('That task does not exist.');

export const taskChangedSinceRead = () =>
  conflict('This task changed since you opened it. Reload it to see the latest version.');
