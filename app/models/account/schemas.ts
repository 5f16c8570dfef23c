// Validation of account input, shared by the pages and the JSON API. Messages are UI message keys; the API
// answers them in English (messageIn), the pages in the user's language.
import { z } from "zod";
import { parseCreditCode } from "~/models/organization/credit-code";
import { CLUSTERS } from "~/models/taxonomy";

export const EmailSchema = z
  .string({ message: "validation.required" })
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.email"));

const PasswordSchema = z
  .string({ message: "validation.required" })
  .min(10, "validation.passwordShort")
  .max(200, "validation.tooLong");
const NameSchema = z
  .string({ message: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(100, "validation.tooLong");

export const CreditCodeSchema = z
  .string({ message: "validation.required" })
  .trim()
  .toUpperCase()
  .superRefine((code, context) => {
    if (!parseCreditCode(code).ok) context.addIssue({ code: "custom", message: "validation.creditCode" });
  });

/** A password must not be the email address (or contain it). */
function passwordIsNotEmail<T extends { email: string; password: string }>(schema: z.ZodType<T>) {
  return schema.refine((value) => !value.password.toLowerCase().includes(value.email), {
    path: ["password"],
    message: "validation.passwordIsEmail",
  });
}

export const RegisterSchema = passwordIsNotEmail(
  z.object({
    email: EmailSchema,
    password: PasswordSchema,
    name: NameSchema,
    organization: z.object({
      name: z
        .string({ message: "validation.required" })
        .trim()
        .min(2, "validation.required")
        .max(100, "validation.tooLong"),
      creditCode: CreditCodeSchema,
      region: z
        .string({ message: "validation.required" })
        .trim()
        .min(1, "validation.required")
        .max(50, "validation.tooLong"),
      cluster: z.enum(CLUSTERS.map((c) => c.code) as [string, ...string[]], { message: "validation.cluster" }),
    }),
  }),
);
export type Registration = z.infer<typeof RegisterSchema>;

export const SignInSchema = z.object({
  email: z
    .string({ message: "validation.required" })
    .trim()
    .toLowerCase()
    .min(1, "validation.required")
    .max(254, "validation.tooLong"),
  password: z.string({ message: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong"),
});

export const AcceptInvitationSchema = z.object({ name: NameSchema, password: PasswordSchema });

export const InviteSchema = z.object({
  email: EmailSchema,
  organizationId: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
  canInvite: z.boolean().default(false),
});

export const ResetRequestSchema = z.object({ email: EmailSchema });
export const ResetPasswordSchema = z.object({ password: PasswordSchema });

export const ChangePasswordSchema = z.object({
  currentPassword: z
    .string({ message: "validation.required" })
    .min(1, "validation.required")
    .max(200, "validation.tooLong"),
  password: PasswordSchema,
});
