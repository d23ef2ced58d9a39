import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens a Cloudscape select whose accessible name starts with `label` and picks the option named `option`. */
export async function choose(scope: Page | Locator, label: string, option: string) {
  await scope
    .getByRole('button', { name: new RegExp(`^${label}\\b`) })
    .first()
    .click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

/** The text of the newest flash message, once one shows. */
export async function flash(page: Page, text: string | RegExp) {
  await page.locator('[class*="awsui_flashbar"]').getByText(text).first().waitFor();
}

/** Waits until `fn` returns something truthy (a page state that follows an async update). */
export async function until<T>(fn: () => Promise<T>, message = 'condition'): Promise<T> {
  let last: T | undefined;
  await expect
    .poll(
      async () => {
        last = await fn();
        return Boolean(last);
      },
      { timeout: 15_000, message },
    )
    .toBe(true);
  return last as T;
}

/** The dialog named `header`, once it shows. */
export async function dialog(page: Page, header: string): Promise<Locator> {
  const d = page.getByRole('dialog', { name: header });
  await d.waitFor();
  return d;
}

/** What the page put on the clipboard (the root tsconfig has no DOM types, hence the cast). */
export function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as any).navigator.clipboard.readText());
}

/** The page's [sessionStorage key, localStorage item count]. */
export function storedKey(page: Page): Promise<[string | null, number]> {
  return page.evaluate(() => [(globalThis as any).sessionStorage.getItem('botops.apiKey'), (globalThis as any).localStorage.length]);
}

/** Moves the signed-in console to `path` the way its own links do (no reload), so each page is timed alone. */
export async function navigate(page: Page, path: string) {
  await page.evaluate((p) => {
    const w = globalThis as any;
    w.history.pushState(null, '', p);
    w.dispatchEvent(new w.PopStateEvent('popstate'));
  }, path);
}

/** The rendered text of `locator`, trimmed (Playwright's innerText: what a person reads, hidden parts left out). */
export async function shown(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property
  return (await locator.innerText()).trim();
}
