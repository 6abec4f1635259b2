/** The device's own choice, kept with the device: another browser of the same person may choose otherwise. */
const HIDE_TITLES_KEY = 'taskapp.push.hideTitles';

export function readHideTitles(): boolean {
  try {
    return localStorage.getItem(HIDE_TITLES_KEY) === 'true';
  } catch {
    return false;
  }
}

export function writeHideTitles(hide: boolean): void {
  try {
    localStorage.setItem(HIDE_TITLES_KEY, String(hide));
  } catch {
    // Private mode without storage: the choice lasts for this page.
  }
}
