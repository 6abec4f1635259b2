/** Titles people really write: each used once, before the made-up combinations below. */
export const TITLES = [
  'Pay rent',
  'Renew car insurance',
  'Book dentist appointment',
  'Call mum about the weekend',
  'Send invoice to Acme Corp',
  'Review Q3 budget draft',
  'Prepare slides for Monday stand-up',
  'Reply to Jonas about the contract',
  'Fix flaky login test',
  'Update README with deploy steps',
  'Order birthday present for Sam',
  'Buy groceries: eggs, spinach, oat milk',
  'Pick up dry cleaning',
  'Schedule 1:1 with new hire',
  'Write blog post on keyset pagination',
  'Cancel unused streaming subscription',
  'File expense report for Berlin trip',
  'Water the plants',
  'Back up photo library',
  'Plan team offsite agenda',
  'Read "Designing Data-Intensive Applications" ch. 5',
  'Clean out the garage',
  'Migrate CI to the new runners',
  'Draft job description for designer role',
  'Check tyre pressure',
  'Return library books',
  'Prepare tax documents',
  'Refill prescription',
  'Book flights to Lisbon',
  'Sketch onboarding flow ✏️',
  'Ship dark mode 🌙',
  'Respond to customer feedback survey',
  'Archive old Slack channels',
  'Set up password manager for the family',
  'Research standing desks',
  'Write thank-you note to Priya',
  'Rotate API keys',
  'Practice Spanish for 20 minutes',
  'Go for a run',
] as const;

const PEOPLE = [
  'Jonas',
  'Priya',
  'Sam',
  'Mei',
  'Lukas',
  'Amara',
  'Tom',
  'Chloé',
  'Ravi',
  'Ines',
  'Oskar',
  'Dana',
];
const TOPICS = [
  'the contract',
  'the Q4 roadmap',
  'Friday’s demo',
  'the hiring plan',
  'the invoice',
  'holiday dates',
  'the offsite',
  'the design review',
  'the migration',
  'next sprint',
];
const ITEMS = [
  'batteries',
  'a birthday card',
  'coffee beans',
  'printer paper',
  'light bulbs',
  'a new charger',
  'running shoes',
  'dog food',
  'a bike lock',
  'sunscreen',
];
const AREAS = [
  'checkout',
  'search',
  'the settings page',
  'sign-up',
  'the mobile nav',
  'the export',
  'billing',
];
const APPOINTMENTS = [
  'haircut',
  'eye test',
  'car service',
  'vet visit for Biscuit',
  'physio session',
  'boiler check',
];

/** Made-up but plausible titles from a few everyday patterns; `pick` chooses an element. */
const PATTERNS: ((pick: <T>(items: readonly T[]) => T, n: number) => string)[] = [
  (pick) => `Reply to ${pick(PEOPLE)} about ${pick(TOPICS)}`,
  (pick) => `Call ${pick(PEOPLE)} about ${pick(TOPICS)}`,
  (pick) => `Schedule 1:1 with ${pick(PEOPLE)}`,
  (_pick, n) => `Review pull request #${400 + n}`,
  (pick) => `Buy ${pick(ITEMS)}`,
  (pick) => `Fix bug in ${pick(AREAS)}`,
  (pick) => `Write tests for ${pick(AREAS)}`,
  (pick) => `Book ${pick(APPOINTMENTS)}`,
  (pick) => `Send ${pick(PEOPLE)} the notes on ${pick(TOPICS)}`,
];

/** `count` different titles, none of them `taken`: the real ones first, then distinct combinations. */
export function demoTitles(count: number, next: () => number, taken: readonly string[] = []): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const seen = new Set(taken);
  const titles: string[] = [];
  const add = (title: string) => {
    if (seen.has(title) || titles.length >= count) return;
    seen.add(title);
    titles.push(title);
  };
  for (const title of TITLES) add(title);
  for (let n = 0; titles.length < count; n++) add(pick(PATTERNS)(pick, n));
  return titles;
}
