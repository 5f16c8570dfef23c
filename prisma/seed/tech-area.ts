// The shape of a technology area of the demo pool: vocabulary in Chinese with faithful English, real IPC
// codes, and the cluster and field it belongs to. The areas themselves are in ./areas/.
import type { ClusterCode, FieldCode } from "../../app/lib/taxonomy";

export interface Term {
  zh: string;
  en: string;
}

export interface TechArea {
  /** kebab-case, unique */
  key: string;
  /** null only outside the 33618 system (civil engineering, environmental protection) */
  cluster: ClusterCode | null;
  field: FieldCode;
  /** relative share of the pool */
  weight: number;
  /** real IPC main groups, "H01M 10/613" */
  ipcMain: string[];
  ipcOther: string[];
  /** the thing claimed: "锂离子电池热管理系统" / "thermal management system for lithium-ion batteries" */
  subjects: Term[];
  /** process claims, zh ending in 方法 */
  methodSubjects: Term[];
  /** qualifiers before the subject: "基于相变材料的" / "based on phase-change material" */
  features: Term[];
  /** parts or steps named in abstracts and claims */
  components: Term[];
  /** how it works: a zh sentence without the final 。, an en clause without final punctuation */
  mechanisms: Term[];
  /** "提高了散热效率" / "improves heat-dissipation efficiency" */
  effects: Term[];
  /** "新能源汽车" / "new energy vehicles" */
  applications: Term[];
  /** short keywords */
  keywords: Term[];
}
