import {
  type ButtonHTMLAttributes,
  type ComponentType,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
  useEffect,
  useRef,
  useState,
} from 'react';
import { preloadWhenIdle } from '../lib/optional-chunk';

/**
 * Lets the first screen's own chunks and data go first; a menu pointed at or focused sooner loads at once.
 * Started later, the fetch is also rarely cut off by a quick full navigation (a failed request in devtools).
 */
const PRELOAD_DELAY_MS = 1500;

/** The trigger's look and name, the same before and after the menu has loaded. */
export type MenuTriggerLook = Pick<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'aria-label' | 'title' | 'className' | 'disabled'
> & {
  children: ButtonHTMLAttributes<HTMLButtonElement>['children'];
  [data: `data-${string}`]: string | undefined;
};

/** What the loaded menu is given besides its own props: its trigger, and whether it was asked for already. */
export interface LoadedMenuProps {
  trigger: MenuTriggerLook;
  triggerRef: RefObject<HTMLButtonElement | null>;
  defaultOpen: boolean;
}

export interface MenuChunk<Props> {
  loaded(): ComponentType<Props & LoadedMenuProps> | undefined;
  load(): Promise<ComponentType<Props & LoadedMenuProps>>;
  /**
   * Fetches the chunk a while after the first screen, once for every trigger: a list mounts two menus on
   * each row, and a timer per row was a measurable part of rendering the list.
   */
  preloadSoon(): void;
  /** Calls `listener` when the chunk has loaded; returns the unsubscribe. */
  onLoaded(listener: () => void): () => void;
}

/** One fetch per chunk, shared by every trigger; a failed fetch is tried again on the next use. */
export function menuChunk<Props>(
  load: () => Promise<ComponentType<Props & LoadedMenuProps>>,
): MenuChunk<Props> {
  let component: ComponentType<Props & LoadedMenuProps> | undefined;
  let pending: Promise<ComponentType<Props & LoadedMenuProps>> | undefined;
  let preloadScheduled = false;
  const listeners = new Set<() => void>();
  const chunk: MenuChunk<Props> = {
    loaded: () => component,
    load() {
      pending ??= load().then(
        (loaded) => {
          component = loaded;
          for (const listener of listeners) listener();
          return loaded;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    preloadSoon() {
      if (preloadScheduled || component) return;
      preloadScheduled = true;
      setTimeout(() => preloadWhenIdle(chunk.load), PRELOAD_DELAY_MS);
    },
    onLoaded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return chunk;
}

/**
 * A dropdown menu whose code (Radix, popper, focus handling) is not part of the first page's JavaScript.
 * Its trigger is a look-alike button from the start; the menu loads soon after the first screen (when the
 * browser is idle), or as soon as the trigger is pointed at or focused. A press that comes before the menu
 * arrives opens it when it does, as Radix's trigger would have (pointer down, Enter, Space, ArrowDown).
 *
 * `mountWhen="used"` (a menu repeated on every row of a list, and the header's menus): the real menu takes
 * the look-alike's place only once that trigger is pointed at, focused or pressed, so a list of rows stays
 * plain buttons, each row cheap to render, and the chunk's arrival re-renders nothing (on a phone, the
 * header's three menus swapping in were three long tasks soon after the first screen).
 */
export function DeferredMenu<Props>({
  chunk,
  trigger,
  props,
  mountWhen = 'loaded',
}: {
  chunk: MenuChunk<Props>;
  trigger: MenuTriggerLook;
  props: Props;
  mountWhen?: 'loaded' | 'used';
}) {
  const [Menu, setMenu] = useState(() => (mountWhen === 'loaded' ? chunk.loaded() : undefined));
  const [openOnArrival, setOpenOnArrival] = useState(false);
  const [focusOnArrival, setFocusOnArrival] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);

  const show = (loaded: ComponentType<Props & LoadedMenuProps>) => {
    // The look-alike has keyboard focus: the real trigger takes its place, so the focus moves with it.
    setFocusOnArrival(document.activeElement !== null && document.activeElement === triggerRef.current);
    setMenu(() => loaded);
  };
  const load = () => chunk.load().then(show);
  const loadQuietly = () => {
    load().catch(() => undefined);
  };

  useEffect(() => {
    chunk.preloadSoon();
    if (mountWhen === 'used') return;
    const showLoaded = () => {
      const loaded = chunk.loaded();
      if (loaded) show(loaded);
    };
    // It may have arrived between the first render and this effect.
    if (!Menu) showLoaded();
    return chunk.onLoaded(showLoaded);
  }, [chunk, mountWhen]);

  // Not when it opens: the open menu takes the focus.
  useEffect(() => {
    if (Menu && focusOnArrival && !openOnArrival) triggerRef.current?.focus();
  }, [Menu, focusOnArrival, openOnArrival]);

  if (Menu) return <Menu {...props} trigger={trigger} triggerRef={triggerRef} defaultOpen={openOnArrival} />;

  const openWhenLoaded = () => {
    setOpenOnArrival(true);
    loadQuietly();
  };
  return (
    <button
      type="button"
      {...trigger}
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      ref={triggerRef}
      onPointerEnter={loadQuietly}
      onFocus={loadQuietly}
      onPointerDown={(event: PointerEvent) => {
        if (event.button !== 0 || event.ctrlKey) return;
        // As Radix's own trigger does. When the menu's code is already here, the real menu replaces this
        // button and opens within this very event; the press's default focus would then land on the row
        // around the removed button, and a non-modal menu closes when the focus leaves it.
        event.preventDefault();
        openWhenLoaded();
      }}
      onKeyDown={(event: KeyboardEvent) => {
        if (!['Enter', ' ', 'ArrowDown'].includes(event.key)) return;
        event.preventDefault();
        openWhenLoaded();
      }}
      // Assistive technology may send a click alone, without a pointer or key event before it.
      onClick={openWhenLoaded}
    />
  );
}
