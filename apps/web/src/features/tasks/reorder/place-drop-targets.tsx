import { useDroppable } from '@dnd-kit/core';
import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ManualPlace } from './reorder-cache';

/** What a sidebar place carries while a row is dragged over it. */
export interface PlaceTargetData {
  kind: 'place';
  projectId: string | null;
  name: string;
}

interface Target extends PlaceTargetData {
  id: string;
  rect: DOMRect;
}

/** The Inbox and the projects shown in the sidebar now (an archived project folded away is not a target). */
function sidebarTargets(): Target[] {
  const links = document.querySelectorAll<HTMLAnchorElement>(
    'nav[aria-label="Places"] a[href="/inbox"], nav[aria-label="Places"] a[href^="/projects/"]',
  );
  return [...links].flatMap((link) => {
    const rect = link.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return [];
    const path = new URL(link.href).pathname;
    const projectId = path === '/inbox' ? null : decodeURIComponent(path.slice('/projects/'.length));
    const name = link.querySelector('.truncate')?.textContent ?? link.textContent ?? '';
    return [{ id: `place:${projectId ?? 'inbox'}`, kind: 'place' as const, projectId, name, rect }];
  });
}

/**
 * The places rows can move to, top to bottom: the sidebar's targets except the place the rows are in (a
 * drop there changes nothing); a subtask's own project is one.
 */
export function dropPlaces({ projectId, parentId }: ManualPlace): Target[] {
  return sidebarTargets().filter((target) => parentId !== null || target.projectId !== projectId);
}

/** The droppable id of a sidebar place; keyboard drags step through these ids. */
export const isPlaceTargetId = (id: string | number | null) =>
  typeof id === 'string' && id.startsWith('place:');

function PlaceTarget({ target }: { target: Target }) {
  const { kind, projectId, name } = target;
  const { setNodeRef, isOver } = useDroppable({ id: target.id, data: { kind, projectId, name } });
  return (
    <div
      ref={setNodeRef}
      data-testid="place-drop-target"
      data-place={name}
      // Outlines only: a tint laid over the link would fade its name.
      className={`fixed z-50 rounded-md ${isOver ? 'outline-2 outline-accent outline-solid' : 'outline-1 outline-accent/60 outline-dashed'}`}
      style={{
        top: target.rect.top,
        left: target.rect.left,
        width: target.rect.width,
        height: target.rect.height,
      }}
    />
  );
}

/**
 * While a row is dragged (by pointer or keyboard), the sidebar's Inbox and projects become drop targets: outlines laid
 * over their links, so the sidebar itself needs no drag code (it stays out of the first page's JS).
 */
export function PlaceDropTargets({ current }: { current: ManualPlace }) {
  const { projectId, parentId } = current;
  const [targets, setTargets] = useState<Target[]>([]);
  useLayoutEffect(() => setTargets(dropPlaces({ projectId, parentId })), [projectId, parentId]);
  return createPortal(
    <div aria-hidden="true">
      {targets.map((target) => (
        <PlaceTarget key={target.id} target={target} />
      ))}
    </div>,
    document.body,
  );
}
