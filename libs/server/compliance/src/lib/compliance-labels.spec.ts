import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rubricDeviation } from './compliance-data.service';
import { attachmentDisposition, mixTitle, monthTitle, organizationSlug, publishedMixTitle, shareTitle, weekTitle } from './compliance-labels';
import { locateReportFonts } from './report-fonts';

describe('compliance report labels', () => {
  it('names the month and the week in Russian', () => {
    expect(monthTitle('2026-11')).toBe('ноябрь 2026');
    expect(monthTitle('2027-01')).toBe('январь 2027');
    expect(weekTitle({ weekStart: '2026-11-30', weekEnd: '2026-12-06' })).toBe('30.11–06.12');
  });

  it('writes mixes and shares, a dash where there is nothing', () => {
    expect(mixTitle({ official: 40, useful: 40, entertaining: 20 })).toBe('40 / 40 / 20');
    expect(mixTitle(null)).toBe('—');
    expect(publishedMixTitle({ published: 7, rubrics: { official: 4, useful: 2, entertaining: 1 } })).toBe('57 / 29 / 14');
    expect(publishedMixTitle({ published: 0, rubrics: { official: 0, useful: 0, entertaining: 0 } })).toBe('—');
    expect(shareTitle(0.857)).toBe('86 %');
    expect(shareTitle(null)).toBe('—');
  });

  it('measures the rubric mix against the target by its largest gap', () => {
    expect(rubricDeviation({ official: 4, useful: 2, entertaining: 1 }, { official: 50, useful: 30, entertaining: 20 })).toBe(7);
    expect(rubricDeviation({ official: 0, useful: 0, entertaining: 3 }, { official: 40, useful: 40, entertaining: 20 })).toBe(80);
    expect(rubricDeviation({ official: 1, useful: 0, entertaining: 0 }, null)).toBeNull();
    expect(rubricDeviation({ official: 0, useful: 0, entertaining: 0 }, { official: 40, useful: 40, entertaining: 20 })).toBeNull();
  });

  it('gives the file an ASCII name and the Russian one per RFC 5987', () => {
    expect(organizationSlug('Министерство образования Сахалинской области')).toBe('ministerstvo-obrazovaniya-sakhalinskoy-oblasti');
    expect(organizationSlug('МБОУ «СОШ № 1» г. Южно-Сахалинска')).toBe('mbou-sosh-1-g-yuzhno-sakhalinska');
    const disposition = attachmentDisposition({ organizationId: 'id-1', organizationName: 'Школа "№ 1" / корпус 2', month: '2026-11' }, 'pdf');
    const [plain, encoded] = disposition.split('; filename*=');
    expect(plain).toBe('attachment; filename="vestnik-compliance-shkola-1-korpus-2-2026-11.pdf"');
    expect(encoded).toMatch(/^UTF-8''[A-Za-z0-9%._~!-]+$/); // nothing a header would misread: no quotes, spaces or apostrophes
    expect(decodeURIComponent(encoded.slice("UTF-8''".length))).toBe('Вестник, ведение страниц — Школа № 1 корпус 2 — 2026-11.pdf');
  });

  it('falls back to the organization id when its name has no letter to keep', () => {
    expect(attachmentDisposition({ organizationId: '5b0c9d1e', organizationName: '«»', month: '2026-11' }, 'xlsx')).toContain('filename="vestnik-compliance-5b0c9d1e-2026-11.xlsx"');
  });
});

describe('report fonts', () => {
  it('are found in the library sources', () => {
    const fonts = locateReportFonts();
    expect(fonts.regular).toMatch(/DejaVuSans\.ttf$/);
    expect(fonts.bold).toMatch(/DejaVuSans-Bold\.ttf$/);
  });

  it('missing, say where they were looked for', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-fonts-'));
    writeFileSync(join(empty, 'DejaVuSans.ttf'), ''); // the bold one is missing
    expect(() => locateReportFonts([empty])).toThrow(empty);
  });
});
