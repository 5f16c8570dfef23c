// The realism report (npm run db:report): does the seeded pool read like a real university portfolio? It
// reads the database as any client would and checks the thresholds of docs/decisions/014-realistic-demo-pool.md:
// distinct titles overall, by type and by institution; designs and utility models named as CNIPA names them;
// no abstract sentence shared by more than 1 % of the pool; enough patents in every technology topic; each
// institution's leading areas as its row of the ADR says; and the seed's headline figures.
import type { PrismaClient } from "../../app/lib/db.server";
import { yearPeriod } from "../../app/models/stats/period";
import { getTransferStatistics } from "../../app/models/stats/statistics.server";
import { INSTITUTIONS } from "./institutions";
import { TECH_AREAS } from "./tech-areas";

export const THRESHOLDS = {
  distinctTitles: 0.95,
  maxSentenceShare: 0.01,
  topics: 60,
  /** Patents a topic needs at the demo scale to be worth searching. */
  patentsPerTopic: 60,
  /** Institutions with fewer patents are too small to show a profile. */
  profileMinimum: 40,
} as const;

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface RealismReport {
  patents: number;
  distinct: {
    overall: number;
    byType: Record<string, number>;
    lowestInstitutions: Array<{ name: string; ratio: number; patents: number }>;
  };
  repeatedTitles: Array<{ title: string; patents: number; families: number }>;
  repeatedSentences: Array<{ sentence: string; patents: number }>;
  topics: Array<{ key: string; topic: string; patents: number }>;
  profiles: Array<{ name: string; expected: string[]; leading: string[] }>;
  headline: {
    universities: number;
    transferable: number;
    growth2024: number | null;
    industrialisationRate: number | null;
    coOwned: number;
    families: number;
  };
  checks: Check[];
}

/** The area a demo title was composed in: its claimed subject is the longest area term the title ends with,
 * once 一种 and a claim suffix (及其…方法…) or a design's model are taken off. */
function areaClassifier(): (title: string) => string | null {
  const byTerm = new Map<string, string>();
  let longest = 0;
  for (const area of TECH_AREAS) {
    for (const term of [...area.subjects, ...area.methodSubjects, ...area.preparations, ...area.designs]) {
      byTerm.set(term.zh, area.key);
      longest = Math.max(longest, term.zh.length);
    }
  }
  return (title) => {
    const core = title
      .replace(/^一种/, "")
      .replace(/及其(控制方法|制备方法和应用|制备方法)$/, "")
      .replace(/（[^）]*）$/, "");
    for (let length = Math.min(longest, core.length); length > 0; length--) {
      const area = byTerm.get(core.slice(core.length - length));
      if (area) return area;
    }
    return null;
  };
}

const ratio = (distinct: number, total: number) => (total === 0 ? 1 : distinct / total);
const percent = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(2)} %`);

export async function realismReport(prisma: PrismaClient, scale = 1): Promise<RealismReport> {
  const patents = await prisma.patent.findMany({
    select: { id: true, type: true, title: true, abstract: true, ownerId: true, familyId: true, transferable: true },
  });
  const firstAssignors = await prisma.transfer.findMany({
    orderBy: { signedAt: "asc" },
    select: { patentId: true, assignorId: true },
  });
  const universities = await prisma.organization.findMany({
    where: { kind: "UNIVERSITY" },
    select: { id: true, name: true },
  });
  const coOwned = await prisma.patentCoOwner.groupBy({ by: ["patentId"] });
  const universityName = new Map(universities.map((u) => [u.id, u.name]));
  const originalOwner = new Map<number, string>();
  for (const transfer of firstAssignors)
    if (!originalOwner.has(transfer.patentId)) originalOwner.set(transfer.patentId, transfer.assignorId);
  const classify = areaClassifier();

  const distinctRatio = (rows: typeof patents) => ratio(new Set(rows.map((p) => p.title)).size, rows.length);
  const byType = Object.fromEntries(
    ["INVENTION", "UTILITY_MODEL", "DESIGN"].map((type) => [
      type,
      distinctRatio(patents.filter((p) => p.type === type)),
    ]),
  );
  const byInstitution = new Map<string, typeof patents>();
  for (const patent of patents) {
    const owner = universityName.get(originalOwner.get(patent.id) ?? patent.ownerId);
    if (owner) byInstitution.set(owner, [...(byInstitution.get(owner) ?? []), patent]);
  }
  const institutionRatios = [...byInstitution]
    .map(([name, rows]) => ({ name, ratio: distinctRatio(rows), patents: rows.length }))
    .sort((a, b) => a.ratio - b.ratio);

  const titleGroups = new Map<string, { patents: number; families: Set<string> }>();
  for (const patent of patents) {
    const group = titleGroups.get(patent.title) ?? { patents: 0, families: new Set<string>() };
    group.patents++;
    group.families.add(patent.familyId ?? `patent-${patent.id}`);
    titleGroups.set(patent.title, group);
  }
  const repeatedTitles = [...titleGroups]
    .filter(([, group]) => group.families.size > 1)
    .map(([title, group]) => ({ title, patents: group.patents, families: group.families.size }))
    .sort((a, b) => b.families - a.families)
    .slice(0, 10);

  const sentenceCounts = new Map<string, number>();
  for (const patent of patents) {
    for (const sentence of new Set(
      patent.abstract
        .split("。")
        .map((s) => s.trim())
        .filter((s) => s.length >= 8),
    )) {
      sentenceCounts.set(sentence, (sentenceCounts.get(sentence) ?? 0) + 1);
    }
  }
  const repeatedSentences = [...sentenceCounts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([sentence, count]) => ({ sentence, patents: count }));

  const areaCounts = new Map<string, number>();
  const institutionAreas = new Map<string, Map<string, number>>();
  for (const patent of patents) {
    const area = classify(patent.title);
    if (!area) continue;
    areaCounts.set(area, (areaCounts.get(area) ?? 0) + 1);
    const owner = universityName.get(originalOwner.get(patent.id) ?? patent.ownerId);
    if (!owner) continue;
    const counts = institutionAreas.get(owner) ?? new Map<string, number>();
    counts.set(area, (counts.get(area) ?? 0) + 1);
    institutionAreas.set(owner, counts);
  }
  const topics = TECH_AREAS.map((area) => ({
    key: area.key,
    topic: area.topic.zh,
    patents: areaCounts.get(area.key) ?? 0,
  })).sort((a, b) => b.patents - a.patents);
  const profiles = INSTITUTIONS.flatMap((institution) => {
    const counts = institutionAreas.get(institution.nameZh);
    const total = [...(counts?.values() ?? [])].reduce((a, b) => a + b, 0);
    if (!counts || total < THRESHOLDS.profileMinimum * scale) return [];
    const leading = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Math.min(3, institution.topAreas.length))
      .map(([key]) => key);
    return [{ name: institution.nameZh, expected: institution.topAreas, leading }];
  });

  const statistics = await getTransferStatistics({ period: yearPeriod(2024), universityId: null, cluster: null });
  const latest = await getTransferStatistics({ period: yearPeriod(2025), universityId: null, cluster: null });
  const headline = {
    universities: universities.length,
    transferable: patents.filter((p) => p.transferable).length,
    growth2024: statistics.deals.growth,
    industrialisationRate: latest.industrialisation.rate,
    coOwned: coOwned.length,
    families: new Set(patents.flatMap((p) => (p.familyId ? [p.familyId] : []))).size,
  };

  const overall = distinctRatio(patents);
  const badDesigns = patents.filter(
    (p) => p.type === "DESIGN" && /^一种|方法|组合物|(系统|口服液|制剂|胶囊|注射液)(（|$)/.test(p.title),
  );
  const badUtilityModels = patents.filter((p) => p.type === "UTILITY_MODEL" && /方法/.test(p.title));
  const maxSentence = repeatedSentences[0]?.patents ?? 0;
  const lowInstitutions = institutionRatios.filter((row) => row.patents >= 20 && row.ratio < THRESHOLDS.distinctTitles);
  const thinTopics = topics.filter((topic) => topic.patents < THRESHOLDS.patentsPerTopic * scale);
  const offProfile = profiles.filter((profile) => profile.leading.some((key) => !profile.expected.includes(key)));
  const checks: Check[] = [
    { name: "distinct titles overall", ok: overall >= THRESHOLDS.distinctTitles, detail: percent(overall) },
    {
      name: "distinct titles in every institution",
      ok: lowInstitutions.length === 0,
      detail: lowInstitutions.length
        ? lowInstitutions.map((row) => `${row.name} ${percent(row.ratio)}`).join(", ")
        : `lowest ${institutionRatios[0]?.name} ${percent(institutionRatios[0]?.ratio ?? 1)}`,
    },
    {
      name: "no design named as a method, system or medicine",
      ok: badDesigns.length === 0,
      detail:
        badDesigns
          .slice(0, 3)
          .map((p) => p.title)
          .join(", ") || "none",
    },
    {
      name: "no utility model named as a method",
      ok: badUtilityModels.length === 0,
      detail:
        badUtilityModels
          .slice(0, 3)
          .map((p) => p.title)
          .join(", ") || "none",
    },
    {
      name: "no abstract sentence in more than 1 % of the pool",
      ok: maxSentence <= THRESHOLDS.maxSentenceShare * patents.length,
      detail: `most shared: ${maxSentence} patents (${percent(ratio(maxSentence, patents.length))})`,
    },
    {
      name: `at least ${THRESHOLDS.topics} topics with enough patents`,
      ok: topics.length - thinTopics.length >= THRESHOLDS.topics,
      detail: `${topics.length - thinTopics.length} of ${topics.length} topics with ≥ ${Math.round(THRESHOLDS.patentsPerTopic * scale)}${thinTopics.length ? `; thin: ${thinTopics.map((t) => `${t.key} ${t.patents}`).join(", ")}` : ""}`,
    },
    {
      name: "each institution's leading areas as its ADR row says",
      ok: offProfile.length === 0,
      detail: offProfile.length
        ? offProfile.map((p) => `${p.name}: ${p.leading.join(", ")}`).join("; ")
        : `${profiles.length} institutions checked`,
    },
    { name: "53 universities", ok: headline.universities === 53, detail: String(headline.universities) },
    {
      name: "27,500 transferable patents",
      ok: headline.transferable === Math.round(27_500 * scale),
      detail: headline.transferable.toLocaleString("en"),
    },
    {
      name: "2024 deals ≈ +85 % on 2023",
      ok: headline.growth2024 !== null && headline.growth2024 > 0.8 && headline.growth2024 < 0.9,
      detail: percent(headline.growth2024),
    },
    {
      name: "industrialisation rate ≈ 9.7 %",
      ok:
        headline.industrialisationRate !== null &&
        headline.industrialisationRate > 0.095 &&
        headline.industrialisationRate < 0.099,
      detail: percent(headline.industrialisationRate),
    },
  ];
  return {
    patents: patents.length,
    distinct: { overall, byType, lowestInstitutions: institutionRatios.slice(0, 5) },
    repeatedTitles,
    repeatedSentences,
    topics,
    profiles,
    headline,
    checks,
  };
}

export function formatReport(report: RealismReport): string {
  const lines = [
    `Realism report: ${report.patents.toLocaleString("en")} patents`,
    "",
    `Distinct titles: ${percent(report.distinct.overall)} overall; ${Object.entries(report.distinct.byType)
      .map(([type, value]) => `${type} ${percent(value)}`)
      .join(", ")}`,
    `Lowest by institution: ${report.distinct.lowestInstitutions.map((row) => `${row.name} ${percent(row.ratio)} of ${row.patents}`).join("; ")}`,
    "",
    "Most repeated titles outside a family:",
    ...(report.repeatedTitles.length
      ? report.repeatedTitles.map((row) => `  ${row.families}× ${row.title}`)
      : ["  none"]),
    "",
    "Most shared abstract sentences:",
    ...report.repeatedSentences.slice(0, 5).map((row) => `  ${row.patents}× ${row.sentence.slice(0, 70)}`),
    "",
    `Topics (${report.topics.length}), patents each:`,
    ...chunk(
      report.topics.map((t) => `${t.topic} ${t.patents}`),
      4,
    ).map((row) => `  ${row.join("; ")}`),
    "",
    "Institutions' leading areas (expected → seeded):",
    ...report.profiles
      .slice(0, 15)
      .map((p) => `  ${p.name}: ${p.expected.slice(0, 3).join(", ")} → ${p.leading.join(", ")}`),
    "",
    `Headline: ${report.headline.universities} universities, ${report.headline.transferable.toLocaleString("en")} transferable, 2024 on 2023 ${percent(report.headline.growth2024)}, industrialisation rate ${percent(report.headline.industrialisationRate)}, ${report.headline.coOwned.toLocaleString("en")} co-owned patents, ${report.headline.families.toLocaleString("en")} 一案双申 families`,
    "",
    "Checks:",
    ...report.checks.map((check) => `  ${check.ok ? "pass" : "FAIL"}  ${check.name}: ${check.detail}`),
  ];
  return lines.join("\n");
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}
