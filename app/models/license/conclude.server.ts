// Concluding a license, one way for both paths: an open license taken on its published declaration (Patent Law
// arts. 50–51) and a license negotiated and signed by both sides. Here, in the caller's transaction: the rules
// checked once more, the term, the fee due on signature, the contract's number and text, the license, its SIGNED
// event and the first payment.
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
import { addMonths } from "~/lib/calendar-date";
import { DomainError } from "~/lib/errors";
import {
  contractText,
  fingerprint,
  nextContractNumber,
  type ContractParties,
  type ContractPatent,
  type ContractTerms,
  type Signature,
} from "~/models/contract/contract.server";
import type { ReceivingAccount } from "~/models/deal/terms";
import { notify } from "~/models/notification.server";
import { scheduleUpFront } from "~/models/payment/payment.server";
import { assertKindAllowed } from "./exclusivity.server";

/** Only a company the platform has verified asks for a license, takes an open license or signs one. */
export function assertVerifiedCompany(user: CurrentUser) {
  if (!user.organization?.verifiedAt) throw new DomainError("NOT_VERIFIED", "deal.rule.notVerified", { status: 403 });
}

/** A license runs its term in months from its start, never beyond the patent's term. */
export function licenseEndsOn(start: Date, termMonths: number, patentExpiresOn: Date): Date {
  return new Date(Math.min(addMonths(start, termMonths).getTime(), patentExpiresOn.getTime()));
}

interface Party {
  id: string;
  name: string;
  creditCode: string;
}

export interface LicenseConclusion {
  kind: ContractParties["kind"];
  patent: ContractPatent & { id: number; expiresOn: Date };
  licensor: Party;
  licensee: Party;
  /** the terms as the contract states them and the license keeps them */
  terms: ContractTerms;
  /** the licensee's signatory (for an open license, its written notice) and the account that signed */
  licenseeSignature: Signature & { userId: string | null };
  /** an open license: the declaration taken and the use the licensee stated */
  declarationId?: string;
  intendedUse?: string;
  /** a negotiated license: the licensor's signature and the account the fees are paid to */
  licensorSignature?: Signature;
  receivingAccount?: ReceivingAccount | null;
  /** what the SIGNED event records beside the license */
  signedDetail: Record<string, unknown>;
  /** who concluded it (the second signatory's account), named in the threads it changes; the licensee's by default */
  actorId?: string;
}

/** Concludes a license from now: refused if the licensor no longer owns the patent, the declaration taken was
 * withdrawn, its term would end before it starts or art. 51 forbids its kind. Read inside the caller's
 * transaction, after the patent's turn: an assignment concluded a moment ago is seen. */
export async function concludeLicense(tx: Prisma.TransactionClient, conclusion: LicenseConclusion, now: Date) {
  const { kind, patent, licensor, licensee, terms, licenseeSignature, licensorSignature } = conclusion;
  if (conclusion.declarationId) {
    const declaration = await tx.openLicenseDeclaration.findUniqueOrThrow({
      where: { id: conclusion.declarationId },
      select: { status: true },
    });
    if (declaration.status === "WITHDRAWN")
      throw new DomainError("WITHDRAWN", "openLicense.err.withdrawn", { status: 409 });
    if (declaration.status !== "ACTIVE")
      throw new DomainError("SUPERSEDED", "openLicense.err.superseded", { status: 409 });
  }
  const { ownerId } = await tx.patent.findUniqueOrThrow({ where: { id: patent.id }, select: { ownerId: true } });
  if (ownerId !== licensor.id) throw new DomainError("NOT_OWNER", "deal.rule.notOwner", { status: 409 });
  const endsOn = licenseEndsOn(now, terms.licenseTermMonths, patent.expiresOn);
  if (endsOn <= now) throw new DomainError("TERM_BEFORE_START", "deal.rule.endBeforeStart", { status: 409 });
  await assertKindAllowed(tx, patent.id, kind, now, endsOn);
  const contractNumber = await nextContractNumber(tx, "LICENSE", now.getUTCFullYear());
  const signatory = { name: licenseeSignature.name, title: licenseeSignature.title, at: licenseeSignature.at };
  const text = contractText({
    contractNumber,
    kind,
    patent,
    licensor,
    licensee,
    terms,
    signatoryName: signatory.name,
    intendedUse: conclusion.intendedUse ?? null,
    signedAt: now,
    startsOn: now,
    endsOn,
    receivingAccount: conclusion.receivingAccount,
    // An open license's licensor signs by its published declaration.
    ...(licensorSignature ? { signatures: { licensor: licensorSignature, licensee: signatory } } : {}),
  });
  const upFront = (terms.lumpSumFen ?? 0) + (terms.entryFeeFen ?? 0);
  const license = await tx.license.create({
    data: {
      contractNumber,
      patentId: patent.id,
      licensorId: licensor.id,
      licenseeId: licensee.id,
      kind,
      declarationId: conclusion.declarationId,
      termsSnapshot: JSON.stringify(terms),
      valueFen: upFront,
      startsOn: now,
      endsOn,
      signedAt: now,
      signatoryName: signatory.name,
      signatoryTitle: signatory.title,
      signedById: licenseeSignature.userId,
      licensorSignatory: licensorSignature?.name,
      licensorSignatoryTitle: licensorSignature?.title,
      licensorSignedAt: licensorSignature?.at,
      intendedUse: conclusion.intendedUse,
      contractText: text,
      contractSha256: fingerprint(text),
    },
  });
  await tx.dealEvent.create({
    data: { licenseId: license.id, kind: "SIGNED", at: now, detail: JSON.stringify(conclusion.signedDetail) },
  });
  await scheduleUpFront(tx, license.id, upFront, now);
  await reopenAgreedAssignments(tx, patent.id, conclusion.actorId ?? licenseeSignature.userId ?? licensee.id);
  return license;
}

/** An assignment agreed before this license was priced without it: its agreement (and any signature) lapses,
 * to be agreed again, whichever way the license was concluded (a negotiation or an open-license acceptance). */
async function reopenAgreedAssignments(tx: Prisma.TransactionClient, patentId: number, actorId: string) {
  const assignments = await tx.deal.findMany({
    where: { patentId, kind: "ASSIGNMENT", status: "AGREED" },
    select: { id: true, requesterId: true, ownerId: true },
  });
  for (const assignment of assignments) {
    await tx.dealMessage.create({
      data: { dealId: assignment.id, authorId: actorId, kind: "REOPENED", body: "deal.reopenedByLicense" },
    });
    for (const organizationId of [assignment.requesterId, assignment.ownerId])
      await notify(tx, organizationId, "notify.dealMessage", `/deals/${assignment.id}`);
  }
  await tx.deal.updateMany({
    where: { id: { in: assignments.map((assignment) => assignment.id) } },
    data: {
      status: "NEGOTIATING",
      agreedVersion: null,
      requesterSignatory: null,
      requesterSignatoryTitle: null,
      requesterSignedAt: null,
      requesterSignedById: null,
      ownerSignatory: null,
      ownerSignatoryTitle: null,
      ownerSignedAt: null,
      ownerSignedById: null,
    },
  });
}
