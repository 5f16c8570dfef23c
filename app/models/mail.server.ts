// Outgoing mail goes into the outbox in the same transaction as what caused it: administrators read it
// there in development. With SMTP_URL set, the server's dispatcher sends what is unsent (scripts/serve.ts),
// so a rolled-back request never sends mail and a failed send is retried.
import type { Transporter } from "nodemailer";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type PrismaClient } from "~/lib/db.server";
import { translator, type MessageKey } from "~/lib/i18n";
import { readPage } from "~/lib/paging";

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** A mail from the translations, in both languages (English, then Chinese): a mail often goes to someone whose
 * language the platform does not know yet (a sign-up, an invitation). */
export function bilingualMail(
  to: string,
  subject: MessageKey,
  body: MessageKey,
  values: Record<string, string | number> = {},
): Mail {
  const [en, zh] = [translator("en"), translator("zh")];
  return {
    to,
    subject: `${en(subject, values)} / ${zh(subject, values)}`,
    body: `${en(body, values)}

${zh(body, values)}
`,
  };
}

export async function sendMail(db: PrismaClient | Prisma.TransactionClient, mail: Mail): Promise<void> {
  await db.outboxEmail.create({ data: mail });
}

let transport: Transporter | null = null;

const CLAIM_MS = 5 * 60_000;

/**
 * Sends up to `limit` unsent mails through SMTP_URL; returns how many were sent. Every server runs this: a
 * mail is claimed before it is sent, so two servers never send it twice, and a claim lapses, so a mail whose
 * server died while sending it is sent by another.
 */
export async function dispatchOutbox(
  limit = 20,
  send?: (mail: { to: string; subject: string; text: string }) => Promise<unknown>,
): Promise<number> {
  if (!send) {
    if (!process.env.SMTP_URL) return 0;
    // Loaded only where mail is really sent (SMTP_URL), not in every server.
    const smtp = (transport ??= (await import("nodemailer")).createTransport(process.env.SMTP_URL));
    send = (mail) =>
      smtp.sendMail({ from: process.env.MAIL_FROM ?? "PatentBridge <no-reply@patentbridge.local>", ...mail });
  }
  const now = new Date();
  const claimable = { sentAt: null, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
  const pending = await prisma.outboxEmail.findMany({ where: claimable, orderBy: { createdAt: "asc" }, take: limit });
  let sent = 0;
  for (const mail of pending) {
    const claimed = await prisma.outboxEmail.updateMany({
      where: { id: mail.id, ...claimable },
      data: { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count === 0) continue; // another server has it
    try {
      await send({ to: mail.to, subject: mail.subject, text: mail.body });
      await prisma.outboxEmail.update({ where: { id: mail.id }, data: { sentAt: new Date() } });
      sent++;
    } catch (error) {
      await prisma.outboxEmail.update({ where: { id: mail.id }, data: { claimedUntil: null } });
      console.error(`mail ${mail.id} was not sent; it will be tried again:`, error);
    }
  }
  return sent;
}

export async function listOutbox({ page, pageSize = 20 }: { page: number; pageSize?: number }) {
  const { rows: emails, ...paging } = await readPage(
    page,
    pageSize,
    () => prisma.outboxEmail.count(),
    (window) => prisma.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, ...window }),
  );
  return { ...paging, emails };
}
