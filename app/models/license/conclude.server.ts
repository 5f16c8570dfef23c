// Concluding a license, one way for both paths: an open license taken on its published declaration (Patent Law
// arts. 50–51) and a license negotiated and signed by both sides. Here, in the caller's transaction: the rules
// checked once more, the term, the fee due on signature, the contract's number and text, the license, its SIGNED
// event and the first payment.
import type { Prisma } from "~/generated/prisma/client";
import type { CurrentUser } from "~/lib/auth.server";
import { addMonths } from "~/lib/calendar-date";
import { DomainError } from "~/lib/errors";
import { contractText, fingerprint, nextContractNumber, type ContractParties, type ContractPatent, type ContractTerms, type Signature } from "~/models/contract/contract.server";
import type { ReceivingAccount } from "~/models/deal/terms";
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
}

/** Concludes a license from now: refused if its term would end before it starts or art. 51 forbids its kind. */
export async function concludeLicense(tx: Prisma.TransactionClient, conclusion: LicenseConclusion, now: Date) {
  const { kind, patent, licensor, licensee, terms, licenseeSignature, licensorSignature } = conclusion;
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
  await tx.dealEvent.create({ data: { licenseId: license.id, kind: "SIGNED", at: now, detail: JSON.stringify(conclusion.signedDetail) } });
  await scheduleUpFront(tx, license.id, upFront, now);
  return license;
}
