// Contract verification (issue 16, privacy): a contract is shown only to whoever holds both its number and its
// verification code (the first 16 hex characters of the SHA-256 fingerprint printed on the contract) or the
// whole fingerprint. A number alone, or a wrong code, gets the same answer as an unknown number: nothing.
import { timingSafeEqual } from "node:crypto";
import { prisma } from "~/lib/db.server";

export const VERIFICATION_CODE_LENGTH = 16;

/** The verification code of a contract: the first 16 characters of its text's SHA-256 (64 bits). */
export function verificationCode(fingerprint: string): string {
  return fingerprint.slice(0, VERIFICATION_CODE_LENGTH).toLowerCase();
}

/** A code as people type it: spaces, dashes and case do not matter. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

function codeMatches(fingerprint: string | null, typed: string): boolean {
  if (!fingerprint) return false;
  const code = normalizeCode(typed);
  if (!/^[0-9a-f]+$/.test(code) || (code.length !== VERIFICATION_CODE_LENGTH && code.length !== 64)) return false;
  const expected = code.length === 64 ? fingerprint.toLowerCase() : verificationCode(fingerprint);
  return timingSafeEqual(Buffer.from(expected), Buffer.from(code));
}

const CONTRACT_NUMBER = /^PB-\d{4}-[LT]-[0-9A-Z]{4,12}$/;

export type VerifiedContract = {
  contractNumber: string;
  kind: string;
  signedAt: Date;
  startsOn: Date | null;
  endsOn: Date | null;
  fingerprint: string;
  patent: { id: number; applicationNumber: string; title: string; titleEn: string | null };
  licensor: { name: string; nameEn: string | null };
  licensee: { name: string; nameEn: string | null };
};

/** The contract with this number whose code matches, or null: unknown numbers and wrong codes alike. */
export async function verifyContract(contractNumber: string, code: string): Promise<VerifiedContract | null> {
  const number = contractNumber.trim().toUpperCase();
  if (!CONTRACT_NUMBER.test(number) || !code) return null;
  const parties = { patent: { select: { id: true, applicationNumber: true, title: true, titleEn: true } } } as const;
  const license = await prisma.license.findUnique({
    where: { contractNumber: number },
    select: {
      contractNumber: true,
      kind: true,
      signedAt: true,
      startsOn: true,
      endsOn: true,
      contractSha256: true,
      ...parties,
      licensor: { select: { name: true, nameEn: true } },
      licensee: { select: { name: true, nameEn: true } },
    },
  });
  if (license) {
    if (!codeMatches(license.contractSha256, code)) return null;
    const { contractSha256, ...rest } = license;
    return { ...rest, fingerprint: contractSha256! };
  }
  const transfer = await prisma.transfer.findUnique({
    where: { contractNumber: number },
    select: {
      contractNumber: true,
      signedAt: true,
      contractSha256: true,
      ...parties,
      assignor: { select: { name: true, nameEn: true } },
      assignee: { select: { name: true, nameEn: true } },
    },
  });
  if (!transfer || !codeMatches(transfer.contractSha256, code)) return null;
  return {
    contractNumber: transfer.contractNumber,
    kind: "ASSIGNMENT",
    signedAt: transfer.signedAt,
    startsOn: null,
    endsOn: null,
    fingerprint: transfer.contractSha256!,
    patent: transfer.patent,
    licensor: transfer.assignor,
    licensee: transfer.assignee,
  };
}
