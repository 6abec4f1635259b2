export interface DeviceDescription {
  /** "Firefox on macOS", "Unknown browser on Android", "Unknown device". */
  label: string;
  mobile: boolean;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows NT/, 'Windows'],
  [/Android/, 'Android'],
  [/iPad/, 'iPadOS'],
  [/iPhone|iPod/, 'iOS'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A short, human name for the browser that holds a session. Good enough to recognise one's devices. */
export function describeUserAgent(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { label: 'Unknown device', mobile: false };
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const mobile = /Mobi|Android|iPhone|iPod/.test(userAgent);
  if (!browser && !system) return { label: 'Unknown device', mobile };
  return { label: `${browser ?? 'Unknown browser'}${system ? ` on ${system}` : ''}`, mobile };
}
