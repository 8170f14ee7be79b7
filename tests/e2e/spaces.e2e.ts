import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const importCsv = [
  'reference,name,address,neighborhood,hostCompany,hostEmail,monthlyRate,desks,availability.tuesday,detailedAmenities.parking.costMonthly',
  'e2e-import-1,Imported Harbor Loft,"10 Harbor Way, San Francisco",Embarcadero,Harbor Hosts,hosts@harbor.example,6400,18,10am;3pm,300',
  'e2e-import-2,Imported Canal Studio,"22 Canal St, San Francisco",Mission Bay,Canal Co,canal@example.com,3900,8,11am,',
].join('\r\n');

describe('the space inventory', () => {
  it('lets a manager create a space through the form, import a CSV and attach a space to a deal', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'manager@echo.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Spaces' }).click();
    await page.waitForURL(/\/spaces$/);
    await page.getByRole('link', { name: 'Mission Loft' }).first().waitFor();

    // Create through the form, every group touched once.
    await page.getByRole('link', { name: 'New space' }).click();
    await page.waitForURL(/\/spaces\/new$/);
    await page.getByLabel('Name', { exact: true }).fill('E2E Rooftop Studio');
    await page.getByLabel('Reference', { exact: true }).fill('e2e-rooftop');
    await page.getByLabel('Address', { exact: true }).fill('500 Rooftop Ave, San Francisco');
    await page.getByLabel('Neighbourhood', { exact: true }).fill('SoMa');
    await page.getByLabel('Monthly rate ($)').fill('abc');
    await page.getByLabel('Desks', { exact: true }).fill('16');
    await page.getByLabel('Square feet').fill('2100');
    await page.getByLabel('Host company').fill('Rooftop Hosts');
    await page.getByLabel('Host email').fill('host@rooftop.example');
    await page.getByLabel('Parking', { exact: true }).check();
    await page.getByLabel('Tour slots on Tuesday').fill('10am, 2pm');
    await page.getByLabel('Tour slots on Thursday').fill('25pm');
    await page.getByLabel('Parking cost per month ($)').fill('275');
    await page.getByLabel('Dogs allowed').selectOption('yes');
    await page.getByLabel('Number of meeting rooms').fill('2');
    await page.getByLabel('Utilities included').selectOption('yes');
    await page.getByRole('button', { name: 'Save' }).first().click();
    // The server names both bad fields, said for people; nothing is created.
    const problem = page.getByRole('alert').filter({ hasText: /monthly rate/i });
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toMatch(/Thursday/i);
    await expect(problem.textContent()).resolves.not.toMatch(/monthlyRate|availability\.thursday/);
    await page.getByLabel('Monthly rate ($)').fill('5400');
    await page.getByLabel('Tour slots on Thursday').fill('11:30am');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.waitForURL(/\/spaces\/\d+$/);
    await page.getByRole('heading', { name: 'E2E Rooftop Studio' }).waitFor();
    await expect(page.getByLabel('Tour slots on Thursday').inputValue()).resolves.toBe('11:30am');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await keepScreenshot(page, 'space-form');

    // A stale save: an admin saves in between; the manager's edit is refused and kept.
    const spaceUrl = page.url();
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(other, 'admin@echo.test');
    await other.goto(spaceUrl);
    await other.getByLabel('Square feet').fill('2300');
    await other.getByRole('button', { name: 'Save' }).first().click();
    await other.getByText('Saved', { exact: true }).waitFor();
    await other.close();
    await page.getByLabel('Desks', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Someone else changed this space since you opened it.').waitFor();
    await expect(page.getByLabel('Desks', { exact: true }).inputValue()).resolves.toBe('20');
    await page.getByRole('button', { name: 'Save mine over theirs' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    expect(await page.getByText('Someone else changed this space since you opened it.').count()).toBe(0);

    // Import: preview first, then write.
    await page.goto(`${baseUrl}/spaces`);
    await page.getByRole('button', { name: 'Import' }).click();
    mkdirSync(ARTIFACTS, { recursive: true });
    const badFile = path.join(ARTIFACTS, 'spaces-bad.csv');
    writeFileSync(badFile, importCsv.replace('6400', 'lots'));
    await page.getByLabel('CSV file').setInputFiles(badFile);
    const preview = page.getByRole('alert').filter({ hasText: 'problem' });
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('monthlyRate');
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Import' }).isDisabled()).resolves.toBe(
      true,
    );
    const goodFile = path.join(ARTIFACTS, 'spaces-good.csv');
    writeFileSync(goodFile, importCsv);
    await page.getByLabel('CSV file').setInputFiles(goodFile);
    await page.getByText('Ready: 2 spaces to create, 0 to update.').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported: 2 created, 0 updated').waitFor();
    await page.getByRole('link', { name: 'Imported Harbor Loft' }).waitFor();

    // Filters and search find the new rows.
    await page.getByLabel('Search').fill('Imported');
    await page.getByRole('link', { name: 'Imported Canal Studio' }).waitFor();
    await page.getByLabel('Search').fill('');
    await page.getByRole('link', { name: 'E2E Rooftop Studio' }).waitFor();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await keepScreenshot(page, 'spaces');

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, 'manager@echo.test');
    await phone.goto(`${baseUrl}/spaces`);
    await phone.getByRole('link', { name: 'Imported Harbor Loft' }).waitFor();
    await keepScreenshot(phone, 'spaces-phone');
    await phone.getByRole('link', { name: 'E2E Rooftop Studio' }).click();
    await phone.getByRole('heading', { name: 'E2E Rooftop Studio' }).waitFor();
    await keepScreenshot(phone, 'space-form-phone');
    await phone.close();

    // Attach the imported space to a deal with the picker.
    await page.goto(`${baseUrl}/board`);
    await page.getByRole('link', { name: 'Bluebird Health', exact: true }).first().click();
    await page.waitForURL(/\/deals\/\d+$/);
    await page.getByLabel('Add a space').fill('Harbor Loft');
    await page.getByLabel('As', { exact: true }).selectOption('interested');
    await page.getByRole('button', { name: 'Add Imported Harbor Loft' }).click();
    await page.getByText('Imported Harbor Loft added as interested').first().waitFor();
    await expect(page.getByLabel('Status of Imported Harbor Loft').inputValue()).resolves.toBe('interested');
    await page.reload();
    await expect(page.getByLabel('Status of Imported Harbor Loft').inputValue()).resolves.toBe('interested');
    await keepScreenshot(page, 'deal-space-picker');
    await page.close();
  });

  it('shows an agent the inventory read-only', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'agent@echo.test');
    await page.goto(`${baseUrl}/spaces`);
    await page.getByRole('link', { name: 'Mission Loft' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'New space' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Mission Loft' }).first().click();
    await page.getByText('Read only: managers edit the inventory').waitFor();
    await expect(page.getByLabel('Name', { exact: true }).isDisabled()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await page.close();
  });
});
