import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { TaskStatus } from '@taskapp/shared';
import { isColumn, neighbourColumn } from './board-columns';

/**
 * While a card is picked up with the keyboard, Left and Right jump it to the middle of the next column
 * (the default moves it a few pixels at a time); Up and Down do nothing, since a column keeps its order.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) event.preventDefault();
  if (step === 0) return undefined;
  event.preventDefault();
  const { active, collisionRect, droppableRects, over } = context;
  const status = (active?.data.current as { status?: TaskStatus } | undefined)?.status;
  const from = isColumn(over?.id) ? over.id : status;
  const target = from ? neighbourColumn(from, step) : null;
  const rect = target ? droppableRects.get(target) : undefined;
  if (!collisionRect || !rect) return undefined;
  const lowest = rect.top + Math.max(rect.height - collisionRect.height, 0);
  return {
    x: rect.left + (rect.width - collisionRect.width) / 2,
    y: Math.min(Math.max(collisionRect.top, rect.top), lowest),
  };
};
