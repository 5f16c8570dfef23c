import { describe, expect, it } from "vitest";
import { IPC_TITLES } from "../../app/models/patent/ipc-titles";
import { IPC_CODE } from "../../app/models/patent/vocabulary";
import { CLUSTERS } from "../../app/models/taxonomy";
import { titleCapacity } from "./patent-text";
import { TECH_AREAS } from "./tech-areas";

/** The least each list holds (prisma/seed/tech-area.ts): enough for distinct titles and varied abstracts. */
const MINIMUM = {
  subjects: 16,
  methodSubjects: 10,
  designs: 10,
  designPoints: 8,
  features: 12,
  components: 14,
  problems: 8,
  mechanisms: 8,
  effects: 10,
  applications: 6,
  keywords: 12,
} as const;

describe("the technology areas of the demo pool", () => {
  it("cover at least 60 topics, each with a unique key and a real cluster", () => {
    expect(TECH_AREAS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TECH_AREAS.map((area) => area.key)).size).toBe(TECH_AREAS.length);
    const clusters = new Set<string>(CLUSTERS.map((c) => c.code));
    for (const area of TECH_AREAS) if (area.cluster) expect(clusters.has(area.cluster)).toBe(true);
  });

  it.each(TECH_AREAS.map((area) => [area.key, area] as const))(
    "%s has the vocabulary titles and abstracts need",
    (_key, area) => {
      for (const [list, minimum] of Object.entries(MINIMUM))
        expect(area[list as keyof typeof MINIMUM].length, list).toBeGreaterThanOrEqual(minimum);
      for (const method of area.methodSubjects) expect(method.zh).toMatch(/方法$/);
      for (const term of [...area.subjects, ...area.preparations, ...area.designs])
        expect(term.zh).not.toMatch(/^一种|方法/);
      for (const point of area.designPoints) expect(point.zh).not.toMatch(/^在于/);
      const claimed = [...area.subjects, ...area.methodSubjects, ...area.preparations, ...area.designs].map(
        (term) => term.zh,
      );
      expect(new Set(claimed).size).toBe(claimed.length);
      for (const term of Object.values(area).flatMap((value) => (Array.isArray(value) ? value : []))) {
        if (typeof term === "object") expect(term.en.trim().length > 0 && term.zh.trim().length > 0).toBe(true);
      }
      for (const code of [...area.ipcMain, ...area.ipcOther]) {
        expect(code).toMatch(IPC_CODE);
        expect(IPC_TITLES[code.slice(0, 4)], code).toBeDefined();
      }
    },
  );

  it("hold more distinct device titles than the demo pool files in any area", () => {
    for (const area of TECH_AREAS) expect(titleCapacity(area, "DEVICE")).toBeGreaterThan(1000);
  });
});
