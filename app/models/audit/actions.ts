// The audit log's event codes, which the administrator's filter offers in the browser (audit.server.ts is server-only).

/** Every event the audit log records, in the order the administrator's filter lists them. */
export const AUDIT_ACTIONS = [
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "SIGN_OUT",
  "SIGNED_OUT_EVERYWHERE",
  "REGISTRATION_REQUESTED",
  "REGISTERED",
  "INVITATION_CREATED",
  "INVITATION_ACCEPTED",
  "PASSWORD_RESET_REQUESTED",
  "PASSWORD_RESET",
  "PASSWORD_CHANGED",
  "ORGANIZATION_VERIFIED",
  "USER_DEACTIVATED",
  "USER_CREATED",
  "ROLE_CHANGED",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
