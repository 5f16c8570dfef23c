import { describe, expect, it } from "vitest";
import { shortIpcTitle } from "./ipc-short-title";
import { IPC_TITLES } from "./ipc-titles";

describe("an IPC title as a short label", () => {
  it("ends before the notes, edition marks and cross-references that CNIPA's texts run on into", () => {
    expect(shortIpcTitle(IPC_TITLES.A24.zh)).toBe("烟草；雪茄烟；纸烟；模拟吸烟装置；吸烟者用品");
    expect(
      shortIpcTitle(
        "无人驾驶飞行器[UAV]；为此的设备注意1.本小类包括专门适用于无人驾驶航空用途的飞行器及其设备。2.本小类不包括：…",
      ),
    ).toBe("无人驾驶飞行器[UAV]；为此的设备");
    expect(shortIpcTitle("微观结构技术[7] 注意1.本大类涵盖微结构装置或系统")).toBe("微观结构技术");
    expect(shortIpcTitle("基础；挖方；填方；地下或水下结构物[6]")).toBe("基础；挖方；填方；地下或水下结构物");
    expect(shortIpcTitle("微生物或酶；其组合物；繁殖、保藏或维持微生物；变异或遗传工程；培养基。")).toBe(
      "微生物或酶；其组合物；繁殖、保藏或维持微生物；变异或遗传工程；培养基",
    );
    expect(shortIpcTitle("无机化学 [from dir name]")).toBe("无机化学");
    expect(
      shortIpcTitle(
        "对用静态方法显示可变信息的指示装置进行控制的装置或电路；传输数据的装置入G06F3/14；由若干光源的组合而构成的静态的指示装置入H01J",
      ),
    ).toBe("对用静态方法显示可变信息的指示装置进行控制的装置或电路");
  });

  it("keeps a long title's leading parts and says it goes on", () => {
    const long = shortIpcTitle(IPC_TITLES.A01F.zh)!;
    expect(long.endsWith("…")).toBe(true);
    expect(long.length).toBeLessThanOrEqual(41);
    expect(IPC_TITLES.A01F.zh.startsWith(long.slice(0, -1))).toBe(true);
  });

  it("leaves short titles and English titles without notes as they are", () => {
    expect(shortIpcTitle("电池")).toBe("电池");
    expect(shortIpcTitle(IPC_TITLES.A01C.en)).toBe("Planting; sowing; fertilising");
    expect(shortIpcTitle(null)).toBeNull();
    expect(shortIpcTitle("Tobacco; cigars Note: this class covers…")).toBe("Tobacco; cigars");
  });

  it("leaves no title of the table with a note, an edition mark or more than a label's length", () => {
    for (const [code, title] of Object.entries(IPC_TITLES)) {
      const zh = shortIpcTitle(title.zh)!;
      expect(zh, code).not.toMatch(/注意|附注|\[\d|from dir name|。/);
      expect(zh.length, code).toBeLessThanOrEqual(41);
      expect(shortIpcTitle(title.en)!.length, code).toBeLessThanOrEqual(91);
    }
  });
});
