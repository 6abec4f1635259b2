import type { TaskDto } from '@taskapp/db/queries';
import { escapeHtml, type MailMessage } from '../mail/index.js';
import { taskLink } from './reminder-text.js';

export interface DigestMailInput {
  to: string;
  appOrigin: string;
  timeZone: string;
  /** The user's day, YYYY-MM-DD. */
  localDate: string;
  /** Open tasks overdue or due that day, in due order. */
  tasks: TaskDto[];
  /** More than the mail lists. */
  more: boolean;
}

/** The day a task is due on, YYYY-MM-DD: an all-day task's own day, a timed one's day in the zone. */
function dueDay(task: TaskDto, timeZone: string): string {
  if (!task.dueDate) return '';
  return task.allDay
    ? task.dueDate.toISOString().slice(0, 10)
    : new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(task.dueDate);
}

function timeOf(task: TaskDto, timeZone: string): string {
  if (!task.dueDate || task.allDay) return '';
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return ` (${time.format(task.dueDate)})`;
}

/** The daily digest: what is overdue and what is due today, each task linked. */
export function digestMail(input: DigestMailInput): MailMessage {
  const overdue = input.tasks.filter((task) => dueDay(task, input.timeZone) < input.localDate);
  const today = input.tasks.filter((task) => dueDay(task, input.timeZone) >= input.localDate);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${input.localDate}T00:00:00Z`));
  const sections = [
    { heading: `Overdue (${overdue.length})`, tasks: overdue },
    { heading: `Today (${today.length})`, tasks: today },
  ].filter((section) => section.tasks.length > 0);
  const more = input.more ? 'More tasks are waiting in the app.' : null;
  const line = (task: TaskDto) => `${task.title}${timeOf(task, input.timeZone)}`;
  const text = sections
    .map(
      (section) =>
        `${section.heading}\n${section.tasks.map((task) => `- ${line(task)}\n  ${taskLink(input.appOrigin, task.id)}`).join('\n')}`,
    )
    .join('\n\n');
  const html = sections
    .map(
      (section) =>
        `<h3>${escapeHtml(section.heading)}</h3><ul>${section.tasks
          .map(
            (task) =>
              `<li><a href="${escapeHtml(taskLink(input.appOrigin, task.id))}">${escapeHtml(task.title)}</a>${escapeHtml(timeOf(task, input.timeZone))}</li>`,
          )
          .join('')}</ul>`,
    )
    .join('');
  const footer = 'Taskapp (change the time or turn the digest off in Settings)';
  return {
    to: input.to,
    subject: `Your tasks for ${day}: ${overdue.length ? `${overdue.length} overdue, ` : ''}${today.length} today`,
    text: `${text}${more ? `\n\n${more}` : ''}\n\nOpen Taskapp: ${input.appOrigin}/today\n\n— ${footer}`,
    html: `${html}${more ? `<p>${escapeHtml(more)}</p>` : ''}<p><a href="${escapeHtml(`${input.appOrigin}/today`)}">Open Taskapp</a></p><p style="color:#666">— ${escapeHtml(footer)}</p>`,
  };
}
