import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationPage, NotificationsMarkedView, NotificationsQuery, NotificationView } from '@vestnik/contracts';
import { AuthUser, CurrentUser } from '@vestnik/server/http';
import { NotificationInbox } from './notification-inbox';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInbox) {}

  @Get()
  @ApiOperation({ summary: "The caller's own notifications, newest first, with the unread count" })
  list(@CurrentUser() user: AuthUser, @Query() q: NotificationsQuery): Promise<NotificationPage> {
    return this.inbox.list(user.id, { unread: q.unread ?? false, limit: q.limit ?? 50, offset: q.offset ?? 0 });
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks all the caller's notifications read" })
  readAll(@CurrentUser() user: AuthUser): Promise<NotificationsMarkedView> {
    return this.inbox.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one of the caller\'s notifications read; 404 for anyone else\'s' })
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NotificationView> {
    return this.inbox.markRead(user.id, id);
  }
}
