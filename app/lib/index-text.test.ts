import { describe, expect, it } from "vitest";
import { segmentForIndex } from "./index-text";

describe("segmentForIndex", () => {
  it("turns Chinese runs into overlapping two-character words and keeps English as it is", () => {
    expect(segmentForIndex("一种锂电池热管理系统")).toBe("一种 种锂 锂电 电池 池热 热管 管理 理系 系统");
    expect(segmentForIndex("基于5G的电池，battery pack")).toBe("基于 5G 的电 电池 ，battery pack");
    expect(segmentForIndex("芯")).toBe("芯");
  });
});
