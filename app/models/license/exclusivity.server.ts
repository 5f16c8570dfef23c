// Patent Law art. 51: no exclusive or sole license while an open license is declared, and no open license declared
// while an exclusive or sole license is in force; at most one exclusive (or sole) license for any period. Every path
// that declares, offers or concludes a license checks here.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";

/** The kinds that exclude other licensees. */
const EXCLUSIVE_KINDS: Array<"EXCLUSIVE" | "SOLE"> = ["EXCLUSIVE", "SOLE"];

const inForceAt = (at: Date) => ({ startsOn: { lte: at }, endsOn: { gt: at } });

/** A license of this kind for [from, to): an exclusive or sole one only with no open license declared and no
 * other exclusive or sole license overlapping. Checked on request, on each offer and again at signature. */
export async function assertKindAllowed(
  db: Prisma.TransactionClient,
  patentId: number,
  kind: string,
  from: Date,
  to: Date,
) {
  if (!(EXCLUSIVE_KINDS as string[]).includes(kind)) return;
  if (await db.openLicenseDeclaration.count({ where: { patentId, status: "ACTIVE" } })) {
    throw new DomainError("OPEN_LICENSE_DECLARED", "deal.rule.openLicenseDeclared", { status: 409 });
  }
  const overlapping = await db.license.count({
    where: { patentId, kind: { in: EXCLUSIVE_KINDS }, startsOn: { lt: to }, endsOn: { gt: from } },
  });
  if (overlapping) throw new DomainError("EXCLUSIVE_CONFLICT", "deal.rule.exclusiveConflict", { status: 409 });
}

/** An open license is declared only while no exclusive or sole license is in force. */
export async function assertOpenLicenseAllowed(db: Prisma.TransactionClient, patentId: number, at: Date) {
  const inForce = await db.license.count({ where: { patentId, kind: { in: EXCLUSIVE_KINDS }, ...inForceAt(at) } });
  if (inForce > 0)
    throw new DomainError("EXCLUSIVE_LICENSE_IN_FORCE", "openLicense.err.exclusiveInForce", { status: 409 });
}

/** The exclusive or sole license in force on this patent today, if any: its kind and last day. */
export async function exclusiveLicenseOf(patentId: number, now = new Date()) {
  return prisma.license.findFirst({
    where: { patentId, kind: { in: EXCLUSIVE_KINDS }, ...inForceAt(now) },
    orderBy: { endsOn: "desc" },
    select: { kind: true, endsOn: true },
  });
}
