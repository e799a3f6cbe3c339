import type { Locator, Page } from '@playwright/test';

/** The Receiver check page, found by role and accessible name only. */
export class ReceiverCheckUi {
  constructor(private readonly page: Page) {}

  /** Opens the page from the sidebar and waits for its heading. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Workspace' }).getByRole('button', { name: /^Receiver check/ }).click();
    await this.heading.waitFor();
  }

  get main(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Receiver check' });
  }

  get heading(): Locator {
    return this.main.getByRole('heading', { level: 2, name: 'Receiver check' });
  }

  get form(): Locator {
    return this.main.getByRole('form', { name: 'Check a receiver' });
  }

  get url(): Locator {
    return this.form.getByLabel('Receiver URL', { exact: true });
  }

  get profile(): Locator {
    return this.form.getByLabel('Sender profile', { exact: true });
  }

  get secret(): Locator {
    return this.form.getByLabel('Secret', { exact: true });
  }

  get downFor(): Locator {
    return this.form.getByLabel('Down for', { exact: true });
  }

  get runButton(): Locator {
    return this.form.getByRole('button', { name: /^(Run check|Checking…)$/ });
  }

  get status(): Locator {
    return this.main.getByRole('status').filter({ hasText: /^(Running|Done|Starting|The check)/ });
  }

  get progress(): Locator {
    return this.main.getByRole('progressbar', { name: 'Check progress' });
  }

  /** The shown run's scorecard: target, summary line, timeout, and the table. */
  get scorecardRegion(): Locator {
    return this.main.getByRole('region', { name: 'Scorecard' });
  }

  /** The summary line ("10 passed, 2 failed") of the shown run. */
  summary(text: string): Locator {
    return this.scorecardRegion.getByText(text, { exact: true });
  }

  get scorecard(): Locator {
    return this.main.getByRole('table', { name: 'Scorecard' });
  }

  /** A case's row (its header cell is the case's name). */
  caseRow(name: string): Locator {
    return this.scorecard.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  detailsButton(name: string): Locator {
    return this.scorecard.getByRole('button', { name: `Details: ${name}`, exact: true });
  }

  sent(name: string): Locator {
    return this.scorecard.getByRole('region', { name: `Sent: ${name}` });
  }

  cameBack(name: string): Locator {
    return this.scorecard.getByRole('region', { name: `Came back: ${name}` });
  }

  get timeline(): Locator {
    return this.main.getByRole('list', { name: 'Retry timeline' });
  }

  get history(): Locator {
    return this.main.getByRole('list', { name: 'Past runs' });
  }

  /** Starts a check with the form as filled, and waits until its scorecard is complete. */
  async runAndWait(): Promise<void> {
    await this.runButton.click();
    await this.status.filter({ hasText: /^Done:/ }).waitFor({ timeout: 60_000 });
  }
}
