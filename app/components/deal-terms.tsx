// A deal's terms as a table (with the changes from the previous offer marked) and as form fields for a request
// or a counter-offer. Only the fields of the chosen kind and fee model are shown and sent.
import { Form } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { formatBasisPoints, formatFen } from "~/lib/format";
import { messageIn, type Language } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";
import { fenToYuan } from "~/lib/money";
import { type DealTerms } from "~/models/deal/terms";
import {
  changedTerms,
  DEAL_KINDS,
  OWNERSHIP_PASSES,
  REQUIRED_AMOUNTS,
  ROYALTY_BASES,
  TERM_ROWS,
  type DealKind,
  type TermRow,
} from "~/models/deal/vocabulary";
import { FEE_MODELS, PAYMENT_SCHEDULES, type FeeModel } from "~/models/patent/vocabulary";
import { Field, SubmitButton } from "./ui/form";

/** The value of one row of the terms table, in the reader's language. */
export function termValue(
  row: TermRow,
  terms: Partial<DealTerms>,
  language: Language,
  t: (key: never, values?: Record<string, string | number>) => string,
): string | null {
  const value = terms[row];
  if (value === undefined || value === null) return null;
  const label = (entry: { zh: string; en: string }) => entry[language];
  switch (row) {
    case "kind":
      return t(`deal.kind.${value as DealKind}` as never);
    case "feeModel":
      return label(FEE_MODELS[value as FeeModel]);
    case "royaltyBasisPoints":
      return formatBasisPoints(value as number);
    case "royaltyBase":
      return label(ROYALTY_BASES[value as keyof typeof ROYALTY_BASES]);
    case "paymentSchedule":
      return label(PAYMENT_SCHEDULES[value as keyof typeof PAYMENT_SCHEDULES]);
    case "ownershipPasses":
      return label(OWNERSHIP_PASSES[value as keyof typeof OWNERSHIP_PASSES]);
    case "licenseTermMonths":
      return t("patent.openLicense.termMonths" as never, { months: value as number });
    case "territory":
    case "fieldOfUse":
      return String(value);
    default:
      return formatFen(value as number, language);
  }
}

/** The terms of one offer; rows changed from the previous offer are marked (and said so to screen readers). */
export function TermsTable({
  terms,
  previous,
  caption,
}: {
  terms: Partial<DealTerms>;
  previous?: Partial<DealTerms> | null;
  caption: string;
}) {
  const { t, language } = useLanguage();
  const changed = previous === undefined ? new Set<TermRow>() : changedTerms(previous, terms);
  const rows = TERM_ROWS.filter((row) => terms[row] !== undefined || (previous && previous[row] !== undefined));
  return (
    <table className="mt-2 w-full table-fixed border-collapse text-sm">
      <caption className="text-left text-xs text-slate-600">{caption}</caption>
      <tbody>
        {rows.map((row) => {
          const value = termValue(row, terms, language, t as never);
          const isChanged = changed.has(row) && previous;
          return (
            <tr
              key={row}
              className={`border-t border-slate-200 ${isChanged ? "bg-amber-50" : ""}`}
              data-changed={isChanged ? "true" : undefined}
            >
              <th scope="row" className="w-2/5 py-1 pr-2 text-left font-medium text-slate-700">
                {t(`deal.term.${row}`)}
              </th>
              <td className="break-words py-1">
                {isChanged ? (
                  <>
                    <mark className="bg-amber-200 px-0.5">{value ?? t("deal.term.none")}</mark>
                    <span className="ml-1 text-xs text-slate-600">
                      (
                      {t("deal.term.was", {
                        value: termValue(row, previous!, language, t as never) ?? t("deal.term.none"),
                      })}
                      )
                    </span>
                  </>
                ) : (
                  (value ?? "—")
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const yuan = (fen: number | undefined) => (fen === undefined ? "" : fenToYuan(fen));
const percent = (basisPoints: number | undefined) => (basisPoints === undefined ? "" : String(basisPoints / 100));

function Select({
  name,
  label,
  value,
  onChange,
  options,
  error,
}: {
  name: string;
  label: string;
  value: string;
  onChange?: (value: string) => void;
  options: Array<[string, string]>;
  error?: string;
}) {
  const { language } = useLanguage();
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        {...(onChange
          ? { value, onChange: (event: React.ChangeEvent<HTMLSelectElement>) => onChange(event.target.value) }
          : { defaultValue: value })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
      >
        {options.map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {messageIn(language, error)}
        </p>
      )}
    </div>
  );
}

/** The fields of full terms, filled with `initial` (the terms on the table, for a counter-offer). */
export function DealTermsFields({
  initial,
  errors,
  kinds = DEAL_KINDS,
}: {
  initial?: Partial<DealTerms>;
  errors: Record<string, string | undefined>;
  kinds?: readonly DealKind[];
}) {
  const { t, language } = useLanguage();
  const [kind, setKind] = useState<DealKind>(initial?.kind && kinds.includes(initial.kind) ? initial.kind : kinds[0]);
  const [feeModel, setFeeModel] = useState<FeeModel>(initial?.feeModel ?? "LUMP_SUM");
  const [state] = useState(() => ({ ...initial }));
  const [schedule, setSchedule] = useState<string>(initial?.paymentSchedule ?? "ONCE");
  // Before the page's script runs (or without it) every field is shown and the server reads those of the
  // chosen kind and fee model; once it runs, only those are shown.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const amounts = hydrated
    ? REQUIRED_AMOUNTS[feeModel]
    : (["lumpSumFen", "entryFeeFen", "royaltyBasisPoints", "perUnitFen"] as const);
  const label = (entry: { zh: string; en: string }) => entry[language];
  const showAssignment = !hydrated || kind === "ASSIGNMENT";
  const showLicense = !hydrated || kind !== "ASSIGNMENT";
  return (
    <div className="space-y-3">
      <Select
        name="kind"
        label={t("deal.kind")}
        value={kind}
        onChange={(value) => setKind(value as DealKind)}
        options={kinds.map((code) => [code, t(`deal.kind.${code}`)])}
        error={errors.kind}
      />
      {!hydrated && <p className="text-xs text-slate-600">{t("deal.term.noScriptHint")}</p>}
      {showAssignment && (
        <>
          <Field
            name="price"
            inputMode="decimal"
            label={t("deal.term.priceYuan")}
            defaultValue={yuan(state.priceFen)}
            error={errors.price}
            required
          />
          <Select
            name="ownershipPasses"
            label={t("deal.term.ownershipPasses")}
            value={state.ownershipPasses ?? "ON_SIGNATURE"}
            options={Object.entries(OWNERSHIP_PASSES).map(([code, entry]) => [code, label(entry)])}
            error={errors.ownershipPasses}
          />
          {kind === "ASSIGNMENT" && (
            <Select
              name="paymentSchedule"
              label={t("deal.term.paymentSchedule")}
              value={schedule === "QUARTERLY" ? "ONCE" : schedule}
              onChange={setSchedule}
              options={(["ONCE", "YEARLY"] as const).map((code) => [code, label(PAYMENT_SCHEDULES[code])])}
              error={errors.paymentSchedule}
            />
          )}
        </>
      )}
      {showLicense && (
        <>
          <Select
            name="feeModel"
            label={t("deal.term.feeModel")}
            value={feeModel}
            onChange={(value) => setFeeModel(value as FeeModel)}
            options={Object.entries(FEE_MODELS).map(([code, entry]) => [code, label(entry)])}
            error={errors.feeModel}
          />
          {amounts.includes("lumpSumFen") && (
            <Field
              name="lumpSum"
              inputMode="decimal"
              label={t("deal.term.lumpSumYuan")}
              defaultValue={yuan(state.lumpSumFen)}
              error={errors.lumpSum}
              required
            />
          )}
          {amounts.includes("entryFeeFen") && (
            <Field
              name="entryFee"
              inputMode="decimal"
              label={t("deal.term.entryFeeYuan")}
              defaultValue={yuan(state.entryFeeFen)}
              error={errors.entryFee}
              required
            />
          )}
          {amounts.includes("royaltyBasisPoints") && (
            <>
              <Field
                name="royaltyPercent"
                inputMode="decimal"
                label={t("deal.term.royaltyPercent")}
                defaultValue={percent(state.royaltyBasisPoints)}
                error={errors.royaltyPercent}
                required
              />
              <Select
                name="royaltyBase"
                label={t("deal.term.royaltyBase")}
                value={state.royaltyBase ?? "NET_SALES"}
                options={Object.entries(ROYALTY_BASES).map(([code, entry]) => [code, label(entry)])}
                error={errors.royaltyBase}
              />
            </>
          )}
          {amounts.includes("perUnitFen") && (
            <Field
              name="perUnit"
              inputMode="decimal"
              label={t("deal.term.perUnitYuan")}
              defaultValue={yuan(state.perUnitFen)}
              error={errors.perUnit}
              required
            />
          )}
          {(!hydrated || feeModel !== "LUMP_SUM") && (
            <Field
              name="minimumAnnualRoyalty"
              inputMode="decimal"
              label={t("deal.term.minimumAnnualRoyaltyYuan")}
              hint={t("deal.term.optional")}
              defaultValue={yuan(state.minimumAnnualRoyaltyFen)}
              error={errors.minimumAnnualRoyalty}
            />
          )}
          {kind !== "ASSIGNMENT" && (
            <Select
              name="paymentSchedule"
              label={t("deal.term.paymentSchedule")}
              value={feeModel === "LUMP_SUM" || !hydrated ? schedule : schedule === "ONCE" ? "YEARLY" : schedule}
              onChange={setSchedule}
              options={(feeModel === "LUMP_SUM" || !hydrated
                ? (["ONCE", "YEARLY", "QUARTERLY"] as const)
                : (["YEARLY", "QUARTERLY"] as const)
              ).map((code) => [code, label(PAYMENT_SCHEDULES[code])])}
              error={errors.paymentSchedule}
            />
          )}
          <Field
            name="licenseTermMonths"
            type="number"
            min={1}
            max={240}
            label={t("ol.termMonths")}
            defaultValue={state.licenseTermMonths ?? 36}
            error={errors.licenseTermMonths}
            required
          />
          <Field
            name="territory"
            label={t("deal.term.territory")}
            defaultValue={state.territory ?? "中国大陆"}
            maxLength={100}
            error={errors.territory}
            required
          />
          <Field
            name="fieldOfUse"
            label={t("deal.term.fieldOfUse")}
            hint={t("deal.term.fieldOfUseHint")}
            defaultValue={state.fieldOfUse ?? ""}
            maxLength={200}
            error={errors.fieldOfUse}
          />
        </>
      )}
    </div>
  );
}

/** A request for a negotiated license or an assignment, with its full terms and a message: a company's on the patent
 * page, or a university's proposal answering a need (intent "propose", the patents to propose as children). */
export function DealRequestTermsForm({
  errors,
  kinds = DEAL_KINDS,
  intent = "deal",
  submitLabel,
  children,
}: {
  errors: Record<string, string | undefined>;
  kinds?: readonly DealKind[];
  intent?: string;
  submitLabel?: string;
  children?: ReactNode;
}) {
  const { t, language } = useLanguage();
  return (
    <Form method="post" className="space-y-3" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {errors.form && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {messageIn(language, errors.form)}
        </p>
      )}
      {children}
      <DealTermsFields errors={errors} kinds={kinds} />
      <div className="space-y-1">
        <label htmlFor="field-message" className="block text-sm font-medium">
          {t("deal.message")}
        </label>
        <textarea
          id="field-message"
          name="message"
          rows={3}
          maxLength={4000}
          className="block w-full rounded border border-slate-300 bg-white px-3 py-2"
        />
        {errors.message && <p className="text-sm text-red-700">{messageIn(language, errors.message)}</p>}
      </div>
      <SubmitButton>{submitLabel ?? t("deal.send")}</SubmitButton>
    </Form>
  );
}
