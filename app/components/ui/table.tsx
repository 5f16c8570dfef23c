// A small table of facts (a payment's receipts, a license's royalty reports, a price guide): it scrolls sideways
// in its own box on a narrow screen, its column headers pad all but the last column, and its rows are the children.
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
