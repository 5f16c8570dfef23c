// Needs matched against the pool, universities' proposals, saved searches, watches and the daily digest.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser, type CurrentUser } from "~/lib/auth.server";
import { prisma } from "~/lib/db.server";
import { replyErrors } from "~/lib/forms";
import { startSession } from "~/lib/session.server";
import { createUser } from "~/models/account/account.server";
import { listSavedSearches, runAlerts, saveSearch, sendDailyDigests, watchPatent } from "~/models/alerts.server";
import { advanceDeal, getDealFor } from "~/models/deal/deal.server";
import { createNeed, getNeedFor, matchNeed, proposeForNeed } from "~/models/need/need.server";
import { notificationValues } from "~/models/notification.server";
import { declareOpenLicense, withdrawOpenLicense } from "~/models/open-license/open-license.server";
import { action as needPageAction } from "~/routes/needs.$id";
import { createEnterprise, createPatent, createUniversity } from "../helpers/fixtures";

const NOW = new Date("2026-06-01T00:00:00Z");
const terms = {
  feeModel: "LUMP_SUM" as const,
  lumpSumFen: 20_000_000,
  paymentSchedule: "ONCE" as const,
  licenseTermMonths: 36,
  territory: "中国大陆",
};

async function userOf(email: string, role: "SME" | "UNIVERSITY_STAFF", organizationId: string): Promise<CurrentUser> {
  const created = await createUser({
    email,
    name: email.split("@")[0],
    password: "match password",
    role,
    organizationId,
  });
  const cookie = (await startSession(created.id, 1)).split(";")[0];
  cookies.set(email, cookie);
  return (await getUser(new Request("http://localhost/", { headers: { Cookie: cookie } })))!;
}

const cookies = new Map<string, string>();
let company: CurrentUser;
let unverified: CurrentUser;
let staff: CurrentUser;
let rivalStaff: CurrentUser;
const patents: Record<string, { id: number }> = {};

beforeAll(async () => {
  const university = await createUniversity("重庆大学", "Chongqing University");
  const rival = await createUniversity("西南大学", "Southwest University");
  const verified = await createEnterprise("重庆储能科技有限公司");
  await prisma.organization.update({ where: { id: verified.id }, data: { verifiedAt: NOW } });
  const newcomer = await createEnterprise("重庆新来科技有限公司");
  company = await userOf("buyer@match.example", "SME", verified.id);
  unverified = await userOf("new@match.example", "SME", newcomer.id);
  staff = await userOf("tto@match.example", "UNIVERSITY_STAFF", university.id);
  rivalStaff = await userOf("tto@rival.example", "UNIVERSITY_STAFF", rival.id);
  const make = (key: string, ownerId: string, title: string, abstract: string, cluster: string, ipcMain: string) =>
    createPatent({ ownerId, title, abstract, cluster, ipcMain }).then((patent) => (patents[key] = patent));
  await make(
    "batteryCooling",
    university.id,
    "一种锂电池热管理系统",
    "通过液冷板对锂电池包进行热管理，控制电池温度均匀。",
    "NEW_ENERGY",
    "H01M 10/613",
  );
  await make(
    "batteryOpen",
    university.id,
    "动力电池热管理方法",
    "一种动力电池的热管理方法，根据电池温度调节冷却。",
    "NEW_ENERGY",
    "H01M 10/625",
  );
  await make("separator", rival.id, "锂电池隔膜材料", "一种耐高温的锂电池隔膜。", "NEW_ENERGY", "H01M 50/403");
  await make("engine", rival.id, "发动机热管理装置", "发动机冷却液的热管理装置。", "NEV", "F01P 7/16");
  await make("chip", rival.id, "芯片散热结构", "一种芯片的散热片结构。", "ELECTRONICS", "H01L 23/367");
  await declareOpenLicense(staff, patents.batteryOpen.id, terms, NOW);
});

describe("technology needs", () => {
  it("rank battery thermal-management patents first for a need about 锂电池 热管理, open licenses first, with reasons", async () => {
    const matches = await matchNeed({
      title: "锂电池 热管理",
      description: "储能电站的锂电池包需要热管理方案，控制电池温度。",
      cluster: "NEW_ENERGY",
    });
    const ids = matches.map((match) => match.patent.id);
    expect(ids.slice(0, 2)).toEqual([patents.batteryOpen.id, patents.batteryCooling.id]);
    expect(ids.indexOf(patents.chip.id)).toBe(-1);
    const best = matches[1];
    expect(best.reasons.map((reason) => reason.kind)).toEqual(expect.arrayContaining(["words", "cluster"]));
    expect(matches[0].reasons.map((reason) => reason.kind)).toContain("openLicense");
    expect(matches[0].openLicense).not.toBeNull();
  });

  it("are posted by verified companies and shown to the right eyes", async () => {
    await expect(
      createNeed(unverified, {
        title: "一个需求",
        description: "需要一种电池热管理方案。",
        cluster: null,
        budgetMinFen: null,
        budgetMaxFen: null,
        deadline: null,
        visibility: "PUBLIC",
      }),
    ).rejects.toMatchObject({ status: 403 });
    const need = await createNeed(company, {
      title: "储能电池热管理",
      description: "储能电站的锂电池包需要热管理方案。",
      cluster: "NEW_ENERGY",
      budgetMinFen: 10_000_000,
      budgetMaxFen: 50_000_000,
      deadline: null,
      visibility: "UNIVERSITIES",
    });
    expect((await getNeedFor(staff, need.id)).title).toBe("储能电池热管理");
    expect((await getNeedFor(company, need.id)).isOwner).toBe(true);
    await expect(getNeedFor(unverified, need.id)).rejects.toMatchObject({ status: 404 });
    await expect(getNeedFor(null, need.id)).rejects.toMatchObject({ status: 404 });
  });

  it("are answered by a university with its own patents, as deal proposals the company can accept", async () => {
    const need = await createNeed(company, {
      title: "电池热管理",
      description: "需要锂电池热管理技术。",
      cluster: null,
      budgetMinFen: null,
      budgetMaxFen: null,
      deadline: null,
      visibility: "PUBLIC",
    });
    await expect(
      proposeForNeed(
        staff,
        need.id,
        { patentIds: [patents.separator.id], message: "请看", terms: { ...terms, kind: "ORDINARY" } },
        NOW,
      ),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      proposeForNeed(
        rivalStaff,
        need.id,
        { patentIds: [patents.batteryOpen.id], message: "", terms: { ...terms, kind: "ORDINARY" } },
        NOW,
      ),
    ).rejects.toMatchObject({ status: 403 });
    // Patent Law art. 51: no exclusive license on a patent under open license, even in a proposal.
    await expect(
      proposeForNeed(
        staff,
        need.id,
        { patentIds: [patents.batteryOpen.id], message: "", terms: { ...terms, kind: "EXCLUSIVE" } },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "OPEN_LICENSE_DECLARED" });
    const proposal = await proposeForNeed(
      staff,
      need.id,
      {
        patentIds: [patents.batteryCooling.id],
        message: "本校的液冷热管理专利可满足需求",
        terms: { ...terms, kind: "ORDINARY" },
      },
      NOW,
    );
    const deal = await prisma.deal.findFirstOrThrow({ where: { proposalId: proposal.id } });
    expect(deal).toMatchObject({
      requesterId: company.organization!.id,
      ownerId: staff.organization!.id,
      termsBy: "OWNER",
      status: "NEGOTIATING",
    });
    expect(
      await prisma.notification.count({
        where: { organizationId: company.organization!.id, kind: "notify.needProposal" },
      }),
    ).toBe(1);
    const accepted = await advanceDeal(company, deal.id, { step: "accept" }, NOW);
    expect(accepted.status).toBe("AGREED");
    expect((await getNeedFor(company, need.id)).proposals).toHaveLength(1);
    expect((await getNeedFor(rivalStaff, need.id)).proposals).toHaveLength(0);
  });

  it("carry the full terms of a request, which the company's acceptance fixes as version 1 of the deal", async () => {
    const need = await createNeed(company, {
      title: "电池液冷",
      description: "需要电池液冷技术。",
      cluster: null,
      budgetMinFen: null,
      budgetMaxFen: null,
      deadline: null,
      visibility: "PUBLIC",
    });
    const full = {
      kind: "ORDINARY" as const,
      feeModel: "ENTRY_PLUS_ROYALTY" as const,
      entryFeeFen: 40_000_000,
      royaltyBasisPoints: 200,
      royaltyBase: "NET_SALES" as const,
      minimumAnnualRoyaltyFen: 5_000_000,
      paymentSchedule: "QUARTERLY" as const,
      licenseTermMonths: 60,
      territory: "西南地区",
      fieldOfUse: "储能电站",
    };
    const proposal = await proposeForNeed(
      staff,
      need.id,
      { patentIds: [patents.batteryCooling.id], message: "入门费40万元，另加销售额2%提成", terms: full },
      NOW,
    );
    const deal = await prisma.deal.findFirstOrThrow({ where: { proposalId: proposal.id } });
    expect(deal).toMatchObject({ kind: "ORDINARY", termsVersion: 1, termsBy: "OWNER" });
    const thread = await getDealFor(company, deal.id);
    expect(thread.terms).toEqual(full);
    expect(thread.messages[0]).toMatchObject({ kind: "PROPOSAL", version: 1, terms: full });
    await advanceDeal(
      staff,
      deal.id,
      {
        step: "account",
        account: { bank: "中国工商银行重庆沙坪坝支行", accountName: "重庆大学", accountNumber: "3100021509024900000" },
      },
      NOW,
    );
    expect(await advanceDeal(company, deal.id, { step: "accept", version: 1 }, NOW)).toMatchObject({
      status: "AGREED",
      agreedVersion: 1,
    });
    const { preview } = await getDealFor(company, deal.id);
    expect(preview).toMatchObject({ version: 1, terms: full });
    expect(preview!.text).toContain("西南地区");
    expect(preview!.text).toContain("储能电站");
  });

  it("are posted from the need page with the request form's fields (yuan, percent), errors on those fields", async () => {
    const need = await createNeed(company, {
      title: "电池热失控预警",
      description: "需要电池热失控预警技术。",
      cluster: null,
      budgetMinFen: null,
      budgetMaxFen: null,
      deadline: null,
      visibility: "PUBLIC",
    });
    const post = async (fields: Record<string, string>) => {
      const body = new FormData();
      body.set("intent", "propose");
      body.append("patentId", String(patents.batteryCooling.id));
      for (const [name, value] of Object.entries(fields)) body.set(name, value);
      const request = new Request(`http://localhost/needs/${need.id}`, {
        method: "POST",
        headers: { Origin: "http://localhost", Host: "localhost", Cookie: cookies.get("tto@match.example")! },
        body,
      });
      return (await needPageAction({ request, params: { id: need.id }, context: {} })) as unknown as {
        data?: { result: Parameters<typeof replyErrors>[0] };
        init?: { status: number } | null;
      };
    };
    const form = {
      kind: "ORDINARY",
      feeModel: "ENTRY_PLUS_ROYALTY",
      entryFee: "400000",
      royaltyPercent: "2",
      royaltyBase: "NET_SALES",
      paymentSchedule: "QUARTERLY",
      licenseTermMonths: "60",
      territory: "西南地区",
      message: "请看",
    };
    const refused = await post({ ...form, entryFee: "四十万" });
    expect(refused.init?.status).toBe(400);
    expect(replyErrors(refused.data!.result)).toMatchObject({ entryFee: "deal.terms.wholeFen" });
    await post(form);
    const deal = await prisma.deal.findFirstOrThrow({ where: { proposal: { needId: need.id } } });
    expect(JSON.parse(deal.terms)).toMatchObject({
      kind: "ORDINARY",
      feeModel: "ENTRY_PLUS_ROYALTY",
      entryFeeFen: 40_000_000,
      royaltyBasisPoints: 200,
      territory: "西南地区",
    });
  });
});

describe("a need ranked by its subject (ADR 013)", () => {
  const motor: Record<string, { id: number }> = {};

  beforeAll(async () => {
    const ownerId = staff.organization!.id;
    const make = async (key: string, title: string, abstract: string, cluster: string, ipcMain: string) =>
      (motor[key] = await createPatent({ ownerId, title, abstract, cluster, ipcMain }));
    // The cluster of the need (MOTORCYCLE) is that of the engine and the fuel tank, not of the motor patents.
    await make(
      "hubMotorNoise",
      "一种轮毂电机的降噪结构",
      "在轮毂电机定子与端盖之间设置吸音层，降低电机运行噪声。",
      "NEV",
      "H02K 5/24",
    );
    await make(
      "motorVibration",
      "电机减振安装座",
      "一种减小电机振动的弹性安装座，提高舒适性，控制成本。",
      "SMART_EQUIPMENT",
      "F16F 15/08",
    );
    await make(
      "engine",
      "一种摩托车发动机",
      "摩托车发动机的曲轴与连杆结构，提高发动机功率，增加扭矩，控制油耗。",
      "MOTORCYCLE",
      "F02B 61/02",
    );
    await make(
      "fuelTank",
      "一种电动摩托车的油箱盖",
      "电动摩托车的油箱盖锁止结构，控制开启，降低漏油。",
      "MOTORCYCLE",
      "B62J 35/00",
    );
  });

  it("puts motor noise and vibration above engine and fuel-tank patents, naming whole words", async () => {
    const matches = await matchNeed({
      title: "电动摩托车轮毂电机的噪声与振动",
      description: "我司电动摩托车的轮毂电机工作时噪声和振动较大，需要降低噪声、控制振动的技术方案。",
      cluster: "MOTORCYCLE",
    });
    const ids = matches.map((match) => match.patent.id);
    const after = (better: { id: number }, worse: { id: number }) =>
      expect(ids.indexOf(better.id)).toBeLessThan(ids.indexOf(worse.id) < 0 ? Infinity : ids.indexOf(worse.id));
    expect(ids.slice(0, 2).sort()).toEqual([motor.hubMotorNoise.id, motor.motorVibration.id].sort());
    after(motor.hubMotorNoise, motor.engine);
    after(motor.hubMotorNoise, motor.fuelTank);
    after(motor.motorVibration, motor.engine);
    const words = matches.flatMap((match) =>
      match.reasons.flatMap((reason) => (reason.kind === "words" ? reason.words : [])),
    );
    expect(words).toEqual(expect.arrayContaining(["轮毂电机", "电机", "振动"]));
    expect(words.some((word) => word === "噪声" || word === "降噪")).toBe(true);
    for (const word of words) {
      expect(["控制", "增加", "降低", "提高", "需要", "技术"]).not.toContain(word);
      // Whole words only: no bigram fragments joined across a word boundary (动的, 动摩).
      expect(
        ["电动", "摩托车", "轮毂电机", "电机", "噪声", "噪音", "降噪", "振动", "减振", "吸音"].some(
          (whole) => word === whole || word.includes(whole),
        ),
        word,
      ).toBe(true);
    }
  });

  it("lets the cluster break ties only", async () => {
    // The tank shares 电动摩托车 with the need and the need's cluster; the motor patents share its subject.
    const matches = await matchNeed({ title: "电动摩托车轮毂电机的噪声", description: "", cluster: "MOTORCYCLE" });
    const ids = matches.map((match) => match.patent.id);
    expect(ids.indexOf(motor.hubMotorNoise.id)).toBe(0);
    const tank = matches.find((match) => match.patent.id === motor.fuelTank.id);
    expect(tank?.reasons.map((reason) => reason.kind)).toContain("cluster");
  });
});

describe("saved searches and watches", () => {
  it("tell each saved search exactly once of a new matching patent, and nothing more on the next run", async () => {
    await runAlerts(NOW); // what happened before the searches were saved is not news
    const thermal = await saveSearch(company, { name: "热管理", query: "q=%E7%83%AD%E7%AE%A1%E7%90%86&page=3" });
    expect(thermal.query).toBe("q=%E7%83%AD%E7%AE%A1%E7%90%86");
    const energy = await saveSearch(company, { name: "新能源", query: "cluster=NEW_ENERGY" });
    await saveSearch(company, { name: "芯片", query: "q=芯片" });
    expect((await runAlerts(NOW)).notifications).toBe(0);

    const fresh = await createPatent({
      ownerId: staff.organization!.id,
      title: "一种储能电池热管理装置",
      abstract: "储能柜的热管理。",
      cluster: "NEW_ENERGY",
      ipcMain: "H01M 10/613",
    });
    const run = await runAlerts(NOW);
    expect(run.notifications).toBe(2);
    const alerts = await prisma.notification.findMany({ where: { kind: "notify.alertNewMatches" } });
    expect(alerts.map((a) => notificationValues(a.values).search).sort()).toEqual(["新能源", "热管理"]);
    expect(alerts.every((a) => a.userId === company.id && notificationValues(a.values).count === 1)).toBe(true);
    expect(alerts.find((a) => notificationValues(a.values).search === "热管理")!.link).toBe(
      `/patents?${thermal.query}&sort=newest`,
    );
    expect(
      await prisma.savedSearchHit.count({
        where: { patentId: fresh.id, savedSearchId: { in: [thermal.id, energy.id] } },
      }),
    ).toBe(2);
    expect((await runAlerts(NOW)).notifications).toBe(0);
  });

  it("tell watchers and saved searches when an open license is withdrawn or its terms change", async () => {
    await watchPatent(company, patents.batteryOpen.id);
    const declaration = await prisma.openLicenseDeclaration.findFirstOrThrow({
      where: { patentId: patents.batteryOpen.id, status: "ACTIVE" },
    });
    await withdrawOpenLicense(staff, declaration.id, NOW);
    await runAlerts(NOW);
    const watched = await prisma.notification.findMany({ where: { kind: "notify.alertWatched", userId: company.id } });
    expect(watched.map((n) => notificationValues(n.values))).toEqual([
      { patent: "动力电池热管理方法", change: "withdrawn" },
    ]);
    const changed = await prisma.notification.findMany({ where: { kind: "notify.alertChanged", userId: company.id } });
    expect(changed.map((n) => notificationValues(n.values).change)).toEqual(["withdrawn", "withdrawn"]);

    await declareOpenLicense(staff, patents.batteryOpen.id, terms, NOW);
    await declareOpenLicense(staff, patents.batteryOpen.id, { ...terms, lumpSumFen: 30_000_000 }, NOW);
    await runAlerts(NOW);
    const latest = await prisma.notification.findMany({
      where: { kind: "notify.alertWatched", userId: company.id },
      orderBy: { createdAt: "asc" },
    });
    expect(latest.map((n) => notificationValues(n.values).change)).toEqual(["withdrawn", "declared"]);
  });

  it("send each member one daily digest of their alerts, in the outbox", async () => {
    const pending = await prisma.notification.count({ where: { userId: company.id, digestedAt: null } });
    expect(pending).toBeGreaterThan(0);
    expect(await sendDailyDigests(NOW)).toBe(1);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: "buyer@match.example" } });
    expect(mail.subject).toContain(`（${pending} 条）`);
    expect(mail.subject).toContain(`(${pending} alerts)`);
    expect(mail.body).toContain("动力电池热管理方法");
    expect(mail.body).toContain("its open license was withdrawn");
    expect(await sendDailyDigests(new Date(NOW.getTime() + 3_600_000))).toBe(0);
    expect(await prisma.notification.count({ where: { userId: company.id, digestedAt: null } })).toBe(0);
  });

  it("understand a saved search's words as the search page does (柑橘保鲜 finds 柑橘的贮藏保鲜)", async () => {
    const citrus = await saveSearch(company, { name: "柑橘保鲜", query: `q=${encodeURIComponent("柑橘保鲜")}` });
    await runAlerts(NOW);
    await createPatent({
      ownerId: staff.organization!.id,
      title: "一种柑橘的贮藏保鲜方法",
      cluster: "FOOD",
      ipcMain: "A23B 7/152",
    });
    await runAlerts(NOW);
    const hits = await prisma.savedSearchHit.count({ where: { savedSearchId: citrus.id } });
    expect(hits).toBe(1);
  });

  it("store only what a later run needs: of a broad search's matches, those with an open license", async () => {
    await runAlerts(NOW);
    const battery = await saveSearch(company, { name: "电池", query: `q=${encodeURIComponent("电池")}` });
    const stored = await prisma.savedSearchHit.findMany({ where: { savedSearchId: battery.id } });
    expect(stored.map((hit) => hit.patentId)).toEqual([patents.batteryOpen.id]);
    const [listed] = (await listSavedSearches(company)).filter((search) => search.id === battery.id);
    expect(listed.matches).toBe(4); // the three battery patents and the storage battery one created above

    // A match older than the search, without an open license then, is known to it: declaring one is a change.
    await declareOpenLicense(staff, patents.batteryCooling.id, terms, NOW);
    await runAlerts(NOW);
    const changes = await prisma.notification.findMany({ where: { kind: "notify.alertChanged", userId: company.id } });
    const told = changes.map((n) => notificationValues(n.values)).filter((values) => values.search === "电池");
    expect(told).toEqual([{ search: "电池", patent: "一种锂电池热管理系统", change: "declared" }]);
    const news = await prisma.notification.findMany({ where: { kind: "notify.alertNewMatches", userId: company.id } });
    expect(news.filter((n) => notificationValues(n.values).search === "电池")).toEqual([]);
    expect(await prisma.savedSearchHit.count({ where: { savedSearchId: battery.id } })).toBe(2);
  });
});
