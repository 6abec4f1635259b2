// The same file the browser shows as the tab's icon, read at build time: inlined as a data address, so the
// header and the splash show it without a request of their own (the unhashed /favicon.svg is revalidated
// each time an <img> asks for it, up to three requests before a phone's first paint).
import logoSvg from '../../public/favicon.svg?raw';

const LOGO_SRC = `data:image/svg+xml,${encodeURIComponent(logoSvg)}`;

/** The Taskapp mark, decorative (the text beside it or the page says what it is). */
export function AppLogo({ size, className }: { size: number; className?: string }) {
  return <img src={LOGO_SRC} alt="" width={size} height={size} className={className} />;
}
