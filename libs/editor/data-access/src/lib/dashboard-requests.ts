import type { DownloadedFile } from './file-download';
import type { DashboardPagesQuery } from '@vestnik/contracts';
import { API_BASE } from './api-failure';

const BASE = `${API_BASE}/dashboard`;

/** A request for `httpResource`: the URL and its query parameters (empty ones left out). */
export interface ResourceRequest {
  url: string;
  params: Record<string, string>;
}

/** `GET /api/v1/dashboard/pages`: one row per page of the subtree, sorted, filtered and paged by the server. */
export function dashboardPagesRequest(query: DashboardPagesQuery): ResourceRequest {
  const params: Record<string, string> = { organizationId: query.organizationId };
  for (const key of ['platform', 'atRiskOnly', 'search', 'sort', 'order', 'offset', 'limit'] as const) {
    const value = query[key];
    if (value !== undefined && value !== null && value !== '' && value !== false) params[key] = String(value);
  }
  return { url: `${BASE}/pages`, params };
}

/** `GET /api/v1/dashboard/summary`: the subtree's weeks (published against the summed minimum), rubric mix and counts. */
export function dashboardSummaryRequest(organizationId: string, platform: string | null, weeks = 8): ResourceRequest {
  return { url: `${BASE}/summary`, params: { organizationId, weeks: String(weeks), ...(platform ? { platform } : {}) } };
}

/** `GET /api/v1/dashboard/pages/{channelId}/history`: the same series for one page. */
export function dashboardHistoryRequest(channelId: string, weeks = 8): ResourceRequest {
  return { url: `${BASE}/pages/${encodeURIComponent(channelId)}/history`, params: { weeks: String(weeks) } };
}

export const COMPLIANCE_FORMATS = ['xlsx', 'pdf'] as const;
export type ComplianceFormat = (typeof COMPLIANCE_FORMATS)[number];

/** A downloaded report: its bytes and the file name the server proposed (or one made up). */
export type ComplianceFile = DownloadedFile;
