import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// WCAG 2.2 AA (with the 2.0 and 2.1 levels it builds on) plus axe's best practices.
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Phone and desktop widths every state is checked at. */
export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

/**
 * Runs axe on the whole page once it has settled and fails with every violation listed. Settled:
 * no request in flight and no running CSS animation or transition (a colour caught halfway
 * through a fade would make the contrast check flaky).
 */
export async function expectNoViolations(page: Page, state: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const found = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(" ")).join("\n    ")}`,
  );
  expect(found, `axe violations in state "${state}"`).toEqual([]);
}
