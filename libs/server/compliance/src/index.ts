export * from './lib/compliance.module';
export { locateReportFonts } from './lib/report-fonts';
