import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { HealthView } from '@vestnik/contracts';
import { Public } from '@vestnik/server/http';
import { VERSION } from './version';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '200 when the server and its database answer; 503 otherwise' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer', type: HealthView })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up', version: VERSION };
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: 'down', version: VERSION };
    }
  }
}
