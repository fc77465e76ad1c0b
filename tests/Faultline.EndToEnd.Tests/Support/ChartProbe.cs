using System.Text.Json;
using Microsoft.Playwright;

namespace Faultline.EndToEnd.Tests.Support;

/// <summary>
/// Reads a drawn chart back from the page (<c>window.FaultlinePlots</c>, set by the report and the dashboard): each
/// series' declared colour and the colour its pixels have on the canvas, the boxes of every label, its scales.
/// </summary>
internal static class ChartProbe
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The colours Faultline promises by meaning (docs/observing.md, "Charts"), by the legend's words: a status class,
    /// or a region (<c>requests served by eu-west-1</c>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Meaning = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["2xx responses"] = "#1a7f37",
        ["4xx responses"] = "#bf8700",
        ["5xx responses"] = "#cf222e",
        ["errors and timeouts (no response; 3xx too)"] = "#6e7781",
        ["requests served by us-east-1"] = "#0969da",
        ["requests served by eu-west-1"] = "#8250df",
    };

    /// <summary>
    /// Each series of the plot in figure <paramref name="figureId"/>: its legend label, declared stroke, and the colour
    /// most of its pixels have when it is drawn alone (every other series hidden, markers aside), with how many.
    /// </summary>
    public static async Task<IReadOnlyList<SeriesPixels>> SeriesAsync(IPage page, string figureId)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            async (id) => {
              const u = window.FaultlinePlots[id];
              // uPlot draws on its next commit (a microtask): let it happen before reading pixels.
              const drawn = () => new Promise(r => setTimeout(r, 0));
              const hex = (r, g, b) => '#' + [r, g, b].map(v => v.toString(16).padStart(2, '0')).join('');
              const stroke = (i) => { const s = u.series[i].stroke; return typeof s === 'function' ? s(u, i) : s; };
              const shown = u.series.map(s => s.show);
              const out = [];
              for (let i = 1; i < u.series.length; i++) {
                for (let k = 1; k < u.series.length; k++) { u.setSeries(k, { show: k === i }); }
                u.redraw(false, false);
                await drawn();
                const { left, top, width, height } = u.bbox;
                const data = u.ctx.getImageData(left, top, width, height).data;
                const counts = {};
                for (let p = 0; p < data.length; p += 4) {
                  if (data[p + 3] < 160) { continue; }
                  // Markers are near-black or dark red (anti-aliased a shade off); they are not the series.
                  const near = (r, g, b) => Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) < 40;
                  if (near(0x1f, 0x23, 0x28) || near(0x82, 0x07, 0x1e)) { continue; }
                  const c = hex(data[p], data[p + 1], data[p + 2]);
                  counts[c] = (counts[c] || 0) + 1;
                }
                const top1 = Object.entries(counts).sort((a, b) => b[1] - a[1])[0] || [null, 0];
                out.push({ label: u.series[i].label, stroke: String(stroke(i)).toLowerCase(), pixelColor: top1[0], pixels: top1[1] });
              }
              for (let k = 1; k < u.series.length; k++) { u.setSeries(k, { show: shown[k] }); }
              await drawn();
              return out;
            }
            """,
            figureId);
        return json.Deserialize<List<SeriesPixels>>(Json)!;
    }

    /// <summary>
    /// Each series of the plot in figure <paramref name="figureId"/> as the page shows it (every series drawn): over the
    /// stretches where its value equals another series' value (consecutive points that all coincide), how many canvas
    /// columns those stretches span and how many pixels there have its colour. A line hidden under its twin has none.
    /// </summary>
    public static async Task<IReadOnlyList<CoincidentSeries>> CoincidentAsync(IPage page, string figureId)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            async (id) => {
              const u = window.FaultlinePlots[id];
              await new Promise(r => setTimeout(r, 0));
              const rgb = (hex) => [1, 3, 5].map(i => parseInt(hex.substr(i, 2), 16));
              const stroke = (i) => { const s = u.series[i].stroke; return String(typeof s === 'function' ? s(u, i) : s).toLowerCase(); };
              const { left, top, width, height } = u.bbox;
              const data = u.ctx.getImageData(left, top, width, height).data;
              const dpr = devicePixelRatio;
              const out = [];
              for (let i = 1; i < u.series.length; i++) {
                const own = u.data[i];
                const same = (j) => own[j] != null && u.data.some((other, k) => k > 0 && k !== i && u.series[k].show && other[j] === own[j]);
                const columns = new Set();
                for (let j = 0; j < u.data[0].length; j++) {
                  if (!same(j)) { continue; }
                  let end = j;
                  while (end + 1 < u.data[0].length && same(end + 1)) { end++; }
                  // The stretch's canvas columns, 3 px in from each end (where the lines turn).
                  const from = Math.ceil(u.valToPos(u.data[0][j], 'x') * dpr) + 3, to = Math.floor(u.valToPos(u.data[0][end], 'x') * dpr) - 3;
                  for (let x = Math.max(0, from); x <= Math.min(width - 1, to); x++) { columns.add(x); }
                  j = end;
                }
                const [r, g, b] = rgb(stroke(i));
                let pixels = 0;
                columns.forEach(x => {
                  for (let y = 0; y < height; y++) {
                    const p = (y * width + x) * 4;
                    // Its colour, give or take the anti-aliasing of a line 1.75 px wide (two meanings' colours differ by far more).
                    if (data[p + 3] > 160 && Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) <= 64) { pixels++; }
                  }
                });
                out.push({ label: u.series[i].label, stroke: stroke(i), dashed: Array.isArray(u.series[i].dash) && u.series[i].dash.length > 0, columns: columns.size, pixels });
              }
              return out;
            }
            """,
            figureId);
        return json.Deserialize<List<CoincidentSeries>>(Json)!;
    }

    /// <summary>
    /// The values the legend shows with the cursor on x = <paramref name="x"/> in the plot of figure
    /// <paramref name="figureId"/>: the x first, then each series', as text.
    /// </summary>
    public static Task<string[]> LegendValuesAsync(IPage page, string figureId, double x) =>
        page.EvaluateAsync<string[]>(
            """
            ([id, x]) => {
              const u = window.FaultlinePlots[id];
              u.setCursor({ left: u.valToPos(x, 'x'), top: u.bbox.height / devicePixelRatio / 2 });
              return Array.from(u.root.querySelectorAll('.u-legend .u-series .u-value')).map(v => v.textContent);
            }
            """,
            new object[] { figureId, x });

    /// <summary>
    /// Every label of the charts on the page as a box: marker labels and legend entries (from the DOM) and axis tick
    /// labels (from uPlot's splits, measured in the axis font); with which chart and kind each is.
    /// </summary>
    public static async Task<IReadOnlyList<LabelBox>> LabelsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const out = [];
              const box = (chart, kind, text, r) => out.push({ chart, kind, text, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
              for (const [id, u] of Object.entries(window.FaultlinePlots)) {
                const over = u.over.getBoundingClientRect();
                u.root.querySelectorAll('.marker-label').forEach(l => box(id, 'marker', l.textContent, l.getBoundingClientRect()));
                u.root.querySelectorAll('.u-legend .u-series').forEach(l => box(id, 'legend', l.textContent, l.getBoundingClientRect()));
                // The plot area itself, to check that no marker label lies on the data.
                box(id, 'plot', '', over);
                const canvas = u.ctx.canvas.getBoundingClientRect();
                const dpr = devicePixelRatio;
                u.axes.forEach((axis, a) => {
                  if (!axis._splits || !axis._values) { return; }
                  const ctx = u.ctx;
                  ctx.save();
                  ctx.font = (Array.isArray(axis.font) ? axis.font[0] : axis.font) || '12px sans-serif';
                  axis._splits.forEach((split, i) => {
                    const text = axis._values[i];
                    if (text == null || text === '') { return; }
                    const w = ctx.measureText(String(text)).width / dpr;
                    const h = 12;
                    const pos = u.valToPos(split, axis.scale);
                    if (a === 0) {
                      const cx = canvas.left + u.bbox.left / dpr + pos;
                      box(id, 'x-tick', String(text), { left: cx - w / 2, right: cx + w / 2, top: 0, bottom: h });
                    } else {
                      const cy = canvas.top + u.bbox.top / dpr + pos;
                      box(id, 'y-tick', String(text), { left: 0, right: w, top: cy - h / 2, bottom: cy + h / 2 });
                    }
                  });
                  ctx.restore();
                });
              }
              return out;
            }
            """);
        return json.Deserialize<List<LabelBox>>(Json)!;
    }

    /// <summary>The plot's scales: x and y ranges and the y distribution (3 is logarithmic).</summary>
    public static async Task<PlotScales> ScalesAsync(IPage page, string figureId)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            (id) => {
              const u = window.FaultlinePlots[id];
              return { xMin: u.scales.x.min, xMax: u.scales.x.max, yMin: u.scales.y.min, yMax: u.scales.y.max, yDistr: u.scales.y.distr, yLog: u.scales.y.log || 0,
                yTicks: (u.axes[1]._values || []).filter(v => v !== '' && v != null).map(String) };
            }
            """,
            figureId);
        return json.Deserialize<PlotScales>(Json)!;
    }

    /// <summary>
    /// Whether a pixel's colour is the expected one, give or take the rounding of canvas colour management (a unit
    /// or two per channel: #cf212d for #cf222e); two colours of the meaning table differ by far more.
    /// </summary>
    public static bool Close(string? actual, string expected)
    {
        if (actual is null)
        {
            return false;
        }

        static int Channel(string hex, int i) => Convert.ToInt32(hex.Substring(1 + (2 * i), 2), 16);
        return Enumerable.Range(0, 3).Sum(i => Math.Abs(Channel(actual, i) - Channel(expected, i))) <= 12;
    }

    /// <summary>Pairs of boxes that overlap (by more than half a pixel each way), described.</summary>
    public static IReadOnlyList<string> Overlaps(IReadOnlyList<LabelBox> boxes)
    {
        var found = new List<string>();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                if (a.Right - 0.5 > b.Left && b.Right - 0.5 > a.Left && a.Bottom - 0.5 > b.Top && b.Bottom - 0.5 > a.Top)
                {
                    found.Add($"{a.Chart} {a.Kind} '{a.Text}' [{a.Left:0},{a.Top:0},{a.Right:0},{a.Bottom:0}] overlaps {b.Chart} {b.Kind} '{b.Text}' [{b.Left:0},{b.Top:0},{b.Right:0},{b.Bottom:0}]");
                }
            }
        }

        return found;
    }

    /// <summary>One series as drawn.</summary>
    public sealed record SeriesPixels(string Label, string Stroke, string? PixelColor, int Pixels);

    /// <summary>One series where it coincides with another: the canvas columns of those stretches and its pixels there.</summary>
    public sealed record CoincidentSeries(string Label, string Stroke, bool Dashed, int Columns, int Pixels);

    /// <summary>One label's box in page pixels.</summary>
    public sealed record LabelBox(string Chart, string Kind, string Text, double Left, double Top, double Right, double Bottom);

    /// <summary>A plot's scales.</summary>
    public sealed record PlotScales(double XMin, double XMax, double YMin, double YMax, int YDistr, int YLog, IReadOnlyList<string> YTicks);
}
