import { api } from '../../app/api';
import type { ApiResponse } from '../../app/api-contract';
import type { Page } from '../../app/types';

export type AuditEntry = ApiResponse<'/api/v1/audit', 'get'>['items'][number];

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export type ChainVerification = ApiResponse<'/api/v1/audit/verify', 'get'>;

export const auditActions = [
  'user.create',
  'user.update',
  'auth.login',
  'auth.login_failed',
  'auth.lockout',
  'auth.unlock',
  'user.password_change',
  'mfa.enrol',
  'mfa.confirm',
  'mfa.reset',
  'role.mfa_change',
  'apikey.create',
  'apikey.revoke',
] as const;

/** Empty filters are left out of the query string rather than sent as `actor=`. */
function presentParams(filter: AuditFilter): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''),
  );
}

export const auditApi = api.injectEndpoints({
  endpoints: (build) => ({
    listAudit: build.query<Page<AuditEntry>, AuditFilter>({
      query: (filter) => ({ url: 'audit', params: presentParams(filter) }),
      providesTags: ['Audit'],
    }),
    verifyAudit: build.query<ChainVerification, void>({
      query: () => 'audit/verify',
      providesTags: ['Audit'],
    }),
  }),
});

export const { useListAuditQuery, useVerifyAuditQuery } = auditApi;
