export { createAuditRepo } from './repo.js';
export {
  createAuditTrail,
  type AuditContext,
  type AuditEvent,
  type AuditTrail,
} from './service.js';
export { auditContextOf, registerAuditRoutes } from './routes.js';
