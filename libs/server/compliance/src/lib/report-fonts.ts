import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The TrueType files the PDF embeds (PDF's standard fonts have no Cyrillic). */
export interface ReportFonts {
  regular: string;
  bold: string;
}

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';

/**
 * Where the fonts are: beside the built server (`dist/apps/server/assets/compliance-fonts`, copied
 * by the server's webpack build) or in this library's sources (tests, ts-node). Throws naming the
 * places looked at, so a build that forgot them fails at start, not at the first download.
 */
export function locateReportFonts(candidates = [join(__dirname, 'assets', 'compliance-fonts'), join(__dirname, '..', 'fonts')]): ReportFonts {
  for (const dir of candidates) {
    const fonts = { regular: join(dir, REGULAR), bold: join(dir, BOLD) };
    if (existsSync(fonts.regular) && existsSync(fonts.bold)) return fonts;
  }
  throw new Error(`The compliance report's fonts (${REGULAR}, ${BOLD}) are missing; looked in: ${candidates.join(', ')}`);
}
