export { createAuditRepo } from './repo.js';
export {
  createAuditTrail,
  type AuditContext,
  type AuditEvent,
  type AuditTrail,
} from './service.js';
export { auditContextOf, registerAuditRoutes } from './routes.js';
export { chainKeyring, type ChainKeyring } from './domain/chain-keys.js';
export { KEYED_AUDIT_MIGRATION, auditKeyringOf } from './keys.js';
