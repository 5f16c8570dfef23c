import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** "← …": the way up from a page to the list or record it belongs to, above its heading. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="text-sm">
      <Link to={to} className="text-brand-700 underline">
        ← {children}
      </Link>
    </p>
  );
}
