#!/usr/bin/env python3
"""Writes one Grafana dashboard per application into dashboards/ (provisioned by Grafana in the
Docker Compose `observability` profile).

    python3 infra/observability/grafana/generate-dashboards.py          # (re)write the files
    python3 infra/observability/grafana/generate-dashboards.py --check  # exit 1 if a file is stale

The dashboards are generated so that the seven stay alike: edit the panels here, not in the JSON.
Every query selects `application="<spring.application.name>"`, the tag every application puts on its metrics.
"""
import json
import pathlib
import sys

DASHBOARDS = pathlib.Path(__file__).resolve().parent / "dashboards"
DATASOURCE = {"type": "prometheus", "uid": "prometheus"}

# name, description; the services publish through the outbox, some consume other contexts' topics
APPLICATIONS = [
    ("gateway", "The front door: routing, authentication, rate limits, circuit breakers.", False),
    ("population-service", "Migrant population register (移民人口库).", True),
    ("subsidy-service", "Direct subsidy (直补资金): policies, batches, bank results, recoveries.", True),
    ("project-service", "Follow-up support projects and funds (后扶项目).", True),
    ("training-service", "Migrant training (移民培训).", True),
    ("petition-service", "Petitions (信访).", True),
    ("reporting-service", "Read models and the annual self-evaluation report (整体支出绩效自评报告).", True),
]


class Layout:
    """Places panels left to right in rows of 24 grid units."""

    def __init__(self):
        self.panels = []
        self.x = 0
        self.y = 0
        self.row_height = 0

    def add(self, panel, w, h):
        if self.x + w > 24:
            self.x = 0
            self.y += self.row_height
            self.row_height = 0
        panel["id"] = len(self.panels) + 1
        panel["gridPos"] = {"h": h, "w": w, "x": self.x, "y": self.y}
        self.panels.append(panel)
        self.x += w
        self.row_height = max(self.row_height, h)

    def row(self, title):
        self.x = 0
        self.y += self.row_height
        self.row_height = 0
        self.add({"type": "row", "title": title, "collapsed": False, "panels": []}, 24, 1)
        self.x = 24  # the next panel starts a new line


def target(expr, legend, ref="A"):
    return {"refId": ref, "datasource": DATASOURCE, "expr": expr, "legendFormat": legend, "range": True}


def timeseries(title, unit, *targets, description=""):
    return {
        "type": "timeseries",
        "title": title,
        "description": description,
        "datasource": DATASOURCE,
        "targets": [dict(t, refId=chr(ord("A") + i)) for i, t in enumerate(targets)],
        "fieldConfig": {
            "defaults": {"unit": unit, "min": 0, "custom": {"fillOpacity": 10, "showPoints": "never"}},
            "overrides": [],
        },
        "options": {
            "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
            "tooltip": {"mode": "multi", "sort": "desc"},
        },
    }


def stat(title, unit, expr, thresholds, description="", base="green"):
    steps = [{"color": base, "value": None}] + [{"color": c, "value": v} for c, v in thresholds]
    return {
        "type": "stat",
        "title": title,
        "description": description,
        "datasource": DATASOURCE,
        "targets": [target(expr, title)],
        "fieldConfig": {
            "defaults": {"unit": unit, "thresholds": {"mode": "absolute", "steps": steps}},
            "overrides": [],
        },
        "options": {
            "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
            "colorMode": "background",
            "graphMode": "area",
            "textMode": "auto",
        },
    }


def dashboard(app, description, publishes):
    sel = f'application="{app}"'
    http = f"http_server_requests_seconds_count{{{sel}}}"
    rate = "[$__rate_interval]"
    layout = Layout()

    layout.row("Overview")
    layout.add(stat("Up", "none", f'min(up{{service="{app}"}})', [("green", 1)],
                    "1 when Prometheus can scrape the application.", base="red"), 4, 4)
    layout.add(stat("Requests/s", "reqps", f"sum(rate({http}{rate}))", []), 5, 4)
    layout.add(stat("5xx ratio", "percentunit",
                    f'sum(rate(http_server_requests_seconds_count{{{sel},outcome="SERVER_ERROR"}}{rate}))'
                    f" / clamp_min(sum(rate({http}{rate})), 1e-9)",
                    [("orange", 0.01), ("red", 0.05)]), 5, 4)
    layout.add(stat("p95 latency", "s",
                    f"histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{{{sel}}}{rate})))",
                    [("orange", 0.5), ("red", 2)]), 5, 4)
    if publishes:
        layout.add(stat("Outbox lag", "s", f"max(outbox_lag_seconds{{{sel}}})", [("orange", 10), ("red", 60)],
                        "Age of the oldest event not yet published to Kafka."), 5, 4)
    else:
        layout.add(stat("Open circuit breakers", "none",
                        f'sum(resilience4j_circuitbreaker_state{{{sel},state=~"open|forced_open"}}) or vector(0)',
                        [("red", 1)], "Routes whose circuit is open: the service behind them is failing."), 5, 4)

    layout.row("HTTP")
    layout.add(timeseries("Request rate by outcome", "reqps",
                          target(f"sum by (outcome) (rate({http}{rate}))", "{{outcome}}")), 12, 8)
    layout.add(timeseries("Errors", "reqps",
                          target(f'sum by (uri, status) (rate(http_server_requests_seconds_count{{{sel},outcome="SERVER_ERROR"}}{rate}))',
                                 "5xx {{status}} {{uri}}"),
                          target(f'sum by (status) (rate(http_server_requests_seconds_count{{{sel},outcome="CLIENT_ERROR"}}{rate}))',
                                 "4xx {{status}}"),
                          description="5xx per endpoint (should stay at zero) and 4xx per status."), 12, 8)
    quantiles = [
        target(f"histogram_quantile({q}, sum by (le) (rate(http_server_requests_seconds_bucket{{{sel}}}{rate})))", f"p{int(q * 100)}")
        for q in (0.5, 0.95, 0.99)
    ]
    layout.add(timeseries("Latency", "s", *quantiles), 12, 8)
    layout.add(timeseries("Slowest endpoints (p95)", "s",
                          target(f"topk(8, histogram_quantile(0.95, sum by (le, method, uri) (rate(http_server_requests_seconds_bucket{{{sel}}}{rate}))))",
                                 "{{method}} {{uri}}")), 12, 8)

    if publishes:
        layout.row("Events")
        layout.add(timeseries("Outbox pending", "short",
                              target(f"sum(outbox_pending{{{sel}}})", "rows not yet published"),
                              description="Rows written with a state change and not yet on Kafka."), 8, 8)
        layout.add(timeseries("Outbox lag", "s",
                              target(f"max(outbox_lag_seconds{{{sel}}})", "oldest unpublished row"),
                              description="Grows while Kafka is unreachable; back to zero once the relay catches up."), 8, 8)
        layout.add(timeseries("Outbox publishing", "ops",
                              target(f"sum(rate(outbox_published_total{{{sel}}}{rate}))", "published/s"),
                              target(f"sum(rate(outbox_publish_failures_total{{{sel}}}{rate}))", "failed rounds/s")), 8, 8)
        layout.add(timeseries("Consumer lag (max records behind)", "short",
                              target(f"max by (client_id) (kafka_consumer_fetch_manager_records_lag_max{{{sel}}})", "{{client_id}}"),
                              description="Records the consumers are behind their topics; empty for a service that consumes nothing."), 12, 8)
        layout.add(timeseries("Events consumed", "ops",
                              target(f"sum by (type) (rate(events_applied_total{{{sel}}}{rate}))", "applied {{type}}"),
                              target(f"sum(rate(events_duplicates_total{{{sel}}}{rate}))", "duplicates (ignored)"),
                              target(f"sum(rate(events_skipped_total{{{sel}}}{rate}))", "skipped")), 12, 8)
    else:
        layout.row("Resilience")
        layout.add(timeseries("Circuit breaker state (1 = in that state)", "short",
                              target(f'max by (name, state) (resilience4j_circuitbreaker_state{{{sel}}}) > 0', "{{name}} {{state}}")), 12, 8)
        layout.add(timeseries("Rejected by rate limit or body limit", "reqps",
                              target(f'sum by (status) (rate(http_server_requests_seconds_count{{{sel},status=~"413|429"}}{rate}))', "{{status}}")), 12, 8)

    layout.row("JVM and database")
    layout.add(timeseries("Heap", "bytes",
                          target(f'sum(jvm_memory_used_bytes{{{sel},area="heap"}})', "used"),
                          target(f'sum(jvm_memory_max_bytes{{{sel},area="heap"}})', "max")), 8, 8)
    layout.add(timeseries("CPU", "percentunit",
                          target(f"max(process_cpu_usage{{{sel}}})", "process")), 8, 8)
    if publishes:
        layout.add(timeseries("Database connections", "short",
                              target(f"sum(hikaricp_connections_active{{{sel}}})", "active"),
                              target(f"sum(hikaricp_connections_pending{{{sel}}})", "waiting")), 8, 8)
    else:
        layout.add(timeseries("GC pause", "s",
                              target(f"sum(rate(jvm_gc_pause_seconds_sum{{{sel}}}{rate}))", "seconds paused per second")), 8, 8)

    return {
        "uid": f"resettlement-{app}",
        "title": app,
        "description": description,
        "tags": ["resettlement"],
        "editable": False,
        "graphTooltip": 1,
        "refresh": "30s",
        "schemaVersion": 39,
        "version": 1,
        "time": {"from": "now-1h", "to": "now"},
        "timepicker": {},
        "timezone": "browser",
        "annotations": {"list": []},
        "templating": {"list": []},
        "links": [{"type": "dashboards", "tags": ["resettlement"], "asDropdown": True, "title": "Applications",
                   "includeVars": False, "keepTime": True}],
        "panels": layout.panels,
    }


def render(app, description, publishes):
    return json.dumps(dashboard(app, description, publishes), indent=2, ensure_ascii=False) + "\n"


def main(argv):
    check = "--check" in argv
    stale = []
    DASHBOARDS.mkdir(exist_ok=True)
    for app, description, publishes in APPLICATIONS:
        path = DASHBOARDS / f"{app}.json"
        text = render(app, description, publishes)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print("stale dashboards (run generate-dashboards.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
