// A package entry of its own (@taskapp/shared/recurrence): rrule-temporal and its Temporal polyfill are
// large, so the web app loads this when a recurrence is shown, not with its first page.
export { describeRecurrence } from './describe.js';
export { nextOccurrence, type OccurrenceInput, upcomingOccurrences } from './next-occurrence.js';
