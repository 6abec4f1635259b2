import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Settings, settingsSchema } from '@taskapp/shared';
import { CheckCircle2 } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../components/button';
import { Field, INPUT_CLASSES } from '../../components/field';
import { FormAlert } from '../../components/form-alert';
import { Section } from '../../components/section';
import { applyServerErrors } from '../../lib/form-errors';
import { supportedTimeZones } from '../../lib/time-zone';
import { useTRPC } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import { useUser } from '../auth/use-auth';
import { PushDeviceSection } from './push-device-section';
import { SwitchField } from './switch-field';
import { useSettings } from './use-settings';

const WEEK_START_LABELS = { 1: 'Monday', 0: 'Sunday', 6: 'Saturday' } as const;
const FIELDS = ['timeZone', 'weekStart', 'emailReminders', 'pushReminders', 'dailyDigestAt'] as const;

function PreferencesForm({ settings }: { settings: Settings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.account.updateSettings.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const zonesId = useId();
  const form = useForm<Settings>({
    resolver: zodResolver(settingsSchema),
    defaultValues: settings,
    mode: 'onTouched',
  });
  const { errors, isDirty } = form.formState;
  // Settings changed elsewhere (the time zone prompt, another tab): show them unless mid-edit.
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(settings);
  }, [settings, form]);
  const digestOn = useWatch({ control: form.control, name: 'dailyDigestAt' }) !== null;
  const pushOn = useWatch({ control: form.control, name: 'pushReminders' });
  const user = useUser();

  const onSubmit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    setFormError(null);
    try {
      const updated = await update.mutateAsync(values);
      queryClient.setQueryData(trpc.account.settings.queryKey(), updated);
      form.reset(updated);
      setSaved(true);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, FIELDS));
    }
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      onChange={() => setSaved(false)}
      className="flex flex-col gap-4"
      aria-label="Preferences"
    >
      <FormAlert>{formError}</FormAlert>
      <Field
        label="Time zone"
        error={errors.timeZone?.message}
        hint="“Today”, “overdue” and the times of tasks follow this zone. Type to search."
      >
        {(control) => (
          <>
            <input
              {...control}
              list={zonesId}
              autoComplete="off"
              spellCheck={false}
              className={INPUT_CLASSES}
              {...form.register('timeZone')}
            />
            <datalist id={zonesId}>
              {supportedTimeZones().map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Start of week" hint="“This week” and “next week” begin on this day.">
        {(control) => (
          <select
            {...control}
            className={INPUT_CLASSES}
            {...form.register('weekStart', { setValueAs: (value) => Number(value) })}
          >
            {([1, 0, 6] as const).map((day) => (
              <option key={day} value={day}>
                {WEEK_START_LABELS[day]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="flex flex-col gap-3 border-line border-t pt-4">
        <legend className="sr-only">Reminders and digest</legend>
        <SwitchField
          label="Email reminders"
          hint={
            // The server mails reminders and the digest only to a confirmed address.
            user && !user.isVerified
              ? 'Confirm your email address to receive them (and the daily digest).'
              : undefined
          }
          {...form.register('emailReminders')}
        />
        <SwitchField
          label="Push reminders"
          hint="On devices where you allow notifications."
          {...form.register('pushReminders')}
        />
        {/* Once saved: the server sends pushes only while the setting is on. */}
        {settings.pushReminders && pushOn && user ? <PushDeviceSection userId={user.id} /> : null}
        <SwitchField
          label="Daily digest"
          hint="One email a day with what is due."
          checked={digestOn}
          onChange={(event) =>
            form.setValue('dailyDigestAt', event.target.checked ? '08:00' : null, {
              shouldDirty: true,
              shouldValidate: true,
            })
          }
        />
        {digestOn ? (
          <div className="w-40">
            <Field label="Digest time" error={errors.dailyDigestAt?.message}>
              {(control) => (
                <input
                  {...control}
                  type="time"
                  className={INPUT_CLASSES}
                  {...form.register('dailyDigestAt', { setValueAs: (value) => value || null })}
                />
              )}
            </Field>
          </div>
        ) : null}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={!isDirty} pending={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save preferences'}
        </Button>
        <span role="status" className="flex items-center gap-1.5 text-muted text-sm">
          {saved && !isDirty ? (
            <>
              <CheckCircle2 aria-hidden="true" className="size-4 text-success" />
              Saved
            </>
          ) : null}
        </span>
      </div>
    </form>
  );
}

/** Time zone, start of week, reminders and digest: how the app reads "today" for this person. */
export function PreferencesSection() {
  const settings = useSettings();
  return (
    <Section title="Preferences" description="Your time zone, week and notifications.">
      {settings.data ? (
        <PreferencesForm settings={settings.data} />
      ) : settings.isError ? (
        <FormAlert>
          Couldn't load your preferences: {errorMessage(settings.error)}{' '}
          <button type="button" className="underline" onClick={() => void settings.refetch()}>
            Try again
          </button>
        </FormAlert>
      ) : (
        <p className="text-muted text-sm">Loading your preferences…</p>
      )}
    </Section>
  );
}
