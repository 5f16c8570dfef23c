// The assessment list's views, which its filter offers in the browser (assessment.server.ts is server-only).

/** The assessment list's views: "due" is what needs an assessment (assessmentFilterWhere). */
export const ASSESSMENT_FILTERS = ["due", "unassessed", "unclassified", "all", "transferable", "excluded"] as const;
export type AssessmentFilter = (typeof ASSESSMENT_FILTERS)[number];
