import { describe, expect, it } from "vitest";
import { parseCreditCode } from "../../app/models/organization/credit-code";
import { parseApplicationNumber, isPublicationNumber } from "../../app/models/patent/identifiers";
import { IPC_TITLES } from "../../app/models/patent/ipc-titles";
import { IPC_CODE } from "../../app/models/patent/vocabulary";
import { CLUSTERS } from "../../app/models/taxonomy";
import { planDemoPool, patentText, DEFAULT_SEED, DEMO_AS_OF } from "./demo-pool";

const pool = planDemoPool({ seed: DEFAULT_SEED, scale: 1 });
const year = (date: Date) => date.getUTCFullYear();
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe("the demo pool", { timeout: 60_000 }, () => {
  it("has 53 universities and exactly 27,500 transferable patents of 32,000 assessed", () => {
    expect(pool.organizations.filter((o) => o.kind === "UNIVERSITY")).toHaveLength(53);
    expect(pool.patents).toHaveLength(32_000);
    expect(pool.patents.filter((p) => p.transferable)).toHaveLength(27_500);
    const owners = new Set(pool.patents.map((p) => p.universityId));
    expect(owners.size).toBe(53);
  });

  it("numbers every patent and organisation validly and uniquely", () => {
    const applications = pool.patents.map((p) => p.applicationNumber);
    expect(new Set(applications).size).toBe(applications.length);
    for (const patent of pool.patents) {
      const parsed = parseApplicationNumber(patent.applicationNumber);
      expect(parsed).toMatchObject({ ok: true, year: year(patent.filingDate) });
      if (patent.publicationNumber) expect(isPublicationNumber(patent.publicationNumber)).toBe(true);
      expect(patent.ipcMain).toMatch(IPC_CODE);
      expect(IPC_TITLES[patent.ipcMain.slice(0, 4)]).toBeDefined();
    }
    const publications = pool.patents.flatMap((p) => (p.publicationNumber ? [p.publicationNumber] : []));
    expect(new Set(publications).size).toBe(publications.length);
    for (const organization of pool.organizations) expect(parseCreditCode(organization.creditCode).ok).toBe(true);
    expect(new Set(pool.organizations.map((o) => o.creditCode)).size).toBe(pool.organizations.length);
  });

  it("gives patents plausible dates, terms and statuses", () => {
    for (const patent of pool.patents) {
      const termYears = year(patent.expiresOn) - year(patent.filingDate);
      expect(patent.type === "INVENTION" ? [20] : patent.type === "UTILITY_MODEL" ? [10] : [10, 15]).toContain(
        termYears,
      );
      if (patent.grantDate) expect(patent.grantDate > patent.filingDate).toBe(true);
      if (patent.legalStatus === "VALID") expect(patent.grantDate && patent.expiresOn > DEMO_AS_OF).toBeTruthy();
      if (patent.transferable) expect(["VALID", "PENDING"]).toContain(patent.legalStatus);
    }
    expect(new Set(pool.patents.map((p) => p.cluster)).size).toBeGreaterThanOrEqual(CLUSTERS.length);
  });

  it("has a deal history in which 2024 is about +85 % on 2023", () => {
    const perYear = new Map<number, number>();
    for (const deal of [...pool.licenses, ...pool.transfers])
      perYear.set(year(deal.signedAt), (perYear.get(year(deal.signedAt)) ?? 0) + 1);
    expect([...perYear.keys()].sort()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const growth = perYear.get(2024)! / perYear.get(2023)! - 1;
    expect(growth).toBeGreaterThan(0.8);
    expect(growth).toBeLessThan(0.9);
  });

  it("has transferred or licensed about 9.7 % of granted invention patents", () => {
    const granted = pool.patents.filter((p) => p.type === "INVENTION" && p.grantDate);
    const dealt = new Set([...pool.licenses, ...pool.transfers].map((d) => d.patentId));
    const rate = granted.filter((p) => dealt.has(p.id)).length / granted.length;
    expect(rate).toBeGreaterThan(0.095);
    expect(rate).toBeLessThan(0.099);
  });

  it("follows the open-license rules", () => {
    const patents = new Map(pool.patents.map((p) => [p.id, p]));
    const declarations = new Map(pool.declarations.map((d) => [d.id, d]));
    for (const declaration of pool.declarations) {
      const patent = patents.get(declaration.patentId)!;
      expect(declaration.declaredAt >= new Date("2021-06-01T00:00:00Z")).toBe(true);
      expect(patent.type === "INVENTION" || patent.hasEvaluationReport).toBe(true);
      expect(declaration.declaredAt.getTime() + declaration.licenseTermMonths * 28 * 86_400_000).toBeLessThanOrEqual(
        patent.expiresOn.getTime(),
      );
    }
    const active = pool.declarations.filter((d) => d.status === "ACTIVE").map((d) => d.patentId);
    expect(new Set(active).size).toBe(active.length);
    expect(active.length).toBeGreaterThan(1000);
    expect(pool.declarations.some((d) => d.status === "WITHDRAWN")).toBe(true);
    for (const license of pool.licenses) {
      if (license.kind === "OPEN")
        expect(declarations.get(license.declarationId!)!.declaredAt <= license.signedAt).toBe(true);
      expect(license.endsOn <= patents.get(license.patentId)!.expiresOn).toBe(true);
    }
    // Patent Law art. 51: no declaration while an exclusive or sole license is in force.
    const exclusive = pool.licenses.filter((l) => l.kind === "EXCLUSIVE" || l.kind === "SOLE");
    for (const declaration of pool.declarations) {
      const declaredUntil = declaration.withdrawnAt ?? DEMO_AS_OF;
      const overlapping = exclusive.filter(
        (l) => l.patentId === declaration.patentId && l.startsOn <= declaredUntil && l.endsOn >= declaration.declaredAt,
      );
      expect(overlapping).toEqual([]);
    }
  });

  it("is the same for the same seed and different for another", () => {
    const small = (seed: string) => planDemoPool({ seed, scale: 0.05 });
    const a = small("one");
    expect(JSON.stringify(small("one"))).toBe(JSON.stringify(a));
    expect(small("two").patents[0].applicationNumber).not.toBe(a.patents[0].applicationNumber);
    expect(patentText("one", a.patents[7])).toEqual(patentText("one", a.patents[7]));
    expect(a.patents.filter((p) => p.transferable)).toHaveLength(1375);
  });

  it("writes bilingual text that matches the patent's subject", () => {
    for (const plan of pool.patents.slice(0, 300)) {
      const text = patentText(DEFAULT_SEED, plan);
      expect(text.title).toMatch(/\p{Script=Han}/u);
      expect(text.titleEn).toMatch(/^[A-Z0-9]/);
      expect(text.abstract.length).toBeGreaterThan(40);
      expect(text.abstractEn.length).toBeGreaterThan(60);
      expect(text.firstClaim).not.toBe("");
      expect(text.keywords.split("; ").length).toBeGreaterThanOrEqual(3);
      expect(text.inventors.split("; ").length).toBeGreaterThanOrEqual(1);
    }
  });

  it("names patents as CNIPA does: devices and methods for inventions, never a method for a utility model, products for designs", () => {
    const texts = pool.patents.map((plan) => ({ plan, text: patentText(DEFAULT_SEED, plan) }));
    for (const { plan, text } of texts) {
      if (plan.type === "DESIGN") {
        expect(text.title).not.toMatch(/^一种|方法|组合物|系统(（|$)/);
        expect(text.abstract).toMatch(
          /^1\.本外观设计产品的名称：.*2\.本外观设计产品的用途：.*3\.本外观设计产品的设计要点：在于.*4\.最能表明设计要点的图片或照片：/,
        );
        continue;
      }
      expect(text.title).toMatch(/^一种/);
      if (plan.type === "UTILITY_MODEL") expect(text.title).not.toMatch(/方法/);
      if (plan.title.form === "METHOD") expect(text.title).toMatch(/方法$/);
      if (plan.title.form === "PREPARATION") expect(text.title).toMatch(/及其制备方法(和应用)?$/);
      expect(text.abstract).toContain(text.title.replace(/^一种/, ""));
      expect(text.firstClaim).toMatch(/^1\.一种/);
    }
    const distinct = new Set(texts.map(({ text }) => text.title)).size;
    expect(distinct / texts.length).toBeGreaterThanOrEqual(0.95);
    // Every repeated title is one 一案双申 family's.
    const families = new Map<string, Set<string>>();
    for (const { plan, text } of texts)
      families.set(text.title, (families.get(text.title) ?? new Set()).add(plan.familyId ?? `patent-${plan.id}`));
    const repeatedAcrossFamilies = [...families.values()].filter((owners) => owners.size > 1).length;
    expect(repeatedAcrossFamilies / texts.length).toBeLessThan(0.01);
  });

  it("pairs each 一案双申 invention with a utility model of the same owner, day and title", () => {
    const families = groupBy(
      pool.patents.filter((p) => p.familyId),
      (p) => p.familyId!,
    );
    expect(families.size).toBeGreaterThan(400);
    for (const members of families.values()) {
      expect(members.map((p) => p.type).sort()).toEqual(["INVENTION", "UTILITY_MODEL"]);
      const [invention, utilityModel] = members[0].type === "INVENTION" ? members : [members[1], members[0]];
      expect(utilityModel.universityId).toBe(invention.universityId);
      expect(utilityModel.filingDate).toEqual(invention.filingDate);
      expect(utilityModel.coOwnerIds).toEqual(invention.coOwnerIds);
      expect(patentText(DEFAULT_SEED, utilityModel).title).toBe(patentText(DEFAULT_SEED, invention).title);
      // The utility model is given up once the invention is granted.
      if (invention.grantDate && utilityModel.legalStatus !== "EXPIRED")
        expect(utilityModel.legalStatus).toBe("LAPSED");
    }
  });

  it("co-owns about a tenth of the patents with a company, and declares them only with every co-owner's consent", () => {
    const coOwned = pool.patents.filter((p) => p.coOwnerIds.length > 0);
    expect(coOwned.length / pool.patents.length).toBeGreaterThan(0.08);
    expect(coOwned.length / pool.patents.length).toBeLessThan(0.12);
    const enterprises = new Set(pool.organizations.filter((o) => o.kind === "ENTERPRISE").map((o) => o.id));
    for (const patent of coOwned)
      for (const id of patent.coOwnerIds) expect(enterprises.has(id) && id !== patent.ownerId).toBe(true);
    const consents = groupBy(pool.consents, (c) => c.declarationId);
    for (const declaration of pool.declarations) {
      const patent = pool.patents[declaration.patentId - 1];
      const given = consents.get(declaration.id) ?? [];
      expect(given.map((c) => c.organizationId).sort()).toEqual([...patent.coOwnerIds].sort());
      for (const consent of given) expect(consent.consentedOn < declaration.declaredAt).toBe(true);
    }
  });
});
