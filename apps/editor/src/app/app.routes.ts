import { inject } from '@angular/core';
import { Route, Router } from '@angular/router';
import {
  setupCompleteGuard,
  setupOpenGuard,
  signedInGuard,
  signedOutGuard,
  totpEnrolledGuard,
} from '@vestnik/editor/data-access';
import type { HoldsUnsavedChanges } from '@vestnik/editor/feature-posts';

export const appRoutes: Route[] = [
  {
    path: 'setup',
    title: 'Первоначальная настройка — Вестник',
    canActivate: [setupOpenGuard],
    loadComponent: () => import('@vestnik/editor/feature-auth').then((m) => m.SetupPage),
  },
  {
    path: 'login',
    title: 'Вход — Вестник',
    canActivate: [setupCompleteGuard, signedOutGuard],
    loadComponent: () => import('@vestnik/editor/feature-auth').then((m) => m.LoginPage),
  },
  {
    // A one-time link (invitation or password reset): open whether or not someone is signed in here.
    path: 'invite/:token',
    title: 'Приглашение — Вестник',
    canActivate: [setupCompleteGuard],
    loadComponent: () => import('@vestnik/editor/feature-auth').then((m) => m.InvitationPage),
  },
  {
    path: '',
    canActivate: [setupCompleteGuard, signedInGuard],
    loadComponent: () => import('./shell/app-shell').then((m) => m.AppShell),
    children: [
      {
        // The start page after sign-in: the coordinator's view of the current organization's subtree.
        path: '',
        pathMatch: 'full',
        title: 'Сводка — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-dashboard').then((m) => m.DashboardPage),
      },
      {
        path: 'organizations',
        title: 'Организации — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-organizations').then((m) => m.OrganizationsPage),
      },
      {
        path: 'channels',
        title: 'Каналы — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-channels').then((m) => m.ChannelsPage),
      },
      {
        // The server's OAuth callback sends the browser here with ?connection=<id> or ?error=<code>.
        path: 'channels/connect',
        title: 'Подключение страницы — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-channels').then((m) => m.ChannelConnectPage),
      },
      {
        // A notice's link to one page: the list with that page marked.
        path: 'channels/:channel',
        redirectTo: ({ params }) => inject(Router).createUrlTree(['/channels'], { queryParams: { channel: params['channel'] } }),
      },
      {
        path: 'plans',
        title: 'План из файла — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-plans').then((m) => m.PlanImportPage),
      },
      {
        path: 'posts',
        title: 'Материалы — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-posts').then((m) => m.PostsPage),
      },
      {
        // `new` or a post's id: one route, so saving a new post moves to its address without leaving the page.
        path: 'posts/:id',
        title: 'Материал — Вестник',
        canActivate: [totpEnrolledGuard],
        canDeactivate: [(page: HoldsUnsavedChanges | null) => import('@vestnik/editor/feature-posts').then((m) => m.unsavedChangesGuard(page))],
        loadComponent: () => import('@vestnik/editor/feature-posts').then((m) => m.PostComposer),
      },
      {
        path: 'audit',
        title: 'Журнал действий — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-audit').then((m) => m.AuditPage),
      },
      {
        path: 'calendar',
        title: 'Календарь — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-calendar').then((m) => m.CalendarPage),
      },
      {
        path: 'approval',
        title: 'На согласовании — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-approval').then((m) => m.ApprovalPage),
      },
      {
        // A notification's link to one post of the queue; the page keeps its choice in ?post= as it moves.
        path: 'approval/:post',
        redirectTo: ({ params }) => inject(Router).createUrlTree(['/approval'], { queryParams: { post: params['post'] } }),
      },
      {
        path: 'attention',
        title: 'Требуют внимания — Вестник',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-publications').then((m) => m.AttentionPage),
      },
      {
        path: 'security',
        title: 'Безопасность — Вестник',
        loadComponent: () => import('@vestnik/editor/feature-auth').then((m) => m.SecurityPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
