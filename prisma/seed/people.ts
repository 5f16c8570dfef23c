// Name parts for demo inventors and enterprises: common Chinese surnames and given-name characters, and
// enterprise name stems with their usual English renderings.
import type { Random } from "./random";

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲兰飞斌宇浩凯鹏俊帆然亮峰建文辉力波宁晨琳欣怡雪梅颖婷倩洁晶慧佳雨思远博皓瑞哲轩睿航";

export function inventorName(rng: Random): string {
  const surname = rng.pick([...SURNAMES]);
  const given = rng.chance(0.7) ? rng.pick([...GIVEN]) + rng.pick([...GIVEN]) : rng.pick([...GIVEN]);
  return surname + given;
}

export const ENTERPRISE_STEMS = [
  ["恒泰", "Hengtai"],
  ["华科", "Huake"],
  ["渝新", "Yuxin"],
  ["长安", "Chang'an"],
  ["两江", "Liangjiang"],
  ["金山", "Jinshan"],
  ["蓝海", "Lanhai"],
  ["嘉陵", "Jialing"],
  ["巴渝", "Bayu"],
  ["瑞丰", "Ruifeng"],
  ["中冶", "Zhongye"],
  ["鼎盛", "Dingsheng"],
  ["宏图", "Hongtu"],
  ["天成", "Tiancheng"],
  ["明德", "Mingde"],
  ["博远", "Boyuan"],
  ["汇川", "Huichuan"],
  ["信达", "Xinda"],
  ["北碚", "Beibei"],
  ["缙云", "Jinyun"],
  ["朝天门", "Chaotianmen"],
  ["山城", "Shancheng"],
  ["江北", "Jiangbei"],
  ["九龙", "Jiulong"],
  ["南岸", "Nan'an"],
  ["永川", "Yongchuan"],
  ["涪陵", "Fuling"],
  ["万盛", "Wansheng"],
  ["璧山", "Bishan"],
  ["铜梁", "Tongliang"],
  ["聚能", "Juneng"],
  ["智航", "Zhihang"],
  ["星驰", "Xingchi"],
  ["远景", "Yuanjing"],
  ["凌云", "Lingyun"],
  ["精工", "Jinggong"],
  ["同创", "Tongchuang"],
  ["立德", "Lide"],
  ["华峰", "Huafeng"],
  ["启明", "Qiming"],
] as const;

/** Industry words by cluster code: what an SME in that cluster calls itself. */
export const ENTERPRISE_INDUSTRIES: Record<string, readonly [string, string][]> = {
  NEV: [
    ["汽车零部件", "Auto Parts"],
    ["新能源汽车科技", "New Energy Vehicle Technology"],
  ],
  ELECTRONICS: [
    ["电子科技", "Electronic Technology"],
    ["微电子", "Microelectronics"],
  ],
  ADV_MATERIALS: [
    ["新材料", "New Materials"],
    ["复合材料", "Composite Materials"],
  ],
  SMART_EQUIPMENT: [
    ["智能装备", "Intelligent Equipment"],
    ["精密机械", "Precision Machinery"],
  ],
  FOOD: [
    ["食品", "Food"],
    ["农业科技", "Agricultural Technology"],
  ],
  SOFTWARE: [
    ["信息技术", "Information Technology"],
    ["软件", "Software"],
  ],
  NEW_DISPLAY: [["光电科技", "Optoelectronic Technology"]],
  MOTORCYCLE: [
    ["摩托车", "Motorcycle"],
    ["动力机械", "Power Machinery"],
  ],
  LIGHT_ALLOY: [
    ["轻合金", "Light Alloy"],
    ["镁业", "Magnesium"],
  ],
  TEXTILE: [
    ["纺织", "Textile"],
    ["服饰科技", "Apparel Technology"],
  ],
  BIOMEDICINE: [
    ["生物医药", "Biopharmaceutical"],
    ["医疗器械", "Medical Devices"],
  ],
  NEW_ENERGY: [
    ["新能源", "New Energy"],
    ["储能科技", "Energy Storage Technology"],
  ],
  POWER_SEMI: [
    ["半导体", "Semiconductor"],
    ["集成电路", "Integrated Circuits"],
  ],
  AI_ROBOTICS: [
    ["机器人", "Robotics"],
    ["人工智能", "Artificial Intelligence"],
  ],
  SATELLITE: [["卫星通信", "Satellite Communications"]],
  LOW_ALTITUDE: [
    ["无人机", "UAV"],
    ["通用航空", "General Aviation"],
  ],
  BIOMANUFACTURING: [["生物技术", "Biotechnology"]],
};

export const CHONGQING_DISTRICTS = [
  ["渝中区", "500103"],
  ["江北区", "500105"],
  ["沙坪坝区", "500106"],
  ["九龙坡区", "500107"],
  ["南岸区", "500108"],
  ["北碚区", "500109"],
  ["渝北区", "500112"],
  ["巴南区", "500113"],
  ["大渡口区", "500104"],
  ["璧山区", "500120"],
  ["永川区", "500118"],
  ["涪陵区", "500102"],
  ["万州区", "500101"],
  ["江津区", "500116"],
  ["合川区", "500117"],
  ["长寿区", "500115"],
  ["大足区", "500111"],
] as const;
