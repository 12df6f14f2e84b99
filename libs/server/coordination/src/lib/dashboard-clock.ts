import { Injectable } from '@nestjs/common';

/** The instant the dashboard and the warnings count "this week" from; tests set it. */
@Injectable()
export class DashboardClock {
  now(): Date {
    return new Date();
  }
}
