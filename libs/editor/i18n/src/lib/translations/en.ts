import type { Dictionary } from '../translator';
import common from './en/common.json';
import shell from './en/shell.json';
import auth from './en/auth.json';
import forms from './en/forms.json';
import dashboard from './en/dashboard.json';
import organizations from './en/organizations.json';
import channels from './en/channels.json';
import posts from './en/posts.json';
import previews from './en/previews.json';
import calendar from './en/calendar.json';
import approval from './en/approval.json';
import publications from './en/publications.json';
import audit from './en/audit.json';
import notifications from './en/notifications.json';
import plans from './en/plans.json';

/** Every area's messages in English, under the area's name (`posts.composer.title`). */
export const EN: Dictionary = { common, shell, auth, forms, dashboard, organizations, channels, posts, previews, calendar, approval, publications, audit, notifications, plans };
