import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { publish } from './pages/webhooks-ui';

/** The page's background colour as the browser computed it (`rgb(...)`). */
const rootBackground = (page: Page): Promise<string> => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');

test.describe('theme', () => {
  test.describe('a system that prefers light', () => {
    test.use({ colorScheme: 'light' });

    test('shows the light theme, editors included; the switch overrides it and is remembered', async ({ page, engine }) => {
      await publish(engine, { type: 'order.created', entity: { n: 1 } });
      await page.goto(engine.openUrl);
      const theme = page.getByRole('combobox', { name: 'Theme' });
      await expect(theme).toHaveValue('system');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      expect(await rootBackground(page)).toBe('rgb(255, 255, 255)');

      // An event's body is shown in Monaco: the editor follows the theme.
      await page.getByRole('navigation', { name: 'Workspace' }).getByRole('button', { name: /^Events/ }).click();
      const events = page.getByRole('tabpanel', { name: 'Events' });
      await events.getByText('order.created').first().click();
      const editor = events.locator('.monaco-editor').first();
      await expect(editor).toBeVisible();
      await expect(editor).toHaveClass(/\bvs\b/);

      await theme.selectOption('Dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await rootBackground(page)).toBe('rgb(30, 31, 34)');
      await expect(editor).toHaveClass(/\bvs-dark\b/);

      await page.reload();
      await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await rootBackground(page)).toBe('rgb(30, 31, 34)');
    });
  });

  test.describe('a system that prefers dark', () => {
    test.use({ colorScheme: 'dark' });

    test('shows the dark theme; Toggle theme in the palette switches to light and back', async ({ page, engine }) => {
      await page.goto(engine.openUrl);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);
      await page.keyboard.press('ControlOrMeta+K');
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await expect(palette.getByRole('combobox')).toBeFocused();
      await page.keyboard.type('toggle theme');
      await page.keyboard.press('Enter');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
      // The system's choice applies again once System is picked.
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('System');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    });
  });
});
