import * as RadixDialog from '@radix-ui/react-dialog';
import { Outlet } from '@tanstack/react-router';
import { X } from 'lucide-react';
import { OutboxBanner } from '../offline/outbox-banner';
import { OutboxDialog } from '../offline/outbox-dialog';
import { Sidebar } from './sidebar';
import { SidebarContext, useSidebarState } from './sidebar-state';
import { usePlaceShortcuts } from './use-place-shortcuts';

/** The task places: the sidebar (a drawer on phones) beside the place shown. */
export function TasksLayout() {
  const sidebar = useSidebarState();
  usePlaceShortcuts(sidebar.toggle);
  const closeDrawer = () => sidebar.setDrawerOpen(false);
  return (
    <SidebarContext.Provider value={sidebar}>
      <div className="flex flex-1">
        {/* On a phone the sidebar is the drawer alone: rendering a hidden copy too would only slow the first page. */}
        {sidebar.collapsed || !sidebar.wide ? null : (
          <aside
            aria-label="Sidebar"
            className="sticky top-12 hidden h-[calc(100dvh-3rem)] w-60 shrink-0 overflow-y-auto border-line border-r md:block"
          >
            <Sidebar />
          </aside>
        )}
        <RadixDialog.Root open={sidebar.drawerOpen} onOpenChange={sidebar.setDrawerOpen}>
          <RadixDialog.Portal>
            <RadixDialog.Overlay className="fixed inset-0 z-30 bg-canvas/70 motion-safe:animate-fade-in md:hidden" />
            <RadixDialog.Content className="fixed inset-y-0 left-0 z-40 flex w-[min(20rem,85vw)] flex-col overflow-y-auto border-line border-r bg-surface shadow-overlay outline-none motion-safe:animate-fade-in md:hidden">
              <div className="flex h-12 shrink-0 items-center justify-between border-line border-b pr-1 pl-4">
                <RadixDialog.Title className="font-semibold">Navigation</RadixDialog.Title>
                <RadixDialog.Description className="sr-only">
                  Your views, projects and labels
                </RadixDialog.Description>
                <RadixDialog.Close
                  aria-label="Close navigation"
                  className="flex size-11 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg"
                >
                  <X aria-hidden="true" className="size-5" />
                </RadixDialog.Close>
              </div>
              <Sidebar onNavigate={closeDrawer} />
            </RadixDialog.Content>
          </RadixDialog.Portal>
        </RadixDialog.Root>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 outline-none">
          <div className="mx-auto w-full max-w-3xl px-3 pt-3 pb-24 sm:px-6 sm:pt-6 sm:pb-12">
            <OutboxBanner />
            <Outlet />
            <OutboxDialog />
          </div>
        </main>
      </div>
    </SidebarContext.Provider>
  );
}
