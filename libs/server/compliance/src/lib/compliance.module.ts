import { Module } from '@nestjs/common';
import { AuthModule } from '@vestnik/server/auth';
import { ComplianceController } from './compliance.controller';
import { ComplianceData } from './compliance-data.service';
import { ComplianceReports } from './compliance-reports.service';

/** The monthly compliance report (`GET /api/v1/reports/compliance`): reads channels, publications and posts, writes nothing. */
@Module({
  imports: [AuthModule],
  controllers: [ComplianceController],
  providers: [ComplianceData, ComplianceReports],
})
export class ComplianceModule {}
