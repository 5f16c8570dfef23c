// Open licenses (Patent Law arts. 50–52): declaring, withdrawing, and taking one by signing its written
// notice. Each refusal names the rule that decides it.
import { Prisma } from "~/generated/prisma/client";
import { canManageFor, type CurrentUser } from "~/lib/auth.server";
import { addMonths, chinaDay, isoDay } from "~/lib/calendar-date";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { fenOf } from "~/lib/money";
import { patentTurn, takeTurn } from "~/lib/sql-dialect.server";
import { declaredTerms, type ContractTerms } from "~/models/contract/contract.server";
import { assertVerifiedCompany, concludeLicense } from "~/models/license/conclude.server";
import { assertOpenLicenseAllowed } from "~/models/license/exclusivity.server";
import { licenseStatus } from "~/models/license/status";
import { notify } from "~/models/notification.server";
import {
  consentReferenceProblem,
  type CoOwnerConsent,
  type OpenLicenseDeclarationInput,
  type OpenLicenseTerms,
} from "./schemas";

/** The patent, if this user may manage it; 404 if it does not exist, 403 if it is another organisation's. */
export async function patentManagedBy(user: CurrentUser, patentId: number) {
  const patent = await prisma.patent.findUnique({ where: { id: patentId } });
  if (!patent) throw new DomainError("NOT_FOUND", "patent.notFound", { status: 404 });
  if (!canManageFor(user, patent.ownerId)) throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  return patent;
}

/** Patent Law art. 14 and the open-license rules of its Implementing Regulations: an open license on a co-owned
 * patent is declared only with the written consent of every co-owner, each recorded with the declaration (and
 * given again for every new version). Returns the consents to record, one per co-owner. */
async function coOwnerConsents(
  db: Prisma.TransactionClient,
  patent: { id: number; filingDate: Date },
  consents: CoOwnerConsent[],
  now: Date,
): Promise<CoOwnerConsent[]> {
  const coOwners = new Set(
    (await db.patentCoOwner.findMany({ where: { patentId: patent.id }, select: { organizationId: true } })).map(
      (row) => row.organizationId,
    ),
  );
  const given = new Set<string>();
  const recorded = consents.map((consent, index) => {
    const at = (field: string) => ({ status: 400, path: `consents.${index}.${field}` });
    if (!coOwners.has(consent.organizationId))
      throw new DomainError("CONSENT_NOT_CO_OWNER", "ol.consent.notCoOwner", at("organizationId"));
    if (given.has(consent.organizationId))
      throw new DomainError("CONSENT_TWICE", "ol.consent.twice", at("organizationId"));
    given.add(consent.organizationId);
    if (!(consent.consentedOn instanceof Date) || Number.isNaN(consent.consentedOn.getTime()))
      throw new DomainError("CONSENT_DATE_INVALID", "ol.consent.dateInvalid", at("consentedOn"));
    const day = isoDay(consent.consentedOn);
    // Consents are dated by the calendar in China: a consent signed this morning in Chongqing is not in the future.
    if (day > chinaDay(now)) throw new DomainError("CONSENT_IN_FUTURE", "ol.consent.dateFuture", at("consentedOn"));
    if (day < isoDay(patent.filingDate))
      throw new DomainError("CONSENT_BEFORE_FILING", "ol.consent.dateBeforeFiling", at("consentedOn"));
    const reference = consent.reference.trim();
    const problem = consentReferenceProblem(reference);
    if (problem) throw new DomainError("CONSENT_REFERENCE_INVALID", problem, at("reference"));
    return { organizationId: consent.organizationId, consentedOn: new Date(`${day}T00:00:00Z`), reference };
  });
  if ([...coOwners].some((organizationId) => !given.has(organizationId))) {
    throw new DomainError("CO_OWNER_CONSENT_REQUIRED", "ol.consent.required", { status: 409, path: "consents" });
  }
  return recorded;
}

/** Declares (or, with an active declaration, publishes a new version of) an open license; on a co-owned patent,
 * with every co-owner's consent. */
export async function declareOpenLicense(
  user: CurrentUser,
  patentId: number,
  declaration: OpenLicenseDeclarationInput,
  now = new Date(),
) {
  const { consents = [], ...terms } = declaration;
  const patent = await patentManagedBy(user, patentId);
  if (patent.legalStatus !== "VALID" || patent.expiresOn <= now) {
    throw new DomainError("NOT_IN_FORCE", "openLicense.err.notInForce", { status: 409 });
  }
  if (patent.pledged) {
    throw new DomainError("PLEDGED", "openLicense.err.pledged", { status: 409 });
  }
  if (patent.type !== "INVENTION" && !patent.hasEvaluationReport) {
    throw new DomainError("EVALUATION_REPORT_REQUIRED", "openLicense.err.evaluationReport", { status: 409 });
  }
  if (addMonths(now, terms.licenseTermMonths) > patent.expiresOn) {
    throw new DomainError("TERM_BEYOND_EXPIRY", "openLicense.err.termBeyondExpiry", {
      status: 400,
      path: "licenseTermMonths",
      values: { expiresOn: isoDay(patent.expiresOn) },
    });
  }
  return prisma.$transaction(async (tx) => {
    await takeTurn(tx, patentTurn(patentId));
    await assertOpenLicenseAllowed(tx, patentId, now);
    const recordedConsents = await coOwnerConsents(tx, patent, consents, now);
    const current = await tx.openLicenseDeclaration.findFirst({
      where: { patentId, status: "ACTIVE" },
      orderBy: { version: "desc" },
    });
    const latest = await tx.openLicenseDeclaration.findFirst({
      where: { patentId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    // New terms publish a new version; licenses already concluded keep the terms they signed.
    if (current) await tx.openLicenseDeclaration.update({ where: { id: current.id }, data: { status: "SUPERSEDED" } });
    const declared = await tx.openLicenseDeclaration.create({
      data: {
        patentId,
        declarantId: patent.ownerId,
        version: (latest?.version ?? 0) + 1,
        status: "ACTIVE",
        feeModel: terms.feeModel,
        lumpSumFen: terms.lumpSumFen ?? null,
        entryFeeFen: terms.entryFeeFen ?? null,
        royaltyBasisPoints: terms.royaltyBasisPoints ?? null,
        perUnitFen: terms.perUnitFen ?? null,
        paymentSchedule: terms.paymentSchedule,
        licenseTermMonths: terms.licenseTermMonths,
        territory: terms.territory,
        fieldOfUse: terms.fieldOfUse ?? null,
        declaredAt: now,
        consents: { create: recordedConsents },
      },
      include: {
        consents: {
          select: { organizationId: true, consentedOn: true, reference: true },
          orderBy: { organizationId: "asc" },
        },
      },
    });
    return withAmounts(declared);
  });
}

/** A declaration with its amounts as the fen the pages and the API show (BIGINT columns are read as bigint). */
function withAmounts<T extends Record<"lumpSumFen" | "entryFeeFen" | "perUnitFen", bigint | null>>(declaration: T) {
  return {
    ...declaration,
    lumpSumFen: fenOf(declaration.lumpSumFen),
    entryFeeFen: fenOf(declaration.entryFeeFen),
    perUnitFen: fenOf(declaration.perUnitFen),
  };
}

/** Withdraws a declaration: new takers are refused; licenses already concluded stay valid (art. 52). */
export async function withdrawOpenLicense(user: CurrentUser, declarationId: string, now = new Date()) {
  const declaration = await prisma.openLicenseDeclaration.findUnique({
    where: { id: declarationId },
    select: { id: true, status: true, declarantId: true, patentId: true },
  });
  if (!declaration) throw new DomainError("NOT_FOUND", "openLicense.err.declarationNotFound", { status: 404 });
  if (!canManageFor(user, declaration.declarantId))
    throw new DomainError("FORBIDDEN", "auth.forbidden", { status: 403 });
  const withdrawn = await prisma.openLicenseDeclaration.updateMany({
    where: { id: declarationId, status: "ACTIVE" },
    data: { status: "WITHDRAWN", withdrawnAt: now },
  });
  if (withdrawn.count === 0) throw new DomainError("NOT_ACTIVE", "openLicense.err.notActive", { status: 409 });
  return withAmounts(await prisma.openLicenseDeclaration.findUniqueOrThrow({ where: { id: declarationId } }));
}

export interface Acceptance {
  signatoryName: string;
  intendedUse: string;
}

/** A verified SME takes an open license: its signature is the written notice (art. 51), the license is
 * concluded on a snapshot of the declared terms. Taking the same declaration again returns that license. */
export async function acceptOpenLicense(
  user: CurrentUser,
  declarationId: string,
  acceptance: Acceptance,
  now = new Date(),
) {
  const { license, created } = await concludeOpenLicense(user, declarationId, acceptance, now);
  const payments = await prisma.payment.findMany({
    where: { licenseId: license.id },
    select: { kind: true, paidAt: true },
  });
  return { license, created, status: licenseStatus({ endsOn: license.endsOn, payments }, now) };
}

async function concludeOpenLicense(user: CurrentUser, declarationId: string, acceptance: Acceptance, now: Date) {
  if (user.role !== "SME" || !user.organization)
    throw new DomainError("FORBIDDEN", "openLicense.err.companyOnly", { status: 403 });
  assertVerifiedCompany(user);
  const licenseeId = user.organization.id;
  const existing = await prisma.license.findUnique({
    where: { declarationId_licenseeId: { declarationId, licenseeId } },
  });
  if (existing) return { license: existing, created: false };

  const declaration = await prisma.openLicenseDeclaration.findUnique({
    where: { id: declarationId },
    include: { patent: true, declarant: { select: { name: true, creditCode: true } } },
  });
  if (!declaration) throw new DomainError("NOT_FOUND", "openLicense.err.declarationNotFound", { status: 404 });
  if (declaration.status === "WITHDRAWN")
    throw new DomainError("WITHDRAWN", "openLicense.err.withdrawn", { status: 409 });
  if (declaration.status !== "ACTIVE")
    throw new DomainError("SUPERSEDED", "openLicense.err.superseded", { status: 409 });
  if (declaration.patent.legalStatus !== "VALID" || declaration.patent.expiresOn <= now) {
    throw new DomainError("NOT_IN_FORCE", "openLicense.err.patentNotInForce", { status: 409 });
  }
  const licensee = await prisma.organization.findUniqueOrThrow({
    where: { id: licenseeId },
    select: { name: true, creditCode: true },
  });
  const terms: ContractTerms = { ...declaredTerms(declaration), version: declaration.version };

  for (let attempt = 0; ; attempt++) {
    try {
      const license = await prisma.$transaction(async (tx) => {
        await takeTurn(tx, patentTurn(declaration.patentId));
        const created = await concludeLicense(
          tx,
          {
            kind: "OPEN",
            patent: declaration.patent,
            licensor: { id: declaration.declarantId, ...declaration.declarant },
            licensee: { id: licenseeId, ...licensee },
            terms,
            licenseeSignature: { name: acceptance.signatoryName, title: null, at: now, userId: user.id },
            declarationId,
            intendedUse: acceptance.intendedUse,
            signedDetail: { by: user.id, signatoryName: acceptance.signatoryName },
          },
          now,
        );
        await notify(tx, declaration.declarantId, "notify.licenseSigned", `/licenses/${created.id}`, {
          contract: created.contractNumber,
          company: licensee.name,
        });
        return created;
      });
      return { license, created: true };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002" || attempt >= 3)
        throw error;
      // Taken meanwhile by the same company: that license is the answer. A clash of contract numbers: retry.
      const taken = await prisma.license.findUnique({
        where: { declarationId_licenseeId: { declarationId, licenseeId } },
      });
      if (taken) return { license: taken, created: false };
    }
  }
}

/** Declares the same terms on many patents at once: each patent is declared or refused with its rule. */
export async function declareOpenLicenses(
  user: CurrentUser,
  patentIds: number[],
  terms: OpenLicenseTerms,
  now = new Date(),
) {
  const declared: Array<{ patentId: number; id: string; version: number }> = [];
  const refused: Array<{ patentId: number; code: string; message: string }> = [];
  for (const patentId of [...new Set(patentIds)]) {
    try {
      const declaration = await declareOpenLicense(user, patentId, terms, now);
      declared.push({ patentId, id: declaration.id, version: declaration.version });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused.push({ patentId, code: error.code, message: error.message });
    }
  }
  return { declared, refused };
}

/** What a visitor may do about a patent's open license on its page. */
export async function openLicenseViewer(
  user: CurrentUser | null,
  patent: { ownerId: string; openLicenseId: string | null },
) {
  if (!user) return { signedIn: false, canManage: false, isCompany: false, verified: false, held: null };
  const isCompany = user.role === "SME";
  const held =
    isCompany && patent.openLicenseId && user.organization
      ? await prisma.license.findUnique({
          where: {
            declarationId_licenseeId: { declarationId: patent.openLicenseId, licenseeId: user.organization.id },
          },
          select: { id: true, contractNumber: true },
        })
      : null;
  return {
    signedIn: true,
    canManage: canManageFor(user, patent.ownerId),
    isCompany,
    verified: Boolean(user.organization?.verifiedAt),
    held,
  };
}
