/** Shapes of the server's identity API, as the contract describes them. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  mfaEnabled: boolean;
  mfaRequired: boolean;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** What login and refresh both answer with. */
export interface SessionGrant {
  accessToken: string;
  expiresIn: number;
  user: User;
}

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
