import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The same Chromium and flags as the browser journeys (apps/web/playwright.config.ts). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium 156 loads its omnibox popup as a web page of its own in every new window, headless too: a
  // second renderer busy for ~1.7 s of CPU beside the page being measured (2026-12-02).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchChromium(): Promise<{ browser: Browser; page: Page }> {
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    // The flags above already say --headless (Chromium's current headless mode).
    headless: false,
    args: CHROMIUM_FLAGS,
    defaultViewport: null,
  });
  const page = await browser.newPage();
  return { browser, page };
}
