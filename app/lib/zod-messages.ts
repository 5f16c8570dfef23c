// Every zod message is a message key: a schema that names no message of its own gets one here, in the user's
// language where it is shown, never zod's English ("String must contain at least 1 character(s)"). Imported
// once for its effect by the server entry (app/entry.server.tsx); a schema's own message always comes first.
import { z } from "zod";
import { messageKey, type MessageKey } from "./i18n";

type Issue = {
  code?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: string;
  input?: unknown;
};

/** The message key (with its values) for an issue that its schema gave no message. */
export function zodIssueMessage(issue: Issue): string {
  const limit = (value: unknown) => (typeof value === "bigint" ? Number(value) : (value as number));
  const sized =
    issue.origin === "array" || issue.origin === "set" ? "items" : issue.origin === "string" ? "characters" : "number";
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return "validation.required";
      return issue.expected === "number" || issue.expected === "int" || issue.expected === "bigint"
        ? "validation.number"
        : "validation.invalid";
    case "too_small":
      if (sized === "characters" && limit(issue.minimum) === 1) return "validation.required";
      return messageKey(`validation.min.${sized}` as MessageKey, { minimum: limit(issue.minimum) });
    case "too_big":
      return messageKey(`validation.max.${sized}` as MessageKey, { maximum: limit(issue.maximum) });
    case "invalid_value":
      return "validation.choice";
    case "invalid_format":
      return "validation.format";
    default:
      return "validation.invalid";
  }
}

z.config({ customError: (issue) => zodIssueMessage(issue as Issue) });
