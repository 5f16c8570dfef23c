// How the production server's Node.js runs. The heap is capped so that the garbage of busy minutes is collected
// rather than kept. Measured under bench:load, at the same throughput: 780 MB peak uncapped, 320 MB at 192 MB,
// 258 MB at 128 MB. At 128 MB a 40 MB upload (50,000 rows, the browser's limit) imports with an 85 MB heap peak.
// A larger pool needs more: NODE_HEAP_MB raises the cap (the facet index holds every patent).
export function serverNodeFlags(): string[] {
  return [`--max-old-space-size=${Number(process.env.NODE_HEAP_MB) || 128}`, "--max-semi-space-size=4"];
}
