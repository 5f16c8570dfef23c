// The contract as a PDF (the text as signed, its articles set apart), set in Noto Sans SC (SIL Open Font License, from the npm package
// @expo-google-fonts/noto-sans-sc) so that Chinese prints; pdfkit embeds only the glyphs used.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const FONT = require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");

export async function contractPdf(contract: {
  contractNumber: string;
  contractText: string;
  fingerprint: string | null;
}): Promise<Buffer> {
  // Loaded on first use: pdfkit and its font tables weigh tens of megabytes in every server otherwise.
  const { default: PDFDocument } = await import("pdfkit");
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({
      size: "A4",
      margin: 56,
      info: { Title: contract.contractNumber, Author: "PatentBridge" },
    });
    const chunks: Buffer[] = [];
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
    document.registerFont("body", FONT).font("body");
    const [title, ...lines] = contract.contractText.split("\n");
    document.fontSize(16).text(title, { align: "center" }).moveDown();
    document.fontSize(10.5);
    for (const line of lines) {
      // Article headings (第一条 … / Article 1 …, 签署 / Signatures) set apart from their clauses.
      const heading = /^(第[一二三四五六七八九十]+条|签署 \/ Signatures)/.test(line);
      if (heading) document.moveDown(0.4).fontSize(11.5).text(line, { lineGap: 3 }).fontSize(10.5).moveDown(0.2);
      else document.text(line, { lineGap: 3 }).moveDown(0.4);
    }
    document
      .moveDown()
      .fontSize(8)
      .fillColor("#555")
      .text(`SHA-256: ${contract.fingerprint ?? "—"}`);
    document.end();
  });
}
