// npm run user:create -- --email admin@example.org --role ADMIN [--name "…"] [--organization <id>]
// The password comes from standard input (piped) or a prompt that does not echo it. Creates the first
// administrator of a production database.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { prisma } from "../app/lib/db.server";
import { DomainError } from "../app/lib/errors";
import { messageIn } from "../app/lib/i18n";
import { createUser } from "../app/models/account/account.server";
import { ROLES } from "../app/models/account/roles";
import { EmailSchema } from "../app/models/account/schemas";
import "../app/lib/messages/all"; // the texts of mails, reports and refusals, both languages

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    organization: { type: "string" },
  },
});
const Arguments = z.object({
  email: EmailSchema,
  role: z.enum(ROLES, { message: `--role is one of ${ROLES.join(", ")}` }),
  name: z.string().trim().min(1).max(100).default("Administrator"),
  organization: z.string().max(40).optional(),
});
const parsed = Arguments.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`--${issue.path.join(".")}: ${messageIn("en", issue.message)}`);
  console.error(
    "usage: npm run user:create -- --email <email> --role ADMIN|UNIVERSITY_STAFF|SME [--name <name>] [--organization <id>]",
  );
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return "";
  }
  process.stdout.write("Password (at least 10 characters): ");
  process.stdin.setRawMode(true);
  let password = "";
  for await (const chunk of process.stdin) {
    for (const char of String(chunk)) {
      if (char === "\r" || char === "\n") {
        process.stdin.setRawMode(false);
        process.stdout.write("\n");
        return password;
      }
      if (char === "\u0003") process.exit(130);
      password = char === "\u007f" ? password.slice(0, -1) : password + char;
    }
  }
  return password;
}

const password = await readPassword();
if (password.length < 10 || password.toLowerCase().includes(parsed.data.email)) {
  console.error("The password needs at least 10 characters and must not contain the email address.");
  process.exit(2);
}
const { email, role, name, organization } = parsed.data;
try {
  if (organization && !(await prisma.organization.findUnique({ where: { id: organization }, select: { id: true } }))) {
    throw new DomainError("NOT_FOUND", `No organisation with id ${organization}.`);
  }
  const operator =
    role === "ADMIN" && !organization
      ? await prisma.organization.findFirst({ where: { kind: "OPERATOR" }, select: { id: true } })
      : null;
  const user = await createUser({ email, name, password, role, organizationId: organization ?? operator?.id ?? null });
  console.log(`Created ${user.role} ${user.email} (${user.id}).`);
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  console.error(messageIn("en", error.message));
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
