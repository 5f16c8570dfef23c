import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { formatBasisPoints, formatFen } from "~/lib/format";
import { localized, messageIn } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { yuanToFen } from "~/lib/money";
import { FEE_MODELS, PAYMENT_SCHEDULES, type FeeModel, type PaymentSchedule } from "~/models/patent/vocabulary";

type Errors = Record<string, string | undefined>;

const AMOUNTS: Record<FeeModel, Array<"lumpSum" | "entryFee" | "royaltyPercent" | "perUnit">> = {
  LUMP_SUM: ["lumpSum"],
  ROYALTY: ["royaltyPercent"],
  PER_UNIT: ["perUnit"],
  ENTRY_PLUS_ROYALTY: ["entryFee", "royaltyPercent"],
};

type Submitted = Record<string, unknown>;
const sentText = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Staff declare an open license (or new terms) with a live preview of the public declaration; on a co-owned
 * patent, with one fieldset per co-owner for its written consent. `values` is what was sent before, shown again
 * with its errors. */
export function DeclareOpenLicenseForm({
  errors,
  values: submitted = {},
  hasActive,
  coOwners = [],
  children,
}: {
  errors: Errors;
  values?: Submitted;
  hasActive: boolean;
  coOwners?: Array<{ id: string; name: string; nameEn: string | null }>;
  children?: React.ReactNode;
}) {
  const { t, language } = useLanguage();
  const busy = useNavigation().state === "submitting";
  const [values, setValues] = useState<Record<string, string>>(() => ({
    feeModel: "LUMP_SUM",
    paymentSchedule: "ONCE",
    licenseTermMonths: "36",
    ...Object.fromEntries(
      Object.entries(submitted).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    ),
  }));
  const feeModel = values.feeModel as FeeModel;
  const amount = (name: string) => (values[name] ? Number(values[name]) : NaN);
  const preview = [
    language === "zh" ? FEE_MODELS[feeModel].zh : FEE_MODELS[feeModel].en,
    ...AMOUNTS[feeModel].map((name) => {
      const value = amount(name);
      if (Number.isNaN(value)) return "…";
      return name === "royaltyPercent"
        ? formatBasisPoints(Math.round(value * 100))
        : formatFen(yuanToFen(value), language);
    }),
    language === "zh"
      ? PAYMENT_SCHEDULES[values.paymentSchedule as PaymentSchedule].zh
      : PAYMENT_SCHEDULES[values.paymentSchedule as PaymentSchedule].en,
    t("patent.openLicense.termMonths", { months: values.licenseTermMonths || "…" }),
    values.fieldOfUse || (language === "zh" ? "实施领域不限" : "any field of use"),
  ].join(" · ");
  const select = (
    name: "feeModel" | "paymentSchedule",
    label: string,
    options: Record<string, { zh: string; en: string }>,
  ) => (
    <div className="space-y-1">
      <label htmlFor={`field-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={`field-${name}`}
        name={name}
        value={values[name]}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
        className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
      >
        {Object.entries(options).map(([code, option]) => (
          <option key={code} value={code}>
            {language === "zh" ? option.zh : option.en}
          </option>
        ))}
      </select>
    </div>
  );
  const sentCoOwners = (submitted.coOwners ?? {}) as Record<string, Submitted | undefined>;
  return (
    <Form
      method="post"
      className="space-y-3"
      noValidate
      onChange={(event) => {
        const input = event.target as HTMLInputElement;
        if (input.name) setValues((current) => ({ ...current, [input.name]: input.value }));
      }}
    >
      <input type="hidden" name="intent" value="declare" />
      {children}
      <FormError error={errors.form} />
      {select("feeModel", t("patent.openLicense.feeModel"), FEE_MODELS)}
      {AMOUNTS[feeModel].map((name) => (
        <Field
          key={name}
          name={name}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          label={t(`ol.${name}`)}
          error={errors[name]}
          defaultValue={sentText(submitted[name])}
          required
        />
      ))}
      {select("paymentSchedule", t("patent.openLicense.schedule"), PAYMENT_SCHEDULES)}
      <Field
        name="licenseTermMonths"
        type="number"
        min={1}
        max={240}
        defaultValue={sentText(submitted.licenseTermMonths) ?? "36"}
        label={t("ol.termMonths")}
        error={errors.licenseTermMonths}
        required
      />
      <Field
        name="fieldOfUse"
        label={t("ol.fieldOfUse")}
        error={errors.fieldOfUse}
        defaultValue={sentText(submitted.fieldOfUse)}
        maxLength={200}
      />
      {coOwners.length > 0 && (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">{t("ol.consent.lead")}</p>
          <FormError error={errors.consents} />
          {coOwners.map((coOwner, index) => (
            <CoOwnerConsentFieldset
              key={coOwner.id}
              index={index}
              coOwner={coOwner}
              sent={sentCoOwners[String(index)] ?? {}}
              errors={errors}
            />
          ))}
        </div>
      )}
      <div>
        <p className="text-sm font-medium">{t("ol.preview")}</p>
        <output aria-live="polite" className="mt-1 block rounded bg-slate-50 p-2 text-sm">
          {preview}
        </output>
      </div>
      <SubmitButton busy={busy}>{hasActive ? t("ol.newVersion") : t("ol.declareSubmit")}</SubmitButton>
    </Form>
  );
}

/** One co-owner's written consent (Patent Law art. 14): the box, the day it consented, its document's reference. */
function CoOwnerConsentFieldset({
  index,
  coOwner,
  sent,
  errors,
}: {
  index: number;
  coOwner: { id: string; name: string; nameEn: string | null };
  sent: Submitted;
  errors: Errors;
}) {
  const { t, language } = useLanguage();
  const prefix = `coOwners.${index}`;
  const boxId = `field-coOwners-${index}-consented`;
  const boxError = errors[`${prefix}.organizationId`] ?? errors[`${prefix}.consented`];
  return (
    <fieldset className="space-y-2 rounded border border-slate-300 p-3">
      <legend className="px-1 text-sm font-semibold">
        {t("ol.consent.coOwner", { name: localized(language, coOwner.name, coOwner.nameEn) })}
      </legend>
      <input type="hidden" name={`${prefix}.organizationId`} value={coOwner.id} />
      <label htmlFor={boxId} className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          id={boxId}
          name={`${prefix}.consented`}
          value="yes"
          defaultChecked={sent.consented !== undefined}
          className="mt-1"
          aria-invalid={boxError ? true : undefined}
          aria-describedby={boxError ? `${boxId}-error` : undefined}
        />
        <span>{t("ol.consent.given")}</span>
      </label>
      {boxError && (
        <p id={`${boxId}-error`} className="text-sm text-red-700">
          {messageIn(language, boxError)}
        </p>
      )}
      <Field
        name={`${prefix}.consentedOn`}
        type="date"
        label={t("ol.consent.date")}
        defaultValue={sentText(sent.consentedOn)}
        error={errors[`${prefix}.consentedOn`]}
      />
      <Field
        name={`${prefix}.reference`}
        label={t("ol.consent.reference")}
        defaultValue={sentText(sent.reference)}
        maxLength={100}
        error={errors[`${prefix}.reference`]}
      />
    </fieldset>
  );
}

export function WithdrawOpenLicenseForm({ declarationId }: { declarationId: string }) {
  const { t } = useLanguage();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="declarationId" value={declarationId} />
      <button type="submit" className="rounded px-3 py-1.5 text-sm text-red-700 ring-1 ring-red-300 hover:bg-red-50">
        {t("ol.withdraw")}
      </button>
    </Form>
  );
}

/** A verified SME signs: full name, intended use, and the agreement box. */
export function TakeOpenLicenseForm({ declarationId, errors }: { declarationId: string; errors: Errors }) {
  const { t, language } = useLanguage();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" className="space-y-3" noValidate>
      <input type="hidden" name="intent" value="accept" />
      <input type="hidden" name="declarationId" value={declarationId} />
      <p className="text-sm text-slate-700">{t("ol.takeLead")}</p>
      <FormError error={errors.form} />
      <Field
        name="signatoryName"
        label={t("ol.signatory")}
        autoComplete="name"
        error={errors.signatoryName}
        maxLength={100}
        required
      />
      <div className="space-y-1">
        <label htmlFor="field-intendedUse" className="block text-sm font-medium">
          {t("ol.intendedUse")}
        </label>
        <textarea
          id="field-intendedUse"
          name="intendedUse"
          rows={2}
          maxLength={1000}
          required
          aria-invalid={errors.intendedUse ? true : undefined}
          aria-describedby={errors.intendedUse ? "field-intendedUse-error" : undefined}
          className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
        />
        {errors.intendedUse && (
          <p id="field-intendedUse-error" className="text-sm text-red-700">
            {messageIn(language, errors.intendedUse)}
          </p>
        )}
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="agree"
          className="mt-1"
          aria-invalid={errors.agree ? true : undefined}
          aria-describedby={errors.agree ? "field-agree-error" : undefined}
        />
        <span>{t("ol.agree")}</span>
      </label>
      {errors.agree && (
        <p id="field-agree-error" className="text-sm text-red-700">
          {messageIn(language, errors.agree)}
        </p>
      )}
      <SubmitButton busy={busy}>{t("ol.sign")}</SubmitButton>
    </Form>
  );
}

export function SignInToTake() {
  const { t } = useLanguage();
  // Back to this very page after signing in (the patent, its filters), not to the home page.
  const { pathname, search } = useLocation();
  return (
    <p className="text-sm">
      <Link to={`/login?redirectTo=${encodeURIComponent(pathname + search)}`} className="text-brand-700 underline">
        {t("ol.signInToTake")}
      </Link>
    </p>
  );
}
