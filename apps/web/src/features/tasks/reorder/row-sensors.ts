import { KeyboardSensor, MouseSensor } from '@dnd-kit/core';

const isRow = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.matches('[data-testid="task-row"]');

/**
 * Space lifts a row only while the row itself has focus, so Space on its checkbox, status or menu keeps
 * its usual meaning; Enter is left to "edit".
 */
export class RowKeyboardSensor extends KeyboardSensor {
  static override activators = [
    {
      eventName: 'onKeyDown' as const,
      handler: (...args: Parameters<(typeof KeyboardSensor.activators)[number]['handler']>) =>
        isRow(args[0].target) && (KeyboardSensor.activators[0]?.handler(...args) ?? false),
    },
  ];
}

export const ROW_KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

/** A mouse drag never starts on a control inside the row (a text field, a menu), only from the row. */
export class RowMouseSensor extends MouseSensor {
  static override activators = [
    {
      eventName: 'onMouseDown' as const,
      handler: (...args: Parameters<(typeof MouseSensor.activators)[number]['handler']>) =>
        !(args[0].target instanceof HTMLElement && args[0].target.closest('input, [role="menu"]')) &&
        (MouseSensor.activators[0]?.handler(...args) ?? false),
    },
  ];
}
