import { fileNameFrom } from './content-disposition';

describe('fileNameFrom', () => {
  it('reads the encoded name first, then the plain one', () => {
    expect(fileNameFrom(`attachment; filename="report.xlsx"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.xlsx`)).toBe('отчёт.xlsx');
    expect(fileNameFrom('attachment; filename="report-2026-08.pdf"')).toBe('report-2026-08.pdf');
  });

  it('answers null without a name', () => {
    expect(fileNameFrom(null)).toBeNull();
    expect(fileNameFrom('attachment')).toBeNull();
  });
});
