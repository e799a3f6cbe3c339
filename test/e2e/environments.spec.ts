import { expect, test } from './fixtures';
import { WebhooksUi } from './pages/webhooks-ui';
import { Receiver } from './receiver';

let a: Receiver;
let b: Receiver;
test.beforeEach(async () => {
  a = await Receiver.start();
  b = await Receiver.start();
});
test.afterEach(async () => {
  await a.stop();
  await b.stop();
});

test('environments: made in the editor, switched in the status bar, and Send test goes where the active one says', async ({ page, engine }) => {
  const ui = new WebhooksUi(page);
  await page.goto(engine.openUrl);

  await page.getByRole('button', { name: 'Edit environments' }).click();
  const dialog = page.getByRole('dialog', { name: 'Environments' });
  for (const [name, url] of [
    ['local', a.url],
    ['staging', b.url],
  ] as const) {
    await dialog.getByRole('button', { name: 'Add environment' }).click();
    await dialog.getByLabel('Environment name').last().fill(name);
    await dialog.getByRole('button', { name: `Add variable to ${name}` }).click();
    await dialog.getByLabel(`Variable name in ${name}`).fill('TARGET');
    await dialog.getByLabel(`Value of TARGET in ${name}`).fill(url);
  }
  await dialog.getByRole('button', { name: 'Save environments' }).click();
  await expect(dialog).toBeHidden();

  const switcher = page.getByRole('combobox', { name: 'Environment' });
  await switcher.selectOption('local');
  await ui.create('Env target', '${TARGET}/hooks');
  await ui.button('Send test').click();
  await expect.poll(() => a.requests.length).toBe(1);
  expect(a.requests[0]!.path).toBe(`${new URL(a.url).pathname}/hooks`);

  await switcher.selectOption('staging');
  await expect(switcher).toHaveValue('staging');
  await ui.button('Send test').click();
  await expect.poll(() => b.requests.length).toBe(1);
  expect(a.requests).toHaveLength(1);

  // Stored values come back masked; a value is seen only while a new one is typed.
  await page.getByRole('button', { name: 'Edit environments' }).click();
  await expect(dialog.getByText(a.url)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Change TARGET' }).first().click();
  await expect(dialog.getByLabel('Value of TARGET in local')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // With no environment the variable is unset: Send test says which one and where it looked.
  await switcher.selectOption('');
  await ui.button('Send test').click();
  await expect(page.getByText(/The variable \$\{TARGET\} is not set in the process environment/).first()).toBeVisible();
});
