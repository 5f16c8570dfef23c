// Negotiated deals: a company asks for an ordinary, sole or exclusive license or an assignment; the owner
// accepts, declines or counters; a thread keeps the negotiation; both sides sign the agreed terms, and the
// license (or transfer) is concluded with the law's rules checked again at that moment.
import type { Prisma } from "~/generated/prisma/client";
import { canManageFor, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { patentTurn, takeTurn } from "~/lib/sql-dialect.server";
import type { DealKind, DealStep, OpenLicenseTerms } from "~/lib/open-license-schemas";
import { contractText, fingerprint, nextContractNumber, type ContractTerms } from "./contract.server";
import { notify, type NotificationKind } from "./notification.server";
import { scheduleUpFront } from "./payment.server";

type Side = "REQUESTER" | "OWNER";

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** Patent Law art. 51: no exclusive or sole license while an open license is declared; at most one
 * exclusive (or sole) license for any period. Checked on request and again at signature. */
export async function assertKindAllowed(db: Prisma.TransactionClient, patentId: number, kind: DealKind, from: Date, to: Date) {
  if (kind !== "SOLE" && kind !== "EXCLUSIVE") return;
  if (await db.openLicenseDeclaration.count({ where: { patentId, status: "ACTIVE" } })) {
    throw new DomainError("OPEN_LICENSE_DECLARED", "Patent Law art. 51: no exclusive or sole license while an open license is declared.", { status: 409 });
  }
  const overlapping = await db.license.count({ where: { patentId, kind: { in: ["EXCLUSIVE", "SOLE"] }, startsOn: { lt: to }, endsOn: { gt: from } } });
  if (overlapping) throw new DomainError("EXCLUSIVE_CONFLICT", "An exclusive or sole license already covers part of this period.", { status: 409 });
}

/** The side this user acts for in the deal, or a 404 for anyone who is not a party (nor an administrator). */
function sideOf(user: CurrentUser, deal: { requesterId: string; ownerId: string }): Side | "ADMIN" {
  if (user.organization?.id === deal.requesterId) return "REQUESTER";
  if (user.role !== "SME" && canManageFor(user, deal.ownerId)) return user.role === "ADMIN" ? "ADMIN" : "OWNER";
  throw new DomainError("NOT_FOUND", "No deal with this id.", { status: 404 });
}

export async function requestDeal(user: CurrentUser, patentId: number, input: { kind: DealKind; message: string; terms: OpenLicenseTerms }, now = new Date()) {
  if (user.role !== "SME" || !user.organization) throw new DomainError("FORBIDDEN", "Only a company account can request a license.", { status: 403 });
  const patent = await prisma.patent.findUnique({ where: { id: patentId }, select: { ownerId: true, legalStatus: true, expiresOn: true } });
  if (!patent) throw new DomainError("NOT_FOUND", "No patent with this id.", { status: 404 });
  if (patent.legalStatus !== "VALID" && patent.legalStatus !== "PENDING") throw new DomainError("NOT_IN_FORCE", "The patent is not in force.", { status: 409 });
  const requesterId = user.organization.id;
  return prisma.$transaction(async (tx) => {
    await assertKindAllowed(tx, patentId, input.kind, now, addMonths(now, input.terms.licenseTermMonths));
    const deal = await tx.deal.create({
      data: { patentId, requesterId, ownerId: patent.ownerId, kind: input.kind, status: "NEGOTIATING", terms: JSON.stringify(input.terms), termsBy: "REQUESTER" },
    });
    await tx.dealMessage.create({ data: { dealId: deal.id, authorId: user.id, kind: "PROPOSAL", body: input.message, terms: deal.terms } });
    await notify(tx, patent.ownerId, "notify.dealRequested", `/deals/${deal.id}`, { company: user.organization!.name });
    return deal;
  });
}

/** One step of the negotiation by either side; returns the deal as it now stands. */
export async function advanceDeal(user: CurrentUser, dealId: string, step: DealStep, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    // The patent's turn first: two deals on one patent signed at once must see each other's outcome.
    const found = await tx.deal.findUnique({ where: { id: dealId }, select: { patentId: true } });
    if (found) await takeTurn(tx, patentTurn(found.patentId));
    const deal = await tx.deal.findUnique({ where: { id: dealId } });
    if (!deal) throw new DomainError("NOT_FOUND", "No deal with this id.", { status: 404 });
    const side = sideOf(user, deal);
    if (side === "ADMIN") throw new DomainError("FORBIDDEN", "Administrators follow deals; the parties negotiate them.", { status: 403 });
    if (deal.status === "SIGNED" || deal.status === "DECLINED") throw new DomainError("CLOSED", "This negotiation is closed.", { status: 409 });
    const log = (kind: string, body = "", terms?: string) => tx.dealMessage.create({ data: { dealId, authorId: user.id, kind, body, terms } });
    const tellOtherSide = (kind: NotificationKind) => notify(tx, side === "REQUESTER" ? deal.ownerId : deal.requesterId, kind, `/deals/${dealId}`);

    switch (step.step) {
      case "message":
        await log("MESSAGE", step.message);
        await tellOtherSide("notify.dealMessage");
        return tx.deal.findUniqueOrThrow({ where: { id: dealId } });
      case "counter": {
        if (deal.status !== "NEGOTIATING") throw new DomainError("AGREED", "The terms are agreed: sign them or decline.", { status: 409 });
        await assertKindAllowed(tx, deal.patentId, deal.kind as DealKind, now, addMonths(now, step.terms.licenseTermMonths));
        const terms = JSON.stringify(step.terms);
        await log("COUNTER", step.message, terms);
        await tellOtherSide("notify.dealCountered");
        return tx.deal.update({ where: { id: dealId }, data: { terms, termsBy: side } });
      }
      case "accept":
        if (deal.status !== "NEGOTIATING") throw new DomainError("AGREED", "The terms are already agreed.", { status: 409 });
        if (deal.termsBy === side) throw new DomainError("OWN_PROPOSAL", "These are your own terms: the other side accepts them.", { status: 409 });
        await log("ACCEPTED");
        await tellOtherSide("notify.dealAccepted");
        return tx.deal.update({ where: { id: dealId }, data: { status: "AGREED" } });
      case "decline":
        await log("DECLINED", step.message);
        await tellOtherSide("notify.dealDeclined");
        return tx.deal.update({ where: { id: dealId }, data: { status: "DECLINED" } });
      case "sign": {
        if (deal.status !== "AGREED") throw new DomainError("NOT_AGREED", "Only agreed terms can be signed.", { status: 409 });
        if (side === "REQUESTER" && !user.organization?.verifiedAt) {
          throw new DomainError("NOT_VERIFIED", "Your company must be verified by the operator before it can sign a license.", { status: 403 });
        }
        const signed = side === "REQUESTER" ? deal.requesterSignedAt : deal.ownerSignedAt;
        if (signed) throw new DomainError("ALREADY_SIGNED", "You have already signed.", { status: 409 });
        const data = side === "REQUESTER" ? { requesterSignatory: step.signatoryName, requesterSignedAt: now } : { ownerSignatory: step.signatoryName, ownerSignedAt: now };
        await log("SIGNED", step.signatoryName);
        const updated = await tx.deal.update({ where: { id: dealId }, data });
        if (!updated.requesterSignedAt || !updated.ownerSignedAt) {
          await tellOtherSide("notify.dealSigned");
          return updated;
        }
        const concluded = await conclude(tx, updated, user.id, now);
        for (const organizationId of [deal.requesterId, deal.ownerId]) await notify(tx, organizationId, "notify.dealConcluded", `/deals/${dealId}`);
        return concluded;
      }
    }
  });
}

/** Both signatures are in: the license or transfer is created, the rules checked once more in the same
 * transaction, so that of two exclusive deals signed at the same moment exactly one concludes. */
async function conclude(tx: Prisma.TransactionClient, deal: Prisma.DealGetPayload<object>, actorId: string, now: Date) {
  const terms = JSON.parse(deal.terms) as OpenLicenseTerms;
  const kind = deal.kind as DealKind;
  const patent = await tx.patent.findUniqueOrThrow({ where: { id: deal.patentId } });
  const [licensor, licensee] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: deal.ownerId }, select: { name: true, creditCode: true } }),
    tx.organization.findUniqueOrThrow({ where: { id: deal.requesterId }, select: { name: true, creditCode: true } }),
  ]);
  const year = now.getUTCFullYear();
  if (kind === "ASSIGNMENT") {
    if (patent.ownerId !== deal.ownerId) throw new DomainError("NOT_OWNER", "The patent no longer belongs to this owner.", { status: 409 });
    const transfer = await tx.transfer.create({
      data: {
        contractNumber: await nextContractNumber(tx, "ASSIGNMENT", year),
        patentId: deal.patentId, assignorId: deal.ownerId, assigneeId: deal.requesterId, priceFen: terms.lumpSumFen ?? 0, signedAt: now,
      },
    });
    // The patent moves to the assignee; its open-license declarations end; licenses already concluded stay.
    await tx.patent.update({ where: { id: deal.patentId }, data: { ownerId: deal.requesterId, transferable: false, transferableNote: "已转让" } });
    await tx.openLicenseDeclaration.updateMany({ where: { patentId: deal.patentId, status: "ACTIVE" }, data: { status: "WITHDRAWN", withdrawnAt: now } });
    await tx.dealEvent.create({ data: { transferId: transfer.id, kind: "SIGNED", at: now, detail: JSON.stringify({ dealId: deal.id }) } });
    await tx.dealMessage.create({ data: { dealId: deal.id, authorId: actorId, kind: "CONCLUDED", body: transfer.contractNumber } });
    return tx.deal.update({ where: { id: deal.id }, data: { status: "SIGNED", transferId: transfer.id } });
  }
  const endsOn = new Date(Math.min(addMonths(now, terms.licenseTermMonths).getTime(), patent.expiresOn.getTime()));
  await assertKindAllowed(tx, deal.patentId, kind, now, endsOn);
  const contractNumber = await nextContractNumber(tx, "LICENSE", year);
  const contractTerms: ContractTerms = { ...terms, fieldOfUse: terms.fieldOfUse ?? null, lumpSumFen: terms.lumpSumFen ?? null, entryFeeFen: terms.entryFeeFen ?? null, royaltyBasisPoints: terms.royaltyBasisPoints ?? null, perUnitFen: terms.perUnitFen ?? null };
  const text = contractText({
    contractNumber, kind, patent, licensor, licensee, terms: contractTerms,
    signatoryName: deal.requesterSignatory, intendedUse: null, signedAt: now, startsOn: now, endsOn,
  });
  const upFront = (terms.lumpSumFen ?? 0) + (terms.entryFeeFen ?? 0);
  const license = await tx.license.create({
    data: {
      contractNumber, patentId: deal.patentId, licensorId: deal.ownerId, licenseeId: deal.requesterId, kind,
      termsSnapshot: JSON.stringify(contractTerms), valueFen: upFront, startsOn: now, endsOn, signedAt: now,
      signatoryName: deal.requesterSignatory, contractText: text, contractSha256: fingerprint(text),
    },
  });
  await tx.dealEvent.create({ data: { licenseId: license.id, kind: "SIGNED", at: now, detail: JSON.stringify({ dealId: deal.id }) } });
  await scheduleUpFront(tx, license.id, upFront, now);
  await tx.dealMessage.create({ data: { dealId: deal.id, authorId: actorId, kind: "CONCLUDED", body: contractNumber } });
  return tx.deal.update({ where: { id: deal.id }, data: { status: "SIGNED", licenseId: license.id } });
}

export async function getDealFor(user: CurrentUser, dealId: string) {
  const deal = await prisma.deal.findUnique({
    where: { id: dealId },
    include: {
      patent: { select: { id: true, title: true, titleEn: true } },
      requester: { select: { name: true, nameEn: true } },
      owner: { select: { name: true, nameEn: true } },
      messages: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!deal) throw new DomainError("NOT_FOUND", "No deal with this id.", { status: 404 });
  const side = sideOf(user, deal);
  return { ...deal, side, terms: JSON.parse(deal.terms) as OpenLicenseTerms };
}

export async function listDealsFor(user: CurrentUser, patentId?: number) {
  const side: Prisma.DealWhereInput =
    user.role === "ADMIN" ? {} : user.role === "SME" ? { requesterId: user.organization?.id ?? "-" } : { ownerId: user.organization?.id ?? "-" };
  const where = { ...side, ...(patentId ? { patentId } : {}) };
  return prisma.deal.findMany({
    where,
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: { id: true, kind: true, status: true, updatedAt: true, patent: { select: { id: true, title: true, titleEn: true } }, requester: { select: { name: true, nameEn: true } }, owner: { select: { name: true, nameEn: true } } },
  });
}
