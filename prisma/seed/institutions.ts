// The universities and colleges that own the demo patents: the 53 Chongqing institutions most likely to hold
// patents, taken from shared/data/chongqing-institutions.csv (71 rows) and written in here so the seed needs no
// file at run time. All 28 undergraduate institutions are kept; the 25 vocational ones are the public
// engineering, industry and medical colleges first, then the private engineering ones.
//
// Names are the CSV's, except 重庆科技学院, which is now 重庆科技大学. Five independent colleges converted in
// January 2021 and now trade under other names (重庆城市科技学院, 重庆外语外事学院, 重庆对外经贸学院,
// 重庆财经学院, 重庆移通学院); they keep the CSV's names here so that they match the source.
//
// researchWeight is relative patent output and only sets proportions in the demo pool; district is the main
// campus as best known.
//
// English names translated, not official (no official English name could be confirmed):
//   重庆大学城市科技学院, 重庆人文科技学院, 重庆师范大学涉外商贸学院, 重庆工商大学融智学院,
//   重庆工商大学派斯学院, 重庆邮电大学移通学院, 陆军勤务学院, 重庆水利电力职业技术学院, 重庆化工职业学院,
//   重庆交通职业学院, 重庆安全技术职业学院, 重庆工商职业学院, 重庆能源职业学院, 重庆公共运输职业学院,
//   重庆轻工职业学院, 重庆信息技术职业学院, 重庆智能工程职业学院, 重庆理工职业学院,
//   重庆资源与环境保护职业学院

export interface Institution {
  nameZh: string;
  nameEn: string;
  /** A short label for charts. */
  shortEn: string;
  level: "undergraduate" | "vocational";
  /** The Chongqing district of the main campus. */
  district: string;
  /** Relative patent output; 重庆大学 = 100. */
  researchWeight: number;
  /** The technology areas (prisma/seed/areas) it is known for, strongest first: most of its patents are in
   * them (docs/decisions/014-realistic-demo-pool.md has the table and its sources). */
  topAreas: string[];
  /** Shares of inventions, utility models and designs, where they differ from its level's. */
  typeWeights?: [number, number, number];
}

export const INSTITUTIONS: readonly Institution[] = [
  { nameZh: "重庆大学", nameEn: "Chongqing University", shortEn: "CQU", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 100, topAreas: ["power-grid", "coal-mine-safety", "gears-reducers", "electric-motors-nvh", "magnesium-alloys", "autonomous-driving", "power-battery-management", "bridges-tunnels"] },
  { nameZh: "西南大学", nameEn: "Southwest University", shortEn: "SWU", level: "undergraduate",
    district: "北碚区", researchWeight: 55, topAreas: ["silkworm-sericulture", "citrus", "smart-agriculture-plant-protection", "rice-rapeseed-crops", "livestock-pigs", "cold-chain-preservation", "aquaculture"] },
  { nameZh: "重庆邮电大学", nameEn: "Chongqing University of Posts and Telecommunications", shortEn: "CQUPT", level: "undergraduate",
    district: "南岸区", researchWeight: 50, topAreas: ["wireless-communication", "iot-smart-city", "chips-integrated-circuits", "optical-fibre-communication", "satellite-internet", "software-big-data", "machine-vision-ai"] },
  { nameZh: "重庆理工大学", nameEn: "Chongqing University of Technology", shortEn: "CQUT", level: "undergraduate",
    district: "巴南区", researchWeight: 45, topAreas: ["vehicle-body-chassis", "cnc-machine-tools", "electric-motors-nvh", "precision-machining", "sensors", "autonomous-driving"] },
  { nameZh: "重庆交通大学", nameEn: "Chongqing Jiaotong University", shortEn: "CQJTU", level: "undergraduate",
    district: "南岸区", researchWeight: 40, topAreas: ["bridges-tunnels", "inland-waterways", "road-pavement", "landslide-geohazards", "rail-transit", "nondestructive-testing"] },
  { nameZh: "重庆医科大学", nameEn: "Chongqing Medical University", shortEn: "CQMU", level: "undergraduate",
    district: "渝中区", researchWeight: 32, topAreas: ["ultrasound-therapy", "vaccines", "in-vitro-diagnostics", "medical-imaging-ai", "pharmaceutical-formulations"] },
  { nameZh: "陆军军医大学", nameEn: "Army Medical University", shortEn: "AMU", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 28, topAreas: ["trauma-care", "vaccines", "medical-devices", "medical-imaging-ai", "rehabilitation-elderly-care"] },
  { nameZh: "重庆科技大学", nameEn: "Chongqing University of Science and Technology", shortEn: "CQUST", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 24, topAreas: ["shale-gas", "coal-mine-safety", "welding-joining", "aluminium-alloy-forming", "additive-manufacturing"] },
  { nameZh: "重庆工商大学", nameEn: "Chongqing Technology and Business University", shortEn: "CTBU", level: "undergraduate",
    district: "南岸区", researchWeight: 13, topAreas: ["hotpot-seasoning-food", "water-treatment-environment", "solid-waste-recycling", "software-big-data"] },
  // Formerly the PLA Logistical Engineering University: water purification, fuel supply and military construction.
  { nameZh: "陆军勤务学院", nameEn: "Army Logistics Academy", shortEn: "ALA", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 12, topAreas: ["water-treatment-environment", "building-structures", "hydrogen-fuel-cells", "cold-chain-preservation"] },
  { nameZh: "重庆师范大学", nameEn: "Chongqing Normal University", shortEn: "CQNU", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 10, topAreas: ["polymer-composites", "biomanufacturing-fermentation", "reservoir-ecology", "new-displays"] },
  { nameZh: "重庆文理学院", nameEn: "Chongqing University of Arts and Sciences", shortEn: "CQWU", level: "undergraduate",
    district: "永川区", researchWeight: 9, topAreas: ["new-displays", "polymer-composites", "liquor-brewing", "smart-agriculture-plant-protection"] },
  // Not "CTGU": that is China Three Gorges University in Yichang.
  { nameZh: "重庆三峡学院", nameEn: "Chongqing Three Gorges University", shortEn: "CQTGU", level: "undergraduate",
    district: "万州区", researchWeight: 8, topAreas: ["reservoir-ecology", "landslide-geohazards", "citrus", "water-treatment-environment"] },
  { nameZh: "长江师范学院", nameEn: "Yangtze Normal University", shortEn: "YZNU", level: "undergraduate",
    district: "涪陵区", researchWeight: 7, topAreas: ["zhacai-pickles", "reservoir-ecology", "cold-chain-preservation", "polymer-composites"] },
  { nameZh: "重庆邮电大学移通学院", nameEn: "College of Mobile Telecommunications, Chongqing University of Posts and Telecommunications",
    shortEn: "CQUPT-CMT", level: "undergraduate", district: "合川区", researchWeight: 6, topAreas: ["iot-smart-city", "software-big-data", "wireless-communication"] },
  { nameZh: "重庆工程学院", nameEn: "Chongqing Institute of Engineering", shortEn: "CQIE", level: "undergraduate",
    district: "巴南区", researchWeight: 5, topAreas: ["software-big-data", "iot-smart-city", "drones-low-altitude"] },
  { nameZh: "重庆工业职业技术学院", nameEn: "Chongqing Industry Polytechnic College", shortEn: "CQIPC", level: "vocational",
    district: "渝北区", researchWeight: 5, topAreas: ["cnc-machine-tools", "welding-joining", "motorcycle-powertrain", "vehicle-body-chassis"] },
  { nameZh: "重庆电子工程职业学院", nameEn: "Chongqing College of Electronic Engineering", shortEn: "CQCEE", level: "vocational",
    district: "沙坪坝区", researchWeight: 5, topAreas: ["iot-smart-city", "smart-home-appliances", "machine-vision-ai", "sensors"] },
  { nameZh: "重庆机电职业技术大学", nameEn: "Chongqing Vocational and Technical University of Mechatronics", shortEn: "CQVTU",
    level: "vocational", district: "璧山区", researchWeight: 5, topAreas: ["industrial-robots", "cnc-machine-tools", "welding-joining", "gears-reducers"] },
  // Design patents (industrial and vehicle styling) rather than invention patents.
  { nameZh: "四川美术学院", nameEn: "Sichuan Fine Arts Institute", shortEn: "SCFAI", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 4, topAreas: ["smart-home-appliances", "vehicle-body-chassis", "textiles-fibres", "motorcycle-powertrain"], typeWeights: [12, 18, 70] },
  { nameZh: "重庆第二师范学院", nameEn: "Chongqing University of Education", shortEn: "CQUE", level: "undergraduate",
    district: "南岸区", researchWeight: 4, topAreas: ["hotpot-seasoning-food", "software-big-data", "cold-chain-preservation"] },
  { nameZh: "重庆大学城市科技学院", nameEn: "City College of Science and Technology, Chongqing University", shortEn: "CQU-CCST",
    level: "undergraduate", district: "永川区", researchWeight: 4, topAreas: ["building-structures", "building-materials", "iot-smart-city"] },
  { nameZh: "重庆中医药学院", nameEn: "Chongqing College of Traditional Chinese Medicine", shortEn: "CQCTCM", level: "undergraduate",
    district: "璧山区", researchWeight: 4, topAreas: ["traditional-chinese-medicine", "pharmaceutical-formulations", "rehabilitation-elderly-care"] },
  { nameZh: "重庆工程职业技术学院", nameEn: "Chongqing Vocational Institute of Engineering", shortEn: "CQVIE", level: "vocational",
    district: "江津区", researchWeight: 4, topAreas: ["coal-mine-safety", "landslide-geohazards", "building-structures", "road-pavement"] },
  { nameZh: "重庆航天职业技术学院", nameEn: "Chongqing Aerospace Polytechnic", shortEn: "CQAP", level: "vocational",
    district: "江北区", researchWeight: 4, topAreas: ["drones-low-altitude", "satellite-internet", "precision-machining"] },
  { nameZh: "四川外国语大学", nameEn: "Sichuan International Studies University", shortEn: "SISU", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 3, topAreas: ["software-big-data", "machine-vision-ai"] },
  { nameZh: "西南政法大学", nameEn: "Southwest University of Political Science and Law", shortEn: "SWUPL", level: "undergraduate",
    district: "渝北区", researchWeight: 3, topAreas: ["software-big-data", "machine-vision-ai"] },
  { nameZh: "重庆警察学院", nameEn: "Chongqing Police College", shortEn: "CQPC", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 3, topAreas: ["machine-vision-ai", "software-big-data", "drones-low-altitude"] },
  { nameZh: "重庆人文科技学院", nameEn: "Chongqing College of Humanities, Science and Technology", shortEn: "CQHST",
    level: "undergraduate", district: "合川区", researchWeight: 3, topAreas: ["software-big-data", "smart-home-appliances", "hotpot-seasoning-food"] },
  { nameZh: "四川外国语大学重庆南方翻译学院", nameEn: "Chongqing Nanfang Translators College of SISU", shortEn: "SISU-NFTC",
    level: "undergraduate", district: "渝北区", researchWeight: 3, topAreas: ["software-big-data", "machine-vision-ai"] },
  { nameZh: "重庆师范大学涉外商贸学院", nameEn: "Foreign Trade and Business College of Chongqing Normal University",
    shortEn: "CQNU-FTBC", level: "undergraduate", district: "合川区", researchWeight: 3, topAreas: ["software-big-data", "cold-chain-preservation"] },
  { nameZh: "重庆工商大学融智学院", nameEn: "Rongzhi College of Chongqing Technology and Business University", shortEn: "CTBU-RZ",
    level: "undergraduate", district: "巴南区", researchWeight: 3, topAreas: ["software-big-data", "hotpot-seasoning-food"] },
  { nameZh: "重庆工商大学派斯学院", nameEn: "Pass College of Chongqing Technology and Business University", shortEn: "CTBU-PASS",
    level: "undergraduate", district: "合川区", researchWeight: 3, topAreas: ["software-big-data", "smart-home-appliances"] },
  { nameZh: "重庆水利电力职业技术学院", nameEn: "Chongqing Water Resources and Electric Engineering College", shortEn: "CQWREC",
    level: "vocational", district: "永川区", researchWeight: 3, topAreas: ["power-grid", "energy-storage-renewables", "water-treatment-environment"] },
  // Campuses in 江北区 and 长寿区; 长寿 is the newer one, next to the 长寿 chemical industry park.
  { nameZh: "重庆化工职业学院", nameEn: "Chongqing Chemical Industry Vocational College", shortEn: "CQCIVC", level: "vocational",
    district: "长寿区", researchWeight: 3, topAreas: ["polymer-composites", "pharmaceutical-formulations", "battery-recycling"] },
  { nameZh: "重庆电力高等专科学校", nameEn: "Chongqing Electric Power College", shortEn: "CQEPC", level: "vocational",
    district: "九龙坡区", researchWeight: 3, topAreas: ["power-grid", "energy-storage-renewables", "power-semiconductors"] },
  { nameZh: "重庆三峡医药高等专科学校", nameEn: "Chongqing Three Gorges Medical College", shortEn: "CQTGMC", level: "vocational",
    district: "万州区", researchWeight: 3, topAreas: ["traditional-chinese-medicine", "pharmaceutical-formulations", "in-vitro-diagnostics"] },
  { nameZh: "重庆医药高等专科学校", nameEn: "Chongqing Medical and Pharmaceutical College", shortEn: "CQMPC", level: "vocational",
    district: "沙坪坝区", researchWeight: 3, topAreas: ["pharmaceutical-formulations", "medical-devices", "rehabilitation-elderly-care"] },
  { nameZh: "重庆城市管理职业学院", nameEn: "Chongqing City Management College", shortEn: "CQCMC", level: "vocational",
    district: "沙坪坝区", researchWeight: 3, topAreas: ["iot-smart-city", "smart-home-appliances", "software-big-data"] },
  { nameZh: "重庆工贸职业技术学院", nameEn: "Chongqing Industrial & Trade Polytechnic", shortEn: "CQITP", level: "vocational",
    district: "涪陵区", researchWeight: 2, topAreas: ["zhacai-pickles", "cnc-machine-tools", "traditional-chinese-medicine"] },
  { nameZh: "重庆建筑工程职业学院", nameEn: "Chongqing Jianzhu College", shortEn: "CQJZC", level: "vocational",
    district: "南岸区", researchWeight: 2, topAreas: ["building-structures", "building-materials", "road-pavement"] },
  { nameZh: "重庆交通职业学院", nameEn: "Chongqing Vocational College of Transportation", shortEn: "CQVCT", level: "vocational",
    district: "江津区", researchWeight: 2, topAreas: ["road-pavement", "rail-transit", "vehicle-body-chassis"] },
  { nameZh: "重庆安全技术职业学院", nameEn: "Chongqing Vocational Institute of Safety and Technology", shortEn: "CQVIST",
    level: "vocational", district: "万州区", researchWeight: 2, topAreas: ["coal-mine-safety", "landslide-geohazards", "nondestructive-testing"] },
  { nameZh: "重庆三峡职业学院", nameEn: "Chongqing Three Gorges Vocational College", shortEn: "CQTGVC", level: "vocational",
    district: "万州区", researchWeight: 2, topAreas: ["citrus", "livestock-pigs", "aquaculture"] },
  { nameZh: "重庆工商职业学院", nameEn: "Chongqing Technology and Business Institute", shortEn: "CQTBI", level: "vocational",
    district: "合川区", researchWeight: 2, topAreas: ["smart-home-appliances", "software-big-data", "welding-joining"] },
  // Most of its land is the new 璧山 campus; the older one is near 大学城.
  { nameZh: "重庆轻工职业学院", nameEn: "Chongqing Light Industry Vocational College", shortEn: "CQLIVC", level: "vocational",
    district: "璧山区", researchWeight: 2, topAreas: ["textiles-fibres", "hotpot-seasoning-food", "smart-home-appliances"] },
  { nameZh: "重庆能源职业学院", nameEn: "Chongqing Energy Vocational College", shortEn: "CQEVC", level: "vocational",
    district: "璧山区", researchWeight: 1, topAreas: ["energy-storage-renewables", "battery-recycling", "power-grid"] },
  { nameZh: "重庆公共运输职业学院", nameEn: "Chongqing Vocational College of Public Transportation", shortEn: "CQVCPT",
    level: "vocational", district: "江津区", researchWeight: 1, topAreas: ["rail-transit", "road-pavement"] },
  { nameZh: "重庆信息技术职业学院", nameEn: "Chongqing Information Technology Vocational College", shortEn: "CQITVC",
    level: "vocational", district: "万州区", researchWeight: 1, topAreas: ["iot-smart-city", "software-big-data"] },
  { nameZh: "重庆科创职业学院", nameEn: "Chongqing Creation Vocational College", shortEn: "CQCVC", level: "vocational",
    district: "永川区", researchWeight: 1, topAreas: ["industrial-robots", "drones-low-altitude", "additive-manufacturing"] },
  { nameZh: "重庆智能工程职业学院", nameEn: "Chongqing Intelligent Engineering Vocational College", shortEn: "CQIEVC",
    level: "vocational", district: "永川区", researchWeight: 1, topAreas: ["industrial-robots", "machine-vision-ai", "iot-smart-city"] },
  // Founded by the Zongshen group, a motorcycle and engine maker.
  { nameZh: "重庆理工职业学院", nameEn: "Chongqing Science and Engineering Vocational College", shortEn: "CQSEVC",
    level: "vocational", district: "巴南区", researchWeight: 1, topAreas: ["motorcycle-powertrain", "electric-motors-nvh", "welding-joining"] },
  { nameZh: "重庆资源与环境保护职业学院", nameEn: "Chongqing Resources and Environmental Protection Vocational College",
    shortEn: "CQREPVC", level: "vocational", district: "大足区", researchWeight: 1, topAreas: ["solid-waste-recycling", "water-treatment-environment", "reservoir-ecology"] },
];
