import { Injectable, OnModuleInit } from '@nestjs/common';
import { ComplianceQuery, ComplianceReport } from '@vestnik/contracts';
import { SignedInActor } from '@vestnik/server/http';
import { ComplianceData } from './compliance-data.service';
import { attachmentDisposition } from './compliance-labels';
import { compliancePdf } from './compliance-pdf';
import { complianceWorkbook } from './compliance-workbook';
import { locateReportFonts, ReportFonts } from './report-fonts';

/** A report as a download. */
export interface ComplianceFile {
  bytes: Buffer;
  mimeType: string;
  disposition: string;
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_MIME_TYPE = 'application/pdf';

/** The monthly compliance report in the asked format: the data (JSON), an Excel workbook or a PDF. */
@Injectable()
export class ComplianceReports implements OnModuleInit {
  private fonts: ReportFonts | null = null;

  constructor(private readonly data: ComplianceData) {}

  /** A server built without the fonts stops at start with the places it looked in. */
  onModuleInit(): void {
    this.fonts = locateReportFonts();
  }

  async render(actor: SignedInActor, query: ComplianceQuery): Promise<ComplianceReport | ComplianceFile> {
    const report = await this.data.report(actor, query.organizationId, query.month);
    switch (query.format ?? 'json') {
      case 'json':
        return report;
      case 'xlsx':
        return { bytes: await complianceWorkbook(report), mimeType: XLSX_MIME_TYPE, disposition: attachmentDisposition(report, 'xlsx') };
      case 'pdf':
        return { bytes: await compliancePdf(report, this.fonts ?? locateReportFonts()), mimeType: PDF_MIME_TYPE, disposition: attachmentDisposition(report, 'pdf') };
    }
  }
}
