/**
 * "Keep my account's zone" is remembered per device zone and account zone: the prompt stays away on
 * this device until the device moves to another zone or the account's zone changes.
 */
const keyFor = (deviceZone: string) => `taskapp:time-zone-prompt:${deviceZone}`;

export function isTimeZonePromptDismissed(deviceZone: string, accountZone: string): boolean {
  try {
    return localStorage.getItem(keyFor(deviceZone)) === accountZone;
  } catch {
    return false;
  }
}

export function dismissTimeZonePrompt(deviceZone: string, accountZone: string): void {
  try {
    localStorage.setItem(keyFor(deviceZone), accountZone);
  } catch {
    // Storage disabled: the prompt comes back on the next visit, which is harmless.
  }
}
