/**
 * Debian's Chromium through playwright-core, for the dashboard's browser tests. Playwright's own
 * browser download is not reachable here; .ci/run installs /usr/bin/chromium. The flags keep it
 * headless and off the network (a closed network refuses its background connections).
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/** Starts a headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
