import type { Browser, Page } from '@playwright/test';
import { browserErrors, clientIpHeader, expect, test } from './fixtures';
import { type Account, newAccount, signIn, signUp } from './support/accounts';
import { quickAdd, row } from './support/task-screen';
import { taskApi } from './support/tasks';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const DAY_MS = 86_400_000;

/** Today's calendar day in a zone, as 00:00Z of that day (the form all-day due dates have). */
function todayIn(timeZone: string): Date {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()).split('-');
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

function weekdayOf(day: Date): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long' }).format(day);
}

/** A browser in a time zone; `closeAndCheck` fails the test on any error the page logged, as the fixture does. */
async function pageIn(browser: Browser, timezoneId: string) {
  const context = await browser.newContext({ timezoneId, extraHTTPHeaders: clientIpHeader() });
  const page = await context.newPage();
  const errors = browserErrors(page);
  const closeAndCheck = async () => {
    await context.close();
    expect(errors, `errors in the browser in ${timezoneId}`).toEqual([]);
  };
  return Object.assign(page, { closeAndCheck });
}

async function openSettings(page: Page) {
  await page.goto('/settings');
  const preferences = page.getByRole('region', { name: 'Preferences' });
  await expect(preferences.getByLabel('Time zone')).toBeVisible();
  return preferences;
}

test('an all-day task names the same day in every time zone; a timed one keeps its time', async ({
  browser,
}) => {
  const account: Account = newAccount();
  const berlin = await pageIn(browser, BERLIN);
  await signUp(berlin, account);
  // In three days: a weekday name in Berlin and, one day earlier or the same, in New York too.
  const day = new Date(todayIn(BERLIN).getTime() + 3 * DAY_MS);
  const weekday = weekdayOf(day);

  await quickAdd(berlin, `Call mom ${weekday.toLowerCase()}`);
  await quickAdd(berlin, `Dentist ${weekday.toLowerCase()} 3pm`);
  await expect(row(berlin, 'Call mom').getByTestId('task-due')).toHaveText(new RegExp(`^(Due )?${weekday}$`));
  await expect(row(berlin, 'Dentist').getByTestId('task-due')).toHaveText(
    new RegExp(`^(Due )?${weekday} 3:00 PM$`),
  );
  const saved = await (await taskApi(berlin, account)).list();
  expect(saved.find((task) => task.title === 'Call mom')).toMatchObject({ allDay: true, dueDate: day });
  const dentist = saved.find((task) => task.title === 'Dentist');
  expect(dentist).toMatchObject({ allDay: false });
  // 3 PM in Berlin on New York's clock: 9 AM, or 10 AM in the weeks the two switch summer time apart.
  const newYorkTime = new Intl.DateTimeFormat('en-US', {
    timeZone: NEW_YORK,
    hour: 'numeric',
    minute: '2-digit',
  }).format(dentist?.dueDate ?? undefined);

  // Sign-up sent the browser's zone.
  const berlinPreferences = await openSettings(berlin);
  await expect(berlinPreferences.getByLabel('Time zone')).toHaveValue(BERLIN);
  await berlin.closeAndCheck();

  // The same account from New York: the all-day task is still on that day, without a time.
  const newYork = await pageIn(browser, NEW_YORK);
  await signIn(newYork, account.email, account.password);
  await expect(row(newYork, 'Call mom').getByTestId('task-due')).toHaveText(
    new RegExp(`^(Due )?${weekday}$`),
  );
  // Times are read in the account's zone until the person switches.
  await expect(row(newYork, 'Dentist').getByTestId('task-due')).toHaveText(new RegExp(`${weekday} 3:00 PM$`));

  const prompt = newYork.getByRole('region', { name: 'Time zone' });
  await expect(prompt).toContainText(`Your device is on ${NEW_YORK}; your account uses ${BERLIN}. Switch?`);
  await newYork.screenshot({ path: test.info().outputPath('new-york-all-day-and-timed.png') });
  // Switching from the settings page also updates the form there.
  const preferences = await openSettings(newYork);
  await expect(preferences.getByLabel('Time zone')).toHaveValue(BERLIN);
  await prompt.getByRole('button', { name: `Switch to ${NEW_YORK}` }).click();
  await expect(prompt).toBeHidden();
  await expect(preferences.getByLabel('Time zone')).toHaveValue(NEW_YORK);
  await newYork.getByRole('link', { name: 'Tasks' }).click();
  await expect(row(newYork, 'Dentist').getByTestId('task-due')).toHaveText(
    new RegExp(`${weekday} ${newYorkTime}$`),
  );
  await expect(row(newYork, 'Call mom').getByTestId('task-due')).toHaveText(
    new RegExp(`^(Due )?${weekday}$`),
  );

  // Phones show the time too.
  await newYork.setViewportSize({ width: 390, height: 844 });
  await expect(row(newYork, 'Dentist').getByTestId('task-due')).toHaveText(
    new RegExp(`${weekday} ${newYorkTime}$`),
    {
      useInnerText: true,
    },
  );
  await newYork.screenshot({ path: test.info().outputPath('new-york-phone.png') });
  await newYork.closeAndCheck();
});

test('the time zone prompt can be dismissed, and stays away for that zone', async ({ browser }) => {
  const account = newAccount();
  const berlin = await pageIn(browser, BERLIN);
  await signUp(berlin, account);
  await berlin.closeAndCheck();

  const newYork = await pageIn(browser, NEW_YORK);
  await signIn(newYork, account.email, account.password);
  const prompt = newYork.getByRole('region', { name: 'Time zone' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: `Keep ${BERLIN}` }).click();
  await expect(prompt).toBeHidden();
  await newYork.reload();
  await expect(newYork.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(prompt).toBeHidden();
  const preferences = await openSettings(newYork);
  await expect(preferences.getByLabel('Time zone')).toHaveValue(BERLIN);

  // Kept on Berlin, "today" is Berlin's day, also for the due filter in a New York browser.
  const berlinToday = todayIn(BERLIN);
  const api = await taskApi(newYork, account);
  await api.create({ title: 'Berlin today', dueDate: berlinToday, allDay: true });
  await api.create({
    title: 'Berlin tomorrow',
    dueDate: new Date(berlinToday.getTime() + DAY_MS),
    allDay: true,
  });
  await newYork.goto('/?due=today');
  await expect(row(newYork, 'Berlin today').getByTestId('task-due')).toHaveText(/^(Due )?Today$/);
  await expect(newYork.getByTestId('task-row')).toHaveCount(1);
  await newYork.closeAndCheck();

  // Another zone is another question.
  const tokyo = await pageIn(browser, 'Asia/Tokyo');
  await signIn(tokyo, account.email, account.password);
  await expect(tokyo.getByRole('region', { name: 'Time zone' })).toContainText(
    'Your device is on Asia/Tokyo',
  );
  await tokyo.closeAndCheck();
});

/** The one day in a Monday-first week and not in the Sunday-first week holding `today`, and the reverse. */
function daysOnlyInOneWeek(today: Date): { mondayOnly: Date; sundayOnly: Date } {
  const weekday = today.getUTCDay();
  const monday = new Date(today.getTime() - ((weekday + 6) % 7) * DAY_MS);
  const sunday = new Date(today.getTime() - weekday * DAY_MS);
  const inWeek = (day: Date, start: Date) => day >= start && day.getTime() < start.getTime() + 7 * DAY_MS;
  const around = Array.from({ length: 15 }, (_, offset) => new Date(today.getTime() + (offset - 7) * DAY_MS));
  return {
    mondayOnly: around.find((day) => inWeek(day, monday) && !inWeek(day, sunday)) as Date,
    sundayOnly: around.find((day) => inWeek(day, sunday) && !inWeek(day, monday)) as Date,
  };
}

test('"this week" starts on the day chosen in settings', async ({ browser }) => {
  const utc = await pageIn(browser, 'UTC');
  const account = newAccount();
  await signUp(utc, account);
  const { mondayOnly, sundayOnly } = daysOnlyInOneWeek(todayIn('UTC'));
  const api = await taskApi(utc, account);
  await api.create({ title: 'In a Monday week', dueDate: mondayOnly, allDay: true });
  await api.create({ title: 'In a Sunday week', dueDate: sundayOnly, allDay: true });

  await utc.goto('/?due=week');
  await expect(row(utc, 'In a Monday week')).toBeVisible();
  await expect(row(utc, 'In a Sunday week')).toHaveCount(0);

  const preferences = await openSettings(utc);
  await expect(preferences.getByLabel('Start of week')).toHaveValue('1');
  await preferences.getByLabel('Start of week').selectOption({ label: 'Sunday' });
  await preferences.getByRole('button', { name: 'Save preferences' }).click();
  await expect(preferences.getByRole('status')).toHaveText('Saved');

  await utc.goto('/?due=week');
  await expect(row(utc, 'In a Sunday week')).toBeVisible();
  await expect(row(utc, 'In a Monday week')).toHaveCount(0);
  await utc.closeAndCheck();
});

test('due filters take an all-day task by its calendar day in the account’s zone', async ({ browser }) => {
  // In New York, 00:00Z of a day is still the evening before: an instant range of the local day would
  // miss today's all-day task and catch tomorrow's.
  const newYork = await pageIn(browser, NEW_YORK);
  const account = newAccount();
  await signUp(newYork, account);
  const today = todayIn(NEW_YORK);
  const api = await taskApi(newYork, account);
  await api.create({ title: 'All day yesterday', dueDate: new Date(today.getTime() - DAY_MS), allDay: true });
  await api.create({ title: 'All day today', dueDate: today, allDay: true });
  await api.create({ title: 'All day tomorrow', dueDate: new Date(today.getTime() + DAY_MS), allDay: true });

  await newYork.goto('/?due=today');
  await expect(row(newYork, 'All day today')).toBeVisible();
  await expect(newYork.getByTestId('task-row')).toHaveCount(1);

  await newYork.goto('/?due=overdue');
  await expect(row(newYork, 'All day yesterday')).toBeVisible();
  await expect(newYork.getByTestId('task-row')).toHaveCount(1);
  await expect(row(newYork, 'All day yesterday').getByTestId('task-due')).toHaveText(
    /^(Overdue, due )?Yesterday$/,
  );
  await newYork.closeAndCheck();
});

test('preferences save reminders and digest, and refuse an unknown time zone inline', async ({ page }) => {
  await signUp(page, newAccount());
  let preferences = await openSettings(page);
  // Reminders and the digest are delivered now: no "later version" note any more.
  await expect(preferences).not.toContainText('later version');

  await preferences.getByLabel('Time zone').fill('Mars/Olympus_Mons');
  await preferences.getByRole('button', { name: 'Save preferences' }).click();
  await expect(preferences.getByText('Not a known IANA time zone, such as Europe/Berlin')).toBeVisible();
  await expect(preferences.getByLabel('Time zone')).toHaveAttribute('aria-invalid', 'true');

  // The browser knows this old alias; the server's database does not, and says so next to the field.
  await preferences.getByLabel('Time zone').fill('US/Pacific-New');
  await preferences.getByRole('button', { name: 'Save preferences' }).click();
  await expect(preferences.getByLabel('Time zone')).toHaveAttribute('aria-invalid', 'true');
  await expect(preferences.getByRole('alert')).toHaveCount(0);

  await preferences.getByLabel('Time zone').fill('Asia/Kolkata');
  await preferences.getByLabel('Email reminders').uncheck();
  await preferences.getByLabel('Daily digest').check();
  await preferences.getByLabel('Digest time').fill('07:30');
  await preferences.getByRole('button', { name: 'Save preferences' }).click();
  await expect(preferences.getByRole('status')).toHaveText('Saved');

  await page.reload();
  preferences = await openSettings(page);
  await expect(preferences.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
  await expect(preferences.getByLabel('Email reminders')).not.toBeChecked();
  await expect(preferences.getByLabel('Push reminders')).toBeChecked();
  await expect(preferences.getByLabel('Digest time')).toHaveValue('07:30');
  await preferences.screenshot({ path: test.info().outputPath('preferences.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await preferences.screenshot({ path: test.info().outputPath('preferences-phone.png') });
});
