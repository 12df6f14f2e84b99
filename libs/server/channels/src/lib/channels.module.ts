import { Module } from '@nestjs/common';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { ChannelAccess } from './channel-access';
import { ChannelVerifier } from './channel-verifier';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { ChannelOAuthController } from './oauth/channel-oauth.controller';
import { ChannelOAuthConnectionsService } from './oauth/channel-oauth-connections.service';
import { ChannelOAuthFlowService } from './oauth/channel-oauth-flow.service';
import { OAuthConnectors } from './oauth/oauth-connectors';

/**
 * Needs PLATFORM_ADAPTERS from the application, which alone wires concrete adapters, and
 * PAGE_CONNECTORS for connecting pages through OAuth (absent: OAuth answers 422).
 */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [ChannelsController, ChannelOAuthController],
  providers: [ChannelsService, ChannelAccess, ChannelVerifier, OAuthConnectors, ChannelOAuthFlowService, ChannelOAuthConnectionsService],
  exports: [ChannelsService, ChannelAccess],
})
export class ChannelsModule {}
