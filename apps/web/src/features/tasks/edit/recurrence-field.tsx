import { recurrenceSchema } from '@taskapp/shared';
import { AlertCircle, Repeat } from 'lucide-react';
import { type FocusEvent, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import {
  ENDS,
  type Ends,
  formStateOf,
  MONTHLY_MODES,
  type MonthlyMode,
  NTHS,
  type Nth,
  PRESETS,
  type Preset,
  type RecurrenceFormState,
  ruleOfForm,
  WEEKDAY_CODES,
  type WeekdayCode,
  withPreset,
} from '../recurrence/recurrence-form';
import { occurrenceText, previewOf } from '../recurrence/recurrence-preview';
import { useRecurrenceEngine } from '../recurrence/use-recurrence-engine';
import { dueDateOf, type TaskFormValues } from './task-form';

const PRESET_LABELS: Record<Preset, string> = {
  none: 'Does not repeat',
  daily: 'Daily',
  weekdays: 'Every weekday (Mon–Fri)',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
  custom: 'Custom rule (RRULE)',
};
const UNITS: Partial<Record<Preset, string>> = {
  daily: 'days',
  weekly: 'weeks',
  monthly: 'months',
  yearly: 'years',
};
const MONTHLY_LABELS: Record<MonthlyMode, string> = {
  'due-day': 'The due date’s day',
  day: 'Day of the month',
  'last-day': 'The last day',
  'nth-weekday': 'A weekday of the month',
};
const NTH_LABELS: Record<`${Nth}`, string> = {
  '1': 'First',
  '2': 'Second',
  '3': 'Third',
  '4': 'Fourth',
  '-1': 'Last',
};
const DAY_NAMES: Record<WeekdayCode, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const ENDS_LABELS: Record<Ends, string> = {
  never: 'Never',
  count: 'After a number of times',
  until: 'On a date',
};

// A number field's text is chosen on focus, so typing replaces it (it can never be empty).
const selectAll = (event: FocusEvent<HTMLInputElement>) => event.target.select();

function clamp(text: string, min: number, max: number): number {
  const value = Math.round(Number(text));
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

/**
 * The edit panel's repeat schedule: presets for the common ones, a custom RRULE for the rest, from the
 * due date or after completion, and when it ends; with its summary and next three dates. It writes the
 * rule into the form, which saves it like every other field.
 */
export function RecurrenceField({
  form,
  timeZone,
}: {
  form: UseFormReturn<TaskFormValues>;
  timeZone: string;
}) {
  const rule = form.watch('recurrenceRule');
  const from = form.watch('recurrenceFrom');
  const dueDay = form.watch('dueDay');
  const dueTime = form.watch('dueTime');
  const dayOfDue = dueDay ? new Date(`${dueDay}T00:00:00.000Z`) : null;
  const [state, setState] = useState(() => formStateOf(rule || null, dayOfDue));
  // The rule the choices show: another one put into the form (their version, a discard) is shown anew.
  const [shownRule, setShownRule] = useState(rule);
  if (rule !== shownRule) {
    setShownRule(rule);
    setState(formStateOf(rule || null, dayOfDue));
  }
  const error = form.formState.errors.recurrenceRule?.message;

  const change = (patch: Partial<RecurrenceFormState>) => {
    const next = { ...state, ...patch };
    setState(next);
    const nextRule = next.preset === 'custom' ? next.custom : (ruleOfForm(next) ?? '');
    setShownRule(nextRule);
    form.setValue('recurrenceRule', nextRule, { shouldDirty: true, shouldValidate: true });
  };

  const unit = UNITS[state.preset];
  const repeats = state.preset !== 'none';
  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="sr-only">Repeat</legend>
      <SelectField
        label="Repeat"
        options={PRESETS}
        optionLabels={PRESET_LABELS}
        value={state.preset}
        onChange={(event) => change(withPreset(state, event.target.value as Preset))}
      />
      {unit ? (
        <TextField
          label={`Every how many ${unit}`}
          type="number"
          inputMode="numeric"
          min={1}
          max={999}
          value={state.interval}
          onFocus={selectAll}
          onChange={(event) => change({ interval: clamp(event.target.value, 1, 999) })}
        />
      ) : null}
      {state.preset === 'weekly' ? <WeekdayPicker state={state} onChange={change} /> : null}
      {state.preset === 'monthly' ? <MonthlyChoice state={state} onChange={change} /> : null}
      {state.preset === 'custom' ? (
        <TextField
          label="Rule"
          autoComplete="off"
          spellCheck={false}
          placeholder="FREQ=WEEKLY;BYDAY=MO,TH"
          hint="An RFC 5545 RRULE, without “RRULE:”."
          error={error}
          value={state.custom}
          onChange={(event) => change({ custom: event.target.value })}
        />
      ) : null}
      {repeats ? (
        <>
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 font-medium text-sm">Next one counts from</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              <label className="flex min-h-9 items-center gap-2 text-sm">
                <input
                  type="radio"
                  value="due"
                  className="size-4 accent-accent"
                  {...form.register('recurrenceFrom')}
                />
                The due date
              </label>
              <label className="flex min-h-9 items-center gap-2 text-sm">
                <input
                  type="radio"
                  value="completion"
                  className="size-4 accent-accent"
                  {...form.register('recurrenceFrom')}
                />
                When it is completed
              </label>
            </div>
          </fieldset>
          {state.preset !== 'custom' ? <EndsChoice state={state} onChange={change} /> : null}
          <RecurrenceSummary
            rule={rule}
            from={from}
            due={dueDay ? dueDateOf({ dueDay, dueTime }, timeZone) : null}
            allDay={!dueTime}
            timeZone={timeZone}
          />
          {error && state.preset !== 'custom' ? (
            <p className="flex items-start gap-1.5 text-danger text-sm" role="alert">
              <AlertCircle aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
              {error}
            </p>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}

interface ChoiceProps {
  state: RecurrenceFormState;
  onChange: (patch: Partial<RecurrenceFormState>) => void;
}

function WeekdayPicker({ state, onChange }: ChoiceProps) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 font-medium text-sm">On</legend>
      <div className="flex flex-wrap gap-1">
        {WEEKDAY_CODES.map((day) => {
          const on = state.weekdays.includes(day);
          return (
            <button
              key={day}
              type="button"
              aria-pressed={on}
              aria-label={DAY_NAMES[day]}
              onClick={() =>
                onChange({
                  weekdays: on ? state.weekdays.filter((other) => other !== day) : [...state.weekdays, day],
                })
              }
              className={`size-9 rounded-md border font-medium text-sm ${on ? 'border-accent bg-accent text-accent-fg' : 'border-line-strong bg-surface text-fg hover:bg-subtle'}`}
            >
              {DAY_NAMES[day].slice(0, 2)}
            </button>
          );
        })}
      </div>
      {state.weekdays.length === 0 ? <p className="text-muted text-sm">On the due date’s weekday.</p> : null}
    </fieldset>
  );
}

function MonthlyChoice({ state, onChange }: ChoiceProps) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_auto_auto]">
      <SelectField
        label="On"
        options={MONTHLY_MODES}
        optionLabels={MONTHLY_LABELS}
        value={state.monthly}
        onChange={(event) => onChange({ monthly: event.target.value as MonthlyMode })}
      />
      {state.monthly === 'day' ? (
        <TextField
          label="Day"
          type="number"
          inputMode="numeric"
          min={1}
          max={31}
          value={state.monthDay}
          onFocus={selectAll}
          onChange={(event) => onChange({ monthDay: clamp(event.target.value, 1, 31) })}
        />
      ) : null}
      {state.monthly === 'nth-weekday' ? (
        <>
          <SelectField
            label="Which"
            options={NTHS.map((nth) => `${nth}` as const)}
            optionLabels={NTH_LABELS}
            value={`${state.nth}`}
            onChange={(event) => onChange({ nth: Number(event.target.value) as Nth })}
          />
          <SelectField
            label="Weekday"
            options={WEEKDAY_CODES}
            optionLabels={DAY_NAMES}
            value={state.nthWeekday}
            onChange={(event) => onChange({ nthWeekday: event.target.value as WeekdayCode })}
          />
        </>
      ) : null}
    </div>
  );
}

function EndsChoice({ state, onChange }: ChoiceProps) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <SelectField
        label="Ends"
        options={ENDS}
        optionLabels={ENDS_LABELS}
        value={state.ends}
        onChange={(event) => onChange({ ends: event.target.value as Ends })}
      />
      {state.ends === 'count' ? (
        <TextField
          label="Times in all"
          type="number"
          inputMode="numeric"
          min={1}
          max={999}
          value={state.count}
          onFocus={selectAll}
          onChange={(event) => onChange({ count: clamp(event.target.value, 1, 999) })}
        />
      ) : null}
      {state.ends === 'until' ? (
        <TextField
          label="Last day"
          type="date"
          value={state.until}
          onChange={(event) => onChange({ until: event.target.value })}
        />
      ) : null}
    </div>
  );
}

function RecurrenceSummary({
  rule,
  from,
  due,
  allDay,
  timeZone,
}: {
  rule: string;
  from: 'due' | 'completion';
  due: Date | null;
  allDay: boolean;
  timeZone: string;
}) {
  const engine = useRecurrenceEngine();
  const checked = recurrenceSchema.safeParse({ rule, from });
  const preview =
    engine && checked.success && due && !Number.isNaN(due.getTime())
      ? previewOf(engine, { ...checked.data, dueDate: due, allDay, timeZone })
      : null;
  return (
    <div
      aria-live="polite"
      data-testid="recurrence-summary"
      className="rounded-md bg-subtle px-3 py-2 text-sm"
    >
      {preview ? (
        <>
          <p className="flex items-start gap-1.5 font-medium">
            <Repeat aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
            {preview.summary}
          </p>
          {preview.next.length > 0 ? (
            <>
              <p className="mt-1 text-muted">Next three:</p>
              <ul className="list-none">
                {preview.next.map((date) => (
                  <li key={date.getTime()}>{occurrenceText(date, allDay, timeZone)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-1 text-muted">No more dates after the due date.</p>
          )}
        </>
      ) : (
        <p className="text-muted">
          {!due
            ? 'Set a due date to see the next dates.'
            : checked.success
              ? 'Working out the next dates…'
              : 'Fix the rule to see the next dates.'}
        </p>
      )}
    </div>
  );
}
