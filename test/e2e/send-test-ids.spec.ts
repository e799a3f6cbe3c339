import { expect, test } from './fixtures';
import { publish, WebhooksUi } from './pages/webhooks-ui';
import { Receiver } from './receiver';

let receiver: Receiver;
test.beforeEach(async () => {
  receiver = await Receiver.start();
});
test.afterEach(async () => {
  await receiver.stop();
});

test('Send test goes out under a fresh id each time, and the inspector names the event whose body it borrowed', async ({ page, engine }) => {
  const ui = new WebhooksUi(page);
  await page.goto(engine.openUrl);
  await ui.create('Dedup', receiver.url);
  await publish(engine, { type: 'hookdesk.test', entity: { id: 'ord_1', total: 5 } });
  // The published event is delivered once, under its own id.
  await expect.poll(() => receiver.requests.length).toBe(1);
  const realId = String(receiver.requests[0]!.headers['x-hookdesk-event-id']);
  // The editor takes its sample when the page opens: open it again to sample the stored event.
  await page.reload();
  await ui.sidebarItem('Dedup').click();

  await ui.button('Send test').click();
  await expect(ui.inspector.getByLabel('Sample event')).toHaveText(`Body of event ${realId}, sent under a new test id`);
  await ui.button('Send test').click();
  await expect.poll(() => receiver.requests.length).toBe(3);
  const [first, second] = receiver.requests.slice(1).map((r) => String(r.headers['x-hookdesk-event-id']));
  expect(first).toMatch(/^evt_test_/);
  expect(second).toMatch(/^evt_test_/);
  expect(first).not.toBe(second);
  expect(first).not.toBe(realId);
  expect(JSON.parse(receiver.requests[2]!.body)).toMatchObject({ eventId: second, entity: { id: 'ord_1' } });
});
