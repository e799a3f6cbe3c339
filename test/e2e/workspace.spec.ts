import { expect, test } from './fixtures';

test('opens the workspace from the printed URL, stays signed in across reloads without the token in the URL', async ({ page, engine }) => {
  await page.goto(engine.openUrl);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);
  expect(page.url()).not.toContain('token');
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);
  expect(page.url()).not.toContain('token');
});

test('asks for the token when opened without it', async ({ page, engine }) => {
  await page.goto(engine.url);
  await expect(page.getByRole('heading', { name: 'Sign in to Hookdesk' })).toBeVisible();
  await page.getByLabel('Management token').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not this Hookdesk');
  await page.getByLabel('Management token').fill(engine.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Engine connected/);
});

test('types an event into Monaco, publishes it and reads it back in the inspector', async ({ page, engine }) => {
  await page.goto(engine.openUrl);
  await page.getByRole('button', { name: /^Events/ }).click();
  const editor = page.getByRole('group', { name: 'Event JSON' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{"type": "invoice.paid", "entity": {"amount": 1234}}');
  await page.keyboard.press('ControlOrMeta+Enter');

  const list = page.getByRole('listbox', { name: 'Events' });
  await expect(list.getByRole('option', { name: /invoice\.paid/ })).toBeVisible();
  const inspector = page.getByRole('region', { name: 'Event inspector' });
  await expect(inspector.getByRole('heading', { name: 'invoice.paid' })).toBeVisible();
  await expect(inspector.getByRole('group', { name: 'Event body' })).toContainText('1234');

  // It came from the engine: the API has it too.
  const res = await page.request.get(`${engine.url}/api/v1/events`, { headers: { authorization: `Bearer ${engine.token}` } });
  const page1 = (await res.json()) as { items: { type: string }[] };
  expect(page1.items.map((e) => e.type)).toContain('invoice.paid');
});
