import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log';
import { AuditQuery } from './audit-query';

@Module({
  providers: [AuditLog, AuditQuery],
  exports: [AuditLog, AuditQuery],
})
export class AuditModule {}
