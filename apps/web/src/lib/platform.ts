/** Apple keyboards say ⌘ where others say Ctrl; hints follow the keyboard in front of the person. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
