import { describe, expect, it } from "vitest";
import { z } from "zod";
import "~/lib/messages/all";
import "~/lib/zod-messages";
import { DomainError, TryLaterError } from "./errors";
import { answerForm, replyErrors, type FormAnswer } from "./form-action.server";
import { messageIn } from "./i18n";

const Schema = z.object({
  email: z.string().trim().min(1, "validation.required").pipe(z.email("validation.email")),
  password: z.string().min(10, "validation.passwordShort"),
  organization: z.object({ name: z.string().trim().min(1, "validation.required") }),
  agree: z.boolean(),
});

function formOf(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.append(name, value);
  return form;
}

const filled = {
  email: "li@example.com",
  password: "correct horse battery",
  "organization.name": "重庆某科技有限公司",
  agree: "on",
};

function refusalOf<T>(answer: FormAnswer<T>) {
  if (answer.ok) throw new Error("expected a refusal");
  return {
    status: answer.refusal.init?.status,
    headers: new Headers(answer.refusal.init?.headers),
    result: answer.refusal.data.result,
  };
}

describe("answerForm", () => {
  it("runs the domain call with the parsed value, nested names and ticked boxes included", async () => {
    const answer = await answerForm(formOf(filled), Schema, async (value) => value, { checkboxes: ["agree"] });
    expect(answer).toMatchObject({
      ok: true,
      done: { email: "li@example.com", organization: { name: "重庆某科技有限公司" }, agree: true },
    });
  });

  it("refuses invalid fields with 400, one message key per field, and keeps what was typed except passwords", async () => {
    let called = false;
    const answer = await answerForm(
      formOf({ email: "not an address", password: "short", "organization.name": " " }),
      Schema,
      async () => (called = true),
      { checkboxes: ["agree"] },
    );
    const { status, result } = refusalOf(answer);
    expect(called).toBe(false);
    expect(status).toBe(400);
    expect(replyErrors(result)).toEqual({
      email: "validation.email",
      password: "validation.passwordShort",
      "organization.name": "validation.required",
    });
    expect(result.initialValue).toEqual({ email: "not an address", organization: { name: " " } });
  });

  it("turns a DomainError on a field into that field's error, in Chinese and in English", async () => {
    const refusal = new DomainError("EMAIL_TAKEN", "validation.emailTaken", { status: 409, path: "email" });
    const { status, result } = refusalOf(
      await answerForm(formOf(filled), Schema, async () => Promise.reject(refusal), { checkboxes: ["agree"] }),
    );
    expect(status).toBe(409);
    const message = replyErrors(result).email;
    expect(messageIn("zh", message)).toBe("该邮箱已注册");
    expect(messageIn("en", message)).toBe("This email is already registered");
    expect(result.initialValue).toMatchObject({
      email: "li@example.com",
      organization: { name: "重庆某科技有限公司" },
    });
    expect(result.initialValue).not.toHaveProperty("password");
  });

  it("turns a DomainError without a field into the form's error, its values filled in either language", async () => {
    const refusal = new DomainError("TOO_LONG", "validation.max.characters", { values: { maximum: 5 } });
    const { result } = refusalOf(
      await answerForm(formOf(filled), Schema, async () => Promise.reject(refusal), { checkboxes: ["agree"] }),
    );
    const message = replyErrors(result)[""];
    expect(messageIn("zh", message)).toBe("最多 5 个字符");
    expect(messageIn("en", message)).toBe("at most 5 characters");
  });

  it("puts a DomainError without a field on the field the page names", async () => {
    const refusal = new DomainError("WRONG_PASSWORD", "validation.passwordShort");
    const { result } = refusalOf(
      await answerForm(formOf(filled), Schema, async () => Promise.reject(refusal), {
        checkboxes: ["agree"],
        errorField: "password",
      }),
    );
    expect(replyErrors(result)).toEqual({ password: "validation.passwordShort" });
  });

  it("answers a refusal for now with 429 and Retry-After", async () => {
    const refusal = new TryLaterError("TOO_MANY_ATTEMPTS", "auth.tooManyAttempts", 30);
    const { status, headers, result } = refusalOf(
      await answerForm(formOf(filled), Schema, async () => Promise.reject(refusal), { checkboxes: ["agree"] }),
    );
    expect(status).toBe(429);
    expect(headers.get("Retry-After")).toBe("30");
    expect(messageIn("zh", replyErrors(result)[""])).toBe("登录失败次数过多，请稍候片刻再试");
  });

  it("ignores Conform's reserved names and bracketed names a hostile client may send", async () => {
    const form = formOf({
      ...filled,
      __intent__: "not json",
      __state__: "{",
      "organization[99999999]": "x",
      "organization.99999999": "y",
    });
    const answer = await answerForm(form, Schema, async (value) => value, { checkboxes: ["agree"] });
    expect(answer).toMatchObject({ ok: true, done: { organization: { name: "重庆某科技有限公司" } } });
  });

  it("rethrows anything that is not a domain refusal", async () => {
    await expect(
      answerForm(formOf(filled), Schema, async () => Promise.reject(new Error("bug")), { checkboxes: ["agree"] }),
    ).rejects.toThrow("bug");
  });
});
