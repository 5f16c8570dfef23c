import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/lib/auth.server";
import { apiHandler } from "~/lib/errors";
import { jsonAnswer } from "~/lib/http.server";

/** GET /api/v1/me: the signed-in user and their organisation; 401 without a session. */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiHandler(async () => {
    const { organization, ...user } = await requireUser(request);
    return jsonAnswer({ user: { ...user, organizationId: organization?.id ?? null }, organization });
  });
}
