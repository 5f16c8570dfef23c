import { prisma } from "~/lib/db.server";

/** Liveness and readiness: 200 once the database answers. */
export async function loader() {
  try {
    const patents = await prisma.patent.count();
    return Response.json({ ok: true, patents }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
