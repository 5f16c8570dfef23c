// An IPC title as a short label: the CNIPA texts of some subclasses run on into their notes ("…吸烟者用品注意：此类
// 术语…", "[UAV]；为此的设备注意1.本小类包括…"), edition marks ("[4,5]") and cross-references ("…入G06F3/14"),
// which belong in the IPC itself, not beside a code on a patent page.

/** The longest label kept whole; longer titles keep their leading "；"/"; " parts and end with "…". */
const MAX_ZH = 40;
const MAX_EN = 90;

const NOTE = /(注意|注：|注:|附注|\bNote\b|\bNotes\b)/;
const EDITION = /\s*\[[\d,，\s]+\]/g;
const CRAWL_ARTEFACT = /\s*\[from dir name\]/gi;
// "入G06F3/14", "分入组G05D1/00", "见H01L": a pointer to another place in the IPC.
const CROSS_REFERENCE = /(分入组?|入|见|see )\s*[A-H]\d{2}[A-Z]?(\d+\/\d+)?/i;

export function shortIpcTitle(title: string | null): string | null {
  if (!title) return title;
  const english = !/[\u4e00-\u9fff]/.test(title);
  let short = title.replace(CRAWL_ARTEFACT, "");
  const note = short.search(NOTE);
  if (note > 0) short = short.slice(0, note);
  short = short.replace(EDITION, "");
  // The first sentence only.
  const sentence = english ? short.search(/\.\s|\.$/) : short.indexOf("。");
  if (sentence > 0) short = short.slice(0, sentence);
  const separator = english ? "; " : "；";
  const parts = short.split(separator);
  const reference = parts.findIndex((part) => CROSS_REFERENCE.test(part));
  if (reference > 0) parts.splice(reference);
  else if (reference === 0) parts.splice(0, parts.length, parts[0].slice(0, parts[0].search(CROSS_REFERENCE)));
  short = parts
    .join(separator)
    .replace(/[\s；;，,：:（(]+$/, "")
    .trim();
  const max = english ? MAX_EN : MAX_ZH;
  if (short.length <= max) return short || null;
  const kept: string[] = [];
  for (const part of parts) {
    if ([...kept, part].join(separator).length > max) break;
    kept.push(part);
  }
  return `${kept.length ? kept.join(separator) : short.slice(0, max)}…`;
}
