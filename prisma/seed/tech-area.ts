// The shape of a technology area of the demo pool: vocabulary in Chinese with faithful English, real IPC
// codes, and the cluster and field it belongs to. The areas themselves are in ./areas/. Titles are built from
// this vocabulary by the title grammar in ./patent-text.ts, which follows CNIPA naming: inventions and utility
// models name a device or system (never a method for a utility model), methods end in 方法, materials take
// 及其制备方法(和应用), and designs name a product by its appearance.
import type { ClusterCode, FieldCode } from "../../app/models/taxonomy";

export interface Term {
  zh: string;
  en: string;
}

export interface TechArea {
  /** kebab-case, unique */
  key: string;
  /** the topic a searcher would name, for the realism report: "柑橘种植与加工" / "citrus growing and processing" */
  topic: Term;
  /** null only outside the 33618 system (civil engineering, environmental protection) */
  cluster: ClusterCode | null;
  field: FieldCode;
  /** relative share of the pool */
  weight: number;
  /** real IPC main groups, "H01M 10/613" */
  ipcMain: string[];
  ipcOther: string[];
  /** physical things claimed by inventions and utility models, ≥ 16: "锂离子电池热管理装置" (no 方法, no 一种) */
  subjects: Term[];
  /** process claims, zh ending in 方法, ≥ 10 */
  methodSubjects: Term[];
  /** materials or compositions claimed with 及其制备方法和应用 (empty for device areas): "镁合金" / "magnesium alloy" */
  preparations: Term[];
  /** products registered for their appearance, ≥ 10: "电池包外壳" / "battery pack housing" */
  designs: Term[];
  /** what a design's appearance rests on, ≥ 8, zh after 在于, en after "lies in": "在于外壳的流线型轮廓" */
  designPoints: Term[];
  /** qualifiers before the subject: "基于相变材料的" / "based on phase-change material", ≥ 12 */
  features: Term[];
  /** parts or steps named in abstracts and claims, ≥ 14 */
  components: Term[];
  /** the prior art's shortcoming an invention solves, ≥ 8: zh a clause after 现有技术中, en after "in the prior art," */
  problems: Term[];
  /** how it works, ≥ 8: a zh sentence without the final 。, an en clause without final punctuation */
  mechanisms: Term[];
  /** "提高了散热效率" / "improves heat-dissipation efficiency", ≥ 10 */
  effects: Term[];
  /** "新能源汽车" / "new energy vehicles", ≥ 6 */
  applications: Term[];
  /** short keywords, ≥ 12 */
  keywords: Term[];
}
