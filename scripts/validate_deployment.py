#!/usr/bin/env python3
"""Cross-checks the deployment files against each other and against the code.

Every YAML and JSON file must parse; compose, Kubernetes and the CI workflow must name paths that
exist, the port the service listens on, the management paths it serves and environment variables
it understands; the Dockerfile must build the jar the way the Makefile does. With --metrics FILE
(a scrape of the running jar's /prometheus), every metric named in the dashboard and in the alert
rules must be in it.

Run from the repository root (scripts/validate does). Exit status 1 on the first failed group.
"""

import argparse
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKER = ROOT / "docker"
K8S = DOCKER / "k8s" / "base"
OVERLAYS = DOCKER / "k8s" / "overlays"
ARGOCD = DOCKER / "k8s" / "argocd"
MANAGEMENT_PATHS = {"/health", "/health/liveness", "/health/readiness", "/prometheus"}
# Variables read by the image's entrypoint (JAVA_OPTS) and the OpenTelemetry SDK, not by
# application.yml.
STANDARD_ENV = {
    "JAVA_OPTS",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_TRACES_SAMPLER",
    "OTEL_TRACES_SAMPLER_ARG",
    "OTEL_SERVICE_NAME",
    "OTEL_RESOURCE_ATTRIBUTES",
}
# Settings bound from code (RedisConfigured) rather than listed in application.yml.
CODE_ENV = {"REDIS_URI", "REDIS_CLUSTER_URIS"}
# Read by KEDA from the workers' containers, not by the service.
KEDA_ENV = {"REDIS_ADDRESS", "REDIS_ADDRESSES"}
# One of these names the Redis of the API pods and the workers: a single node or a cluster.
REDIS_MODES = {"REDIS_URI", "REDIS_CLUSTER_URIS"}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def load_yaml(path):
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc is not None]


# --- what the service is -----------------------------------------------------------------------


def env_form(key):
    return re.sub(r"[.\-\[\]]", "_", key).upper()


def leaves(tree, prefix=""):
    """The settings of a YAML tree: its leaf keys (a map in between is not a setting)."""
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            yield from leaves(value, path)
        else:
            yield path


def known_env():
    resources = ROOT / "presentation/src/main/resources"
    config = yaml.safe_load((resources / "application.yml").read_text())
    names = {env_form(key) for key in leaves(config)}
    for source in ("application.yml", "logback.xml"):
        names |= set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)[:}]", (resources / source).read_text()))
    return names | STANDARD_ENV | CODE_ENV


def dockerfile():
    text = (DOCKER / "Dockerfile").read_text()
    port = int(re.search(r"^EXPOSE\s+(\d+)", text, re.M).group(1))
    user = re.search(r"^USER\s+(\d+)", text, re.M).group(1)
    # The jar's build, and the dependency layer's build before it: the same command.
    builds = [shlex.split(b) for b in re.findall(r"\./mvnw\s+(.+package)\s*\\?$", text, re.M)]
    jar = re.search(r"COPY --from=build /src/(\S+)\s", text).group(1)
    copied = set(re.findall(r"^COPY (\w+)/pom\.xml", text, re.M))
    flags = re.search(r'^ENV JAVA_OPTS="([^"]*)"', text, re.M).group(1).split()
    return {"text": text, "port": port, "jvm_flags": flags, "user": user, "builds": builds,
            "jar": jar, "copied_modules": copied}


def makefile():
    text = (ROOT / "Makefile").read_text()
    variables = dict(re.findall(r"^([A-Z_]+)\s*:?=\s*(.*)$", text, re.M))
    targets = set(re.findall(r"^([a-z][a-z-]*):", text, re.M))

    def expand(value):
        return re.sub(r"\$\((\w+)\)", lambda m: expand(variables.get(m.group(1), "")), value)

    return {"vars": {k: expand(v) for k, v in variables.items()}, "targets": targets}


# --- checks -------------------------------------------------------------------------------------


def check_parsing():
    for path in sorted(list(DOCKER.rglob("*.y*ml")) + list((ROOT / ".github").rglob("*.y*ml"))):
        try:
            load_yaml(path)
        except yaml.YAMLError as error:
            check(False, f"{path.relative_to(ROOT)} does not parse: {error}")
    for path in sorted(DOCKER.rglob("*.json")):
        try:
            json.loads(path.read_text())
        except json.JSONDecodeError as error:
            check(False, f"{path.relative_to(ROOT)} does not parse: {error}")


def check_dockerfile_matches_makefile(image, make):
    check(make["vars"].get("JAR", "") == image["jar"],
          f"Dockerfile copies {image['jar']}, the Makefile builds {make['vars'].get('JAR')}")
    expected = shlex.split(make["vars"].get("MVN", "").replace("./mvnw", "", 1)) + shlex.split(
        make["vars"].get("JAR_BUILD", ""))
    check(image["builds"], "Dockerfile does not build the jar with ./mvnw")
    for build in image["builds"]:
        check(build == expected, f"Dockerfile builds with {build}, `make jar` with {expected}")
    modules = set(re.findall(r"<module>([^<]+)</module>", (ROOT / "pom.xml").read_text()))
    check(modules <= image["copied_modules"],
          f"Dockerfile does not copy the poms of {sorted(modules - image['copied_modules'])}")
    entrypoint = re.search(r"^ENTRYPOINT\s+(\[.*\])\s*$", image["text"], re.M)
    check(entrypoint is not None, "Dockerfile has no ENTRYPOINT in exec form")
    if entrypoint:
        argv = json.loads(entrypoint.group(1))
        # JAVA_TOOL_OPTIONS would make the JVM print a line that is not JSON before the logs.
        check(argv[:2] == ["/bin/sh", "-c"] and argv[2].startswith("exec java $JAVA_OPTS -jar "),
              f"Dockerfile's ENTRYPOINT {argv} does not exec java with $JAVA_OPTS")
    for config in [image["text"], (DOCKER / "compose.yaml").read_text()] + [
            path.read_text() for path in sorted((DOCKER / "k8s").rglob("*.yaml"))]:
        check("JAVA_TOOL_OPTIONS" not in config,
              "JAVA_TOOL_OPTIONS is set somewhere: the JVM then prints a non-JSON line at start")
    for health in re.findall(r"http://127\.0\.0\.1:(\d+)(/\S+)", image["text"]):
        check(int(health[0]) == image["port"] and health[1] in MANAGEMENT_PATHS,
              f"Dockerfile HEALTHCHECK probes {health}, not a management path on {image['port']}")


def compose_env(service):
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def seconds(duration):
    """A duration as compose, Micronaut or Kubernetes write it (45s, 2m, 1m30s, 60)."""
    if isinstance(duration, (int, float)):
        return float(duration)
    total = 0.0
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)(ms|s|m|h)?", str(duration)):
        total += float(amount) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "": 1}[unit]
    return total


def job_stream():
    """The job stream and consumer group, as the Redis adapters name them."""
    redis = ROOT / "infrastructure/src/main/java/io/fibonacci/infrastructure/redis"
    prefix = re.search(r'KEY_PREFIX = "([^"]+)"', (redis / "RedisJobStore.java").read_text())
    queue = (redis / "RedisJobQueue.java").read_text()
    suffix = re.search(r'SLOT_TAG = "(\{[^"]+\})"', queue)
    suffix = suffix if re.search(r'stream = utf8\(keyPrefix \+ SLOT_TAG\)', queue) else None
    group = re.search(r'GROUP = "([^"]+)"', queue)
    check(prefix and suffix and group, "cannot read the job stream's name from the Redis adapters")
    return (prefix.group(1) + suffix.group(1) if prefix and suffix else "",
            group.group(1) if group else "")


def application_setting(path):
    """A default of presentation's application.yml, by dotted path."""
    tree = yaml.safe_load((ROOT / "presentation/src/main/resources/application.yml").read_text())
    for part in path.split("."):
        tree = tree[part]
    return tree


def check_compose_worker(services, api, env_names):
    env = compose_env(api)
    check(env.get("FIBONACCI_ROLE") == "api", "compose api runs jobs too: set FIBONACCI_ROLE=api")
    worker = services.get("worker")
    if not check(worker, "compose has no worker service"):
        return
    worker_env = compose_env(worker)
    check(worker_env.get("FIBONACCI_ROLE") == "worker",
          "compose worker is not FIBONACCI_ROLE=worker")
    check(worker.get("deploy", {}).get("replicas", 1) >= 2, "compose runs fewer than 2 workers")
    check(worker.get("image") == api.get("image"), "compose worker runs another image than api")
    check(not worker.get("ports"), "compose publishes a worker's port")
    check(worker_env.get("REDIS_URI") == env.get("REDIS_URI"),
          "compose worker and api use different Redis servers: they would not share jobs")
    for key in worker_env:
        check(key in env_names, f"compose worker sets {key}, which the service does not read")
    grace = seconds(worker_env.get("FIBONACCI_JOBS_SHUTDOWN_GRACE",
                                   application_setting("fibonacci.jobs.shutdown-grace")))
    check(seconds(worker.get("stop_grace_period", "10s")) > grace,
          "compose stops a worker before its shutdown grace for the job at hand is over")


def check_compose(image, env_names):
    compose = load_yaml(DOCKER / "compose.yaml")[0]
    services = compose["services"]
    for name in ("api", "lb", "redis", "prometheus", "grafana", "jaeger"):
        check(name in services, f"compose has no {name} service")
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                check((DOCKER / source).exists(), f"compose {name} mounts missing {source}")
        for dependency in service.get("depends_on", []):
            check(dependency in services, f"compose {name} depends on unknown {dependency}")
        networks = service.get("networks", [])
        for network in networks if isinstance(networks, list) else networks.keys():
            check(network in compose.get("networks", {}), f"compose {name}: unknown network")
    api = services["api"]
    build = api["build"]
    check((DOCKER / build["context"] / build["dockerfile"]).resolve() == DOCKER / "Dockerfile",
          "compose builds api from another Dockerfile")
    check(api.get("deploy", {}).get("replicas", 1) >= 2, "compose runs fewer than 2 replicas")
    check(not api.get("ports"), "compose publishes the api directly, bypassing the balancer")
    env = compose_env(api)
    for key in env:
        check(key in env_names, f"compose api sets {key}, which the service does not read")
    check(env.get("JAVA_OPTS", "").split() == image["jvm_flags"],
          "compose's JVM flags differ from the image's")
    redis_host = re.match(r"rediss?://([^:/]+)", env.get("REDIS_URI", "")).group(1)
    check(redis_host in services, f"REDIS_URI points at {redis_host}, not a compose service")
    otlp = re.match(r"https?://([^:/]+):(\d+)", env.get("OTEL_EXPORTER_OTLP_ENDPOINT", ""))
    check(otlp and otlp.group(1) in services and otlp.group(2) in map(
        str, services[otlp.group(1)].get("expose", [])),
        "OTEL_EXPORTER_OTLP_ENDPOINT names no service port that compose exposes")
    lb_address = services["lb"]["networks"]["fibonacci"]["ipv4_address"]
    check(lb_address in env.get("RATE_LIMIT_TRUSTED_PROXIES", "").split(","),
          "the API does not trust X-Forwarded-For from the load balancer's address")
    probe = " ".join(api.get("healthcheck", {}).get("test", []))
    check(f":{image['port']}/health/" in probe, "compose api healthcheck misses the service port")
    check_compose_worker(services, api, env_names)
    redis_command = services["redis"]["command"]
    check("--maxmemory" in redis_command and "--maxmemory-policy" in redis_command,
          "compose Redis has no maxmemory bound and eviction policy")

    mounts = {v.split(":")[1]: v.split(":")[0] for s in services.values()
              for v in s.get("volumes", []) if v.startswith(".")}
    prometheus = load_yaml(DOCKER / "prometheus/prometheus.yml")[0]
    for rules in prometheus.get("rule_files", []):
        check(f"/etc/prometheus/{rules}" in mounts, f"Prometheus rules {rules} are not mounted")
    job = prometheus["scrape_configs"][0]
    check(job["metrics_path"] == "/prometheus", "Prometheus scrapes another metrics path")
    for sd in job.get("dns_sd_configs", []):
        check(sd["port"] == image["port"], "Prometheus scrapes another port than the service's")
        check(all(n in services for n in sd["names"]), "Prometheus resolves unknown services")
        check({"api", "worker"} <= set(sd["names"]),
              "Prometheus does not scrape the api and the workers")

    provider = load_yaml(DOCKER / "grafana/provisioning/dashboards/fibonacci.yml")[0]
    path = provider["providers"][0]["options"]["path"]
    check(path in mounts, f"Grafana reads dashboards from {path}, which is not mounted")
    home = compose_env(services["grafana"]).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH", "")
    if home:
        folder, file = home.rsplit("/", 1)
        check(folder in mounts and (DOCKER / mounts[folder] / file).exists(),
              f"Grafana's home dashboard {home} is not mounted")

    nginx = (DOCKER / "nginx/nginx.conf").read_text()
    check(re.search(rf"server\s+api:{image['port']}\b", nginx),
          "nginx does not balance over api on the service port")
    check(re.search(r"location\s+[=^~]*\s*/prometheus\s*\{[^}]*return\s+404", nginx),
          "nginx publishes /prometheus")
    return job["job_name"]


def datasource_uid():
    sources = load_yaml(DOCKER / "grafana/provisioning/datasources/prometheus.yml")[0]
    return sources["datasources"][0]["uid"]


def dashboard_queries(uid):
    dashboard = json.loads((DOCKER / "grafana/dashboards/fibonacci-api.json").read_text())
    queries = []
    for variable in dashboard.get("templating", {}).get("list", []):
        query = variable.get("query")
        queries.append(query.get("query") if isinstance(query, dict) else query)
    panels = []
    for panel in dashboard["panels"]:
        panels += [panel] + panel.get("panels", [])  # a collapsed row holds its panels
    for panel in panels:
        check(panel.get("datasource", {}).get("uid") == uid,
              f"dashboard panel {panel.get('title')!r} uses another data source")
        for target in panel.get("targets", []):
            check(target.get("datasource", {}).get("uid") == uid,
                  f"a query of panel {panel.get('title')!r} uses another data source")
            queries.append(target.get("expr", ""))
    return [q for q in queries if q]


def rule_queries():
    rules = load_yaml(DOCKER / "prometheus/alerts.yml")[0]
    return [rule["expr"] for group in rules["groups"] for rule in group["rules"]]


PROMQL_WORDS = {
    "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile",
    "count_values", "group", "by", "without", "on", "ignoring", "group_left", "group_right",
    "and", "or", "unless", "bool", "offset", "inf", "nan", "le",
}


def metric_names(query):
    """The metric names a PromQL (or Grafana label_values) query reads."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', query)  # string literals
    text = re.sub(r"\{[^}]*\}", " ", text)  # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)  # ranges
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    text = re.sub(r"\$\w+", " ", text)  # Grafana variables
    text = re.sub(r"label_values\(\s*([a-zA-Z_:][\w:]*)\s*,[^)]*\)", r"\1", text)
    names = set()
    for match in re.finditer(r"(?<![\w.])([a-zA-Z_:][\w:]*)(\s*\()?", text):
        word, call = match.group(1), match.group(2)
        if not call and word.lower() not in PROMQL_WORDS and not re.fullmatch(r"\d+\w*", word):
            names.add(word)
    return names


# Labels Prometheus adds to every scraped series (in Kubernetes also the pod's labels, such as the
# canary's rollouts-pod-template-hash); the rest must come from the service.
TARGET_LABELS = {"job", "instance", "__name__", "rollouts_pod_template_hash"}


def check_queries(job, queries, exposed):
    for query in queries:
        for selector in re.findall(r'job="([^"]+)"', query):
            check(selector == job, f"query selects job {selector}, Prometheus scrapes {job}")
    used = set().union(*(metric_names(q) for q in queries)) - {"up"}
    check(used, "no metric names found in the dashboard and rules")
    if exposed is not None:
        for name in sorted(used - exposed.keys()):
            check(False, f"{name} is queried but the running jar does not expose it")
        for query in queries:
            for name, matchers in re.findall(r"([a-zA-Z_:][\w:]*)\{([^{}]*)\}", query):
                for label in re.findall(r"(\w+)\s*(?:=~|!~|!=|=)", matchers):
                    check(label in TARGET_LABELS or label in exposed.get(name, set()),
                          f"{name} has no label {label!r} in the running jar's scrape")
    check_syntax(queries)
    return used


def check_syntax(queries):
    """Every query parses as PromQL: promtool checks them as recording rules."""
    if not shutil.which("promtool"):
        check(False, "promtool is needed to check the queries' syntax")
        return
    resolved = [q.replace("$__rate_interval", "1m").replace("$instance", ".*")
                for q in queries if not q.startswith("label_values(")]
    rules = {"groups": [{"name": "dashboard-and-alert-queries", "rules": [
        {"record": f"query:{i}", "expr": q} for i, q in enumerate(resolved)]}]}
    with tempfile.NamedTemporaryFile("w", suffix=".yml") as file:
        yaml.safe_dump(rules, file)
        file.flush()
        result = subprocess.run(["promtool", "check", "rules", file.name],
                                capture_output=True, text=True)
    check(result.returncode == 0, f"a query is not valid PromQL: {result.stdout}{result.stderr}")


def kind_index(paths):
    index = {}
    for path in paths:
        for document in load_yaml(path):
            index.setdefault(document["kind"], []).append(document)
    return index


def container_env(deployment):
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    return {v["name"]: v.get("value") for v in container.get("env", [])}


def check_env_names(objects, api, env_names, where):
    """Every variable the API and the workers set is one the service (or KEDA) reads."""
    for name in container_env(api):
        check(name in env_names, f"{where}the API sets unknown {name}")
    for worker in objects.get("Deployment", []):
        if worker["metadata"]["name"] == "fibonacci-worker":
            for name in container_env(worker):
                check(name in env_names | KEDA_ENV,
                      f"{where}the worker Deployment sets unknown {name}")


def check_workers(objects, api):
    check(container_env(api).get("FIBONACCI_ROLE") == "api",
          "the API Deployment runs jobs too: set FIBONACCI_ROLE=api")
    deployments = {d["metadata"]["name"]: d for d in objects["Deployment"]}
    worker = deployments.get("fibonacci-worker")
    if not check(worker, "the Kubernetes manifests have no fibonacci-worker Deployment"):
        return
    pod = worker["spec"]["template"]
    env = container_env(worker)
    check(env.get("FIBONACCI_ROLE") == "worker",
          "the worker Deployment is not FIBONACCI_ROLE=worker")
    redis = REDIS_MODES & env.keys()
    check(len(redis) == 1,
          f"the workers need one of {sorted(REDIS_MODES)}, have {sorted(redis)}: they would see "
          "no job, or refuse to start")
    check(REDIS_MODES & container_env(api).keys() == redis,
          "the API pods and the workers are not on the same kind of Redis: jobs submitted to one "
          "would never reach the other")
    cluster = "REDIS_CLUSTER_URIS" in redis
    check(worker["spec"]["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items(),
          "the worker Deployment's selector does not match its pods")
    api_labels = api["spec"]["template"]["metadata"]["labels"]
    for service in objects["Service"]:
        selector = service["spec"].get("selector")
        if selector:
            check(not selector.items() <= pod["metadata"]["labels"].items(),
                  f"Service {service['metadata']['name']} sends API traffic to the workers")
            check(selector.items() <= api_labels.items(), "a Service selects no API pod")
    grace = seconds(env.get("FIBONACCI_JOBS_SHUTDOWN_GRACE",
                            application_setting("fibonacci.jobs.shutdown-grace")))
    check(pod["spec"].get("terminationGracePeriodSeconds", 30) > grace,
          "a worker is killed before its shutdown grace for the job at hand is over")
    scaled = objects.get("ScaledObject", [])
    if not check(scaled, "the workers have no KEDA ScaledObject"):
        return
    spec = scaled[0]["spec"]
    check(spec["scaleTargetRef"]["name"] == "fibonacci-worker",
          "the ScaledObject scales another Deployment than the workers")
    stream, group = job_stream()
    triggers = spec.get("triggers", [])
    for trigger in triggers:
        metadata = trigger["metadata"]
        kind, address = (("redis-cluster-streams", "addressesFromEnv") if cluster
                         else ("redis-streams", "addressFromEnv"))
        where = "a cluster" if cluster else "one node"
        check(trigger["type"] == kind, f"a {trigger['type']} trigger scales workers on {where}")
        check(metadata.get("stream") == stream,
              f"KEDA watches {metadata.get('stream')}, not {stream}")
        check(metadata.get("consumerGroup") == group,
              f"KEDA watches group {metadata.get('consumerGroup')}, not {group}")
        check(metadata.get(address) in env,
              "KEDA's Redis address comes from a variable the workers do not have")
    modes = {key for t in triggers for key in t["metadata"] if key in ("lagCount",
                                                                       "pendingEntriesCount")}
    check(modes == {"lagCount", "pendingEntriesCount"},
          "KEDA must scale up on the lag and keep workers for the pending (running) entries")


def check_kubernetes(image, env_names):
    kustomization = load_yaml(K8S / "kustomization.yaml")[0]
    resources = [K8S / r for r in kustomization["resources"]]
    for path in resources:
        check(path.exists(), f"kustomization lists missing {path.name}")
    objects = kind_index(p for p in resources if p.exists())
    for kind in ("Rollout", "Deployment", "Service", "HorizontalPodAutoscaler",
                 "PodDisruptionBudget", "ConfigMap", "AnalysisTemplate", "NetworkPolicy"):
        check(kind in objects, f"the Kubernetes manifests have no {kind}")
    # The API is an Argo Rollouts Rollout: a Deployment's pod template, a canary strategy.
    deployment = next(d for d in objects["Rollout"] if d["metadata"]["name"] == "fibonacci-api")
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    check(deployment["spec"]["selector"]["matchLabels"].items() <= labels.items(),
          "the Deployment's selector does not match its pods")
    container = pod["spec"]["containers"][0]
    ports = {p.get("name"): p["containerPort"] for p in container["ports"]}
    check(image["port"] in ports.values(), "the container port is not the service's")
    image_names = {i["name"] for i in kustomization.get("images", [])}
    check(container["image"].split(":")[0] in image_names, "kustomize does not set the image")
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        get = container.get(probe, {}).get("httpGet")
        if check(get, f"the container has no HTTP {probe}"):
            check(get["path"] in MANAGEMENT_PATHS, f"{probe} probes {get['path']}")
            check(get["port"] in ports or get["port"] in ports.values(),
                  f"{probe} probes an undeclared port {get['port']}")
    check(container["readinessProbe"]["httpGet"]["path"] == "/health/readiness",
          "readiness is not probed on /health/readiness")
    check(container["livenessProbe"]["httpGet"]["path"] == "/health/liveness",
          "liveness is not probed on /health/liveness")
    security = container.get("securityContext", {})
    pod_security = pod["spec"].get("securityContext", {})
    check(security.get("readOnlyRootFilesystem") is True, "the root filesystem is writable")
    check(pod_security.get("runAsNonRoot") is True or security.get("runAsNonRoot") is True,
          "the pod may run as root")
    check(str(pod_security.get("runAsUser", security.get("runAsUser"))) == image["user"],
          "the pod runs as another user than the image's")
    check("resources" in container and "requests" in container["resources"],
          "the container has no resource requests")
    config_maps = {c["metadata"]["name"]: c for c in objects["ConfigMap"]}
    for source in container.get("envFrom", []):
        name = source.get("configMapRef", {}).get("name")
        if name:
            check(name in config_maps, f"envFrom names a missing ConfigMap {name}")
            data = config_maps.get(name, {}).get("data", {})
            check(data.get("JAVA_OPTS", "").split() == image["jvm_flags"],
                  f"ConfigMap {name}'s JVM flags differ from the image's")
            for key in data:
                check(key in env_names, f"ConfigMap {name} sets {key}, which the service ignores")
    check_env_names(objects, deployment, env_names, "")
    check_workers(objects, deployment)
    for service in objects["Service"]:
        if service["spec"].get("type") == "ExternalName":
            continue
        check(service["spec"]["selector"].items() <= labels.items(), "the Service selects no pod")
        for port in service["spec"]["ports"]:
            target = port["targetPort"]
            check(target in ports or target in ports.values(), f"Service targets port {target}")
    hpa = objects["HorizontalPodAutoscaler"][0]["spec"]
    check(hpa["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
          and hpa["scaleTargetRef"]["kind"] == "Rollout",
          "the HPA scales another workload than the API's Rollout")
    kinds = {m["type"] for m in hpa["metrics"]}
    check({"Resource", "Pods"} <= kinds, "the HPA does not scale on CPU and on requests")
    pdb = objects["PodDisruptionBudget"][0]["spec"]
    check(pdb["selector"]["matchLabels"].items() <= labels.items(), "the PDB selects no pod")
    check(any(s["spec"].get("type") == "ExternalName" and s["metadata"]["name"] == "redis"
              for s in objects["Service"]), "Redis is not referenced as an external service")
    check_canary(deployment, objects)
    check_network_policies(objects, deployment, config_maps)
    return objects


def check_canary(rollout, objects):
    canary = rollout["spec"].get("strategy", {}).get("canary")
    if not check(canary, "the API's Rollout has no canary strategy"):
        return
    weights = [step["setWeight"] for step in canary.get("steps", []) if "setWeight" in step]
    check(weights and weights == sorted(weights) and weights[-1] == 100 and len(weights) >= 3,
          f"the canary's weights {weights} do not rise in steps to 100")
    check(any("pause" in step for step in canary.get("steps", [])), "the canary never pauses")
    templates = {t["metadata"]["name"]: t for t in objects.get("AnalysisTemplate", [])}
    for ref in canary.get("analysis", {}).get("templates", []):
        check(ref["templateName"] in templates,
              f"the canary's analysis names a missing AnalysisTemplate {ref['templateName']}")
    check(canary.get("analysis", {}).get("templates"), "the canary is judged by no analysis")
    for template in templates.values():
        args = {a["name"] for a in template["spec"].get("args", [])}
        given = {a["name"] for a in canary.get("analysis", {}).get("args", [])}
        required = {a["name"] for a in template["spec"].get("args", []) if "value" not in a}
        check(required <= given, f"the canary does not pass {sorted(required - given)}")
        for metric in template["spec"]["metrics"]:
            check("prometheus" in metric.get("provider", {}),
                  f"analysis metric {metric['name']} is not read from Prometheus")
            check(metric.get("failureLimit") is not None and "successCondition" in metric,
                  f"analysis metric {metric['name']} can never fail the rollout")
            query = metric["provider"]["prometheus"]["query"]
            for used in re.findall(r"\{\{args\.([\w-]+)\}\}", query):
                check(used in args, f"analysis query uses an undeclared argument {used}")


def analysis_queries():
    queries = []
    for path in sorted(K8S.glob("*.yaml")):
        for document in load_yaml(path):
            if document.get("kind") == "AnalysisTemplate":
                for metric in document["spec"]["metrics"]:
                    query = metric["provider"]["prometheus"]["query"]
                    queries.append(re.sub(r"\{\{args\.[\w-]+\}\}", "x", query))
    return queries


def selects(selector, labels):
    expressions = selector.get("matchExpressions", [])
    return (selector.get("matchLabels", {}).items() <= labels.items()
            and all(labels.get(e["key"]) in e.get("values", []) for e in expressions
                    if e["operator"] == "In"))


def check_network_policies(objects, api, config_maps):
    policies = {p["metadata"]["name"]: p["spec"] for p in objects["NetworkPolicy"]}
    workers = [d for d in objects["Deployment"] if d["metadata"]["name"] == "fibonacci-worker"]
    pods = {"api": api["spec"]["template"]}
    if workers:
        pods["worker"] = workers[0]["spec"]["template"]
    otlp = next((c["data"].get("OTEL_EXPORTER_OTLP_ENDPOINT") for c in config_maps.values()
                 if "OTEL_EXPORTER_OTLP_ENDPOINT" in c.get("data", {})), "")
    otlp_match = re.match(r"https?://[^.:/]+\.([^.:/]+)[^:]*:(\d+)", otlp)
    for role, pod in pods.items():
        labels = pod["metadata"]["labels"]
        container = pod["spec"]["containers"][0]
        port_names = {p.get("name") for p in container["ports"]} | {
            p["containerPort"] for p in container["ports"]}
        mine = [n for n, spec in policies.items() if selects(spec["podSelector"], labels)]
        if not check(mine, f"no NetworkPolicy selects the {role} pods"):
            continue
        spec = policies[mine[0]]
        check(set(spec.get("policyTypes", [])) == {"Ingress", "Egress"},
              f"NetworkPolicy {mine[0]} does not limit both ingress and egress")
        for rule in spec.get("ingress", []):
            for port in rule.get("ports", []):
                check(port["port"] in port_names,
                      f"NetworkPolicy {mine[0]} admits port {port['port']}, not the pod's")
        sources = [s for rule in spec.get("ingress", []) for s in rule.get("from", [])]
        check(sources and all(s for s in sources), f"NetworkPolicy {mine[0]} admits anyone")
        namespaces = {s.get("namespaceSelector", {}).get("matchLabels", {}).get(
            "kubernetes.io/metadata.name") for s in sources}
        check("monitoring" in namespaces, f"NetworkPolicy {mine[0]} keeps Prometheus out")
        if role == "api":
            check("ingress-nginx" in namespaces,
                  f"NetworkPolicy {mine[0]} keeps the ingress controller out")
        else:
            check(namespaces == {"monitoring"}, "the workers admit more than Prometheus")
        egress_ports = {p["port"] for rule in spec.get("egress", []) for p in rule.get("ports", [])}
        check({53, 6379} <= egress_ports, f"NetworkPolicy {mine[0]} blocks DNS or Redis")
        if otlp_match:
            namespace, port = otlp_match.group(1), int(otlp_match.group(2))
            check(any(port in {p["port"] for p in rule.get("ports", [])}
                      and any(t.get("namespaceSelector", {}).get("matchLabels", {}).get(
                          "kubernetes.io/metadata.name") == namespace for t in rule.get("to", []))
                      for rule in spec.get("egress", [])),
                  f"NetworkPolicy {mine[0]} blocks the OTLP collector ({otlp})")
    redis = [spec for spec in policies.values()
             if spec["podSelector"].get("matchLabels", {}).get("app.kubernetes.io/name") == "redis"]
    if check(redis, "no NetworkPolicy guards an in-cluster Redis"):
        allowed = [s.get("podSelector") for rule in redis[0].get("ingress", [])
                   for s in rule.get("from", []) if "podSelector" in s]
        for role, pod in pods.items():
            check(any(selects(a, pod["metadata"]["labels"]) for a in allowed),
                  f"the {role} pods may not reach Redis")


def built(path):
    """The objects kubectl kustomize builds from path, or None without kubectl."""
    if not shutil.which("kubectl"):
        return None
    result = subprocess.run(["kubectl", "kustomize", str(path)], capture_output=True, text=True)
    if not check(result.returncode == 0, f"kubectl kustomize {path} fails: {result.stderr}"):
        return []
    return [d for d in yaml.safe_load_all(result.stdout) if d]


def check_overlays(env_names):
    overlays = sorted(p for p in OVERLAYS.iterdir() if (p / "kustomization.yaml").exists())
    check({"staging", "production"} <= {p.name for p in overlays},
          "there are no staging and production overlays")
    namespaces = {}
    for overlay in overlays:
        kustomization = load_yaml(overlay / "kustomization.yaml")[0]
        namespace = kustomization.get("namespace")
        check(namespace, f"overlay {overlay.name} sets no namespace")
        namespaces[overlay.name] = namespace
        objects = built(overlay)
        if objects is None:
            continue
        kinds = {}
        for document in objects:
            kinds.setdefault(document["kind"], []).append(document)
            check(document["metadata"].get("namespace") == namespace,
                  f"overlay {overlay.name} leaves {document['kind']} "
                  f"{document['metadata']['name']} outside {namespace}")
        if not check("Rollout" in kinds, f"overlay {overlay.name} has no Rollout"):
            continue
        # the same checks of the workers, their KEDA triggers, their Redis and the variables
        # as for the base
        check_workers(kinds, kinds["Rollout"][0])
        check_env_names(kinds, kinds["Rollout"][0], env_names, f"in overlay {overlay.name}, ")
        images = {c["image"] for kind in ("Rollout", "Deployment") for d in kinds.get(kind, [])
                  for c in d["spec"]["template"]["spec"]["containers"]}
        check(len(images) == 1 and "/" in next(iter(images), "") and ":" in next(iter(images), ""),
              f"overlay {overlay.name} runs {sorted(images)}, not one registry image for both")
        workers = {d["metadata"]["name"] for d in kinds.get("Deployment", [])}
        for scaled in kinds.get("ScaledObject", []):
            check(scaled["spec"]["scaleTargetRef"]["name"] in workers,
                  f"overlay {overlay.name}'s ScaledObject scales a missing Deployment")
        for hpa in kinds.get("HorizontalPodAutoscaler", []):
            spec = hpa["spec"]
            check(1 <= spec["minReplicas"] <= spec["maxReplicas"],
                  f"overlay {overlay.name}'s HPA bounds are inverted")
        for rollout in kinds.get("Rollout", []):
            steps = rollout["spec"]["strategy"]["canary"]["steps"]
            weights = [s["setWeight"] for s in steps if "setWeight" in s]
            check(weights and weights[-1] == 100,
                  f"overlay {overlay.name}'s canary never reaches 100 %")
    for path in sorted(ARGOCD.glob("*.yaml")):
        for application in load_yaml(path):
            spec = application["spec"]
            source = spec["source"]["path"]
            overlay = ROOT / source
            check(overlay.parent == OVERLAYS and overlay.name in namespaces,
                  f"Argo CD application {application['metadata']['name']} deploys {source}, "
                  "not an overlay")
            check(spec["destination"]["namespace"] == namespaces.get(overlay.name),
                  f"Argo CD application {application['metadata']['name']} deploys into "
                  f"{spec['destination']['namespace']}, its overlay into "
                  f"{namespaces.get(overlay.name)}")
    check({p.stem for p in ARGOCD.glob("*.yaml")} >= {"staging", "production"},
          "there is no Argo CD application per environment")


def check_github(make):
    workflow = load_yaml(ROOT / ".github/workflows/ci.yml")[0]
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            for target in re.findall(r"\bmake\s+([a-z][a-z-]*)", step.get("run", "")):
                check(target in make["targets"], f"the workflow runs unknown `make {target}`")
            dockerfile_path = step.get("with", {}).get("file")
            if dockerfile_path:
                check((ROOT / dockerfile_path).exists(), f"the workflow builds {dockerfile_path}")
            for script in re.findall(r"\b(scripts/[\w.-]+)", step.get("run", "")):
                check((ROOT / script).exists(), f"the workflow runs missing {script}")
    image = workflow["jobs"].get("image", {})
    runs = [step.get("run", "") for step in image.get("steps", [])]
    names = [step.get("name", "") for step in image.get("steps", [])]
    smoke = next((i for i, run in enumerate(runs) if "scripts/smoke" in run), None)
    push = names.index("Push") if "Push" in names else None
    check(smoke is not None and push is not None and smoke < push,
          "the image is not smoke-tested before it is pushed")
    signing = "\n".join(runs[push:] if push is not None else [])
    check("cosign sign" in signing and "cosign attest" in signing and "spdx" in signing,
          "the pushed image is not signed with cosign and its SBOM not attested")
    check(image.get("permissions", {}).get("id-token") == "write",
          "the image job cannot sign keyless: it needs id-token: write")
    dependabot = load_yaml(ROOT / ".github/dependabot.yml")[0]
    ecosystems = {u["package-ecosystem"] for u in dependabot["updates"]}
    check({"maven", "docker", "github-actions"} <= ecosystems, "dependabot misses an ecosystem")
    for update in dependabot["updates"]:
        check((ROOT / update["directory"].lstrip("/")).exists(),
              f"dependabot watches missing {update['directory']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--metrics", type=Path, help="a scrape of the running jar's /prometheus")
    args = parser.parse_args()
    exposed = None
    if args.metrics:
        exposed = {}  # metric name -> its label names
        for line in args.metrics.read_text().splitlines():
            if line and not line.startswith("#"):
                name = re.split(r"[{\s]", line, 1)[0]
                block = re.match(r"[^{\s]+\{(.*)\}\s", line)  # values may hold braces: uri="/{n}"
                labels = (set(re.findall(r'(\w+)="(?:[^"\\]|\\.)*"', block.group(1)))
                          if block else set())
                exposed.setdefault(name, set()).update(labels)

    env_names = known_env()
    image = dockerfile()
    make = makefile()
    groups = [
        ("YAML and JSON parse", check_parsing),
        ("Dockerfile matches the Makefile", lambda: check_dockerfile_matches_makefile(image, make)),
        ("compose, nginx, Prometheus and Grafana agree", lambda: check_compose(image, env_names)),
        ("Kubernetes manifests agree with the image and the service",
         lambda: check_kubernetes(image, env_names)),
        ("overlays build, and Argo CD deploys each into its namespace",
         lambda: check_overlays(env_names)),
        ("workflow: existing targets and paths, smoke test before push, signed image",
         lambda: check_github(make)),
    ]
    job = None
    for title, group in groups:
        before = len(failures)
        result = group()
        job = result if isinstance(result, str) else job
        print(("ok     " if len(failures) == before else "FAILED ") + title)
    before = len(failures)
    used = check_queries(job, dashboard_queries(datasource_uid()) + rule_queries()
                         + analysis_queries(), exposed)
    scope = "exposed by the running jar" if exposed is not None else "(names not checked)"
    print(("ok     " if len(failures) == before else "FAILED ")
          + f"dashboard, alert rules and canary analysis: {len(used)} metrics {scope}")
    for failure in failures:
        print(f"  - {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
