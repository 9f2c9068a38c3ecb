// Page object for Reports: its views, date presets and filters, a figure's table rows and its CSV download.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

export type ReportView = 'Attendance and reach' | 'Barriers and support' | 'Wellbeing' | 'Funder summary';

export class ReportsPage {
  constructor(readonly page: Page) {}

  async showView(view: ReportView): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: view }).click();
  }

  async choosePreset(label: 'This quarter' | 'Last quarter' | 'Last 12 months'): Promise<void> {
    await this.page.getByRole('group', { name: 'Date range' }).getByRole('button', { name: label }).click();
  }

  figure(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  chart(tableId: string): Locator {
    return this.page.locator(`[data-chart="${tableId}"] svg`).first();
  }

  /** The cells of one row of a figure's table, after its heading cell. */
  async row(title: string, rowName: string): Promise<string[]> {
    const row = this.figure(title)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: rowName }) });
    return row.getByRole('cell').allTextContents();
  }

  /** Downloads a figure's CSV; answers with the file's name and its exact content. */
  async downloadCsv(title: string): Promise<{ name: string; content: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.figure(title)
        .getByRole('button', { name: /^Download CSV/ })
        .click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), content: await readFile(path, 'utf8') };
  }
}
