// Negotiated deals: a verified company asks for an ordinary, sole or exclusive license or an assignment with
// full terms; the owner accepts, declines or counters with full terms; every offer is a numbered version and
// acceptance fixes one; both sides read the contract preview and sign (name, title, time); the second
// signature concludes the license (or transfer) from exactly the accepted version, with the law's rules
// checked again in the same transaction.
import type { Prisma } from "~/generated/prisma/client";
import { canManageFor, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { readPage, type ListQuery } from "~/lib/paging";
import { patentTurn, takeTurn } from "~/lib/sql-dialect.server";
import { containsText, searchWords } from "~/lib/text-match.server";
import {
  assignmentContractText,
  contractText,
  fingerprint,
  nextContractNumber,
  type ContractParties,
  type ContractTerms,
} from "~/models/contract/contract.server";
import type { DealStep } from "~/models/deal/steps";
import {
  costSummary,
  DealTermsSchema,
  withKind,
  type CostSummary,
  type DealTerms,
  type ReceivingAccount,
} from "~/models/deal/terms";
import { type DealKind, type DealStatus } from "~/models/deal/vocabulary";
import { assertVerifiedCompany, concludeLicense, licenseEndsOn } from "~/models/license/conclude.server";
import { assertKindAllowed } from "~/models/license/exclusivity.server";
import { notify, type NotificationKind } from "~/models/notification.server";

type Side = "REQUESTER" | "OWNER";
/** A deal may still take a step while it is negotiated or agreed and not yet concluded (SIGNED), declined by
 * the owner, withdrawn by the requester or closed by an assignment. */
const OPEN_STATUSES = ["NEGOTIATING", "AGREED"];
type DealRow = Prisma.DealGetPayload<object>;

/** The patent is in force on this day: granted, not lapsed, its term not ended. */
function inForceOn(patent: { legalStatus: string; expiresOn: Date }, day: Date): boolean {
  return patent.legalStatus === "VALID" && patent.expiresOn > day;
}

/** Who may open a deal on a patent: a verified company, on a transferable patent in force that it does not own. */
async function assertDealable(db: Prisma.TransactionClient, user: CurrentUser, patentId: number, now: Date) {
  if (user.role !== "SME" || !user.organization)
    throw new DomainError("FORBIDDEN", "deal.rule.companiesOnly", { status: 403 });
  assertVerifiedCompany(user);
  const patent = await db.patent.findUnique({
    where: { id: patentId },
    select: {
      ownerId: true,
      legalStatus: true,
      expiresOn: true,
      transferable: true,
      coOwners: { select: { organizationId: true } },
    },
  });
  if (!patent) throw new DomainError("NOT_FOUND", "patent.notFound", { status: 404 });
  const companyId = user.organization.id;
  if (patent.ownerId === companyId || patent.coOwners.some((coOwner) => coOwner.organizationId === companyId)) {
    throw new DomainError("OWN_PATENT", "deal.rule.ownPatent", { status: 409 });
  }
  if (!patent.transferable) throw new DomainError("NOT_TRANSFERABLE", "deal.rule.notTransferable", { status: 409 });
  if (!inForceOn(patent, now)) throw new DomainError("NOT_IN_FORCE", "deal.rule.notInForce", { status: 409 });
  return patent;
}

/** The side this user acts for in the deal, or a 404 for anyone who is not a party (nor an administrator). */
function sideOf(user: CurrentUser, deal: { requesterId: string; ownerId: string }): Side | "ADMIN" {
  if (user.organization?.id === deal.requesterId) return "REQUESTER";
  if (user.role !== "SME" && canManageFor(user, deal.ownerId)) return user.role === "ADMIN" ? "ADMIN" : "OWNER";
  throw new DomainError("NOT_FOUND", "deal.notFound", { status: 404 });
}

/** Stored terms as full terms; deals opened before terms carried their kind are read as they always were. */
export function readTerms(kind: string, stored: string): DealTerms {
  const raw = JSON.parse(stored) as Record<string, unknown>;
  const parsed = DealTermsSchema.safeParse(raw.kind === undefined ? withKind(kind as DealKind, raw) : raw);
  if (parsed.success) return parsed.data;
  return { ...(raw as object), kind } as DealTerms;
}

const licenseEnd = (terms: DealTerms, start: Date, expiresOn: Date) =>
  licenseEndsOn(start, terms.licenseTermMonths ?? 0, expiresOn);

/** The agreed license terms as the contract and the license's snapshot state them. */
export function contractTermsOf(terms: DealTerms, version: number | null): ContractTerms {
  return {
    feeModel: terms.feeModel ?? "LUMP_SUM",
    lumpSumFen: terms.lumpSumFen ?? null,
    entryFeeFen: terms.entryFeeFen ?? null,
    royaltyBasisPoints: terms.royaltyBasisPoints ?? null,
    royaltyBase: terms.royaltyBase ?? null,
    perUnitFen: terms.perUnitFen ?? null,
    minimumAnnualRoyaltyFen: terms.minimumAnnualRoyaltyFen ?? null,
    paymentSchedule: terms.paymentSchedule,
    licenseTermMonths: terms.licenseTermMonths ?? 0,
    territory: terms.territory ?? "",
    fieldOfUse: terms.fieldOfUse ?? null,
    ...(version ? { dealVersion: version } : {}),
  };
}

export async function requestDeal(
  user: CurrentUser,
  patentId: number,
  input: { kind?: DealKind; message: string; terms: DealTerms },
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const patent = await assertDealable(tx, user, patentId, now);
    const terms = input.terms.kind
      ? input.terms
      : (DealTermsSchema.parse(
          withKind(input.kind ?? "ORDINARY", input.terms as Record<string, unknown>),
        ) as DealTerms);
    if (terms.kind !== "ASSIGNMENT")
      await assertKindAllowed(tx, patentId, terms.kind, now, licenseEnd(terms, now, patent.expiresOn));
    const stored = JSON.stringify(terms);
    const deal = await tx.deal.create({
      data: {
        patentId,
        requesterId: user.organization!.id,
        ownerId: patent.ownerId,
        kind: terms.kind,
        status: "NEGOTIATING",
        terms: stored,
        termsBy: "REQUESTER",
        termsVersion: 1,
      },
    });
    await tx.dealMessage.create({
      data: { dealId: deal.id, authorId: user.id, kind: "PROPOSAL", body: input.message, terms: stored, version: 1 },
    });
    await notify(tx, patent.ownerId, "notify.dealRequested", `/deals/${deal.id}`, { company: user.organization!.name });
    return deal;
  });
}

interface Parties {
  patent: Prisma.PatentGetPayload<object>;
  owner: { name: string; creditCode: string };
  requester: { name: string; creditCode: string };
}

async function partiesOf(db: Prisma.TransactionClient, deal: DealRow): Promise<Parties> {
  const [patent, owner, requester] = await Promise.all([
    db.patent.findUniqueOrThrow({ where: { id: deal.patentId } }),
    db.organization.findUniqueOrThrow({ where: { id: deal.ownerId }, select: { name: true, creditCode: true } }),
    db.organization.findUniqueOrThrow({ where: { id: deal.requesterId }, select: { name: true, creditCode: true } }),
  ]);
  return { patent, owner, requester };
}

const accountOf = (deal: { receivingAccount: string | null }) =>
  deal.receivingAccount ? (JSON.parse(deal.receivingAccount) as ReceivingAccount) : null;

export interface ContractPreview {
  text: string;
  fingerprint: string;
  cost: CostSummary;
  terms: DealTerms;
  version: number;
  accountGiven: boolean;
}

/** The final contract text as both sides sign it, with the number, dates and signatures left to signature. */
async function previewOf(db: Prisma.TransactionClient, deal: DealRow, parties?: Parties): Promise<ContractPreview> {
  const { patent, owner, requester } = parties ?? (await partiesOf(db, deal));
  const terms = readTerms(deal.kind, deal.terms);
  const version = deal.agreedVersion ?? deal.termsVersion;
  const receivingAccount = accountOf(deal);
  const existingLicenses =
    terms.kind === "ASSIGNMENT"
      ? await db.license.findMany({
          where: { patentId: deal.patentId },
          select: { contractNumber: true, kind: true },
          orderBy: { contractNumber: "asc" },
        })
      : [];
  const text =
    terms.kind === "ASSIGNMENT"
      ? assignmentContractText({
          contractNumber: null,
          patent,
          assignor: owner,
          assignee: requester,
          priceFen: terms.priceFen ?? 0,
          paymentSchedule: terms.paymentSchedule,
          ownershipPasses: terms.ownershipPasses ?? "ON_SIGNATURE",
          existingLicenses,
          receivingAccount,
          signedAt: null,
          signatures: { assignor: null, assignee: null },
        })
      : contractText(licensePreview(terms, version, patent, owner, requester, receivingAccount));
  return {
    text,
    fingerprint: fingerprint(text),
    cost: costSummary(terms),
    terms,
    version,
    accountGiven: receivingAccount !== null,
  };
}

/** The license contract as both sides read it before signing: its number, dates and signatures come at signature. */
function licensePreview(
  terms: DealTerms,
  version: number,
  patent: Parties["patent"],
  owner: Parties["owner"],
  requester: Parties["requester"],
  receivingAccount: ReceivingAccount | null,
): ContractParties {
  return {
    contractNumber: null,
    kind: licenseKindOf(terms),
    patent,
    licensor: owner,
    licensee: requester,
    terms: contractTermsOf(terms, version),
    signatoryName: null,
    intendedUse: null,
    signedAt: null,
    startsOn: null,
    endsOn: null,
    receivingAccount,
    signatures: { licensor: null, licensee: null },
  };
}

const licenseKindOf = (terms: DealTerms) => terms.kind as "ORDINARY" | "SOLE" | "EXCLUSIVE";

/** One step of the negotiation by either side; returns the deal as it now stands. */
export async function advanceDeal(user: CurrentUser, dealId: string, step: DealStep, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    // The patent's turn first: two deals on one patent signed at once must see each other's outcome.
    const found = await tx.deal.findUnique({ where: { id: dealId }, select: { patentId: true } });
    if (found) await takeTurn(tx, patentTurn(found.patentId));
    const deal = await tx.deal.findUnique({ where: { id: dealId } });
    if (!deal) throw new DomainError("NOT_FOUND", "deal.notFound", { status: 404 });
    const side = sideOf(user, deal);
    if (side === "ADMIN") throw new DomainError("FORBIDDEN", "deal.rule.adminFollows", { status: 403 });
    if (!OPEN_STATUSES.includes(deal.status)) throw new DomainError("CLOSED", "deal.rule.closed", { status: 409 });
    const log = (kind: string, body = "", terms?: string, version?: number) =>
      tx.dealMessage.create({ data: { dealId, authorId: user.id, kind, body, terms, version } });
    const tellOtherSide = (kind: NotificationKind) =>
      notify(tx, side === "REQUESTER" ? deal.ownerId : deal.requesterId, kind, `/deals/${dealId}`);

    switch (step.step) {
      case "message":
        await log("MESSAGE", step.message);
        await tellOtherSide("notify.dealMessage");
        return tx.deal.findUniqueOrThrow({ where: { id: dealId } });
      case "counter": {
        if (deal.status !== "NEGOTIATING") throw new DomainError("AGREED", "deal.rule.agreedAlready", { status: 409 });
        const patent = await tx.patent.findUniqueOrThrow({ where: { id: deal.patentId } });
        if (step.terms.kind !== "ASSIGNMENT")
          await assertKindAllowed(
            tx,
            deal.patentId,
            step.terms.kind,
            now,
            licenseEnd(step.terms, now, patent.expiresOn),
          );
        const terms = JSON.stringify(step.terms);
        const version = deal.termsVersion + 1;
        await log("COUNTER", step.message, terms, version);
        await tellOtherSide("notify.dealCountered");
        return tx.deal.update({
          where: { id: dealId },
          data: { terms, termsBy: side, kind: step.terms.kind, termsVersion: version },
        });
      }
      case "accept":
        if (deal.status !== "NEGOTIATING") throw new DomainError("AGREED", "deal.rule.agreedAlready", { status: 409 });
        if (deal.termsBy === side) throw new DomainError("OWN_PROPOSAL", "deal.rule.ownProposal", { status: 409 });
        if (step.version !== undefined && step.version !== deal.termsVersion)
          throw new DomainError("TERMS_CHANGED", "deal.rule.termsChanged", { status: 409 });
        await log("ACCEPTED", "", deal.terms, deal.termsVersion);
        await tellOtherSide("notify.dealAccepted");
        return tx.deal.update({ where: { id: dealId }, data: { status: "AGREED", agreedVersion: deal.termsVersion } });
      case "decline":
        // The requester's own word is "withdraw": a decline reads as the other side's refusal.
        if (side !== "OWNER") throw new DomainError("FORBIDDEN", "deal.rule.requesterWithdraws", { status: 403 });
        await log("DECLINED", step.message);
        await tellOtherSide("notify.dealDeclined");
        return tx.deal.update({ where: { id: dealId }, data: { status: "DECLINED" } });
      case "withdraw":
        if (side !== "REQUESTER") throw new DomainError("FORBIDDEN", "deal.rule.ownerDeclines", { status: 403 });
        await log("WITHDRAWN", step.message);
        await notify(tx, deal.ownerId, "notify.dealWithdrawn", `/deals/${dealId}`, {
          company: user.organization!.name,
        });
        return tx.deal.update({ where: { id: dealId }, data: { status: "WITHDRAWN" } });
      case "account": {
        if (side !== "OWNER") throw new DomainError("FORBIDDEN", "deal.rule.accountOwner", { status: 403 });
        if (deal.requesterSignedAt || deal.ownerSignedAt)
          throw new DomainError("SIGNATURES_GIVEN", "deal.rule.accountAfterSignature", { status: 409 });
        const account = JSON.stringify(step.account);
        await log("ACCOUNT", `${step.account.bank} · ${step.account.accountName} · ${step.account.accountNumber}`);
        await tellOtherSide("notify.dealMessage");
        return tx.deal.update({ where: { id: dealId }, data: { receivingAccount: account } });
      }
      case "sign": {
        if (deal.status !== "AGREED") throw new DomainError("NOT_AGREED", "deal.rule.notAgreed", { status: 409 });
        if (side === "REQUESTER") assertVerifiedCompany(user);
        const signed = side === "REQUESTER" ? deal.requesterSignedAt : deal.ownerSignedAt;
        if (signed) throw new DomainError("ALREADY_SIGNED", "deal.rule.alreadySigned", { status: 409 });
        if (!deal.receivingAccount)
          throw new DomainError("ACCOUNT_MISSING", "deal.rule.accountMissing", { status: 409 });
        const preview = await previewOf(tx, deal);
        if (step.previewFingerprint !== preview.fingerprint)
          throw new DomainError("PREVIEW_OUTDATED", "deal.sign.previewOutdated", {
            status: 409,
            path: "previewFingerprint",
          });
        const data =
          side === "REQUESTER"
            ? {
                requesterSignatory: step.signatoryName,
                requesterSignatoryTitle: step.signatoryTitle,
                requesterSignedAt: now,
                requesterSignedById: user.id,
              }
            : {
                ownerSignatory: step.signatoryName,
                ownerSignatoryTitle: step.signatoryTitle,
                ownerSignedAt: now,
                ownerSignedById: user.id,
              };
        await log("SIGNED", `${step.signatoryName}（${step.signatoryTitle}）`, undefined, preview.version);
        const updated = await tx.deal.update({ where: { id: dealId }, data });
        if (!updated.requesterSignedAt || !updated.ownerSignedAt) {
          await tellOtherSide("notify.dealSigned");
          return updated;
        }
        const concluded = await conclude(tx, updated, user.id, now);
        for (const organizationId of [deal.requesterId, deal.ownerId])
          await notify(tx, organizationId, "notify.dealConcluded", `/deals/${dealId}`);
        return concluded;
      }
    }
  });
}

/** Both signatures are in: the license or transfer is created from the accepted version, the rules checked
 * once more in the same transaction, so that of two deals on one patent signed at the same moment the
 * second sees the first's outcome. */
async function conclude(tx: Prisma.TransactionClient, deal: DealRow, actorId: string, now: Date) {
  const parties = await partiesOf(tx, deal);
  const { patent } = parties;
  const terms = readTerms(deal.kind, deal.terms);
  const version = deal.agreedVersion ?? deal.termsVersion;
  // The licensor must still own the patent (an assignment may have moved it), and it must be in force on the start date.
  if (patent.ownerId !== deal.ownerId) throw new DomainError("NOT_OWNER", "deal.rule.notOwner", { status: 409 });
  if (!inForceOn(patent, now)) throw new DomainError("NOT_IN_FORCE", "deal.rule.notInForceAtStart", { status: 409 });
  const receivingAccount = accountOf(deal);
  const licensorSignature = { name: deal.ownerSignatory!, title: deal.ownerSignatoryTitle, at: deal.ownerSignedAt! };
  const licenseeSignature = {
    name: deal.requesterSignatory!,
    title: deal.requesterSignatoryTitle,
    at: deal.requesterSignedAt!,
  };

  if (terms.kind === "ASSIGNMENT") {
    const contractNumber = await nextContractNumber(tx, "ASSIGNMENT", now.getUTCFullYear());
    const existingLicenses = await tx.license.findMany({
      where: { patentId: deal.patentId },
      select: { contractNumber: true, kind: true },
      orderBy: { contractNumber: "asc" },
    });
    const text = assignmentContractText({
      contractNumber,
      patent,
      assignor: parties.owner,
      assignee: parties.requester,
      priceFen: terms.priceFen ?? 0,
      paymentSchedule: terms.paymentSchedule,
      ownershipPasses: terms.ownershipPasses ?? "ON_SIGNATURE",
      existingLicenses,
      receivingAccount,
      signedAt: now,
      signatures: { assignor: licensorSignature, assignee: licenseeSignature },
    });
    const transfer = await tx.transfer.create({
      data: {
        contractNumber,
        patentId: deal.patentId,
        assignorId: deal.ownerId,
        assigneeId: deal.requesterId,
        priceFen: terms.priceFen ?? 0,
        signedAt: now,
        termsSnapshot: JSON.stringify({ ...terms, version }),
        ownershipPasses: terms.ownershipPasses ?? "ON_SIGNATURE",
        assignorSignatory: licensorSignature.name,
        assignorSignatoryTitle: licensorSignature.title,
        assignorSignedAt: licensorSignature.at,
        assigneeSignatory: licenseeSignature.name,
        assigneeSignatoryTitle: licenseeSignature.title,
        assigneeSignedAt: licenseeSignature.at,
        contractText: text,
        contractSha256: fingerprint(text),
      },
    });
    // The patent moves to the assignee; its open-license declarations end; licenses already concluded stay.
    await tx.patent.update({
      where: { id: deal.patentId },
      data: { ownerId: deal.requesterId, transferable: false, transferableNote: "已转让" },
    });
    await tx.openLicenseDeclaration.updateMany({
      where: { patentId: deal.patentId, status: "ACTIVE" },
      data: { status: "WITHDRAWN", withdrawnAt: now },
    });
    // The patent's other open negotiations end: the owner they were with no longer owns it.
    const others = await tx.deal.findMany({
      where: { patentId: deal.patentId, id: { not: deal.id }, status: { in: ["NEGOTIATING", "AGREED"] } },
      select: { id: true, requesterId: true },
    });
    for (const other of others) {
      await tx.dealMessage.create({
        data: { dealId: other.id, authorId: actorId, kind: "CLOSED", body: "deal.closedByAssignment" },
      });
      await notify(tx, other.requesterId, "notify.dealMessage", `/deals/${other.id}`);
    }
    await tx.deal.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { status: "CLOSED" } });
    await tx.dealEvent.create({
      data: { transferId: transfer.id, kind: "SIGNED", at: now, detail: JSON.stringify({ dealId: deal.id, version }) },
    });
    await tx.dealMessage.create({
      data: { dealId: deal.id, authorId: actorId, kind: "CONCLUDED", body: transfer.contractNumber },
    });
    return tx.deal.update({ where: { id: deal.id }, data: { status: "SIGNED", transferId: transfer.id } });
  }

  const license = await concludeLicense(
    tx,
    {
      kind: licenseKindOf(terms),
      patent,
      licensor: { id: deal.ownerId, ...parties.owner },
      licensee: { id: deal.requesterId, ...parties.requester },
      terms: contractTermsOf(terms, version),
      licenseeSignature: { ...licenseeSignature, userId: deal.requesterSignedById },
      licensorSignature,
      receivingAccount,
      signedDetail: { dealId: deal.id, version },
      actorId,
    },
    now,
  );
  await tx.dealMessage.create({
    data: { dealId: deal.id, authorId: actorId, kind: "CONCLUDED", body: license.contractNumber },
  });
  return tx.deal.update({ where: { id: deal.id }, data: { status: "SIGNED", licenseId: license.id } });
}

/** A deal as its parties see it: the terms on the table, each offer with its terms, and, once the terms are
 * agreed, the contract preview both sides read before signing. */
export async function getDealFor(user: CurrentUser, dealId: string) {
  const deal = await prisma.deal.findUnique({
    where: { id: dealId },
    include: {
      patent: { select: { id: true, title: true, titleEn: true } },
      requester: { select: { name: true, nameEn: true } },
      owner: { select: { name: true, nameEn: true } },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!deal) throw new DomainError("NOT_FOUND", "deal.notFound", { status: 404 });
  const side = sideOf(user, deal);
  const { messages, receivingAccount, ...rest } = deal;
  const preview = deal.status === "AGREED" ? await previewOf(prisma, deal) : null;
  return {
    ...rest,
    side,
    terms: readTerms(deal.kind, deal.terms),
    receivingAccount: receivingAccount ? (JSON.parse(receivingAccount) as ReceivingAccount) : null,
    messages: messages.map(({ terms, ...message }) => ({
      ...message,
      terms: terms ? readTerms(deal.kind, terms) : null,
    })),
    preview,
    transfer: deal.transferId
      ? await prisma.transfer.findUnique({
          where: { id: deal.transferId },
          select: { id: true, contractNumber: true, contractText: true, contractSha256: true },
        })
      : null,
  };
}

export const DEAL_SORTS = ["updatedAt", "createdAt", "patent", "counterparty", "kind", "status"] as const;
export type DealSort = (typeof DEAL_SORTS)[number];
export interface DealListQuery extends ListQuery<DealSort> {
  status?: DealStatus;
  /** only the deals waiting for the user's side (not for administrators) */
  waiting?: boolean;
  kind?: DealKind;
  patentId?: number;
}

/** The deals that wait for this side: terms the other side put on the table, or agreed terms it has not signed. */
export function awaiting(side: "REQUESTER" | "OWNER"): Prisma.DealWhereInput {
  const other = side === "OWNER" ? "REQUESTER" : "OWNER";
  return {
    OR: [
      { status: "NEGOTIATING", termsBy: other },
      { status: "AGREED", ...(side === "OWNER" ? { ownerSignedAt: null } : { requesterSignedAt: null }) },
    ],
  };
}

/** The side of a deal the user's organisation takes (none for administrators, who see all) and its deals. */
function dealsOf(user: CurrentUser): { mySide: Side | null; side: Prisma.DealWhereInput } {
  if (user.role === "ADMIN") return { mySide: null, side: {} };
  const organizationId = user.organization?.id ?? "-";
  return user.role === "SME"
    ? { mySide: "REQUESTER", side: { requesterId: organizationId } }
    : { mySide: "OWNER", side: { ownerId: organizationId } };
}

/** How many negotiations the user's organisation has (on one patent, if given), and how many wait for it. */
export async function countDeals(user: CurrentUser, patentId?: number) {
  const { mySide, side } = dealsOf(user);
  const where: Prisma.DealWhereInput = { ...side, ...(patentId ? { patentId } : {}) };
  const [total, yours] = await Promise.all([
    prisma.deal.count({ where }),
    mySide ? prisma.deal.count({ where: { AND: [where, awaiting(mySide)] } }) : 0,
  ]);
  return { total, yours };
}

/** The step a deal waits for from this side, if any: what awaiting() selects, for one deal read. */
export type DealMove = "ANSWER" | "SIGN";
export function nextMoveOf(
  deal: { status: string; termsBy: string; ownerSignedAt: Date | null; requesterSignedAt: Date | null },
  side: Side,
): DealMove | null {
  if (deal.status === "NEGOTIATING" && deal.termsBy !== side) return "ANSWER";
  if (deal.status === "AGREED" && !(side === "OWNER" ? deal.ownerSignedAt : deal.requesterSignedAt)) return "SIGN";
  return null;
}

/** What a list shows of a deal (the workspace's too). */
export const LISTED_DEAL = {
  id: true,
  kind: true,
  status: true,
  termsBy: true,
  requesterSignedAt: true,
  ownerSignedAt: true,
  createdAt: true,
  updatedAt: true,
  patent: { select: { id: true, title: true, titleEn: true, applicationNumber: true } },
  requester: { select: { name: true, nameEn: true } },
  owner: { select: { name: true, nameEn: true } },
} satisfies Prisma.DealSelect;

/** One page of the negotiations the user's organisation is a side of (all, for administrators), latest activity
 * first, with the total that match: searched by patent title or number and by the other side's name. */
export async function listDealsPage(user: CurrentUser, query: DealListQuery, pageSize?: number) {
  const { mySide, side } = dealsOf(user);
  // An administrator sees both sides: either may be the name searched for.
  const counterparties =
    user.role === "ADMIN"
      ? (["requester", "owner"] as const)
      : user.role === "SME"
        ? (["owner"] as const)
        : (["requester"] as const);
  const words = searchWords(query.q).map((word): Prisma.DealWhereInput => ({
    OR: [
      {
        patent: {
          OR: [
            { title: containsText(word) },
            { titleEn: containsText(word) },
            { applicationNumber: containsText(word) },
          ],
        },
      },
      ...counterparties.map((party) => ({
        [party]: { OR: [{ name: containsText(word) }, { nameEn: containsText(word) }] },
      })),
    ],
  }));
  const where: Prisma.DealWhereInput = {
    AND: [
      side,
      ...words,
      query.patentId ? { patentId: query.patentId } : {},
      query.kind ? { kind: query.kind } : {},
      query.status ? { status: query.status } : {},
      query.waiting && mySide ? awaiting(mySide) : {},
    ],
  };
  const direction = query.dir;
  const orderBy: Prisma.DealOrderByWithRelationInput =
    query.sort === "patent"
      ? { patent: { title: direction } }
      : query.sort === "counterparty"
        ? { [counterparties[0]]: { name: direction } }
        : { [query.sort]: direction };
  const { rows: deals, ...paging } = await readPage(
    query.page,
    pageSize,
    () => prisma.deal.count({ where }),
    (window) =>
      prisma.deal.findMany({
        where,
        // The id last: rows never swap places between two pages.
        orderBy: [orderBy, { id: "asc" }],
        ...window,
        select: LISTED_DEAL,
      }),
  );
  return {
    ...paging,
    deals: deals.map(({ requesterSignedAt, ownerSignedAt, termsBy, ...deal }) => ({
      ...deal,
      yourTurn: mySide !== null && nextMoveOf({ ...deal, termsBy, requesterSignedAt, ownerSignedAt }, mySide) !== null,
    })),
  };
}
