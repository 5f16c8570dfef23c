// How the production server's Node.js runs. The heap is capped so that the garbage of busy minutes is collected
// rather than kept (measured: 780 MB peak uncapped under bench:load, 332 MB at 192 MB, with the same
// throughput). A larger pool needs more: NODE_HEAP_MB raises the cap (the facet index holds every patent).
export function serverNodeFlags(): string[] {
  return [`--max-old-space-size=${Number(process.env.NODE_HEAP_MB) || 192}`, "--max-semi-space-size=4"];
}
