import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, VestnikConfig } from '@vestnik/server/config';
import { DatabaseModule, SecretsModule } from '@vestnik/server/persistence';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { OrganizationsModule } from '@vestnik/server/organizations';
import { HealthController } from './health.controller';

@Module({})
export class AppModule {
  /** The whole server for one configuration and one database URL (embedded or external). */
  static forRoot(config: VestnikConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl), SecretsModule, AuditModule, AuthModule, OrganizationsModule],
      controllers: [HealthController],
    };
  }
}
