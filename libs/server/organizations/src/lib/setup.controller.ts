import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { LoginResponse, SetupRequest, SetupStatus } from '@vestnik/contracts';
import { Public } from '@vestnik/server/http';
import { SetupService } from './setup.service';

@ApiTags('setup')
@Controller('v1/setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether first-run setup is still open' })
  async status(): Promise<SetupStatus> {
    return { required: await this.setup.required() };
  }

  @Public()
  @Post()
  @ApiOperation({ summary: 'First run: create the root organization and its first admin, signed in (a session as at login); 409 once any user exists' })
  run(@Body() body: SetupRequest, @Req() req: Request): Promise<LoginResponse> {
    return this.setup.run(body, req.ip ?? 'unknown', req.get('user-agent') ?? null);
  }
}
