import { createHmac } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';

/** The relay parts of a connector page (settings, badges, inspector, replay, schemas), by role and accessible name only. */
export class RelayUi {
  constructor(private readonly page: Page) {}

  /** One of the connector page's views: Events, Relay settings, Schemas. */
  view(name: 'Events' | 'Relay settings' | 'Schemas'): Locator {
    return this.page.getByRole('tablist', { name: 'Connector views' }).getByRole('tab', { name, exact: true });
  }

  get settings(): Locator {
    return this.page.getByRole('form', { name: 'Relay settings' });
  }

  settingsGroup(name: 'Forward' | 'Signature verification'): Locator {
    return this.settings.getByRole('group', { name, exact: true });
  }

  field(label: string): Locator {
    return this.settings.getByLabel(label, { exact: true });
  }

  /** Sets forwarding and verification and saves them. */
  async configure(settings: {
    forwardUrl?: string;
    scheme?: string;
    secret?: string;
    tolerance?: string;
    /** "Capture URL requests", "Push API events" or "Both". */
    verifyOn?: string;
    forwardOnlyVerified?: boolean;
  }): Promise<void> {
    await this.view('Relay settings').click();
    if (settings.forwardUrl !== undefined) await this.field('Forward to URL').fill(settings.forwardUrl);
    if (settings.scheme !== undefined) await this.field('Scheme').selectOption(settings.scheme);
    if (settings.secret !== undefined) await this.field('Secret').fill(settings.secret);
    if (settings.tolerance !== undefined) await this.field('Tolerance (seconds)').fill(settings.tolerance);
    if (settings.verifyOn !== undefined) await this.field('Verify requests from').selectOption({ label: settings.verifyOn });
    if (settings.forwardOnlyVerified !== undefined) await this.forwardOnlyVerified.setChecked(settings.forwardOnlyVerified);
    await this.save();
  }

  /** The "Forward only verified requests" switch. */
  get forwardOnlyVerified(): Locator {
    return this.settings.getByRole('checkbox', { name: 'Forward only verified requests', exact: true });
  }

  async save(): Promise<void> {
    await this.settings.getByRole('button', { name: 'Save', exact: true }).click();
    await this.settings.getByRole('status').filter({ hasText: /^Saved\./ }).waitFor();
  }

  eventLog(connectorName: string): Locator {
    return this.page.getByRole('listbox', { name: `Events of ${connectorName}` });
  }

  get inspector(): Locator {
    return this.page.getByRole('region', { name: 'Event inspector' });
  }

  get replayDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Replay / });
  }

  /** The replay editor's text box (Monaco). */
  get replayBody(): Locator {
    return this.replayDialog.getByRole('textbox', { name: 'Replay body' });
  }

  /** Replaces the replay body by typing into Monaco. */
  async editReplayBody(text: string): Promise<void> {
    await this.replayBody.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }
}

/** `X-Hub-Signature-256` as GitHub computes it: `sha256=` + hex HMAC-SHA256 of the raw body. */
export function githubSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
