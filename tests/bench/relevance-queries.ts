// The judged query set of `npm run bench:relevance` (tests/bench/relevance.bench.ts): realistic company
// queries, half natural language and half keywords, half Chinese and half English, several per technology
// area of the demo pool (prisma/seed/areas/), and some about topics the pool does not hold.
//
// Each query carries a relevance RULE rather than patent ids, so the set survives a new seed: the words a
// patent's title, abstract or keywords (Chinese and English columns of the Patent table) must contain to
// answer it, as a technical buyer would judge it, whatever the search happens to return.
//   - `all`: groups of alternatives; every group must match (any one alternative of it).
//     An alternative with a Chinese character matches as a substring ("电机" also in "轮毂电机");
//     an English one as whole words, case-insensitive, with a plural ("motor" = motor, motors; not
//     motorcycle; "battery" = batteries); spaces also match hyphens; a trailing * makes it a prefix
//     ("recycl*"); one written in capitals only (CT, UAV, HIFU) matches that case only.
//   - `mask`: phrases blanked out of the text first, where a word means something else in them
//     (能量回收 is energy recovery, not recycling; a "bridge plug" is no bridge).
//   - `near`: the groups must match within that many characters of one another, where words that are
//     common in the pool would otherwise meet by chance (an abstract saying a battery box's composite is
//     "difficult to recycle" is no battery recycling).
//   - `designs`: design patents (外观设计) protect an appearance, not a technique; they are relevant only
//     when the rule says so (a query about a product's look). By default they grade 0.
// Grades: 2 when every group matches the title (zh or en), 1 when every group matches title + abstract +
// keywords (within `near` characters when the rule has it), else 0. `absent: true` marks the queries about topics the pool does not hold: their rule must
// match nothing in the pool (the bench says so if it does), and the page should show no result, or at least
// say that what it shows only partly matches.
//
// Adding a query: write the rule before looking at the results, from what an engineer asking it would take
// as an answer; check it with the bench's "relevant in pool" column (a rule matching thousands of patents is
// too loose, one matching none on a topic the pool holds is too strict or uses words the pool does not).

export type Lang = "zh" | "en";
export type Style = "natural" | "keywords";

export interface RelevanceRule {
  all: readonly (readonly string[])[];
  mask?: readonly string[];
  designs?: boolean;
  /** the groups must match within this many characters of one another (one clause, not anywhere in the text) */
  near?: number;
}

export interface JudgedQuery {
  q: string;
  lang: Lang;
  style: Style;
  /** the technology area (prisma/seed/areas/*.ts key) it is about; null for topics the pool does not hold */
  area: string | null;
  relevant: RelevanceRule;
  /** a topic the pool does not hold: nothing in it should match the rule */
  absent?: boolean;
  /** one of the examples of issue 13 */
  issue?: boolean;
}

const q = (
  query: string,
  lang: Lang,
  style: Style,
  area: string | null,
  relevant: RelevanceRule,
  extra: Partial<JudgedQuery> = {},
): JudgedQuery => ({
  q: query,
  lang,
  style,
  area,
  relevant,
  ...extra,
});

// Concepts several queries share.
const MOTOR = ["电机", "电动机", "马达", "motor", "electric machine"];
const NOISE = ["噪声", "噪音", "降噪", "消声", "隔声", "啸叫", "noise", "whine", "acoustic*"];
const VIBRATION = ["振动", "减振", "减震", "隔振", "吸振", "NVH", "vibration*", "vibrat*"];
const NOT_GENERATORS = ["风力发电机", "发电机组", "wind turbine*"];
const CITRUS = [
  "柑橘",
  "柑桔",
  "脐橙",
  "甜橙",
  "橙子",
  "橙果",
  "柑果",
  "砂糖橘",
  "蜜橘",
  "柚子",
  "柚果",
  "沙田柚",
  "柠檬",
  "citrus",
  "navel orange*",
  "sweet orange*",
  "mandarin*",
  "tangerine*",
  "pomelo*",
  "grapefruit*",
  "lemon*",
];
const KEEP_FRESH = [
  "保鲜",
  "贮藏",
  "储藏",
  "冷藏",
  "贮运",
  "采后",
  "防腐保鲜",
  "涂膜",
  "打蜡",
  "预冷",
  "fresh-keeping",
  "freshness",
  "keep fresh",
  "keeping fresh",
  "preservation",
  "preserving",
  "post-harvest",
  "postharvest",
  "storage",
  "shelf life",
  "shelf-life",
  "cold chain",
];
const BRIDGE = ["桥梁", "桥墩", "桥面", "桥塔", "拱桥", "斜拉桥", "悬索桥", "梁桥", "高架桥", "大桥", "桥隧", "bridge"];
const NOT_BRIDGES = [
  "桥塞",
  "bridge plug*",
  "隔磁桥",
  "isolation bridge*",
  "电桥",
  "全桥",
  "半桥",
  "双有源桥",
  "full-bridge",
  "full bridge",
  "half-bridge",
  "half bridge",
  "H-bridge",
  "active bridge",
  "Wheatstone bridge",
];
const CRACK = ["裂缝", "裂纹", "开裂", "crack*"];
const DETECT = [
  "检测",
  "识别",
  "监测",
  "探测",
  "探伤",
  "检查",
  "巡检",
  "detect*",
  "inspect*",
  "monitor*",
  "identif*",
  "recogni*",
];
const ROBOT = ["机器人", "机械臂", "机械手", "robot", "robotic", "manipulator"];
const REDUCER = ["减速器", "减速机", "reducer", "speed reducer", "harmonic drive*", "gear reducer"];
const DRONE = ["无人机", "无人飞行器", "多旋翼", "UAV", "drone", "unmanned aerial", "multirotor", "multi-rotor"];
const INSPECTION = ["巡检", "巡视", "巡线", "巡查", "inspection", "patrol inspection*"];
const BATTERY = ["电池", "电芯", "battery", "batteries", "lithium-ion cell*", "battery cell*"];
const NOT_FUEL_CELLS = ["燃料电池", "fuel cell*"];
const RECYCLING = [
  "回收",
  "再生",
  "梯次",
  "拆解",
  "退役",
  "废旧",
  "recycl*",
  "second-life",
  "second life",
  "dismantl*",
  "spent",
  "retired",
  "end-of-life",
];
const NOT_RECYCLING = [
  "能量回收",
  "制动能量",
  "再生制动",
  "能量回馈",
  "余热回收",
  "热回收",
  "应急回收",
  "制动回收",
  "回收装置上的降落伞",
  "energy recovery",
  "regenerative braking",
  "heat recovery",
  "recovery parachute*",
];
const THERMAL = [
  "热管理",
  "散热",
  "冷却",
  "液冷",
  "风冷",
  "加热",
  "预热",
  "温控",
  "温度控制",
  "均温",
  "热失控",
  "thermal management",
  "cooling",
  "heat dissipation",
  "heating",
  "preheat*",
  "temperature control",
  "thermal runaway",
];

export const RELEVANCE_QUERIES: readonly JudgedQuery[] = [
  // ---- the examples of issue 13 ----
  q(
    "如何降低电机噪音",
    "zh",
    "natural",
    "electric-motors-nvh",
    { all: [MOTOR, [...NOISE, ...VIBRATION]], mask: NOT_GENERATORS, near: 30 },
    { issue: true },
  ),
  q(
    "noise reduction for electric motors",
    "en",
    "natural",
    "electric-motors-nvh",
    { all: [MOTOR, [...NOISE, ...VIBRATION]], mask: NOT_GENERATORS, near: 30 },
    { issue: true },
  ),
  q("噪音", "zh", "keywords", "electric-motors-nvh", { all: [NOISE] }, { issue: true }),
  q("柑橘保鲜", "zh", "keywords", "citrus", { all: [CITRUS, KEEP_FRESH] }, { issue: true }),
  q("citrus preservation", "en", "keywords", "citrus", { all: [CITRUS, KEEP_FRESH] }, { issue: true }),
  q("how to keep citrus fresh after harvest", "en", "natural", "citrus", { all: [CITRUS, KEEP_FRESH] }),
  q(
    "桥梁裂缝检测",
    "zh",
    "keywords",
    "bridges-tunnels",
    { all: [BRIDGE, CRACK, DETECT], mask: NOT_BRIDGES },
    { issue: true },
  ),
  q("有没有检测桥梁裂缝的技术", "zh", "natural", "bridges-tunnels", {
    all: [BRIDGE, CRACK, DETECT],
    mask: NOT_BRIDGES,
  }),
  q("工业机器人减速器", "zh", "keywords", "gears-reducers", { all: [ROBOT, REDUCER] }, { issue: true }),
  q("precision reducer for robot joints", "en", "keywords", "gears-reducers", { all: [ROBOT, REDUCER] }),
  q("无人机巡检", "zh", "keywords", "drones-low-altitude", { all: [DRONE, INSPECTION] }, { issue: true }),
  q("无人机 巡检", "zh", "keywords", "drones-low-altitude", { all: [DRONE, INSPECTION] }, { issue: true }),
  q(
    "电池 回收",
    "zh",
    "keywords",
    "battery-recycling",
    {
      all: [BATTERY, RECYCLING],
      mask: [...NOT_RECYCLING, ...NOT_FUEL_CELLS, "再生骨料", "再生铝", "再生聚酯"],
      near: 24,
    },
    { issue: true },
  ),
  q(
    "battery thermal management",
    "en",
    "keywords",
    "lithium-battery-thermal-management",
    { all: [BATTERY, THERMAL], mask: NOT_FUEL_CELLS },
    { issue: true },
  ),
  // ---- vehicles ----
  q("怎么用激光雷达检测路上的障碍物", "zh", "natural", "autonomous-driving", {
    all: [
      ["激光雷达", "lidar", "LiDAR"],
      ["点云", "目标检测", "障碍物", "目标识别", "point cloud*", "object detection", "obstacle*"],
    ],
  }),
  q("how do self-driving cars decide when to change lanes", "en", "natural", "autonomous-driving", {
    all: [
      ["换道", "变道", "lane chang*", "lane-chang*"],
      ["决策", "规划", "decision*", "decide*", "planning"],
    ],
  }),
  q("怎么估算动力电池的剩余电量", "zh", "natural", "power-battery-management", {
    all: [
      BATTERY,
      ["荷电状态", "剩余电量", "SOC", "state of charge", "remaining capacity", "剩余容量"],
      ["估算", "估计", "预测", "计算", "estimat*", "predict*", "calculat*"],
    ],
    mask: NOT_FUEL_CELLS,
  }),
  q("lithium battery state of health estimation", "en", "keywords", "power-battery-management", {
    all: [
      BATTERY,
      [
        "健康状态",
        "SOH",
        "state of health",
        "剩余使用寿命",
        "remaining useful life",
        "老化",
        "衰减",
        "ageing",
        "aging",
        "degradation",
      ],
      ["估算", "估计", "评估", "预测", "检测", "estimat*", "assess*", "predict*", "evaluat*"],
    ],
    mask: NOT_FUEL_CELLS,
  }),
  q("线控转向", "zh", "keywords", "vehicle-body-chassis", { all: [["线控转向", "steer-by-wire", "steer by wire"]] }),
  q("lightweight car body structure", "en", "keywords", "vehicle-body-chassis", {
    all: [
      ["轻量化", "lightweight*", "light-weight*"],
      ["车身", "白车身", "车门", "vehicle body", "car body", "body structure*", "body-in-white", "body in white"],
    ],
  }),
  q("摩托车尾气怎么达到国四排放标准", "zh", "natural", "motorcycle-powertrain", {
    all: [
      ["摩托车", "踏板车", "motorcycle*", "scooter*"],
      ["排放", "尾气", "催化", "emission*", "exhaust*", "catalytic"],
    ],
  }),
  q("motorcycle electronic fuel injection", "en", "keywords", "motorcycle-powertrain", {
    all: [
      ["摩托车", "踏板车", "motorcycle*", "scooter*"],
      ["燃油喷射", "电喷", "喷油", "fuel injection", "EFI", "injector*"],
    ],
  }),
  q("镁合金零件容易腐蚀怎么办", "zh", "natural", "magnesium-alloys", {
    all: [
      ["镁合金", "镁基", "镁锂", "magnesium"],
      [
        "耐腐蚀",
        "耐蚀",
        "腐蚀",
        "防腐",
        "微弧氧化",
        "转化膜",
        "corrosion*",
        "anticorros*",
        "anti-corros*",
        "micro-arc oxidation",
      ],
    ],
  }),
  q("magnesium alloy parts for cars", "en", "natural", "magnesium-alloys", {
    all: [
      ["镁合金", "magnesium"],
      [
        "汽车",
        "车辆",
        "轮毂",
        "方向盘",
        "仪表板",
        "座椅骨架",
        "变速器",
        "automotive",
        "vehicle*",
        "car",
        "wheel hub*",
        "steering wheel*",
        "instrument panel*",
      ],
    ],
  }),
  q("铝合金一体化压铸", "zh", "keywords", "aluminium-alloy-forming", {
    all: [
      ["铝", "alumin*"],
      ["一体化压铸", "一体压铸", "integrated die-cast*", "integrated die cast*", "giga-cast*", "gigacast*"],
    ],
  }),
  q("how to extrude aluminium profiles without defects", "en", "natural", "aluminium-alloy-forming", {
    all: [
      ["铝", "alumin*"],
      ["挤压", "extru*"],
      ["型材", "profile*"],
    ],
  }),

  // ---- electronics ----
  q("有没有能贴在皮肤上的柔性压力传感器", "zh", "natural", "sensors", {
    all: [
      ["柔性", "flexible"],
      [
        "压力传感",
        "压力检测",
        "触觉",
        "电子皮肤",
        "pressure sens*",
        "tactile",
        "electronic skin",
        "pressure-sensitive",
      ],
    ],
  }),
  q("gas sensor for detecting hydrogen leaks", "en", "natural", "sensors", {
    all: [
      ["氢气", "氢敏", "氢浓度", "hydrogen"],
      ["泄漏", "氢敏", "气敏", "气体传感", "气体检测", "leak*", "gas sensor*", "gas-sensitive", "gas sensing"],
    ],
  }),
  q("有没有5G毫米波天线的专利", "zh", "natural", "wireless-communication", {
    all: [
      ["毫米波", "millimeter wave", "millimetre wave", "millimeter-wave", "millimetre-wave", "mmWave"],
      ["天线", "antenna*"],
    ],
  }),
  q("MIMO antenna for 5G base stations", "en", "keywords", "wireless-communication", {
    all: [
      ["天线", "antenna*"],
      ["MIMO", "多输入多输出", "基站", "base station*", "5G"],
    ],
  }),
  q("how to reduce the power consumption of IoT devices", "en", "natural", "iot-smart-city", {
    all: [
      [
        "物联网",
        "IoT",
        "internet of things",
        "NB-IoT",
        "LoRa",
        "无线传感器网络",
        "wireless sensor network*",
        "传感终端",
        "sensing terminal*",
      ],
      [
        "低功耗",
        "功耗",
        "节能",
        "休眠",
        "power consumption",
        "low power",
        "low-power",
        "energy saving",
        "energy-saving",
        "energy consumption",
        "sleep",
      ],
    ],
  }),
  q("芯片封装后发热严重怎么散热", "zh", "natural", "chips-integrated-circuits", {
    all: [
      ["芯片", "集成电路", "chip", "integrated circuit*"],
      [
        "散热",
        "导热",
        "热管理",
        "heat dissipation",
        "heat-dissipat*",
        "thermal management",
        "heat sink*",
        "heat spreader*",
        "thermal conduct*",
      ],
    ],
    mask: ["排屑", "chip removal", "chip conveyor*", "chip evacuation"],
  }),
  q("chiplet advanced packaging", "en", "keywords", "chips-integrated-circuits", {
    all: [
      ["芯粒", "小芯片", "异构集成", "chiplet*", "heterogeneous integration"],
      ["封装", "packag*"],
    ],
  }),
  q("碳化硅MOSFET", "zh", "keywords", "power-semiconductors", {
    all: [
      ["碳化硅", "SiC", "silicon carbide"],
      ["MOSFET", "场效应晶体管", "field-effect transistor*", "field effect transistor*"],
    ],
  }),
  q("silicon carbide power module packaging", "en", "keywords", "power-semiconductors", {
    all: [
      ["碳化硅", "SiC", "silicon carbide"],
      ["功率模块", "power module*"],
    ],
  }),
  q("Micro-LED巨量转移", "zh", "keywords", "new-displays", {
    all: [
      ["Micro-LED", "MicroLED", "Micro LED", "微型发光二极管", "微发光二极管"],
      ["巨量转移", "转移", "mass transfer", "transfer*"],
    ],
  }),
  q("how to fix uneven brightness on OLED screens", "en", "natural", "new-displays", {
    all: [
      ["OLED", "显示面板", "显示屏", "显示装置", "display*", "screen*"],
      [
        "Mura",
        "亮度补偿",
        "亮度均匀",
        "亮度不均",
        "显示均匀",
        "brightness compensation",
        "brightness uniformity",
        "luminance uniformity",
        "luminance compensation",
        "uneven brightness",
        "mura",
        "demura",
      ],
    ],
  }),
  q("北斗高精度定位", "zh", "keywords", "satellite-internet", {
    all: [
      ["北斗", "BeiDou", "GNSS", "卫星导航", "卫星定位", "satellite navigation", "satellite positioning", "RTK"],
      ["高精度", "精密", "厘米级", "high-precision", "high precision", "precise", "centimetre*", "centimeter*"],
    ],
  }),
  q("low earth orbit satellite communication terminal", "en", "keywords", "satellite-internet", {
    all: [
      ["卫星", "satellite*"],
      ["通信", "互联网", "communicat*", "internet"],
      ["终端", "动中通", "terminal*", "user equipment"],
    ],
  }),

  // ---- manufacturing ----
  q("碳纤维复合材料", "zh", "keywords", "polymer-composites", {
    all: [
      ["碳纤维", "carbon fibre*", "carbon fiber*", "CFRP"],
      ["复合材料", "预浸料", "composite*", "prepreg*"],
    ],
  }),
  q("anti-corrosion coating for steel structures", "en", "natural", "polymer-composites", {
    all: [
      ["防腐", "耐腐蚀", "耐盐雾", "anticorros*", "anti-corros*", "corrosion"],
      ["涂料", "涂层", "油漆", "coating*", "paint*"],
      ["钢", "steel"],
    ],
  }),
  q("超高性能混凝土", "zh", "keywords", "building-materials", {
    all: [
      [
        "超高性能混凝土",
        "UHPC",
        "ultra-high-performance concrete",
        "ultra-high performance concrete",
        "ultra high performance concrete",
      ],
    ],
  }),
  q("how to use fly ash in concrete", "en", "natural", "building-materials", {
    all: [
      ["粉煤灰", "fly ash"],
      ["混凝土", "水泥", "砂浆", "胶凝", "concrete", "cement*", "mortar*", "binder*"],
    ],
  }),
  q("机械臂怎么抓取不规则的零件", "zh", "natural", "industrial-robots", {
    all: [ROBOT, ["抓取", "抓手", "夹爪", "夹持", "grasp*", "gripp*", "gripper*", "picking"]],
  }),
  q("robot hand-eye calibration", "en", "keywords", "industrial-robots", {
    all: [["手眼标定", "hand-eye calibration", "hand eye calibration", "eye-in-hand", "eye-to-hand"]],
  }),
  q("用深度学习检测产品表面缺陷", "zh", "natural", "machine-vision-ai", {
    all: [
      ["缺陷", "瑕疵", "defect*", "flaw*"],
      ["检测", "识别", "detect*", "inspect*", "recogni*", "identif*"],
      [
        "深度学习",
        "神经网络",
        "卷积",
        "注意力机制",
        "deep learning",
        "neural network*",
        "convolutional",
        "attention mechanism*",
        "YOLO",
      ],
    ],
  }),
  q("detect defects on lithium battery electrodes with cameras", "en", "natural", "machine-vision-ai", {
    all: [
      ["极片", "电极", "锂电池", "electrode*", "lithium"],
      ["缺陷", "瑕疵", "defect*", "flaw*"],
      ["视觉", "图像", "相机", "摄像", "camera*", "vision", "image*", "imaging"],
    ],
  }),
  q("怎样减少薄壁零件的加工变形", "zh", "natural", "precision-machining", {
    all: [
      ["薄壁", "thin-walled", "thin-wall*", "thin wall*"],
      ["加工", "铣削", "车削", "切削", "machin*", "milling", "turning", "cutting"],
    ],
  }),
  q("tool wear monitoring", "en", "keywords", "precision-machining", {
    all: [
      ["刀具磨损", "刀具破损", "刀具寿命", "刀具状态", "tool wear", "tool breakage", "tool life", "tool condition"],
      ["监测", "检测", "预测", "识别", "估计", "monitor*", "detect*", "predict*", "estimat*", "identif*"],
    ],
  }),
  q("怎么检测埋地管道有没有腐蚀", "zh", "natural", "nondestructive-testing", {
    all: [
      ["管道", "管线", "管网", "pipeline*", "pipe", "piping"],
      ["腐蚀", "corrosion*"],
      ["检测", "监测", "探测", "detect*", "inspect*", "monitor*", "testing"],
    ],
  }),
  q("ultrasonic testing of welds", "en", "keywords", "nondestructive-testing", {
    all: [
      ["超声", "相控阵", "ultrason*", "phased array*", "phased-array"],
      ["焊缝", "焊接", "weld*"],
      ["检测", "探伤", "扫查", "test*", "inspect*", "detect*", "scan*"],
    ],
  }),
  q("drone for spraying pesticides on farmland", "en", "natural", "drones-low-altitude", {
    all: [
      DRONE,
      ["施药", "喷洒", "喷雾", "植保", "农药", "spray*", "pesticide*", "plant protection", "crop protection"],
    ],
  }),

  // ---- consumer, agri-food, software, textiles, environment ----
  q("火锅底料", "zh", "keywords", "hotpot-seasoning-food", {
    all: [
      ["火锅", "hot pot", "hotpot"],
      ["底料", "调味", "seasoning*"],
    ],
  }),
  q("how to make Sichuan pepper oil", "en", "natural", "hotpot-seasoning-food", {
    all: [["花椒油", "藤椒油", "麻椒油", "Sichuan pepper oil", "green Sichuan pepper oil", "prickly ash oil"]],
  }),
  q("绿茶怎样加工", "zh", "natural", "tea-agriculture", {
    all: [
      ["绿茶", "green tea"],
      ["加工", "杀青", "揉捻", "干燥", "制备", "process*", "fixation", "rolling", "drying", "prepar*"],
    ],
  }),
  q("how to extract tea polyphenols from tea leaves", "en", "natural", "tea-agriculture", {
    all: [
      ["茶多酚", "tea polyphenol*"],
      ["提取", "萃取", "纯化", "extract*", "purif*"],
    ],
  }),
  q("个性化推荐算法", "zh", "keywords", "software-big-data", { all: [["推荐", "recommend*"]] }),
  q("how can several companies train a model without sharing their data", "en", "natural", "software-big-data", {
    all: [["联邦学习", "联合建模", "federated learning", "federated"]],
  }),
  q("有没有能抗菌的纺织纤维", "zh", "natural", "textiles-fibres", {
    all: [
      ["抗菌", "抑菌", "antibacterial", "antimicrobial"],
      ["纤维", "面料", "织物", "纺织", "fibre*", "fiber*", "fabric*", "textile*"],
    ],
  }),
  q("melt-blown fabric for face masks", "en", "keywords", "textiles-fibres", {
    all: [["熔喷", "melt-blown", "meltblown", "melt blown"]],
  }),
  q("农村生活污水怎么处理", "zh", "natural", "water-treatment-environment", {
    all: [
      ["污水", "废水", "sewage", "wastewater", "waste water"],
      ["农村", "乡村", "村镇", "rural", "village*", "decentrali*"],
    ],
  }),
  q("nitrogen and phosphorus removal from wastewater", "en", "keywords", "water-treatment-environment", {
    all: [
      [
        "脱氮",
        "除磷",
        "氮磷",
        "总氮",
        "总磷",
        "氨氮",
        "denitrif*",
        "nitrogen removal",
        "phosphorus removal",
        "nitrogen and phosphorus",
        "ammonia nitrogen",
        "nitrification",
      ],
      [
        "污水",
        "废水",
        "渗滤液",
        "水处理",
        "尾水",
        "水体",
        "湿地",
        "wastewater",
        "sewage",
        "leachate",
        "water treatment",
        "effluent*",
        "wetland*",
        "water body",
        "water bodies",
      ],
    ],
  }),
  q("如何自动识别农作物病虫害", "zh", "natural", "smart-agriculture-plant-protection", {
    all: [
      [
        "病虫害",
        "虫害",
        "害虫",
        "虫情",
        "作物病害",
        "植物病害",
        "叶片病害",
        "pest",
        "plant disease*",
        "crop disease*",
        "leaf disease*",
        "insect pest*",
      ],
      ["识别", "监测", "检测", "预警", "诊断", "identif*", "recogni*", "detect*", "monitor*", "warning", "diagnos*"],
    ],
  }),
  q("smart irrigation system", "en", "keywords", "smart-agriculture-plant-protection", {
    all: [
      ["灌溉", "水肥一体", "irrigat*", "fertigation"],
      ["智能", "自动", "精准", "智慧", "smart", "intelligent*", "automat*", "precision", "precise*"],
    ],
  }),

  // ---- life sciences, energy, civil engineering ----
  q("中药提取设备", "zh", "keywords", "traditional-chinese-medicine", {
    all: [
      ["中药", "中草药", "草药", "herbal", "Chinese medicin*", "TCM"],
      ["提取", "萃取", "extract*"],
    ],
    mask: ["含有中草药提取物", "containing Chinese herbal extract*"],
  }),
  q("how to extract ginsenosides from ginseng", "en", "natural", "traditional-chinese-medicine", {
    all: [
      ["人参皂苷", "人参", "ginsenoside*", "ginseng"],
      ["提取", "萃取", "纯化", "分离", "extract*", "purif*", "separat*"],
    ],
  }),
  q("有没有不用扎手指的血糖检测设备", "zh", "natural", "medical-devices", {
    all: [
      ["血糖", "glucose"],
      ["无创", "非侵入", "无痛", "non-invasive", "noninvasive", "non-invasively"],
    ],
  }),
  q("infusion pump alarm", "en", "keywords", "medical-devices", {
    all: [
      ["输液", "infusion"],
      ["报警", "监控", "监测", "alarm*", "monitor*", "alert*"],
    ],
  }),
  q("怎样提高发酵的菌体密度", "zh", "natural", "biomanufacturing-fermentation", {
    all: [
      ["高密度", "high-cell-density", "high cell density", "high-density", "high density"],
      ["发酵", "培养", "ferment*", "cultur*", "cultivat*"],
    ],
  }),
  q("how to immobilize enzymes so they can be reused", "en", "natural", "biomanufacturing-fermentation", {
    all: [
      ["固定化", "immobili*"],
      ["酶", "enzyme*", "lipase*"],
    ],
  }),
  q("如何防止锂电池热失控", "zh", "natural", "lithium-battery-thermal-management", {
    all: [BATTERY, ["热失控", "热蔓延", "thermal runaway", "thermal propagation"]],
    mask: NOT_FUEL_CELLS,
  }),
  q("电池包液冷板", "zh", "keywords", "lithium-battery-thermal-management", {
    all: [BATTERY, ["液冷", "冷板", "冷却板", "liquid cool*", "liquid-cool*", "cold plate*", "cooling plate*"]],
    mask: NOT_FUEL_CELLS,
  }),
  q("光伏板上的灰尘怎么自动清洗", "zh", "natural", "energy-storage-renewables", {
    all: [
      ["光伏", "太阳能", "photovoltaic*", "solar"],
      ["清洗", "清洁", "除尘", "clean*", "dust*"],
    ],
  }),
  q("wind turbine blade de-icing", "en", "keywords", "energy-storage-renewables", {
    all: [
      ["风力", "风电", "风机", "wind turbine*", "wind power", "wind-power"],
      ["叶片", "blade*"],
      ["除冰", "融冰", "防冰", "覆冰", "结冰", "de-icing", "deicing", "anti-icing", "icing", "ice"],
    ],
  }),
  q("tunnel lining water leakage", "en", "keywords", "bridges-tunnels", {
    all: [
      ["隧道", "tunnel*"],
      ["渗漏", "漏水", "渗水", "防水", "排水", "leak*", "seepage", "waterproof*", "drainage"],
    ],
  }),
  q("装配式建筑灌浆套筒", "zh", "keywords", "building-structures", {
    all: [["灌浆套筒", "套筒灌浆", "grout sleeve*", "grouted sleeve*", "sleeve grouting"]],
  }),
  q("how to retrofit old buildings against earthquakes", "en", "natural", "building-structures", {
    all: [
      ["抗震", "隔震", "消能减震", "seismic*", "earthquake*", "aseismic"],
      ["加固", "既有建筑", "既有结构", "改造", "retrofit*", "strengthen*", "existing building*", "existing structure*"],
    ],
  }),

  // ---- energy and earth ----
  q("页岩气压裂液", "zh", "keywords", "shale-gas", {
    all: [
      ["页岩", "shale"],
      ["压裂液", "滑溜水", "降阻剂", "fracturing fluid*", "slickwater", "friction reducer*", "drag reducer*"],
    ],
  }),
  q("how to evaluate whether a shale reservoir can be fractured", "en", "natural", "shale-gas", {
    all: [
      ["页岩", "shale"],
      ["可压性", "脆性", "压裂", "fracability", "brittleness", "fractur*"],
      ["评价", "评估", "预测", "识别", "evaluat*", "assess*", "predict*", "identif*"],
    ],
  }),
  q("怎样提前预警煤与瓦斯突出", "zh", "natural", "coal-mine-safety", {
    all: [
      ["瓦斯", "煤与瓦斯", "methane", "gas"],
      ["突出", "outburst*"],
      ["预警", "预测", "监测", "warning", "predict*", "forecast*", "monitor*"],
    ],
  }),
  q("how to suppress dust at a coal mining face", "en", "natural", "coal-mine-safety", {
    all: [
      ["粉尘", "降尘", "抑尘", "除尘", "煤尘", "dust*"],
      ["煤", "矿", "采掘", "综采", "coal", "mine", "mining"],
    ],
  }),
  q("有没有能在线监测输电线路覆冰的装置", "zh", "natural", "power-grid", {
    all: [
      ["输电线", "输电线路", "架空线", "导线", "transmission line*", "overhead line*", "power line*", "conductor*"],
      ["覆冰", "icing", "ice"],
      ["监测", "预测", "检测", "测量", "monitor*", "predict*", "detect*", "measur*"],
    ],
  }),
  q("partial discharge detection in transformers", "en", "keywords", "power-grid", {
    all: [
      ["局部放电", "partial discharge*"],
      ["变压器", "transformer*"],
    ],
  }),
  q("燃料电池在零下怎么启动", "zh", "natural", "hydrogen-fuel-cells", {
    all: [
      ["燃料电池", "fuel cell*"],
      ["冷启动", "低温启动", "cold start*", "cold-start*", "subzero start*", "sub-zero start*"],
    ],
  }),
  q("hydrogen production by water electrolysis", "en", "keywords", "hydrogen-fuel-cells", {
    all: [
      ["电解水", "电解槽", "水电解", "析氢", "water electrolysis", "electrolyser*", "electrolyzer*", "electrolysis"],
      ["制氢", "氢", "hydrogen"],
    ],
  }),
  q("how to recover lithium from spent batteries", "en", "natural", "battery-recycling", {
    all: [
      ["锂", "lithium"],
      ["回收", "提锂", "浸出", "recover*", "recycl*", "extract*", "leach*"],
      ["废旧", "退役", "黑粉", "spent", "retired", "end-of-life", "black mass", "waste batter*", "used batter*"],
    ],
    mask: NOT_RECYCLING,
  }),
  q("有没有滑坡监测预警的系统", "zh", "natural", "landslide-geohazards", {
    all: [
      ["滑坡", "landslide*"],
      ["监测", "预警", "预测", "monitor*", "warning", "early warning", "forecast*", "predict*"],
    ],
  }),
  q("how to stabilise a slope along a mountain road", "en", "natural", "landslide-geohazards", {
    all: [
      ["边坡", "斜坡", "坡体", "滑坡", "slope*", "landslide*"],
      [
        "加固",
        "支护",
        "防护",
        "抗滑",
        "锚固",
        "锚索",
        "稳定",
        "reinforc*",
        "stabili*",
        "support*",
        "protect*",
        "anti-slide",
        "anchor*",
      ],
    ],
  }),
  q("如何优化船闸的过闸调度", "zh", "natural", "inland-waterways", {
    all: [
      ["船闸", "过闸", "ship lock*", "navigation lock*", "lockage"],
      ["调度", "排档", "schedul*", "dispatch*"],
    ],
  }),
  q("ship collision warning on inland rivers", "en", "keywords", "inland-waterways", {
    all: [
      ["船舶", "船只", "ship*", "vessel*"],
      ["碰撞", "防撞", "避碰", "collision*", "anti-collision"],
      ["预警", "风险", "报警", "warning", "risk*", "alarm*", "avoidance"],
    ],
  }),

  // ---- machines ----
  q("permanent magnet motor cogging torque", "en", "keywords", "electric-motors-nvh", {
    all: [["齿槽转矩", "cogging torque", "cogging"]],
  }),
  q("怎么判断齿轮箱有没有故障", "zh", "natural", "gears-reducers", {
    all: [
      [
        "齿轮箱",
        "变速箱",
        "齿轮传动",
        "减速器",
        "行星齿轮",
        "行星轮系",
        "齿轮故障",
        "gearbox*",
        "gear transmission*",
        "reducer*",
        "planetary gear*",
        "gear fault*",
      ],
      ["故障", "失效", "fault*", "failure*"],
      ["诊断", "检测", "识别", "监测", "预警", "diagnos*", "detect*", "identif*", "monitor*"],
    ],
  }),
  q("机床热误差补偿", "zh", "keywords", "cnc-machine-tools", {
    all: [
      ["机床", "主轴", "加工中心", "machine tool*", "spindle*", "machining cent*"],
      ["热误差", "热变形", "热伸长", "thermal error*", "thermal deformation", "thermal elongation"],
    ],
  }),
  q("how to stop chatter when milling", "en", "natural", "cnc-machine-tools", {
    all: [
      ["颤振", "chatter"],
      ["铣", "切削", "加工", "镗", "mill*", "cutting", "machin*", "boring"],
    ],
  }),
  q("铝合金搅拌摩擦焊", "zh", "keywords", "welding-joining", {
    all: [
      ["搅拌摩擦", "friction stir"],
      ["铝", "alumin*"],
    ],
  }),
  q("weld seam tracking with laser vision", "en", "keywords", "welding-joining", {
    all: [
      ["焊缝跟踪", "焊缝识别", "焊缝图像", "seam tracking", "weld seam track*", "weld seam recogni*"],
      ["视觉", "激光", "图像", "相机", "vision", "laser*", "image*", "camera*"],
    ],
  }),
  q("金属3D打印", "zh", "keywords", "additive-manufacturing", {
    all: [
      [
        "3D打印",
        "三维打印",
        "增材制造",
        "选区激光熔化",
        "电子束选区熔化",
        "电弧增材",
        "additive manufactur*",
        "3D print*",
        "3D-print*",
        "selective laser melting",
        "SLM",
      ],
      ["金属", "钛", "铝", "镍", "合金", "钢", "metal*", "titanium", "alumin*", "nickel", "alloy*", "steel"],
    ],
  }),
  q("how to reduce residual stress in 3D printed parts", "en", "natural", "additive-manufacturing", {
    all: [
      ["3D打印", "增材", "选区激光熔化", "3D print*", "3D-print*", "additive*", "selective laser melting"],
      ["残余应力", "变形", "翘曲", "residual stress*", "distortion", "deformation", "warp*"],
    ],
  }),
  q("扫地机器人怎么避开障碍物", "zh", "natural", "smart-home-appliances", {
    all: [
      ["扫地机器人", "扫拖", "清洁机器人", "robotic vacuum*", "robot vacuum*", "cleaning robot*", "sweeping robot*"],
      ["避障", "障碍", "obstacle*"],
    ],
  }),
  q("washing machine vibration reduction", "en", "keywords", "smart-home-appliances", {
    all: [
      ["洗衣机", "洗烘", "washing machine*"],
      [
        "振动",
        "减振",
        "减震",
        "降噪",
        "偏心",
        "噪声",
        "vibration*",
        "damping",
        "shock",
        "noise",
        "imbalance",
        "unbalance*",
        "eccentric*",
      ],
    ],
  }),
  q("智慧停车 车位检测", "zh", "keywords", "iot-smart-city", {
    all: [
      ["车位", "泊位", "停车", "parking"],
      ["检测", "识别", "监测", "诱导", "detect*", "recogni*", "monitor*", "occupancy", "guidance"],
    ],
  }),
  q("remote meter reading with NB-IoT", "en", "keywords", "iot-smart-city", {
    all: [
      [
        "抄表",
        "智能水表",
        "智能电表",
        "智能燃气表",
        "集中器",
        "meter reading",
        "smart meter*",
        "smart water meter*",
        "smart electricity meter*",
        "smart gas meter*",
      ],
      ["NB-IoT", "窄带物联网", "LoRa", "物联网", "无线", "远程", "wireless", "IoT", "internet of things", "remote*"],
    ],
  }),
  q("光纤光栅传感器", "zh", "keywords", "optical-fibre-communication", {
    all: [
      ["光纤光栅", "布拉格光栅", "FBG", "fibre Bragg grating*", "fiber Bragg grating*", "Bragg grating*"],
      ["传感", "测温", "应变", "sensor*", "sensing", "temperature", "strain"],
    ],
  }),
  q("distributed fiber optic vibration sensing for pipelines", "en", "natural", "optical-fibre-communication", {
    all: [
      [
        "分布式光纤",
        "光纤振动",
        "distributed fib*",
        "distributed optical fib*",
        "distributed acoustic sensing",
        "fibre-optic vibration",
        "fiber-optic vibration",
        "φ-OTDR",
        "Φ-OTDR",
      ],
      ["振动", "声波", "扰动", "vibrat*", "acoustic", "disturbance*", "intrusion*"],
    ],
  }),

  // ---- agriculture, food and environment ----
  q("柑橘黄龙病怎么防治", "zh", "natural", "citrus", {
    all: [CITRUS, ["黄龙病", "huanglongbing", "HLB", "citrus greening"]],
  }),
  q("家蚕可以用人工饲料养吗", "zh", "natural", "silkworm-sericulture", {
    all: [
      ["蚕", "silkworm*"],
      ["饲料", "饲养", "diet*", "feed*", "rearing"],
    ],
  }),
  // Issue 13 thought cosmetics absent; the pool's silk proteins (丝胶, sericin) are used in them.
  q("化妆品配方", "zh", "keywords", "silkworm-sericulture", {
    all: [["化妆品", "护肤", "面霜", "精华液", "保湿剂", "cosmetic*", "skin care", "skincare", "moisturi*"]],
  }),
  q("automatic silk reeling machine", "en", "keywords", "silkworm-sericulture", {
    all: [
      ["缫丝", "生丝", "蚕丝", "蚕茧", "茧", "silk", "cocoon*"],
      ["缫丝", "络丝", "索绪", "理绪", "reel*"],
    ],
    mask: ["silk-screen*", "silk screen*"],
  }),
  q("榨菜低盐腌制", "zh", "keywords", "zhacai-pickles", {
    all: [
      ["榨菜", "茎瘤芥", "泡菜", "腌菜", "zhacai", "mustard tuber*", "preserved mustard", "pickle*"],
      [
        "低盐",
        "减盐",
        "脱盐",
        "降盐",
        "low-salt",
        "low salt",
        "less salt",
        "reduced salt",
        "reduced-salt",
        "desalt*",
        "salt reduction",
      ],
    ],
  }),
  q("how to make pickles with less salt", "en", "natural", "zhacai-pickles", {
    all: [
      ["榨菜", "泡菜", "腌制", "腌菜", "酱腌菜", "咸菜", "pickl*", "zhacai"],
      [
        "低盐",
        "减盐",
        "脱盐",
        "降盐",
        "low-salt",
        "low salt",
        "less salt",
        "reduced salt",
        "reduced-salt",
        "desalt*",
        "salt reduction",
      ],
    ],
  }),
  q("猪舍环境怎么控制氨气", "zh", "natural", "livestock-pigs", {
    all: [
      ["猪舍", "猪场", "养猪", "生猪", "猪只", "pig", "piggery", "swine", "hog"],
      ["氨气", "氨排放", "氨浓度", "除臭", "臭气", "恶臭", "通风", "ammonia", "odour*", "odor*", "ventilat*"],
    ],
  }),
  q("what to do with the manure of a pig farm", "en", "natural", "livestock-pigs", {
    all: [
      ["猪", "畜禽", "养殖场", "pig", "swine", "livestock", "piggery", "hog"],
      ["粪", "manure", "slurry", "excrement*", "faeces", "feces"],
    ],
  }),
  q("循环水养殖系统", "zh", "keywords", "aquaculture", {
    all: [
      ["循环水", "recirculating", "recirculation", "RAS"],
      ["养殖", "水产", "aquacultur*", "fish farming", "fish"],
    ],
  }),
  q("how to monitor dissolved oxygen in fish ponds", "en", "natural", "aquaculture", {
    all: [
      ["溶解氧", "溶氧", "dissolved oxygen", "增氧", "aerat*"],
      ["鱼", "虾", "水产", "养殖", "池塘", "fish*", "pond*", "aquacultur*", "shrimp*"],
    ],
  }),
  q("丘陵地区的油菜怎么机械化收获", "zh", "natural", "rice-rapeseed-crops", {
    all: [
      ["油菜", "rapeseed", "canola", "oilseed rape"],
      ["收获", "收割", "脱粒", "割晒", "harvest*", "threshing", "combine*", "windrow*"],
    ],
  }),
  q("rice transplanting machine", "en", "keywords", "rice-rapeseed-crops", {
    all: [
      ["水稻", "稻", "rice"],
      ["插秧", "移栽", "钵苗", "transplant*"],
    ],
  }),
  q("冷链运输过程中怎么监控温度", "zh", "natural", "cold-chain-preservation", {
    all: [
      ["冷链", "冷藏车", "冷库", "冷藏箱", "冷藏运输", "cold chain", "cold-chain", "refrigerated", "cold storage"],
      ["温度", "温湿度", "temperature*"],
      [
        "监控",
        "监测",
        "温度记录",
        "追溯",
        "预警",
        "报警",
        "monitor*",
        "track*",
        "record*",
        "logg*",
        "warning",
        "alarm*",
      ],
    ],
  }),
  q("fruit and vegetable cold storage preservation", "en", "keywords", "cold-chain-preservation", {
    all: [["果蔬", "水果", "蔬菜", "果实", "fruit*", "vegetable*"], KEEP_FRESH],
    mask: ["果酒", "fruit wine*", "泡菜", "酱腌菜", "pickled vegetable*"],
  }),
  q("白酒固态发酵", "zh", "keywords", "liquor-brewing", {
    all: [
      ["白酒", "酒醅", "大曲", "窖池", "窖泥", "baijiu", "Chinese liquor", "liquor", "distilled spirit*"],
      ["发酵", "酿造", "ferment*", "brew*"],
    ],
    mask: ["fermentation liquor*", "pickling liquor*"],
  }),
  q("how to speed up the ageing of liquor", "en", "natural", "liquor-brewing", {
    all: [
      ["白酒", "酒体", "基酒", "原酒", "baijiu", "liquor", "spirit*", "wine*"],
      ["陈化", "老熟", "催陈", "陈酿", "ageing", "aging", "maturation", "matur*"],
    ],
    mask: [
      "窖泥老熟",
      "多年老熟",
      "窖泥的老熟",
      "maturing time of pit mud",
      "years of maturing",
      "maturing of pit mud",
      "battery ageing",
      "battery aging",
    ],
  }),
  q("三峡库区消落带生态修复", "zh", "keywords", "reservoir-ecology", {
    all: [
      [
        "消落带",
        "消落区",
        "库岸",
        "drawdown zone*",
        "water-level-fluctuation zone*",
        "fluctuation zone*",
        "riparian zone*",
        "reservoir bank*",
      ],
      ["生态修复", "植被", "生态护坡", "生态防护", "修复", "restor*", "revegetat*", "vegetation", "ecological"],
    ],
  }),
  q("how to control algal blooms in a reservoir", "en", "natural", "reservoir-ecology", {
    all: [
      ["藻华", "水华", "蓝藻", "藻类", "algal bloom*", "algae", "cyanobacteri*"],
      ["水库", "湖", "库区", "水体", "河流", "reservoir*", "lake*", "river*", "water body", "water bodies"],
    ],
  }),
  q("建筑垃圾怎么回收再利用", "zh", "natural", "solid-waste-recycling", {
    all: [
      [
        "建筑垃圾",
        "建筑废弃物",
        "拆除垃圾",
        "建筑固废",
        "construction waste",
        "demolition waste",
        "construction and demolition",
      ],
      ["资源化", "再生", "回收", "利用", "recycl*", "reus*", "resource*", "recycled aggregate*"],
    ],
  }),
  q("kitchen waste composting", "en", "keywords", "solid-waste-recycling", {
    all: [
      ["餐厨垃圾", "厨余垃圾", "餐厨废弃物", "厨余", "kitchen waste", "food waste"],
      ["堆肥", "好氧发酵", "厌氧", "发酵", "compost*", "anaerobic", "ferment*", "aerobic"],
    ],
  }),

  // ---- health and transport ----
  q("疫苗佐剂", "zh", "keywords", "vaccines", {
    all: [
      ["疫苗", "vaccin*"],
      ["佐剂", "adjuvant*"],
    ],
  }),
  q("how is an mRNA vaccine delivered into cells", "en", "natural", "vaccines", {
    all: [
      ["mRNA"],
      [
        "脂质纳米颗粒",
        "脂质纳米粒",
        "递送",
        "阳离子脂质",
        "可电离",
        "lipid nanoparticle*",
        "LNP",
        "deliver*",
        "ionizable",
        "ionisable",
        "cationic lipid*",
      ],
    ],
  }),
  q("高强度聚焦超声治疗肿瘤", "zh", "keywords", "ultrasound-therapy", {
    all: [
      [
        "聚焦超声",
        "超声消融",
        "超声治疗",
        "HIFU",
        "海扶",
        "focused ultrasound",
        "ultrasound ablation",
        "ultrasound therap*",
      ],
      ["肿瘤", "癌", "肌瘤", "消融", "tumour*", "tumor*", "cancer*", "fibroid*", "ablat*"],
    ],
  }),
  q("focused ultrasound transducer", "en", "keywords", "ultrasound-therapy", {
    all: [
      ["聚焦超声", "HIFU", "focused ultrasound", "focused ultrasonic"],
      ["换能器", "探头", "transducer*", "probe*"],
    ],
  }),
  q("战场上怎么快速止血", "zh", "natural", "trauma-care", {
    all: [["止血", "止血带", "haemosta*", "hemosta*", "tourniquet*", "bleeding"]],
  }),
  q("haemostatic wound dressing", "en", "keywords", "trauma-care", {
    all: [
      ["止血", "haemosta*", "hemosta*", "bleeding"],
      ["敷料", "纱布", "海绵", "绷带", "dressing*", "gauze", "sponge*", "bandage*"],
    ],
  }),
  q("CT图像肺结节检测", "zh", "keywords", "medical-imaging-ai", {
    all: [
      ["肺结节", "pulmonary nodule*", "lung nodule*"],
      ["检测", "识别", "分割", "诊断", "detect*", "identif*", "segment*", "recogni*", "classif*", "diagnos*"],
    ],
  }),
  q("AI to segment tumours in medical images", "en", "natural", "medical-imaging-ai", {
    all: [
      [
        "医学影像",
        "医学图像",
        "CT",
        "MRI",
        "磁共振",
        "超声图像",
        "病理图像",
        "medical imag*",
        "medical image*",
        "pathology image*",
      ],
      ["分割", "勾画", "segment*", "delineat*", "contour*"],
      ["肿瘤", "病灶", "结节", "靶区", "tumour*", "tumor*", "lesion*", "nodule*", "target volume*"],
    ],
  }),
  q("药物缓释制剂", "zh", "keywords", "pharmaceutical-formulations", {
    all: [
      [
        "缓释",
        "控释",
        "长效",
        "sustained-release",
        "sustained release",
        "controlled release",
        "controlled-release",
        "extended release",
        "extended-release",
        "long-acting",
      ],
      [
        "制剂",
        "片剂",
        "缓释片",
        "控释片",
        "胶囊",
        "微球",
        "注射",
        "formulation*",
        "tablet*",
        "capsule*",
        "microsphere*",
        "injection*",
      ],
    ],
  }),
  q("how to improve the solubility of poorly soluble drugs", "en", "natural", "pharmaceutical-formulations", {
    all: [
      ["溶解度", "增溶", "难溶", "溶出", "solubil*", "poorly soluble", "dissolution"],
      ["药", "drug*", "pharmaceutic*", "medicin*"],
    ],
    mask: ["农药", "pesticide*"],
  }),
  q("老人在家摔倒了怎么及时报警", "zh", "natural", "rehabilitation-elderly-care", {
    all: [
      ["跌倒", "摔倒", "fall detection", "fall-detection", "fall risk", "fall prevention", "detecting falls", "fall"],
      [
        "老人",
        "老年",
        "养老",
        "人体",
        "人员",
        "患者",
        "使用者",
        "佩戴者",
        "elderly",
        "older",
        "senior*",
        "person*",
        "human*",
        "patient*",
        "wearer*",
        "people",
      ],
    ],
  }),
  q("lower limb rehabilitation exoskeleton", "en", "keywords", "rehabilitation-elderly-care", {
    all: [
      [
        "下肢",
        "腿",
        "踝",
        "膝",
        "步态",
        "步行",
        "lower limb*",
        "lower-limb",
        "leg",
        "ankle*",
        "knee*",
        "gait",
        "walking",
      ],
      ["康复", "外骨骼", "助行", "rehabilitat*", "exoskeleton*"],
    ],
  }),
  q("化学发光免疫分析仪", "zh", "keywords", "in-vitro-diagnostics", {
    all: [
      ["化学发光", "chemiluminesc*"],
      ["免疫", "分析仪", "检测", "immuno*", "analy*", "assay*", "detect*"],
    ],
  }),
  q("rapid test strip for detecting viruses", "en", "natural", "in-vitro-diagnostics", {
    all: [
      [
        "试纸",
        "检测卡",
        "层析",
        "快速检测",
        "即时检测",
        "test strip*",
        "lateral flow",
        "immunochromatograph*",
        "rapid test*",
        "rapid detection",
        "point-of-care",
      ],
      ["病毒", "抗原", "抗体", "病原", "virus*", "viral", "antigen*", "antibod*", "pathogen*"],
    ],
  }),
  q("种植牙表面处理", "zh", "keywords", "orthopaedic-dental-implants", {
    all: [
      ["种植牙", "牙种植体", "种植体", "口腔种植", "dental implant*", "implant fixture*"],
      ["表面", "涂层", "喷砂", "酸蚀", "微弧氧化", "surface*", "coating*", "sandblast*", "acid-etch*"],
    ],
  }),
  q("3D printed porous titanium bone implant", "en", "keywords", "orthopaedic-dental-implants", {
    all: [
      ["多孔", "点阵", "骨小梁", "porous", "lattice", "trabecular"],
      ["钛", "钽", "titanium", "tantalum", "Ti6Al4V", "Ti-6Al-4V"],
      ["植入", "假体", "骨", "implant*", "prosthe*", "bone", "orthop*"],
    ],
    mask: ["骨架"],
  }),
  q("地铁经过时的振动和噪声怎么减小", "zh", "natural", "rail-transit", {
    all: [
      [
        "轨道交通",
        "地铁",
        "城轨",
        "铁路",
        "钢轨",
        "轨道",
        "扣件",
        "浮置板",
        "道床",
        "轨枕",
        "rail transit",
        "urban rail",
        "railway*",
        "metro",
        "subway",
        "track",
        "rail",
        "trackbed",
        "floating slab*",
        "sleeper*",
      ],
      [
        "降噪",
        "减振",
        "减震",
        "隔振",
        "吸振",
        "消声",
        "隔声",
        "噪声",
        "噪音",
        "noise",
        "vibration reduction",
        "vibration damping",
        "vibration isolation",
        "vibration-damping",
        "vibration-isolat*",
        "damping",
        "shock absorb*",
      ],
    ],
    mask: [
      "卫星轨道",
      "导轨",
      "地轨",
      "guide rail*",
      "ground rail*",
      "slide rail*",
      "轨道交通牵引电机",
      "rail transit traction motor*",
      "traction motor*",
    ],
  }),
  q("how does a straddle monorail switch turnouts", "en", "natural", "rail-transit", {
    all: [
      ["单轨", "monorail*"],
      ["道岔", "转辙", "turnout*", "switch*"],
    ],
  }),
  q("沥青路面开裂了怎么修补", "zh", "natural", "road-pavement", {
    all: [
      ["沥青", "路面", "asphalt", "pavement*", "road surface*"],
      CRACK,
      ["修补", "修复", "灌缝", "养护", "repair*", "seal*", "maintenan*", "patch*"],
    ],
  }),
  q("permeable pavement for rainwater drainage", "en", "keywords", "road-pavement", {
    all: [
      ["透水", "排水", "多孔", "permeable", "porous", "pervious", "drainage"],
      ["路面", "沥青", "铺装", "pavement*", "asphalt", "paving"],
    ],
  }),

  // ---- topics the pool does not hold ----
  q(
    "区块链数字货币",
    "zh",
    "keywords",
    null,
    { all: [["数字货币", "加密货币", "虚拟货币", "比特币", "cryptocurrenc*", "digital currenc*", "bitcoin*"]] },
    { absent: true },
  ),
  q(
    "核聚变",
    "zh",
    "keywords",
    null,
    { all: [["核聚变", "聚变堆", "托卡马克", "nuclear fusion", "fusion reactor*", "tokamak*"]] },
    { absent: true },
  ),
  q(
    "quantum computing cryptography",
    "en",
    "keywords",
    null,
    {
      all: [
        [
          "量子计算",
          "量子密钥",
          "量子比特",
          "量子通信",
          "quantum comput*",
          "quantum key*",
          "qubit*",
          "quantum cryptograph*",
          "post-quantum",
        ],
      ],
    },
    { absent: true },
  ),
  q(
    "深海钻井平台",
    "zh",
    "keywords",
    null,
    {
      all: [
        ["深海", "深水", "海上", "海洋", "offshore", "deep-sea", "deepwater", "deep water", "subsea"],
        ["钻井平台", "钻井船", "钻井", "drilling platform*", "drilling rig*", "drillship*", "drilling"],
      ],
    },
    { absent: true },
  ),
  q(
    "婴儿配方奶粉",
    "zh",
    "keywords",
    null,
    { all: [["奶粉", "婴儿配方", "婴幼儿配方", "乳粉", "infant formula*", "milk powder*"]] },
    { absent: true },
  ),
  q(
    "有没有宠物食品的配方专利",
    "zh",
    "natural",
    null,
    { all: [["宠物", "猫粮", "狗粮", "pet food", "pet foods", "cat food", "dog food"]] },
    { absent: true },
  ),
  q(
    "有没有防脱发的洗发水配方",
    "zh",
    "natural",
    null,
    { all: [["脱发", "洗发", "hair loss", "shampoo*", "alopecia"]] },
    { absent: true },
  ),
  q(
    "how to design a tokamak for nuclear fusion",
    "en",
    "natural",
    null,
    { all: [["核聚变", "托卡马克", "nuclear fusion", "fusion reactor*", "tokamak*", "plasma confinement"]] },
    { absent: true },
  ),
  q(
    "how do offshore drilling platforms resist typhoons",
    "en",
    "natural",
    null,
    {
      all: [
        ["海上", "深海", "海洋", "offshore", "deep-sea", "subsea"],
        ["钻井平台", "钻井船", "drilling platform*", "drilling rig*", "drillship*", "oil platform*", "jack-up"],
      ],
    },
    { absent: true },
  ),
  q(
    "piano keyboard action mechanism",
    "en",
    "keywords",
    null,
    { all: [["钢琴", "琴键", "piano*", "keyboard instrument*"]] },
    { absent: true },
  ),
  q("golf club head", "en", "keywords", null, { all: [["高尔夫", "golf*"]] }, { absent: true }),
];

/** The columns a rule reads. */
export interface GradedPatent {
  type: string;
  title: string;
  titleEn: string | null;
  abstract: string;
  abstractEn: string | null;
  keywords: string;
  keywordsEn: string;
}

export type Grade = 0 | 1 | 2;

const HAN = /[\u3400-\u9fff]/;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One alternative as a regular expression source (see the rules at the top of this file). */
function alternativeSource(alternative: string): { source: string; caseSensitive: boolean } {
  if (HAN.test(alternative)) return { source: escape(alternative), caseSensitive: false };
  const prefix = alternative.endsWith("*");
  const word = prefix ? alternative.slice(0, -1) : alternative;
  let body = escape(word).replace(/ +/g, "[\\s-]+");
  if (!prefix) body = /[^aeiou]y$/i.test(word) ? `${body.slice(0, -1)}(?:y|ies)` : `${body}(?:s|es)?`;
  const start = /^\w/.test(word) ? "\\b" : "";
  const end = prefix ? "" : /\w$/.test(word) ? "\\b" : "";
  return {
    source: `${start}${body}${prefix ? "\\w*" : ""}${end}`,
    caseSensitive: /[A-Z]/.test(word) && !/[a-z]/.test(word),
  };
}

/** A group's alternatives as at most two expressions: the case-insensitive ones and the capitals-only ones. */
function groupExpressions(alternatives: readonly string[], flags = ""): RegExp[] {
  const compiled = alternatives.map(alternativeSource);
  const insensitive = compiled.filter((a) => !a.caseSensitive).map((a) => a.source);
  const sensitive = compiled.filter((a) => a.caseSensitive).map((a) => a.source);
  return [
    ...(insensitive.length ? [new RegExp(insensitive.join("|"), `i${flags}`)] : []),
    ...(sensitive.length ? [new RegExp(sensitive.join("|"), flags)] : []),
  ];
}

function groupMatcher(alternatives: readonly string[]): (text: string) => boolean {
  const expressions = groupExpressions(alternatives);
  return (text) => expressions.some((expression) => expression.test(text));
}

/** Whether one match of every group lies within `span` characters (from the first one's start). */
function withinSpan(text: string, groups: RegExp[][], span: number): boolean {
  const hits: Array<{ at: number; group: number }> = [];
  groups.forEach((expressions, group) => {
    for (const expression of expressions)
      for (const match of text.matchAll(expression)) hits.push({ at: match.index, group });
  });
  hits.sort((a, b) => a.at - b.at);
  const inWindow = new Array<number>(groups.length).fill(0);
  let covered = 0;
  let first = 0;
  for (const hit of hits) {
    if (inWindow[hit.group]++ === 0) covered++;
    while (hit.at - hits[first].at > span) if (--inWindow[hits[first++].group] === 0) covered--;
    if (covered === groups.length) return true;
  }
  return false;
}

/** The grade a rule gives a patent: 2 when every group matches its title, 1 when every group matches its
 * title, abstract and keywords together, else 0 (and 0 for a design patent unless the rule takes designs). */
export function compileRule(rule: RelevanceRule): (patent: GradedPatent) => Grade {
  const groups = rule.all.map(groupMatcher);
  const spanGroups = rule.near ? rule.all.map((alternatives) => groupExpressions(alternatives, "g")) : [];
  const related = (text: string) => !rule.near || withinSpan(text, spanGroups, rule.near);
  const mask = rule.mask?.length ? groupMatcher(rule.mask) : null;
  const maskExpressions = rule.mask?.length
    ? rule.mask.map(alternativeSource).map((a) => new RegExp(a.source, a.caseSensitive ? "g" : "gi"))
    : [];
  const clean = (text: string) =>
    mask && mask(text) ? maskExpressions.reduce((t, expression) => t.replace(expression, " ¦ "), text) : text;
  return (patent) => {
    if (patent.type === "DESIGN" && !rule.designs) return 0;
    const texts = textsOf(patent);
    const everything = clean(texts.everything);
    if (!groups.every((matches) => matches(everything)) || !related(everything)) return 0;
    const title = clean(texts.title);
    return groups.every((matches) => matches(title)) && related(title) ? 2 : 1;
  };
}

const joined = new WeakMap<GradedPatent, { title: string; everything: string }>();

/** A patent's title and its whole text, joined once however many rules read them. */
function textsOf(patent: GradedPatent): { title: string; everything: string } {
  let texts = joined.get(patent);
  if (!texts) {
    const title = `${patent.title} ¦ ${patent.titleEn ?? ""}`;
    texts = {
      title,
      everything: `${title} ¦ ${patent.abstract} ¦ ${patent.abstractEn ?? ""} ¦ ${patent.keywords} ¦ ${patent.keywordsEn}`,
    };
    joined.set(patent, texts);
  }
  return texts;
}
