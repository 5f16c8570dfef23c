// The shared data tables. SmallTable: a small table of facts (a payment's receipts, a license's royalty reports, a
// price guide) that scrolls sideways in its own box on a narrow screen, its column headers padding all but the last
// column, its rows the children. Table: a data table with a caption for screen readers and scoped column headers.
import type { ReactNode } from "react";

export function SmallTable({
  headers,
  children,
  compact = false,
}: {
  headers: ReactNode[];
  /** the tbody's rows */
  children: ReactNode;
  /** inside a text-sm box already: narrower gaps and a margin above */
  compact?: boolean;
}) {
  const padded = compact ? "py-1 pr-2" : "py-1 pr-3";
  return (
    <div className={compact ? "mt-2 overflow-x-auto" : "overflow-x-auto"}>
      <table className={compact ? "w-full text-left" : "w-full text-left text-sm"}>
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th key={index} scope="col" className={index < headers.length - 1 ? padded : "py-1"}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A data table with a caption for screen readers and headers that scope their columns. */
export function Table({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-semibold">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export const cell = "px-3 py-2 align-top";
