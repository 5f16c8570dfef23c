import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { requireRole } from "~/lib/auth.server";
import { languageOf } from "~/lib/i18n";
import { importTemplateCsv, importTemplateXlsx, templateFileName } from "~/models/import/template.server";

const TemplateQuery = z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx") });

/** GET /university/import/template?format=xlsx|csv: the import template, its headers in the user's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "UNIVERSITY_STAFF", "ADMIN");
  const language = languageOf(request);
  const query = TemplateQuery.safeParse({ format: new URL(request.url).searchParams.get("format") ?? undefined });
  // The error page words the key in the user's language.
  if (!query.success) throw data({ error: "import.template.badFormat" }, { status: 400 });
  const { format } = query.data;
  const body = format === "csv" ? importTemplateCsv(language) : new Uint8Array(await importTemplateXlsx(language));
  const name = templateFileName(format, language);
  return new Response(body, {
    headers: {
      "Content-Type":
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="patent-import-template.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
