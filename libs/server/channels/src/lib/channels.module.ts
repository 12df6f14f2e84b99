import { Module } from '@nestjs/common';
import { AuditModule } from '@vestnik/server/audit';
import { AuthModule } from '@vestnik/server/auth';
import { ChannelVerifier } from './channel-verifier';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';

/** Needs PLATFORM_ADAPTERS from the application, which alone wires concrete adapters. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [ChannelsController],
  providers: [ChannelsService, ChannelVerifier],
  exports: [ChannelsService],
})
export class ChannelsModule {}
