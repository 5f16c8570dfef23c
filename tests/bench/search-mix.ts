// The query mix the search benchmarks run: Chinese and English words, filtered searches and facet-only ones.
export function searchMix(universityIds: string[]) {
  const chinese = [
    "电池",
    "芯片",
    "传感器",
    "机器人",
    "热管理",
    "锂电池",
    "火锅",
    "中药",
    "镁合金",
    "桥梁",
    "隧道",
    "无人机",
    "卫星",
    "显示",
    "摩托车",
    "纺织",
    "发酵",
    "自动驾驶",
    "图像识别",
    "储能",
    "锂电池 热管理",
    "半导体 功率",
  ];
  // As people type them (ADR 013): segmented, with stop words, thesaurus alternatives and relaxed matching.
  const natural = [
    "如何降低电机噪音",
    "柑橘保鲜",
    "桥梁裂缝检测",
    "工业机器人减速器",
    "无人机巡检",
    "电池 回收",
    "noise reduction for electric motors",
    "citrus preservation",
  ];
  const english = [
    "battery",
    "batteries",
    "sensor",
    "robot",
    "thermal management",
    "chip",
    "magnesium alloy",
    "tunnel",
    "drone",
    "satellite",
    "display",
    "fermentation",
    '"power battery"',
    "neural network",
    "welding",
  ];
  const filtered = [
    "q=电池&cluster=NEV",
    "q=电池&type=INVENTION&open=1",
    "q=sensor&section=G",
    "q=芯片&status=VALID&term=15%2B",
    `q=机器人&university=${universityIds[0]}`,
    "q=alloy&cluster=LIGHT_ALLOY&cluster=ADV_MATERIALS",
    "q=电池&sort=newest",
    "q=传感器&sort=term&page=3",
    "q=电池&open=1&sort=lump-sum",
    "q=sensor&fee=ROYALTY&fee=ENTRY_PLUS_ROYALTY&sort=royalty",
  ];
  const facetOnly = [
    "",
    "cluster=NEV",
    "type=UTILITY_MODEL",
    "open=1",
    `university=${universityIds[1]}&university=${universityIds[2]}`,
    "field=HEALTH&status=VALID",
    "section=H&class=H01",
    "term=0-5",
    "sort=newest&page=5",
    "cluster=FOOD&open=1&sort=term",
    "open=1&sort=lump-sum",
    "fee=LUMP_SUM&sort=lump-sum&page=3",
    "sort=royalty",
  ];
  const all = [
    ...[...chinese, ...natural, ...english].map((q) => `q=${encodeURIComponent(q)}`),
    ...filtered,
    ...facetOnly,
  ];
  return { chinese, natural, english, filtered, facetOnly, all };
}
