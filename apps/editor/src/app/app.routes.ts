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
    title: 'shell.title.setup',
    canActivate: [setupOpenGuard],
    loadComponent: () => import('@vestnik/editor/feature-auth').then((m) => m.SetupPage),
  },
  {
    path: 'login',
    title: 'shell.title.login',
    canActivate: [setupCompleteGuard, signedOutGuard],
    loadComponent: () => import('@vestnik/editor/feature-auth').then((m) => m.LoginPage),
  },
  {
    // A one-time link (invitation or password reset): open whether or not someone is signed in here.
    path: 'invite/:token',
    title: 'shell.title.invitation',
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
        title: 'shell.title.dashboard',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-dashboard').then((m) => m.DashboardPage),
      },
      {
        path: 'organizations',
        title: 'shell.title.organizations',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-organizations').then((m) => m.OrganizationsPage),
      },
      {
        path: 'channels',
        title: 'shell.title.channels',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-channels').then((m) => m.ChannelsPage),
      },
      {
        // The server's OAuth callback sends the browser here with ?connection=<id> or ?error=<code>.
        path: 'channels/connect',
        title: 'shell.title.channelConnect',
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
        title: 'shell.title.planImport',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-plans').then((m) => m.PlanImportPage),
      },
      {
        path: 'posts',
        title: 'shell.title.posts',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-posts').then((m) => m.PostsPage),
      },
      {
        // `new` or a post's id: one route, so saving a new post moves to its address without leaving the page.
        path: 'posts/:id',
        title: 'shell.title.post',
        canActivate: [totpEnrolledGuard],
        canDeactivate: [(page: HoldsUnsavedChanges | null) => import('@vestnik/editor/feature-posts').then((m) => m.unsavedChangesGuard(page))],
        loadComponent: () => import('@vestnik/editor/feature-posts').then((m) => m.PostComposer),
      },
      {
        path: 'audit',
        title: 'shell.title.audit',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-audit').then((m) => m.AuditPage),
      },
      {
        path: 'calendar',
        title: 'shell.title.calendar',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-calendar').then((m) => m.CalendarPage),
      },
      {
        path: 'approval',
        title: 'shell.title.approval',
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
        title: 'shell.title.attention',
        canActivate: [totpEnrolledGuard],
        loadComponent: () => import('@vestnik/editor/feature-publications').then((m) => m.AttentionPage),
      },
      {
        path: 'security',
        title: 'shell.title.security',
        loadComponent: () => import('@vestnik/editor/feature-auth').then((m) => m.SecurityPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
