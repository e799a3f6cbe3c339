import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { HookdeskClient } from '../../../shared/api/client';
import type { ServedEngine } from '../fixtures';

/** The connector screens of the workspace, found by role and accessible name only. */
export class ConnectorsUi {
  constructor(private readonly page: Page) {}

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Workspace' });
  }

  /** The sidebar entry of a connector (its name carries status and last-event time). */
  sidebarItem(name: string): Locator {
    return this.sidebar.getByRole('list', { name: 'Connectors' }).getByRole('button', { name: new RegExp(`^${name},`) });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  eventLog(connectorName: string): Locator {
    return this.page.getByRole('listbox', { name: `Events of ${connectorName}` });
  }

  get inspector(): Locator {
    return this.page.getByRole('region', { name: 'Event inspector' });
  }

  /** Creates a connector through the dialog; answers what the dialog revealed (once). */
  async create(name: string, dataSource?: string): Promise<{ apiKey: string; pushUrl: string; captureUrl: string; curl: string }> {
    await this.sidebar.getByRole('button', { name: 'New connector' }).click();
    const dialog = this.dialog('New connector');
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    if (dataSource) await dialog.getByLabel('Data source', { exact: true }).selectOption(dataSource);
    await dialog.getByRole('button', { name: 'Create connector' }).click();
    const created = this.dialog(`Connector "${name}" created`);
    const secrets = {
      apiKey: await created.getByLabel('API key', { exact: true }).inputValue(),
      pushUrl: await created.getByLabel('Push URL', { exact: true }).inputValue(),
      captureUrl: await created.getByLabel('Capture URL', { exact: true }).inputValue(),
      curl: await created.getByLabel('Send a sample event with curl').inputValue(),
    };
    await created.getByRole('button', { name: 'Done' }).click();
    return secrets;
  }
}

/** The management API with the token, for setting up state fast. */
export function apiOf(engine: ServedEngine): HookdeskClient {
  return new HookdeskClient({ baseUrl: engine.url, token: engine.token });
}

/** One real push, as a sender would make it. */
export function push(request: APIRequestContext, pushUrl: string, apiKey: string, body: unknown) {
  return request.post(pushUrl, { headers: { API_KEY: apiKey, 'content-type': 'application/json' }, data: JSON.stringify(body) });
}
