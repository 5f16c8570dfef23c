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
import type { ClusterCode } from "../../app/lib/taxonomy";

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
  /** CIVIL and ENVIRONMENT are not manufacturing clusters, but they are where several institutions patent most. */
  strengths: (ClusterCode | "CIVIL" | "ENVIRONMENT")[];
}

export const INSTITUTIONS: readonly Institution[] = [
  { nameZh: "重庆大学", nameEn: "Chongqing University", shortEn: "CQU", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 100, strengths: ["NEV", "LIGHT_ALLOY", "NEW_ENERGY", "SMART_EQUIPMENT", "CIVIL"] },
  { nameZh: "西南大学", nameEn: "Southwest University", shortEn: "SWU", level: "undergraduate",
    district: "北碚区", researchWeight: 55, strengths: ["FOOD", "BIOMANUFACTURING", "BIOMEDICINE", "TEXTILE"] },
  { nameZh: "重庆邮电大学", nameEn: "Chongqing University of Posts and Telecommunications", shortEn: "CQUPT", level: "undergraduate",
    district: "南岸区", researchWeight: 50, strengths: ["ELECTRONICS", "SOFTWARE", "SATELLITE"] },
  { nameZh: "重庆理工大学", nameEn: "Chongqing University of Technology", shortEn: "CQUT", level: "undergraduate",
    district: "巴南区", researchWeight: 45, strengths: ["NEV", "SMART_EQUIPMENT", "ELECTRONICS", "AI_ROBOTICS"] },
  { nameZh: "重庆交通大学", nameEn: "Chongqing Jiaotong University", shortEn: "CQJTU", level: "undergraduate",
    district: "南岸区", researchWeight: 40, strengths: ["CIVIL", "SMART_EQUIPMENT", "LOW_ALTITUDE"] },
  { nameZh: "重庆医科大学", nameEn: "Chongqing Medical University", shortEn: "CQMU", level: "undergraduate",
    district: "渝中区", researchWeight: 32, strengths: ["BIOMEDICINE", "BIOMANUFACTURING"] },
  { nameZh: "陆军军医大学", nameEn: "Army Medical University", shortEn: "AMU", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 28, strengths: ["BIOMEDICINE", "SMART_EQUIPMENT"] },
  { nameZh: "重庆科技大学", nameEn: "Chongqing University of Science and Technology", shortEn: "CQUST", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 24, strengths: ["ADV_MATERIALS", "LIGHT_ALLOY", "SMART_EQUIPMENT", "NEW_ENERGY"] },
  { nameZh: "重庆工商大学", nameEn: "Chongqing Technology and Business University", shortEn: "CTBU", level: "undergraduate",
    district: "南岸区", researchWeight: 13, strengths: ["FOOD", "ENVIRONMENT", "SOFTWARE"] },
  // Formerly the PLA Logistical Engineering University: water purification, fuel supply and military construction.
  { nameZh: "陆军勤务学院", nameEn: "Army Logistics Academy", shortEn: "ALA", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 12, strengths: ["CIVIL", "ENVIRONMENT", "NEW_ENERGY", "SMART_EQUIPMENT"] },
  { nameZh: "重庆师范大学", nameEn: "Chongqing Normal University", shortEn: "CQNU", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 10, strengths: ["ADV_MATERIALS", "ELECTRONICS", "BIOMANUFACTURING"] },
  { nameZh: "重庆文理学院", nameEn: "Chongqing University of Arts and Sciences", shortEn: "CQWU", level: "undergraduate",
    district: "永川区", researchWeight: 9, strengths: ["ADV_MATERIALS", "FOOD", "SMART_EQUIPMENT"] },
  // Not "CTGU": that is China Three Gorges University in Yichang.
  { nameZh: "重庆三峡学院", nameEn: "Chongqing Three Gorges University", shortEn: "CQTGU", level: "undergraduate",
    district: "万州区", researchWeight: 8, strengths: ["ELECTRONICS", "ADV_MATERIALS", "ENVIRONMENT"] },
  { nameZh: "长江师范学院", nameEn: "Yangtze Normal University", shortEn: "YZNU", level: "undergraduate",
    district: "涪陵区", researchWeight: 7, strengths: ["FOOD", "ADV_MATERIALS", "ENVIRONMENT"] },
  { nameZh: "重庆邮电大学移通学院", nameEn: "College of Mobile Telecommunications, Chongqing University of Posts and Telecommunications",
    shortEn: "CQUPT-CMT", level: "undergraduate", district: "合川区", researchWeight: 6, strengths: ["ELECTRONICS", "SOFTWARE"] },
  { nameZh: "重庆工程学院", nameEn: "Chongqing Institute of Engineering", shortEn: "CQIE", level: "undergraduate",
    district: "巴南区", researchWeight: 5, strengths: ["SOFTWARE", "ELECTRONICS", "SMART_EQUIPMENT"] },
  { nameZh: "重庆工业职业技术学院", nameEn: "Chongqing Industry Polytechnic College", shortEn: "CQIPC", level: "vocational",
    district: "渝北区", researchWeight: 5, strengths: ["SMART_EQUIPMENT", "NEV", "MOTORCYCLE"] },
  { nameZh: "重庆电子工程职业学院", nameEn: "Chongqing College of Electronic Engineering", shortEn: "CQCEE", level: "vocational",
    district: "沙坪坝区", researchWeight: 5, strengths: ["ELECTRONICS", "SOFTWARE", "AI_ROBOTICS"] },
  { nameZh: "重庆机电职业技术大学", nameEn: "Chongqing Vocational and Technical University of Mechatronics", shortEn: "CQVTU",
    level: "vocational", district: "璧山区", researchWeight: 5, strengths: ["SMART_EQUIPMENT", "NEV", "AI_ROBOTICS"] },
  // Design patents (industrial and vehicle styling) rather than invention patents.
  { nameZh: "四川美术学院", nameEn: "Sichuan Fine Arts Institute", shortEn: "SCFAI", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 4, strengths: ["TEXTILE", "NEV"] },
  { nameZh: "重庆第二师范学院", nameEn: "Chongqing University of Education", shortEn: "CQUE", level: "undergraduate",
    district: "南岸区", researchWeight: 4, strengths: ["FOOD", "SOFTWARE"] },
  { nameZh: "重庆大学城市科技学院", nameEn: "City College of Science and Technology, Chongqing University", shortEn: "CQU-CCST",
    level: "undergraduate", district: "永川区", researchWeight: 4, strengths: ["CIVIL", "SOFTWARE"] },
  { nameZh: "重庆中医药学院", nameEn: "Chongqing College of Traditional Chinese Medicine", shortEn: "CQCTCM", level: "undergraduate",
    district: "璧山区", researchWeight: 4, strengths: ["BIOMEDICINE", "BIOMANUFACTURING"] },
  { nameZh: "重庆工程职业技术学院", nameEn: "Chongqing Vocational Institute of Engineering", shortEn: "CQVIE", level: "vocational",
    district: "江津区", researchWeight: 4, strengths: ["CIVIL", "SMART_EQUIPMENT", "ADV_MATERIALS"] },
  { nameZh: "重庆航天职业技术学院", nameEn: "Chongqing Aerospace Polytechnic", shortEn: "CQAP", level: "vocational",
    district: "江北区", researchWeight: 4, strengths: ["ELECTRONICS", "SATELLITE", "LOW_ALTITUDE", "SMART_EQUIPMENT"] },
  { nameZh: "四川外国语大学", nameEn: "Sichuan International Studies University", shortEn: "SISU", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 3, strengths: ["SOFTWARE", "AI_ROBOTICS"] },
  { nameZh: "西南政法大学", nameEn: "Southwest University of Political Science and Law", shortEn: "SWUPL", level: "undergraduate",
    district: "渝北区", researchWeight: 3, strengths: ["SOFTWARE", "AI_ROBOTICS"] },
  { nameZh: "重庆警察学院", nameEn: "Chongqing Police College", shortEn: "CQPC", level: "undergraduate",
    district: "沙坪坝区", researchWeight: 3, strengths: ["SOFTWARE", "SMART_EQUIPMENT"] },
  { nameZh: "重庆人文科技学院", nameEn: "Chongqing College of Humanities, Science and Technology", shortEn: "CQHST",
    level: "undergraduate", district: "合川区", researchWeight: 3, strengths: ["SOFTWARE", "FOOD"] },
  { nameZh: "四川外国语大学重庆南方翻译学院", nameEn: "Chongqing Nanfang Translators College of SISU", shortEn: "SISU-NFTC",
    level: "undergraduate", district: "渝北区", researchWeight: 3, strengths: ["SOFTWARE", "AI_ROBOTICS"] },
  { nameZh: "重庆师范大学涉外商贸学院", nameEn: "Foreign Trade and Business College of Chongqing Normal University",
    shortEn: "CQNU-FTBC", level: "undergraduate", district: "合川区", researchWeight: 3, strengths: ["SOFTWARE", "FOOD"] },
  { nameZh: "重庆工商大学融智学院", nameEn: "Rongzhi College of Chongqing Technology and Business University", shortEn: "CTBU-RZ",
    level: "undergraduate", district: "巴南区", researchWeight: 3, strengths: ["SOFTWARE", "FOOD"] },
  { nameZh: "重庆工商大学派斯学院", nameEn: "Pass College of Chongqing Technology and Business University", shortEn: "CTBU-PASS",
    level: "undergraduate", district: "合川区", researchWeight: 3, strengths: ["SOFTWARE", "FOOD"] },
  { nameZh: "重庆水利电力职业技术学院", nameEn: "Chongqing Water Resources and Electric Engineering College", shortEn: "CQWREC",
    level: "vocational", district: "永川区", researchWeight: 3, strengths: ["NEW_ENERGY", "CIVIL", "SMART_EQUIPMENT"] },
  // Campuses in 江北区 and 长寿区; 长寿 is the newer one, next to the 长寿 chemical industry park.
  { nameZh: "重庆化工职业学院", nameEn: "Chongqing Chemical Industry Vocational College", shortEn: "CQCIVC", level: "vocational",
    district: "长寿区", researchWeight: 3, strengths: ["ADV_MATERIALS", "BIOMEDICINE"] },
  { nameZh: "重庆电力高等专科学校", nameEn: "Chongqing Electric Power College", shortEn: "CQEPC", level: "vocational",
    district: "九龙坡区", researchWeight: 3, strengths: ["NEW_ENERGY", "SMART_EQUIPMENT"] },
  { nameZh: "重庆三峡医药高等专科学校", nameEn: "Chongqing Three Gorges Medical College", shortEn: "CQTGMC", level: "vocational",
    district: "万州区", researchWeight: 3, strengths: ["BIOMEDICINE", "FOOD"] },
  { nameZh: "重庆医药高等专科学校", nameEn: "Chongqing Medical and Pharmaceutical College", shortEn: "CQMPC", level: "vocational",
    district: "沙坪坝区", researchWeight: 3, strengths: ["BIOMEDICINE", "BIOMANUFACTURING"] },
  { nameZh: "重庆城市管理职业学院", nameEn: "Chongqing City Management College", shortEn: "CQCMC", level: "vocational",
    district: "沙坪坝区", researchWeight: 3, strengths: ["SOFTWARE", "ELECTRONICS"] },
  { nameZh: "重庆工贸职业技术学院", nameEn: "Chongqing Industrial & Trade Polytechnic", shortEn: "CQITP", level: "vocational",
    district: "涪陵区", researchWeight: 2, strengths: ["SMART_EQUIPMENT", "FOOD", "BIOMEDICINE"] },
  { nameZh: "重庆建筑工程职业学院", nameEn: "Chongqing Jianzhu College", shortEn: "CQJZC", level: "vocational",
    district: "南岸区", researchWeight: 2, strengths: ["CIVIL", "SMART_EQUIPMENT"] },
  { nameZh: "重庆交通职业学院", nameEn: "Chongqing Vocational College of Transportation", shortEn: "CQVCT", level: "vocational",
    district: "江津区", researchWeight: 2, strengths: ["CIVIL", "NEV"] },
  { nameZh: "重庆安全技术职业学院", nameEn: "Chongqing Vocational Institute of Safety and Technology", shortEn: "CQVIST",
    level: "vocational", district: "万州区", researchWeight: 2, strengths: ["SMART_EQUIPMENT", "ENVIRONMENT"] },
  { nameZh: "重庆三峡职业学院", nameEn: "Chongqing Three Gorges Vocational College", shortEn: "CQTGVC", level: "vocational",
    district: "万州区", researchWeight: 2, strengths: ["FOOD", "SMART_EQUIPMENT"] },
  { nameZh: "重庆工商职业学院", nameEn: "Chongqing Technology and Business Institute", shortEn: "CQTBI", level: "vocational",
    district: "合川区", researchWeight: 2, strengths: ["SOFTWARE", "SMART_EQUIPMENT"] },
  // Most of its land is the new 璧山 campus; the older one is near 大学城.
  { nameZh: "重庆轻工职业学院", nameEn: "Chongqing Light Industry Vocational College", shortEn: "CQLIVC", level: "vocational",
    district: "璧山区", researchWeight: 2, strengths: ["FOOD", "TEXTILE", "NEV"] },
  { nameZh: "重庆能源职业学院", nameEn: "Chongqing Energy Vocational College", shortEn: "CQEVC", level: "vocational",
    district: "璧山区", researchWeight: 1, strengths: ["NEW_ENERGY", "SMART_EQUIPMENT"] },
  { nameZh: "重庆公共运输职业学院", nameEn: "Chongqing Vocational College of Public Transportation", shortEn: "CQVCPT",
    level: "vocational", district: "江津区", researchWeight: 1, strengths: ["CIVIL", "SMART_EQUIPMENT"] },
  { nameZh: "重庆信息技术职业学院", nameEn: "Chongqing Information Technology Vocational College", shortEn: "CQITVC",
    level: "vocational", district: "万州区", researchWeight: 1, strengths: ["SOFTWARE", "ELECTRONICS"] },
  { nameZh: "重庆科创职业学院", nameEn: "Chongqing Creation Vocational College", shortEn: "CQCVC", level: "vocational",
    district: "永川区", researchWeight: 1, strengths: ["SMART_EQUIPMENT", "AI_ROBOTICS", "LOW_ALTITUDE"] },
  { nameZh: "重庆智能工程职业学院", nameEn: "Chongqing Intelligent Engineering Vocational College", shortEn: "CQIEVC",
    level: "vocational", district: "永川区", researchWeight: 1, strengths: ["SOFTWARE", "AI_ROBOTICS"] },
  // Founded by the Zongshen group, a motorcycle and engine maker.
  { nameZh: "重庆理工职业学院", nameEn: "Chongqing Science and Engineering Vocational College", shortEn: "CQSEVC",
    level: "vocational", district: "巴南区", researchWeight: 1, strengths: ["MOTORCYCLE", "SMART_EQUIPMENT"] },
  { nameZh: "重庆资源与环境保护职业学院", nameEn: "Chongqing Resources and Environmental Protection Vocational College",
    shortEn: "CQREPVC", level: "vocational", district: "大足区", researchWeight: 1, strengths: ["ENVIRONMENT", "CIVIL"] },
];
