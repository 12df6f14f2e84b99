import type { Dictionary } from '../translator';
import common from './ru/common.json';
import shell from './ru/shell.json';
import auth from './ru/auth.json';
import forms from './ru/forms.json';
import dashboard from './ru/dashboard.json';
import organizations from './ru/organizations.json';
import channels from './ru/channels.json';
import posts from './ru/posts.json';
import previews from './ru/previews.json';
import calendar from './ru/calendar.json';
import approval from './ru/approval.json';
import publications from './ru/publications.json';
import audit from './ru/audit.json';
import notifications from './ru/notifications.json';
import plans from './ru/plans.json';

/** Every area's messages in Russian, under the area's name (`posts.composer.title`). */
export const RU: Dictionary = { common, shell, auth, forms, dashboard, organizations, channels, posts, previews, calendar, approval, publications, audit, notifications, plans };
