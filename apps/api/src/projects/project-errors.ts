import { LIMITS } from '@taskapp/shared';
import { conflict, invalid, notFound } from '../domain-error.js';

/** Missing and someone else's look the same: nobody learns which ids exist. */
export const projectNotFound = () => notFound('That project does not exist.');

export const projectLimitReached = () =>
  invalid(
    `You have reached the limit of ${LIMITS.projectsPerUser} projects. Delete some (archived ones count too) to add more.`,
  );

/** A create's client id that someone else's project has; the client should create without one. */
export const projectIdTaken = () =>
  conflict('That id is already taken. Create the project without one.', 'id');

export const labelNotFound = () => notFound('That label does not exist.');

export const labelLimitReached = () =>
  invalid(`You have reached the limit of ${LIMITS.labelsPerUser} labels. Delete some to add more.`);

export const labelNameTaken = (name: string) => conflict(`You already have a label named “${name}”.`, 'name');

export const labelIdTaken = () => conflict('That id is already taken. Create the label without one.', 'id');
