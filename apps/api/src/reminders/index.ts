// Reminders (issue 15): the worker that delivers them and the daily digest, by email and Web Push.
export { type DeliveryCounts, deliverDueReminders, type ReminderDeliveryDeps } from './deliver-reminders.js';
export { createPushService, type PushService } from './push-service.js';
export { type ReminderWorker, startReminderWorker } from './reminder-worker.js';
export { sendDueDigests } from './send-digests.js';
