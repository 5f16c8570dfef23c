// Chongqing's industrial map: the facets users think in (see docs/decisions/003-taxonomy.md).

/** The "33618" modern manufacturing cluster system. The 18 "new star" clusters are represented by the
 * five that public documents name as examples; the rest are not invented. */
export const CLUSTERS = [
  { code: "NEV", tier: "trillion", zh: "智能网联新能源汽车", en: "Intelligent connected new energy vehicles" },
  {
    code: "ELECTRONICS",
    tier: "trillion",
    zh: "新一代电子信息制造业",
    en: "New-generation electronic information manufacturing",
  },
  { code: "ADV_MATERIALS", tier: "trillion", zh: "先进材料", en: "Advanced materials" },
  {
    code: "SMART_EQUIPMENT",
    tier: "500bn",
    zh: "智能装备及智能制造",
    en: "Intelligent equipment and intelligent manufacturing",
  },
  { code: "FOOD", tier: "500bn", zh: "食品及农产品加工", en: "Food and agricultural product processing" },
  { code: "SOFTWARE", tier: "500bn", zh: "软件信息服务", en: "Software and information services" },
  { code: "NEW_DISPLAY", tier: "100bn", zh: "新型显示", en: "New displays" },
  { code: "MOTORCYCLE", tier: "100bn", zh: "高端摩托车", en: "High-end motorcycles" },
  { code: "LIGHT_ALLOY", tier: "100bn", zh: "轻合金材料", en: "Light alloy materials" },
  { code: "TEXTILE", tier: "100bn", zh: "轻纺", en: "Light industry and textiles" },
  { code: "BIOMEDICINE", tier: "100bn", zh: "生物医药", en: "Biomedicine" },
  { code: "NEW_ENERGY", tier: "100bn", zh: "新能源及新型储能", en: "New energy and new energy storage" },
  {
    code: "POWER_SEMI",
    tier: "new-star",
    zh: "功率半导体及集成电路",
    en: "Power semiconductors and integrated circuits",
  },
  { code: "AI_ROBOTICS", tier: "new-star", zh: "AI及机器人", en: "AI and robotics" },
  { code: "SATELLITE", tier: "new-star", zh: "卫星互联网", en: "Satellite internet" },
  { code: "LOW_ALTITUDE", tier: "new-star", zh: "低空经济", en: "Low-altitude economy" },
  { code: "BIOMANUFACTURING", tier: "new-star", zh: "生物制造", en: "Biomanufacturing" },
] as const;

export type ClusterCode = (typeof CLUSTERS)[number]["code"];

/** The four fields of the "416" science and technology innovation layout. */
export const FIELDS = [
  { code: "DIGITAL", zh: "数智科技", en: "Digital intelligence technology" },
  { code: "HEALTH", zh: "生命健康", en: "Life and health" },
  { code: "MATERIALS", zh: "新材料", en: "New materials" },
  { code: "GREEN", zh: "绿色低碳", en: "Green and low-carbon" },
] as const;

export type FieldCode = (typeof FIELDS)[number]["code"];
