// One language at a time (issue 18): every message a user can see comes from the translations, in Chinese and in
// English. This test reads the application's source as text: every DomainError refusal, every zod (and form)
// validation message and every code shown to users (roles, events, statuses, fee models, kinds) must be a key
// with a text in both languages, never an English literal passed through.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { ROLES } from "~/models/account/roles";
import {
  FEE_MODELS,
  LEGAL_STATUSES,
  LICENSE_KINDS,
  PATENT_TYPES,
  PAYMENT_SCHEDULES,
  REMAINING_TERM_BUCKETS,
} from "~/models/patent/vocabulary";
import { CLUSTERS, FIELDS } from "~/models/taxonomy";
import {
  formatMessage,
  isMessageKey,
  messageIn,
  messageKey,
  parseMessageKey,
  translator,
  type MessageKey,
} from "./i18n";

const ROOT = path.resolve(__dirname, "../..");
const KEY = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

function sourceFiles(dir = path.join(ROOT, "app")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
const files = sourceFiles().map((file) => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, "utf8") }));

const zh = translator("zh");
const en = translator("en");
const hasTexts = (key: string) =>
  isMessageKey(key) && zh(key) !== key && en(key) !== key && zh(key).trim() !== "" && en(key).trim() !== "";

/** The arguments of the call whose "(" is at `open`, split at top-level commas (strings and brackets respected). */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      current += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if ("([{".includes(c)) depth++;
    if (")]}".includes(c)) {
      if (depth === 0) {
        args.push(current.trim());
        return args;
      }
      depth--;
    }
    if (c === "," && depth === 0) {
      args.push(current.trim());
      current = "";
    } else current += c;
  }
  throw new Error("unclosed call");
}

const lineOf = (text: string, index: number) => text.slice(0, index).split("\n").length;
const literal = (expression: string) => (/^"[^"]*"$|^'[^']*'$/.test(expression) ? expression.slice(1, -1) : null);

/** The keys a message argument can be: a literal, messageKey("key", values), or either side of a conditional
 * between literals. */
function keysOf(expression: string): string[] | null {
  const single = literal(expression);
  if (single !== null) return [single];
  const withValues = /^messageKey\(("[^"]*"|'[^']*')[,)]/.exec(expression);
  if (withValues) return [withValues[1].slice(1, -1)];
  const conditional = /^[^?]+\?\s*("[^"]*"|'[^']*')\s*:\s*("[^"]*"|'[^']*')$/s.exec(expression);
  return conditional ? [conditional[1].slice(1, -1), conditional[2].slice(1, -1)] : null;
}

// Message arguments that are not literals pass on a message that is already a key, checked where it is made.
const PASSED_ON = [
  /^parsed\.issues\[0\]\.message$/, // the first issue of a zod schema: its messages are checked below
  /^issue\.message$/,
  /^problem$/, // a consent's problem: consentReferenceProblem returns keys (checked below)
  /^reason$/,
  /^message$/,
  /^\w+\.key$/, // a { key, values } made with a MessageKey type (the search's cost check)
];

describe("domain refusals", () => {
  const calls = files.flatMap(({ file, text }) =>
    [...text.matchAll(/new (DomainError|TryLaterError)\(/g)].map((match) => {
      const args = callArguments(text, match.index! + match[0].length - 1);
      return { at: `${file}:${lineOf(text, match.index!)}`, message: args[1] ?? "" };
    }),
  );

  it("finds the refusals in the source (the scan itself works)", () => {
    expect(calls.length).toBeGreaterThan(90);
    expect(calls.some((call) => call.message === '"auth.forbidden"')).toBe(true);
  });

  it("gives every refusal a message key with a text in Chinese and in English", () => {
    const wrong = calls.flatMap((call) => {
      const keys = keysOf(call.message);
      if (keys === null)
        return PASSED_ON.some((pattern) => pattern.test(call.message))
          ? []
          : [`${call.at}: not a key: ${call.message}`];
      return keys
        .filter((key) => !KEY.test(key) || !hasTexts(key))
        .map((key) => `${call.at}: ${KEY.test(key) ? "no text for" : "a literal, not a key:"} ${key}`);
    });
    expect(wrong).toEqual([]);
  });
});

describe("validation messages", () => {
  // zod's messages: `message: "…"`, and a method's message argument (.min(1, "…"), .regex(/…/, "…"), .email("…")).
  const TWO_ARGUMENTS = /\.(min|max|length|regex|gte|lte|gt|lt|multipleOf|refine)\(/g;
  const ONE_ARGUMENT =
    /\.(email|url|uuid|int|positive|nonnegative|negative|nonpositive|nonempty|finite|safe|datetime|date|cuid)\(/g;
  const messages = files.flatMap(({ file, text }) => {
    const found: Array<{ at: string; message: string }> = [];
    const usesZod = /from "zod"/.test(text);
    for (const match of text.matchAll(
      /\b(message|required_error|invalid_type_error):\s*("[^"]*"|'[^']*'|`[^`]*`|messageKey\([^)]*\))/g,
    )) {
      found.push({ at: `${file}:${lineOf(text, match.index!)}`, message: match[2] });
    }
    if (usesZod) {
      for (const [pattern, position] of [
        [TWO_ARGUMENTS, 1],
        [ONE_ARGUMENT, 0],
      ] as const) {
        for (const match of text.matchAll(pattern)) {
          const args = callArguments(text, match.index! + match[0].length - 1);
          const argument = args[position];
          if (argument && /^(["'`]|messageKey\()/.test(argument))
            found.push({ at: `${file}:${lineOf(text, match.index!)}`, message: argument });
        }
      }
    }
    return found;
  });

  it("finds the validation messages in the source (the scan itself works)", () => {
    expect(messages.length).toBeGreaterThan(40);
    expect(messages.some((m) => m.message === '"stats.err.reversed"')).toBe(true);
  });

  it("makes every validation message a key with a text in both languages", () => {
    const wrong = messages.flatMap(({ at, message }) => {
      const key = keysOf(message)?.[0] ?? null;
      if (key === null) return [`${at}: built text, not a key: ${message}`];
      return KEY.test(key) && hasTexts(key)
        ? []
        : [`${at}: ${KEY.test(key) ? "no text for" : "a literal, not a key:"} ${key}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe("zod's own messages", () => {
  it("are message keys too, where a schema names none (installed by app/lib/zod-messages.ts)", async () => {
    const { z } = await import("zod");
    await import("./zod-messages");
    const messageOf = (schema: ZodType, input: unknown) => {
      const result = schema.safeParse(input);
      return result.success ? null : result.error.issues[0].message;
    };
    const messages = [
      messageOf(z.string().min(1), ""),
      messageOf(z.string().min(3), "ab"),
      messageOf(z.string().max(2), "abc"),
      messageOf(z.number().min(5), 1),
      messageOf(z.number().max(5), 9),
      messageOf(z.array(z.string()).max(1), ["a", "b"]),
      messageOf(z.array(z.string()).min(2), ["a"]),
      messageOf(z.number(), "x"),
      messageOf(z.object({ a: z.string() }), {}),
      messageOf(z.enum(["A", "B"]), "C"),
      messageOf(z.string().email(), "no"),
      messageOf(
        z.string().refine(() => false),
        "x",
      ),
    ];
    for (const message of messages) {
      expect(message).not.toBeNull();
      const parsed = parseMessageKey(message!);
      expect(parsed, message!).not.toBeNull();
      expect(hasTexts(parsed!.key), message!).toBe(true);
    }
    expect(messageIn("en", messages[1]!)).toBe("at least 3 characters");
    expect(messageIn("zh", messages[2]!)).toBe("最多 2 个字符");
    expect(messageIn("en", messages[5]!)).toBe("at most 1 item");
    expect(messageIn("zh", messages[0]!)).toBe("必填");
    // A schema's own message comes first.
    expect(messageOf(z.string().min(1, "stats.err.date"), "")).toBe("stats.err.date");
  });
});

describe("codes shown to users", () => {
  const schema = fs.readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
  /** The codes of a schema field: its enum's values, or those its documentation lists ("/// A | B | C"). */
  function codesOf(model: string, field: string): string[] {
    const body = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schema)![1];
    const lines = body.split("\n");
    const at = lines.findIndex((line) => new RegExp(`^\\s*${field}\\s`).test(line));
    const type = /^\s*\w+\s+(\w+)/.exec(lines[at])![1];
    const values = new RegExp(`\\nenum ${type} \\{([\\s\\S]*?)\\n\\}`).exec(schema)?.[1];
    if (values)
      return values
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
    const docs: string[] = [];
    for (let i = at - 1; i >= 0 && /^\s*\/\/\//.test(lines[i]); i--)
      docs.unshift(lines[i].replace(/^\s*\/\/\/\s*/, ""));
    return docs
      .join(" ")
      .split("|")
      .map((part) => /^\s*([A-Z][A-Z_]+)/.exec(part)?.[1])
      .filter((code): code is string => Boolean(code));
  }

  const ENUMERATIONS: Array<[string, string[], (code: string) => string]> = [
    ["roles", [...ROLES, ...codesOf("User", "role")], (code) => `role.${code}`],
    ["organisation kinds", codesOf("Organization", "kind"), (code) => `kind.${code}`],
    ["audit events", codesOf("AuditEvent", "action"), (code) => `auditLog.action.${code}`],
    ["negotiation kinds", codesOf("Deal", "kind"), (code) => `deal.kind.${code}`],
    ["negotiation statuses", codesOf("Deal", "status"), (code) => `deal.status.${code}`],
    ["who proposed the terms", codesOf("Deal", "termsBy"), (code) => `deal.by.${code}`],
    ["negotiation messages", codesOf("DealMessage", "kind"), (code) => `msg.${code}`],
    ["license events", codesOf("DealEvent", "kind"), (code) => `event.${code}`],
    ["payment kinds", codesOf("Payment", "kind"), (code) => `pay.kind.${code}`],
    ["import statuses", codesOf("PatentImport", "status"), (code) => `import.status.${code}`],
    ["need visibility", codesOf("TechnologyNeed", "visibility"), (code) => `need.visibility.${code}`],
    ["license statuses", ["ACTIVE", "AWAITING_PAYMENT", "ENDED"], (code) => `status.${code}`],
  ];

  it.each(ENUMERATIONS)("has a text in both languages for every one of the %s", (_, codes, keyOf) => {
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.map(keyOf).filter((key) => !hasTexts(key))).toEqual([]);
  });

  it("names every patent type, legal status, fee model, schedule, license kind, term, cluster and field in both languages", () => {
    const vocabularies = {
      PATENT_TYPES,
      LEGAL_STATUSES,
      FEE_MODELS,
      PAYMENT_SCHEDULES,
      LICENSE_KINDS,
      REMAINING_TERM_BUCKETS,
    };
    const missing = Object.entries(vocabularies).flatMap(([name, entries]) =>
      Object.entries(entries as Record<string, { zh: string; en: string }>)
        .filter(([, text]) => !text.zh?.trim() || !text.en?.trim())
        .map(([code]) => `${name}.${code}`),
    );
    for (const area of [...CLUSTERS, ...FIELDS]) if (!area.zh.trim() || !area.en.trim()) missing.push(area.code);
    expect(missing).toEqual([]);
    // The schema's codes are the vocabularies' codes.
    expect(codesOf("Patent", "type").sort()).toEqual(Object.keys(PATENT_TYPES).sort());
    expect(codesOf("OpenLicenseDeclaration", "feeModel").sort()).toEqual(Object.keys(FEE_MODELS).sort());
    expect(codesOf("License", "kind").every((code) => code in LICENSE_KINDS)).toBe(true);
  });
});

describe("the two languages", () => {
  const keys = Object.keys(
    Object.fromEntries(
      files.flatMap(({ text }) => [...text.matchAll(/\bt\("([A-Za-z][\w.-]+)"/g)].map((m) => [m[1], true])),
    ),
  );

  it("fill the same values in Chinese and English", () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();
    const differing = keys.filter(
      (key) => isMessageKey(key) && placeholders(zh(key)).join() !== placeholders(en(key)).join(),
    );
    expect(differing).toEqual([]);
  });

  it("say 1 organisation and 2 organisations in English, and 件 for any count in Chinese", () => {
    expect(formatMessage("en", "{count, plural, one {# organisation} other {# organisations}}", { count: 1 })).toBe(
      "1 organisation",
    );
    expect(
      formatMessage("en", "{count, plural, one {# organisation} other {# organisations}}", { count: "1,234" }),
    ).toBe("1,234 organisations");
    expect(formatMessage("zh", "{count, plural, other {# 家机构}}", { count: 1 })).toBe("1 家机构");
    expect(en("patent.licensees", { count: "1" })).toBe("1 organisation already holds a license");
    expect(en("patent.licensees", { count: "3" })).toBe("3 organisations already hold a license");
    expect(en("search.results", { total: "1" })).toBe("1 patent");
    expect(en("search.results", { total: "0" })).toBe("0 patents");
    expect(zh("search.results", { total: "1" })).toBe("共 1 件专利");
  });

  it("carry a refusal's values with its key, translated where it is shown", () => {
    const message = messageKey("identifier.checkCharacter", { given: "8", expected: "7" });
    expect(parseMessageKey(message)).toEqual({
      key: "identifier.checkCharacter",
      values: { given: "8", expected: "7" },
    });
    expect(messageIn("en", message)).toBe("the check character is 8 but should be 7");
    expect(messageIn("zh", message)).toBe("校验位是 8，应为 7");
    expect(messageIn("zh", "auth.forbidden" satisfies MessageKey)).toBe(zh("auth.forbidden"));
    expect(messageIn("zh", "toString")).toBe("toString");
    expect(messageIn("en", "plain text {not json")).toBe("plain text {not json");
  });
});
