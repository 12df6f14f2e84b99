import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, VestnikConfig } from '@vestnik/server/config';
import { DatabaseModule, SecretsModule } from '@vestnik/server/persistence';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { OrganizationsModule } from '@vestnik/server/organizations';
import { ChannelsModule } from '@vestnik/server/channels';
import { PostsModule } from '@vestnik/server/posts';
import { MediaModule } from '@vestnik/server/media';
import { PublishingModule } from '@vestnik/server/publishing';
import { NotificationsModule } from '@vestnik/server/notifications';
import { MetricsModule } from '@vestnik/server/metrics';
import { CoordinationModule } from '@vestnik/server/coordination';
import { ComplianceModule } from '@vestnik/server/compliance';
import { PlansModule } from '@vestnik/server/plans';
import { ContextBridgesModule } from './context-bridges.module';
import { PlatformsModule } from './platforms.module';
import { HealthController } from './health.controller';
import { SCHEMA } from './schema';

@Module({})
export class AppModule {
  /** The whole server for one configuration and one database URL (embedded or external). */
  static forRoot(config: VestnikConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl, SCHEMA), SecretsModule, AuditModule, AuthModule, OrganizationsModule, PlatformsModule, ChannelsModule, MediaModule, ContextBridgesModule, PostsModule, PublishingModule, NotificationsModule, MetricsModule, CoordinationModule, ComplianceModule, PlansModule],
      controllers: [HealthController],
    };
  }
}
