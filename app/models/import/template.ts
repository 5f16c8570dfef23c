// The import template: every column a file may give, in the order of the template, with the header written in
// each language (both recognised by columns.ts), whether it is required, and an example value. The page
// explains them (import.help.<target>); the CSV and XLSX templates are written from the same list.
import { REQUIRED_TARGETS, type ImportTarget } from "./columns";

export interface TemplateColumn {
  target: ImportTarget;
  required: boolean;
  /** The header as the template writes it, per language. */
  header: { zh: string; en: string };
  example: string;
}

const column = (target: ImportTarget, zh: string, en: string, example: string): TemplateColumn => ({
  target,
  required: REQUIRED_TARGETS.includes(target),
  header: { zh, en },
  example,
});

export const TEMPLATE_COLUMNS: TemplateColumn[] = [
  column("applicationNumber", "申请号", "Application number", "CN202223220665.2"),
  column("title", "专利名称", "Title", "一种无人机机载多功能盒"),
  column("filingDate", "申请日", "Filing date", "2022-12-02"),
  column("ipcMain", "主分类号", "Main IPC", "B64U 20/80"),
  column("ipcOthers", "分类号", "IPC classifications", "B64U 20/80; B64U 101/30"),
  column("type", "专利类型", "Patent type", "实用新型"),
  column("legalStatus", "法律状态", "Legal status", "有权"),
  column("inventors", "发明人", "Inventors", "刘迪; 刘敏; 王煜伟"),
  column("abstract", "摘要", "Abstract", "本实用新型公开了一种无人机机载多功能盒……"),
  column("firstClaim", "主权项", "First claim", "1. 一种无人机机载多功能盒，其特征在于……"),
  column("keywords", "关键词", "Keywords", "无人机; 多功能盒"),
  column("publicationNumber", "公开号", "Publication number", "CN218907599U"),
  column("publicationDate", "公开日", "Publication date", "2023-04-25"),
  column("grantNumber", "授权公告号", "Grant number", "CN218907599U"),
  column("grantDate", "授权公告日", "Grant date", "2023-04-25"),
  column("titleEn", "英文名称", "English title", "Multifunctional box carried on an unmanned aerial vehicle"),
  column("abstractEn", "英文摘要", "English abstract", "The utility model discloses a multifunctional box……"),
  column(
    "firstClaimEn",
    "英文主权项",
    "English first claim",
    "1. A multifunctional box carried on an unmanned aerial vehicle, characterised in that……",
  ),
  column("keywordsEn", "英文关键词", "English keywords", "UAV; multifunctional box"),
  column("cluster", "产业集群", "33618 cluster", "智能装备及智能制造"),
  column("field", "416领域", "416 field", "数智科技"),
  column("transferable", "可转化", "Transferable", "是"),
  column("transferableNote", "评估说明", "Assessment note", "已有企业询价"),
  column("valueScore", "价值评分", "Value score", "72"),
  column("maturity", "技术成熟度", "Maturity", "6"),
  column("hasEvaluationReport", "专利权评价报告", "Evaluation report", "否"),
];
