// Composes a patent's bilingual title, abstract, first claim and keywords from its technology area's
// vocabulary, in the phrasing Chinese patent documents use (and their usual English translations).
import type { PatentType } from "../../app/lib/patent-vocabulary";
import type { Random } from "./random";
import type { TechArea, Term } from "./tech-area";

export interface ComposedText {
  title: string;
  titleEn: string;
  abstract: string;
  abstractEn: string;
  firstClaim: string;
  firstClaimEn: string;
  keywords: string[];
  keywordsEn: string[];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const zhList = (terms: Term[]) => (terms.length === 1 ? terms[0].zh : `${terms.slice(0, -1).map((t) => t.zh).join("、")}和${terms[terms.length - 1].zh}`);
const enList = (terms: Term[]) => (terms.length === 1 ? terms[0].en : `${terms.slice(0, -1).map((t) => t.en).join(", ")} and ${terms[terms.length - 1].en}`);
const article = (noun: string) => (/^[aeiou]/i.test(noun) ? "an" : "a");

export function composePatentText(area: TechArea, type: PatentType, rng: Random): ComposedText {
  const feature = rng.pick(area.features);
  const withFeature = rng.chance(0.75);
  const components = rng.sample(area.components, rng.int(3, 4));
  const [mechanism] = rng.sample(area.mechanisms, 1);
  const effects = rng.sample(area.effects, 2);
  const application = rng.pick(area.applications);
  const keywords = rng.sample(area.keywords, rng.int(3, 5));
  const isMethod = type === "INVENTION" && rng.chance(0.3);
  const subject = isMethod ? rng.pick(area.methodSubjects) : rng.pick(area.subjects);

  const nameZh = `${withFeature ? feature.zh : ""}${subject.zh}`;
  const nameEn = withFeature ? `${subject.en} ${feature.en}` : subject.en;

  if (type === "DESIGN") {
    // A design is registered for a product's appearance: its brief explanation replaces an abstract.
    const product = subject;
    return {
      title: product.zh,
      titleEn: capitalise(product.en),
      abstract: `1.本外观设计产品的名称：${product.zh}。2.本外观设计产品的用途：用于${application.zh}。3.本外观设计产品的设计要点：在于形状与图案的结合。4.最能表明设计要点的图片或照片：立体图。`,
      abstractEn: `1. Name of the product: ${product.en}. 2. Use of the product: for ${application.en}. 3. Essential features of the design: the combination of shape and pattern. 4. The view best showing the essential features: perspective view.`,
      firstClaim: `如图所示的${product.zh}的外观设计。`,
      firstClaimEn: `The ornamental design for ${article(product.en)} ${product.en}, as shown.`,
      keywords: keywords.map((k) => k.zh),
      keywordsEn: keywords.map((k) => k.en),
    };
  }

  const discloser = type === "UTILITY_MODEL" ? "本实用新型" : "本发明";
  const discloserEn = type === "UTILITY_MODEL" ? "The utility model" : "The invention";
  const [first, ...rest] = components;
  const abstract = isMethod
    ? `${discloser}公开了一种${nameZh}，包括以下步骤：获取${first.zh}，处理${zhList(rest)}。${mechanism.zh}。${discloser}${effects[0].zh}，${effects[1].zh}，适用于${application.zh}。`
    : `${discloser}公开了一种${nameZh}，包括${zhList(components)}。${mechanism.zh}。${discloser}${effects[0].zh}，${effects[1].zh}，适用于${application.zh}。`;
  const abstractEn = isMethod
    ? `${discloserEn} discloses ${article(nameEn)} ${nameEn}, comprising the steps of obtaining the ${first.en} and processing the ${enList(rest)}. In use, ${mechanism.en}. ${discloserEn} ${effects[0].en} and ${effects[1].en}, and is suitable for ${application.en}.`
    : `${discloserEn} discloses ${article(nameEn)} ${nameEn}, comprising ${enList(components)}. In use, ${mechanism.en}. ${discloserEn} ${effects[0].en} and ${effects[1].en}, and is suitable for ${application.en}.`;
  const firstClaim = isMethod
    ? `1.一种${nameZh}，其特征在于，包括以下步骤：S1，获取${first.zh}；S2，根据所述${first.zh}处理${zhList(rest)}；S3，输出处理结果。`
    : `1.一种${nameZh}，其特征在于，包括${zhList(components)}；所述${first.zh}与所述${rest[0].zh}连接，所述${rest[rest.length - 1].zh}设置于所述${first.zh}的一侧。`;
  const firstClaimEn = isMethod
    ? `1. ${capitalise(article(nameEn))} ${nameEn}, characterised in that it comprises the following steps: S1, obtaining the ${first.en}; S2, processing the ${enList(rest)} according to the ${first.en}; S3, outputting the result.`
    : `1. ${capitalise(article(nameEn))} ${nameEn}, characterised in that it comprises ${enList(components)}; wherein the ${first.en} is connected to the ${rest[0].en}, and the ${rest[rest.length - 1].en} is arranged on one side of the ${first.en}.`;
  return {
    title: `一种${nameZh}`,
    titleEn: capitalise(nameEn),
    abstract,
    abstractEn,
    firstClaim,
    firstClaimEn,
    keywords: keywords.map((k) => k.zh),
    keywordsEn: keywords.map((k) => k.en),
  };
}
