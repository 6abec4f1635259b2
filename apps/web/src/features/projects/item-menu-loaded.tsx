import * as Menu from '@radix-ui/react-dropdown-menu';
import { COLORS, type Color } from '@taskapp/shared/constants';
import { Archive, ArchiveRestore, Check, ChevronRight, Palette, Pencil, Trash2 } from 'lucide-react';
import type { LoadedMenuProps } from '../../components/deferred-menu';
import { LoadedDropdown } from '../../components/loaded-dropdown';
import { MENU_CONTENT, MENU_ITEM, MENU_SEPARATOR } from '../../components/menu-styles';
import { ColorDot } from './color-dot';

const COLOR_NAMES: Record<Color, string> = {
  grey: 'Grey',
  red: 'Red',
  orange: 'Orange',
  yellow: 'Yellow',
  green: 'Green',
  teal: 'Teal',
  blue: 'Blue',
  purple: 'Purple',
  pink: 'Pink',
};

export interface ItemMenuActions {
  color: Color;
  onRename: () => void;
  onColor: (color: Color) => void;
  /** Projects only: archive or bring back. */
  archive?: { archived: boolean; onChange: (archived: boolean) => void };
  onDelete: () => void;
}

const ICON = 'size-4 text-muted';

/** The … menu itself, mounted once its trigger is used: see ItemMenu. */
export function LoadedItemMenu({
  color,
  onRename,
  onColor,
  archive,
  onDelete,
  ...menu
}: LoadedMenuProps & ItemMenuActions) {
  return (
    <LoadedDropdown {...menu} className="w-44">
      <Menu.Item className={MENU_ITEM} onSelect={onRename}>
        <Pencil aria-hidden="true" className={ICON} />
        Rename
      </Menu.Item>
      <Menu.Sub>
        <Menu.SubTrigger className={`${MENU_ITEM} data-[state=open]:bg-subtle`}>
          <Palette aria-hidden="true" className={ICON} />
          Colour
          <ChevronRight aria-hidden="true" className="ml-auto size-4 text-muted" />
        </Menu.SubTrigger>
        <Menu.Portal>
          <Menu.SubContent sideOffset={4} collisionPadding={8} className={`${MENU_CONTENT} w-40`}>
            <Menu.RadioGroup value={color} onValueChange={(next) => onColor(next as Color)}>
              {COLORS.map((option) => (
                <Menu.RadioItem key={option} value={option} className={MENU_ITEM}>
                  <ColorDot color={option} />
                  {COLOR_NAMES[option]}
                  <Menu.ItemIndicator className="ml-auto">
                    <Check aria-hidden="true" className="size-4 text-accent-text" />
                  </Menu.ItemIndicator>
                </Menu.RadioItem>
              ))}
            </Menu.RadioGroup>
          </Menu.SubContent>
        </Menu.Portal>
      </Menu.Sub>
      {archive ? (
        <Menu.Item className={MENU_ITEM} onSelect={() => archive.onChange(!archive.archived)}>
          {archive.archived ? (
            <ArchiveRestore aria-hidden="true" className={ICON} />
          ) : (
            <Archive aria-hidden="true" className={ICON} />
          )}
          {archive.archived ? 'Unarchive' : 'Archive'}
        </Menu.Item>
      ) : null}
      <Menu.Separator className={MENU_SEPARATOR} />
      <Menu.Item className={`${MENU_ITEM} text-danger`} onSelect={onDelete}>
        <Trash2 aria-hidden="true" className="size-4" />
        Delete…
      </Menu.Item>
    </LoadedDropdown>
  );
}
