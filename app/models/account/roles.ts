// The roles are the schema's enum Role; pages list them in this order. Plain data, so that a page listing roles
// does not bring the account schemas (zod) to the browser.
import { Role } from "~/generated/prisma/enums";

export { Role };
const ROLE_ORDER: Record<Role, number> = { SME: 0, UNIVERSITY_STAFF: 1, ADMIN: 2 };
export const ROLES = Object.values(Role).sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]) as [Role, ...Role[]];
