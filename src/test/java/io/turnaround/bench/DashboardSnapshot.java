package io.turnaround.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws the Grafana dashboard's panels ({@code docker/grafana/dashboards/turnaround.json}) from a real Prometheus,
 * where Grafana itself cannot run: every panel's own queries go to Prometheus's HTTP API over the last
 * {@code --minutes}, and Chart.js draws the answers in headless Chromium at the panels' grid positions. Stat panels
 * show their query's value now. The picture is the dashboard's data, not Grafana's styling.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.turnaround.bench.DashboardSnapshot \
 *     -Dexec.args="--prometheus http://127.0.0.1:9090 --minutes 20 --out src/site/resources/images/dashboard.png"
 * </pre>
 */
public final class DashboardSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final int COLUMN_PX = 64;
    private static final int ROW_PX = 34;

    private DashboardSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String prometheus = o.getOrDefault("prometheus", "http://127.0.0.1:9090");
        long minutes = Long.parseLong(o.getOrDefault("minutes", "20"));
        Path out = Path.of(o.getOrDefault("out", "target/dashboard.png"));
        JsonNode dashboard = JSON.readTree(Path.of(o.getOrDefault("dashboard",
                "docker/grafana/dashboards/turnaround.json")).toFile());

        Instant end = Instant.now();
        Instant start = end.minusSeconds(minutes * 60);
        long step = Math.max(5, minutes * 60 / 120);
        ArrayNode panels = JSON.createArrayNode();
        int bottom = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            ObjectNode drawn = panels.addObject();
            drawn.put("title", panel.get("title").asText());
            drawn.put("type", panel.get("type").asText());
            drawn.set("grid", panel.get("gridPos"));
            drawn.put("unit", panel.path("fieldConfig").path("defaults").path("unit").asText("short"));
            drawn.put("stacked", "normal".equals(panel.path("fieldConfig").path("defaults").path("custom")
                    .path("stacking").path("mode").asText()));
            bottom = Math.max(bottom, panel.get("gridPos").get("y").asInt() + panel.get("gridPos").get("h").asInt());
            ArrayNode series = drawn.putArray("series");
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asText();
                if ("stat".equals(panel.get("type").asText())) {
                    JsonNode result = query(prometheus + "/api/v1/query?query=" + encode(expr) + "&time="
                            + end.getEpochSecond());
                    drawn.put("value", result.isEmpty() ? "No data" : result.get(0).get("value").get(1).asText());
                    continue;
                }
                JsonNode result = query(prometheus + "/api/v1/query_range?query=" + encode(expr) + "&start="
                        + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + step);
                for (JsonNode one : result) {
                    ObjectNode line = series.addObject();
                    line.put("name", legend(target.path("legendFormat").asText(expr), one.get("metric")));
                    ArrayNode points = line.putArray("points");
                    for (JsonNode value : one.get("values")) {
                        double v = Double.parseDouble(value.get(1).asText());
                        points.addArray().add(value.get(0).asLong() * 1000).add(Double.isNaN(v) ? null : v);
                    }
                }
            }
        }
        String page = page(dashboard.get("title").asText(), panels, start, end, chartJs());
        Path html = Files.createTempFile("dashboard", ".html");
        Files.writeString(html, page);
        int width = 24 * COLUMN_PX + 40;
        int height = bottom * ROW_PX + 260;
        snapshot(html, width, height, out);
        System.out.println("wrote " + out + " (" + panels.size() + " panels, " + minutes + " minutes to " + end + ")");
    }

    private static JsonNode query(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("Prometheus refused " + url + ": " + response.body());
        }
        return body.get("data").get("result");
    }

    private static String encode(String expr) {
        return URLEncoder.encode(expr, StandardCharsets.UTF_8);
    }

    private static String legend(String format, JsonNode metric) {
        Matcher label = LEGEND_LABEL.matcher(format);
        StringBuilder name = new StringBuilder();
        while (label.find()) {
            label.appendReplacement(name, Matcher.quoteReplacement(metric.path(label.group(1)).asText("")));
        }
        return label.appendTail(name).toString();
    }

    private static String chartJs() throws IOException {
        try (InputStream script = DashboardSnapshot.class.getResourceAsStream(
                "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js")) {
            if (script == null) {
                throw new IllegalStateException("Chart.js 4.4.1 is not on the classpath (the chart.js WebJar)");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The page: panels placed by their grid positions, drawn by a script from the data written into it. */
    private static String page(String title, ArrayNode panels, Instant start, Instant end, String chartJs)
            throws IOException {
        String data = JSON.writeValueAsString(panels).replace("</", "<\\/");
        return """
                <!doctype html><html><head><meta charset="utf-8"><style>
                body{margin:0;padding:16px 20px;background:#111217;color:#ccccdc;font:13px sans-serif}
                h1{font-size:18px;margin:0 0 4px}.sub{color:#8e8e9f;margin-bottom:12px}
                .grid{position:relative}.panel{position:absolute;box-sizing:border-box;background:#181b1f;
                border:1px solid #2c3235;border-radius:3px;padding:6px 10px}
                .panel h2{font-size:13px;margin:0 0 4px;color:#d8d9da;font-weight:500}
                .stat{font-size:34px;font-weight:600;color:#73bf69;margin-top:10px}
                canvas{width:100%%!important}</style></head><body>
                <h1>%s</h1><div class="sub">Prometheus, %s to %s (UTC), every panel's own queries</div>
                <div class="grid" id="grid"></div>
                <script>%s</script>
                <script>
                const panels = %s, col = %d, row = %d;
                const colours = ['#73bf69','#f2cc0c','#5794f2','#ff9830','#f2495c','#b877d9','#8ab8ff','#ffb357'];
                const format = (v, unit) => v == null ? '' : unit === 'percentunit' ? (v * 100).toFixed(2) + ' %%'
                    : unit === 's' ? (v < 1 ? (v * 1000).toFixed(0) + ' ms' : v.toFixed(1) + ' s')
                    : Math.abs(v) >= 100 ? v.toFixed(0) : (+v.toFixed(2)).toString();
                const grid = document.getElementById('grid');
                grid.style.height = Math.max(...panels.map(p => (p.grid.y + p.grid.h) * row)) + 'px';
                for (const p of panels) {
                  const box = document.createElement('div');
                  box.className = 'panel';
                  Object.assign(box.style, {left: p.grid.x * col + 'px', top: p.grid.y * row + 'px',
                      width: p.grid.w * col - 6 + 'px', height: p.grid.h * row - 6 + 'px'});
                  const heading = document.createElement('h2');
                  heading.textContent = p.title;
                  box.appendChild(heading);
                  grid.appendChild(box);
                  if (p.type === 'stat') {
                    const value = document.createElement('div');
                    value.className = 'stat';
                    value.textContent = isNaN(parseFloat(p.value)) ? p.value : format(parseFloat(p.value), p.unit);
                    box.appendChild(value);
                    continue;
                  }
                  const canvas = document.createElement('canvas');
                  canvas.height = p.grid.h * row - 40;
                  box.appendChild(canvas);
                  const times = [...new Set(p.series.flatMap(s => s.points.map(pt => pt[0])))].sort((a, b) => a - b);
                  new Chart(canvas, {type: 'line', data: {
                      labels: times.map(t => new Date(t).toISOString().substring(11, 16)),
                      datasets: p.series.map((s, i) => {
                        const byTime = new Map(s.points.map(pt => [pt[0], pt[1]]));
                        return {label: s.name, data: times.map(t => byTime.has(t) ? byTime.get(t) : null),
                          borderColor: colours[i %% colours.length], backgroundColor: colours[i %% colours.length] + '55',
                          fill: p.stacked, pointRadius: 0, borderWidth: 1.5, spanGaps: true};
                      })},
                    options: {animation: false, responsive: false, maintainAspectRatio: false,
                      plugins: {legend: {position: 'bottom', labels: {color: '#ccccdc', boxWidth: 10, font: {size: 11}}}},
                      scales: {x: {ticks: {color: '#8e8e9f', maxTicksLimit: 8}, grid: {color: '#2c3235'}},
                               y: {stacked: p.stacked, beginAtZero: true, ticks: {color: '#8e8e9f',
                                   callback: v => format(v, p.unit)}, grid: {color: '#2c3235'}}}}});
                }
                document.body.setAttribute('data-drawn', 'yes');
                </script></body></html>
                """.formatted(escape(title), start, end, chartJs, data, COLUMN_PX, ROW_PX);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void snapshot(Path html, int width, int height, Path out) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                        "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(
                new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"))).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(html.toUri().toString());
            if (!"yes".equals(driver.findElement(org.openqa.selenium.By.tagName("body")).getAttribute("data-drawn"))) {
                throw new IllegalStateException("the page did not draw: " + driver.getPageSource().length() + " bytes");
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }
}
