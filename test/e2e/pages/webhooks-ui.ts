import type { Locator, Page } from '@playwright/test';
import type { ServedEngine } from '../fixtures';

/** The webhook screens of the workspace, found by role and accessible name only. */
export class WebhooksUi {
  constructor(private readonly page: Page) {}

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Workspace' });
  }

  /** The sidebar entry of a webhook (its name carries the state). */
  sidebarItem(name: string): Locator {
    return this.sidebar.getByRole('list', { name: 'Webhooks' }).getByRole('button', { name: new RegExp(`^${name},`) });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** The open tab's panel (the webhook page). */
  get main(): Locator {
    return this.page.getByRole('tabpanel');
  }

  heading(name: string): Locator {
    return this.main.getByRole('heading', { level: 2, name });
  }

  stateBadge(state: 'ACTIVE' | 'FAILED' | 'DISABLED'): Locator {
    return this.main.getByRole('status', { name: `State: ${state}` });
  }

  /** A labelled group of the editor: Target, Auth, Events and filters, Payload, Signing, Validators, Retries. */
  section(name: string): Locator {
    return this.main.getByRole('group', { name, exact: true });
  }

  get templateEditor(): Locator {
    return this.main.getByRole('textbox', { name: 'Body template' });
  }

  get previewBody(): Locator {
    return this.main.getByLabel('Preview body');
  }

  get inspector(): Locator {
    return this.main.getByRole('region', { name: 'Invocation inspector' });
  }

  get deliveries(): Locator {
    return this.main.getByRole('table', { name: 'Deliveries' });
  }

  button(name: string): Locator {
    return this.main.getByRole('button', { name, exact: true });
  }

  async save(): Promise<void> {
    await this.button('Save').click();
    await this.main.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  }

  /** Creates a webhook through the dialog; its page opens. */
  async create(name: string, url: string): Promise<void> {
    await this.sidebar.getByRole('button', { name: 'New webhook' }).click();
    const dialog = this.dialog('New webhook');
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('URL', { exact: true }).fill(url);
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    await this.heading(name).waitFor();
  }

  /** Replaces the template editor's text by typing (Monaco), starting from an empty model. */
  async clearTemplate(): Promise<void> {
    await this.templateEditor.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
  }
}

/** `POST /api/v1/events` with the management token, as a script would publish an event. */
export async function publish(engine: ServedEngine, event: { type: string; entity?: unknown }): Promise<void> {
  const res = await fetch(`${engine.url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${engine.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  if (!res.ok) throw new Error(`publish answered ${res.status}: ${await res.text()}`);
}
