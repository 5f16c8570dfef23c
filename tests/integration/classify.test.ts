// Patents imported without a main IPC get one in the assessment step (/university/assessment): the list asks for
// it, the page's form saves it, and search then files the patent under its class.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { replyErrors, type FormReply } from "~/lib/form-action.server";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { classifyPatents, listForAssessment } from "~/models/assessment/assessment.server";
import { parseSearchParams } from "~/models/search/search-params";
import { patentSearch } from "~/models/search/service.server";
import { action as assessmentAction } from "~/routes/university.assessment";
import { createPatent, createUniversity } from "../helpers/fixtures";

const NOW = new Date("2026-06-01T00:00:00Z");
const cookieOf = async (userId: string) => (await startSession(userId, 1)).split(";")[0];

let staff: CurrentUser;
let otherStaff: CurrentUser;
let university: { id: string };
let unclassified: Array<{ id: number }>;
let classified: { id: number };

async function staffOf(organizationId: string, email: string): Promise<CurrentUser> {
  const user = await createUser({
    email,
    name: email,
    password: "staff password",
    role: "UNIVERSITY_STAFF",
    organizationId,
  });
  return (await getUser(new Request("http://localhost/", { headers: { Cookie: await cookieOf(user.id) } })))!;
}

beforeAll(async () => {
  university = await createUniversity("重庆分类大学", "Chongqing Classification University");
  const other = await createUniversity("西南分类大学", "Southwest Classification University");
  staff = await staffOf(university.id, "tto@classify.example");
  otherStaff = await staffOf(other.id, "other@classify.example");
  // Assessed a month ago with a score and a readiness level: only the missing main IPC makes them due.
  const assessed = { assessedAt: new Date(NOW.getTime() - 30 * 86_400_000), valueScore: 60, maturity: 5 };
  unclassified = [
    await createPatent({
      ownerId: university.id,
      title: "一种柑橘分选装置",
      ipcMain: "",
      ipcOthers: "B07C 5/34",
      ...assessed,
    }),
    await createPatent({ ownerId: university.id, title: "一种桥梁裂缝检测方法", ipcMain: "", ...assessed }),
  ];
  classified = await createPatent({ ownerId: university.id, title: "一种减速器", ipcMain: "F16H 1/32", ...assessed });
});

const searchIds = async (query: string) => {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return (await patentSearch().search(parsed.params)).items.map((item) => item.id);
};

async function post(fields: Record<string, string>, as: CurrentUser = staff) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ intent: "classify", ...fields })) form.append(name, value);
  const result = (await assessmentAction({
    request: new Request("http://localhost/university/assessment", {
      method: "POST",
      headers: { Origin: "http://localhost", Host: "localhost", Cookie: await cookieOf(as.id) },
      body: form,
    }),
    params: {},
    context: {},
  })) as unknown as
    { init: { status: number }; data: { result: FormReply } } | { result: FormReply; classified?: number };
  const { status, reply } =
    "data" in result ? { status: result.init.status, reply: result.data } : { status: 200, reply: result };
  return { status, ...reply, errors: replyErrors(reply.result), values: reply.result.initialValue };
}

describe("a patent without a main IPC", () => {
  it("is due for assessment and listed by its own filter", async () => {
    const due = await listForAssessment(staff, university.id, { page: 1, q: "", sort: "title", dir: "asc" }, NOW);
    expect(due.filter).toBe("due");
    expect(due.patents.map((p) => p.id).sort()).toEqual(unclassified.map((p) => p.id).sort());
    const own = await listForAssessment(
      staff,
      university.id,
      { page: 1, q: "", sort: "title", dir: "asc", filter: "unclassified" },
      NOW,
    );
    expect(own.patents.map((p) => [p.id, p.ipcMain])).toEqual(
      expect.arrayContaining(unclassified.map((p) => [p.id, ""])),
    );
    expect(own.total).toBe(2);
  });

  it("refuses what is not an IPC group on its own field, keeping every code typed, and saves nothing", async () => {
    const [sorter, bridge] = unclassified;
    const refused = await post({ [`ipc.${sorter.id}`]: "B07C5/34", [`ipc.${bridge.id}`]: "桥梁" });
    expect(refused).toMatchObject({ status: 400, errors: { [`ipc.${bridge.id}`]: expect.stringContaining("桥梁") } });
    expect(refused.values).toMatchObject({ ipc: { [sorter.id]: "B07C5/34", [bridge.id]: "桥梁" } });
    expect(await post({ [`ipc.${sorter.id}`]: " " })).toMatchObject({ status: 400, errors: { "": "assess.ipc.none" } });
    expect(await post({ "ipc.x1": "B07C 5/34" })).toMatchObject({ status: 400 });
    const stored = await prisma.patent.findMany({ where: { id: { in: unclassified.map((p) => p.id) } } });
    expect(stored.map((p) => p.ipcMain)).toEqual(["", ""]);
  });

  it("refuses another university's staff and a patent that has one already", async () => {
    const [sorter] = unclassified;
    expect(await post({ [`ipc.${sorter.id}`]: "B07C 5/34" }, otherStaff)).toMatchObject({
      status: 403,
      errors: { "": "assess.notYours" },
    });
    await expect(classifyPatents(staff, new Map([[classified.id, "H01M 10/052"]]))).rejects.toMatchObject({
      status: 409,
      path: `ipc.${classified.id}`,
    });
    expect((await prisma.patent.findUniqueOrThrow({ where: { id: classified.id } })).ipcMain).toBe("F16H 1/32");
  });

  it("gets the code typed, written one way, and search files it under its class", async () => {
    const [sorter, bridge] = unclassified;
    expect(await searchIds("class=B07")).not.toContain(sorter.id);
    const saved = await post({ [`ipc.${sorter.id}`]: "b07c5/34", [`ipc.${bridge.id}`]: "" });
    expect(saved).toMatchObject({ status: 200, classified: 1 });
    const stored = await prisma.patent.findUniqueOrThrow({ where: { id: sorter.id } });
    // The code typed was also among the other classifications: it is the main one now, not both.
    expect([stored.ipcMain, stored.ipcOthers]).toEqual(["B07C 5/34", ""]);
    expect((await prisma.patent.findUniqueOrThrow({ where: { id: bridge.id } })).ipcMain).toBe("");
    await expect.poll(() => searchIds("class=B07")).toContain(sorter.id);
    const due = await listForAssessment(staff, university.id, { page: 1, q: "", sort: "title", dir: "asc" }, NOW);
    expect(due.patents.map((p) => p.id)).toEqual([bridge.id]);
  });
});
