import { escapeHtml, type MailMessage } from '../mail/index.js';
import { describeDue, taskLink } from './reminder-text.js';

export interface ReminderMailInput {
  to: string;
  appOrigin: string;
  taskId: string;
  title: string;
  dueDate: Date | null;
  allDay: boolean;
  timeZone: string;
  late: boolean;
}

/** One reminder: plain and short, the task's title, when it is due, and a link that opens it. */
export function reminderMail(input: ReminderMailInput): MailMessage {
  const due = describeDue(input.dueDate, input.allDay, input.timeZone);
  const link = taskLink(input.appOrigin, input.taskId);
  const note = input.late ? 'This reminder is late: Taskapp could not send it on time.' : null;
  const lines = [input.title, due, note].filter((line): line is string => Boolean(line));
  return {
    to: input.to,
    // Titles may hold line breaks; a subject is one line.
    subject: `Reminder: ${input.title.replace(/\s+/g, ' ').trim()}`,
    text: `${lines.join('\n')}\n\nOpen the task: ${link}\n\n— Taskapp (turn reminder emails off in Settings)`,
    html: `${lines.map((line, index) => (index === 0 ? `<p><strong>${escapeHtml(line)}</strong></p>` : `<p>${escapeHtml(line)}</p>`)).join('')}<p><a href="${escapeHtml(link)}">Open the task</a></p><p style="color:#666">— Taskapp (turn reminder emails off in Settings)</p>`,
  };
}
