// Composes a patent's bilingual title, abstract, first claim and keywords from its technology area's
// vocabulary, in the phrasing Chinese patent documents use (and their usual English translations).
//
// Titles follow CNIPA naming by kind of claim (TextForm): a device or system (一种…装置, …及其控制方法), a
// method (一种…方法), a material or composition (一种…及其制备方法和应用), or a design, named as the product
// whose appearance it protects. Each title is one combination of the area's vocabulary, chosen by the
// patent's ordinal within its area and form (titleCombination), so the pool's titles are distinct until an
// area's combinations run out (only in the benchmark pools dozens of times the demo's size).
import type { PatentType } from "../../app/models/patent/vocabulary";
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

export type TextForm = "DEVICE" | "METHOD" | "PREPARATION" | "DESIGN";

export interface TitlePlan {
  form: TextForm;
  /** The patent's place among its area's patents of the same form: picks its title's combination. */
  ordinal: number;
  /** An invention claiming a device may also claim how it is controlled (…及其控制方法). */
  withControlMethod: boolean;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const zhList = (terms: Term[]) =>
  terms.length === 1
    ? terms[0].zh
    : `${terms
        .slice(0, -1)
        .map((t) => t.zh)
        .join("、")}和${terms[terms.length - 1].zh}`;
const enList = (terms: Term[]) =>
  terms.length === 1
    ? terms[0].en
    : `${terms
        .slice(0, -1)
        .map((t) => t.en)
        .join(", ")} and ${terms[terms.length - 1].en}`;
const article = (noun: string) => (/^[aeiou]/i.test(noun) ? "an" : "a");

/** What a title is made of: the thing claimed and what qualifies it. */
interface TitleParts {
  subject: Term;
  feature: Term | null;
  application: Term | null;
  /** A design's model designation, once its area's product names are used up. */
  model: string | null;
}

type QualifierTiers = Array<Array<Pick<TitleParts, "feature" | "application">>>;
const tierCache = new WeakMap<TechArea, Map<TextForm, QualifierTiers>>();

/** Qualifier tiers, simplest first, so that a small area's titles stay short (built once per area and form). */
function qualifierTiers(area: TechArea, form: TextForm): QualifierTiers {
  const cached = tierCache.get(area)?.get(form);
  if (cached) return cached;
  const tiers = buildQualifierTiers(area, form);
  tierCache.set(area, (tierCache.get(area) ?? new Map()).set(form, tiers));
  return tiers;
}

function buildQualifierTiers(area: TechArea, form: TextForm): QualifierTiers {
  const none = [{ feature: null, application: null }];
  const features = area.features.map((feature) => ({ feature, application: null }));
  const applications = area.applications.map((application) => ({ feature: null, application }));
  const both = area.features.flatMap((feature) => area.applications.map((application) => ({ feature, application })));
  // A material is qualified by its use, not by how a device works.
  if (form === "PREPARATION") return [none, applications];
  return [none, [...features, ...applications], both];
}

function subjectsOf(area: TechArea, form: TextForm): Term[] {
  return { DEVICE: area.subjects, METHOD: area.methodSubjects, PREPARATION: area.preparations, DESIGN: area.designs }[
    form
  ];
}

/** How many distinct titles an area holds for one form. */
export function titleCapacity(area: TechArea, form: TextForm): number {
  const subjects = subjectsOf(area, form).length;
  if (form === "DESIGN") return subjects * DESIGN_MODELS;
  return qualifierTiers(area, form).reduce((sum, tier) => sum + tier.length * subjects, 0);
}

/** Model designations a university gives further designs of one product (型号), as CNIPA titles show them. */
const DESIGN_MODELS = 12;

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** A fixed shuffle of 0..size-1: consecutive ordinals land on different subjects. */
function spread(index: number, size: number): number {
  let stride = Math.max(1, Math.round(size * 0.618));
  while (greatestCommonDivisor(stride, size) !== 1) stride++;
  return (index * stride) % size;
}

export function titleCombination(area: TechArea, { form, ordinal }: TitlePlan): TitleParts {
  const subjects = subjectsOf(area, form);
  if (subjects.length === 0) throw new Error(`area ${area.key} has no ${form} subjects`);
  let index = ordinal % titleCapacity(area, form);
  if (form === "DESIGN") {
    const product = spread(index % subjects.length, subjects.length);
    const round = Math.floor(index / subjects.length);
    return {
      subject: subjects[product],
      feature: null,
      application: null,
      model: round === 0 ? null : `${area.key.slice(0, 2).toUpperCase()}-${round + 1}`,
    };
  }
  for (const tier of qualifierTiers(area, form)) {
    const size = tier.length * subjects.length;
    if (index < size) {
      const combination = spread(index, size);
      return {
        subject: subjects[combination % subjects.length],
        ...tier[Math.floor(combination / subjects.length)],
        model: null,
      };
    }
    index -= size;
  }
  throw new Error("unreachable: the index is below the capacity");
}

function names({ subject, feature, application }: TitleParts): { zh: string; en: string } {
  const zh = `${application ? `用于${application.zh}的` : ""}${feature?.zh ?? ""}${subject.zh}`;
  const en = [subject.en, application ? `for ${application.en}` : "", feature?.en ?? ""].filter(Boolean).join(" ");
  return { zh, en };
}

const DESIGN_VIEWS: Term[] = [
  { zh: "立体图", en: "the perspective view" },
  { zh: "立体图1", en: "perspective view 1" },
  { zh: "主视图", en: "the front view" },
  { zh: "使用状态参考图", en: "the reference view in use" },
  { zh: "左视立体图", en: "the left perspective view" },
];
const DESIGN_OMISSIONS: Term[] = [
  { zh: "后视图与主视图对称，省略后视图", en: "the rear view mirrors the front view and is omitted" },
  { zh: "右视图与左视图对称，省略右视图", en: "the right view mirrors the left view and is omitted" },
  { zh: "仰视图为使用时不易看到的面，省略仰视图", en: "the bottom view shows a face not seen in use and is omitted" },
  { zh: "俯视图无设计要点，省略俯视图", en: "the top view shows no design feature and is omitted" },
  { zh: "各视图均已给出，无省略视图", en: "all views are given" },
  { zh: "左视图与右视图对称，省略左视图", en: "the left view mirrors the right view and is omitted" },
];

function designText(
  area: TechArea,
  parts: TitleParts,
  subject: Set<string>,
  rng: Random,
): Omit<ComposedText, "keywords" | "keywordsEn"> {
  const product = parts.subject;
  const title = parts.model ? `${product.zh}（${parts.model}）` : product.zh;
  const titleEn = parts.model ? `${capitalise(product.en)} (model ${parts.model})` : capitalise(product.en);
  const [application] = relatedSample(rng, area.applications, subject, 1);
  const point = rng.pick(area.designPoints);
  const view = rng.pick(DESIGN_VIEWS);
  const omission = rng.pick(DESIGN_OMISSIONS);
  return {
    title,
    titleEn,
    // The brief explanation (简要说明) a design carries instead of an abstract: name, use, design point, views.
    abstract: `1.本外观设计产品的名称：${title}。2.本外观设计产品的用途：本外观设计产品用于${application.zh}。3.本外观设计产品的设计要点：在于${point.zh}。4.最能表明设计要点的图片或照片：${view.zh}；${omission.zh}。`,
    abstractEn: `1. Name of the product: ${titleEn}. 2. Use of the product: the product is used in ${application.en}. 3. Essential features of the design: lie in ${point.en}. 4. The view best showing the essential features: ${view.en}; ${omission.en}.`,
    firstClaim: `如图所示的${title}的外观设计。`,
    firstClaimEn: `The ornamental design for ${article(product.en)} ${product.en}${parts.model ? ` (model ${parts.model})` : ""}, as shown.`,
  };
}

/** Characters too common in claimed subjects to tell two topics apart. */
const COMMON_CHARACTERS = new Set("一种的及其用于与和在中装置系统设备结构方法控制制备应用基于具有采用式型器机件体");

const characterCache = new Map<string, Set<string>>();

function topicCharacters(text: string): Set<string> {
  let characters = characterCache.get(text);
  if (!characters) {
    characters = new Set([...text].filter((char) => /\p{Script=Han}/u.test(char) && !COMMON_CHARACTERS.has(char)));
    // Vocabulary items repeat across patents; titles do not, so only short texts are worth keeping.
    if (text.length <= 80 && characterCache.size < 50_000) characterCache.set(text, characters);
  }
  return characters;
}

/** How many of a text's topic characters the subject holds, counted up to `cap` (this runs for every item of
 * every list of every patent: no arrays). */
function sharedCharacters(text: string, subject: Set<string>, cap: number): number {
  let shared = 0;
  for (const char of topicCharacters(text)) if (subject.has(char) && ++shared === cap) break;
  return shared;
}

/** `count` distinct items, drawn with a strong preference for those sharing characters with what the title
 * claims, so that an abstract's problem, parts and workings fit its subject (a cable-stayed bridge is not
 * described by a tunnel's water inrush). */
function relatedSample(rng: Random, items: readonly Term[], subject: Set<string>, count: number): Term[] {
  const pool = items.map((item) => ({ item, weight: 1 + 25 * sharedCharacters(item.zh, subject, 3) }));
  const chosen: Term[] = [];
  while (chosen.length < count && pool.length > 0) {
    const index = rng.weightedIndex(pool.map((entry) => entry.weight));
    chosen.push(pool[index].item);
    pool.splice(index, 1);
  }
  return chosen;
}

export function composePatentText(area: TechArea, type: PatentType, title: TitlePlan, rng: Random): ComposedText {
  const parts = titleCombination(area, title);
  const { zh: nameZh, en: nameEn } = names(parts);
  const subject = topicCharacters(nameZh);
  const keywords = relatedSample(rng, area.keywords, subject, rng.int(3, 5));
  const keywordLists = { keywords: keywords.map((k) => k.zh), keywordsEn: keywords.map((k) => k.en) };
  if (title.form === "DESIGN") return { ...designText(area, parts, subject, rng), ...keywordLists };

  const components = relatedSample(rng, area.components, subject, rng.int(3, 4));
  const [mechanism] = relatedSample(rng, area.mechanisms, subject, 1);
  const effects = relatedSample(rng, area.effects, subject, 2);
  const [problem] = relatedSample(rng, area.problems, subject, 1);
  const application = parts.application ?? relatedSample(rng, area.applications, subject, 1)[0];
  const control = title.withControlMethod && title.form === "DEVICE" && type === "INVENTION";
  const suffix =
    title.form === "PREPARATION"
      ? title.ordinal % 2 === 0
        ? { zh: "及其制备方法和应用", en: ", preparation method therefor and use thereof" }
        : { zh: "及其制备方法", en: " and preparation method therefor" }
      : control
        ? { zh: "及其控制方法", en: " and control method therefor" }
        : { zh: "", en: "" };
  const discloser = type === "UTILITY_MODEL" ? "本实用新型" : "本发明";
  const discloserEn = type === "UTILITY_MODEL" ? "The utility model" : "The invention";
  const [first, ...rest] = components;

  const body = {
    DEVICE: {
      zh: `所述${parts.subject.zh}包括${zhList(components)}`,
      en: `The ${parts.subject.en} comprises ${enList(components)}`,
      claim: `1.一种${nameZh}，其特征在于，包括${zhList(components)}；所述${first.zh}与所述${rest[0].zh}连接，所述${rest[rest.length - 1].zh}设置于所述${first.zh}的一侧。`,
      claimEn: `1. ${capitalise(article(nameEn))} ${nameEn}, characterised in that it comprises ${enList(components)}; wherein the ${first.en} is connected to the ${rest[0].en}, and the ${rest[rest.length - 1].en} is arranged on one side of the ${first.en}.`,
    },
    METHOD: {
      zh: `该方法包括以下步骤：设置${first.zh}，根据其运行参数依次调整${zhList(rest)}，直至满足预设要求`,
      en: `The method comprises the steps of setting up the ${first.en} and adjusting the ${enList(rest)} in turn according to its operating parameters until preset requirements are met`,
      claim: `1.一种${nameZh}，其特征在于，包括以下步骤：S1，设置${first.zh}；S2，根据所述${first.zh}的运行参数依次调整${zhList(rest)}；S3，检测结果满足预设要求时结束。`,
      claimEn: `1. ${capitalise(article(nameEn))} ${nameEn}, characterised in that it comprises the following steps: S1, setting up the ${first.en}; S2, adjusting the ${enList(rest)} in turn according to the operating parameters of the ${first.en}; S3, ending when the result meets preset requirements.`,
    },
    PREPARATION: {
      zh: `其制备方法包括按配比称取原料、在预设条件下混合处理和成品检验等步骤，制得的${parts.subject.zh}可用于${application.zh}`,
      en: `Its preparation comprises weighing the raw materials in proportion, mixing and treating them under preset conditions and inspecting the product, and the resulting ${parts.subject.en} can be used in ${application.en}`,
      claim: `1.一种${nameZh}，其特征在于，其制备方法包括以下步骤：S1，按配比称取各原料；S2，将原料混合并在预设条件下处理；S3，经检验后得到所述${parts.subject.zh}。`,
      claimEn: `1. ${capitalise(article(nameEn))} ${nameEn}, characterised in that its preparation comprises the following steps: S1, weighing the raw materials in proportion; S2, mixing the raw materials and treating them under preset conditions; S3, obtaining the ${parts.subject.en} after inspection.`,
    },
  }[title.form];

  return {
    title: `一种${nameZh}${suffix.zh}`,
    titleEn: `${capitalise(nameEn)}${suffix.en}`,
    abstract: `${discloser}公开了一种${nameZh}${suffix.zh}，用于解决现有技术中${problem.zh}的问题。${body.zh}。${mechanism.zh}。${discloser}${effects[0].zh}，${effects[1].zh}，适用于${application.zh}。`,
    abstractEn: `${discloserEn} discloses ${article(nameEn)} ${nameEn}${suffix.en}, addressing the problem that, in the prior art, ${problem.en}. ${body.en}. In use, ${mechanism.en}. ${discloserEn} ${effects[0].en} and ${effects[1].en}, and is suitable for ${application.en}.`,
    firstClaim: body.claim,
    firstClaimEn: body.claimEn,
    ...keywordLists,
  };
}
