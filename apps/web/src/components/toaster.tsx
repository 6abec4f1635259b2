import type { CSSProperties } from 'react';
import { Toaster as Sonner } from 'sonner';

// Sonner's own palette, pointed at our tokens so toasts follow the light and dark themes.
const TOKENS = {
  '--normal-bg': 'var(--tk-surface)',
  '--normal-border': 'var(--tk-line-strong)',
  '--normal-text': 'var(--tk-fg)',
  '--border-radius': '8px',
} as CSSProperties;

export function Toaster() {
  return (
    <Sonner
      theme="system"
      position="bottom-right"
      closeButton
      style={TOKENS}
      toastOptions={{ className: 'font-sans text-base', duration: 5000 }}
    />
  );
}
