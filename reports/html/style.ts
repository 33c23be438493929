/**
 * The page's only stylesheet (inlined; allowed by its hash in the CSP).
 * @internal
 */
export const STYLE = `
:root { --fail:#c62828; --pass:#2e7d32; --skip:#757575; --known:#ef6c00; --bg:#fafafa; --line:#ddd; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 16px 24px; max-width: 1700px; background: var(--bg); color: #212121; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; } h3 { font-size: 15px; margin: 16px 0 6px; }
.mono, pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
pre { background: #fff; border: 1px solid var(--line); padding: 8px; overflow: auto; max-height: 480px; white-space: pre-wrap; word-break: break-all; }
.banner { padding: 8px 12px; border-radius: 4px; margin: 8px 0; font-weight: 600; }
.banner.pass { background: #e8f5e9; color: var(--pass); } .banner.fail { background: #ffebee; color: var(--fail); }
.banner.error { background: #fff3e0; color: #b71c1c; } .banner.inconclusive { background: #fffde7; color: #6d4c00; } .banner.partial { background: #fffde7; color: #6d4c00; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
.facts dt { color: #616161; } .facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
td.st { overflow-wrap: anywhere; }
.v { font-weight: 600; white-space: nowrap; }
.v-fail { color: var(--fail); } .v-pass { color: var(--pass); } .v-known, .v-advisory { color: var(--known); }
.v-not_exercised, .v-not_supported, .v-documented_only { color: var(--skip); }
.filters { display: flex; gap: 12px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
.bar { display: block; } .bar .bg { fill: #e0e0e0; } .bar .fg { fill: #1976d2; }
.cx { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 8px 12px; margin: 12px 0; }
.tl-wrap { overflow: auto; max-height: 80vh; border: 1px solid var(--line); background: #fff; }
details > summary { cursor: pointer; margin: 4px 0; }
svg.tl text { font: 11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; fill: #212121; }
svg.tl .lanebg { fill: #f5f5f5; } svg.tl .lanebg.odd { fill: #ececec; }
svg.tl .hdr { font-weight: 700; }
svg.tl .gut { fill: #9e9e9e; }
svg.tl .sp-call { fill: #bbdefb; } svg.tl .sp-env { fill: #e0e0e0; } svg.tl .sp-cb { fill: #c8e6c9; stroke: #43a047; }
svg.tl .m-call { fill: #1565c0; } svg.tl .m-ret { fill: #90caf9; } svg.tl .m-env { fill: #616161; } svg.tl .m-end { fill: #bdbdbd; }
svg.tl .m-ev { fill: #ff8f00; } svg.tl .m-cb { fill: #2e7d32; } svg.tl .m-cb_ret { fill: #a5d6a7; }
svg.tl .viol-row { fill: #ffcdd2; } svg.tl .viol-mark { fill: var(--fail); stroke: #000; stroke-width: 1; }
svg.tl text.viol-note { fill: var(--fail); font-weight: 700; } svg.tl text.viol-rule { fill: #4a0000; }
[hidden] { display: none !important; }
`;
