import type { ApiRequest, ApiResponse } from './api-contract';

/** A user as the identity API shows one (`GET /api/v1/me`, user listings). */
export type User = ApiResponse<'/api/v1/me', 'get'>;

/** What login and refresh both answer with. */
export type SessionGrant = ApiResponse<'/api/v1/auth/login', 'post'>;

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

/** An RFC 9457 problem document as the server sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldIssue[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** Roles the server knows; the roles endpoint is the source of truth when it answers. */
export const knownRoles = [
  'admin',
  'trader',
  'risk_manager',
  'compliance_officer',
  'analyst',
  'viewer',
] as const;

/** A role a user can be given, as the server's user schemas name them. */
export type Role = ApiRequest<'/api/v1/users', 'post'>['roles'][number];

// The list above must name exactly the server's roles: this fails to compile when the
// server adds or drops one, so the fallback list cannot drift.
type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const knownRolesMatchServer: SameMembers<(typeof knownRoles)[number], Role> = true;
void knownRolesMatchServer;

/** Whether a name from a form or the roles endpoint is a role the server accepts. */
export const isRole = (name: string): name is Role =>
  (knownRoles as readonly string[]).includes(name);
