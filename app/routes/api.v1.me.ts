import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler } from "~/lib/errors";

/** GET /api/v1/me: the signed-in user and their organisation; 401 without a session. */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(async () => {
    const { organization, ...user } = await requireUser(request);
    return Response.json({ user: { ...user, organizationId: organization?.id ?? null }, organization });
  });
}
