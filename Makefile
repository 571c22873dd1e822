# Every target the README and .ci/run use. A JDK 21+ is found automatically (scripts/find-jdk).
SHELL := /usr/bin/env bash
JAVA_HOME := $(shell scripts/find-jdk)
export JAVA_HOME
MVN := ./mvnw -B -ntp
JAR := presentation/target/fibonacci-api.jar
# How the runnable jar is built (formatting is checked by make test and format-check, not here);
# docker/Dockerfile runs the same (make validate checks it).
JAR_BUILD := -q -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true -pl presentation -am package
# Memory settings recommended for one instance (see README, "Performance").
# The cache's large values and their gzip forms live in direct memory (fibonacci.cache.local.max-bytes,
# 128 MiB), beside Netty's buffers: direct memory is sized for both, the heap for the rest.
# The scripts make lint checks, told apart by their first line.
SHELL_SCRIPTS := .ci/run $(shell grep -l '^\#!/usr/bin/env bash' scripts/* 2>/dev/null)
PYTHON_SCRIPTS := $(shell grep -l '^\#!/usr/bin/env python3' scripts/* 2>/dev/null)
JAVA_OPTS ?= -Xms64m -Xmx256m -XX:+UseG1GC -XX:MaxDirectMemorySize=192m -XX:ReservedCodeCacheSize=64m

.PHONY: help run jar test unit-test it arch lint redis validate up down format format-check bench bench-jmh bench-http bench-redis bench-jobs bench-identity bench-beyond bench-compare clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

run: jar ## build and run the service on its embedded defaults (http://localhost:8080)
	$(JAVA_HOME)/bin/java $(JAVA_OPTS) $$(scripts/startup-cache $(JAR)) -jar $(JAR)

jar: ## build the runnable jar, skipping tests
	$(MVN) $(JAR_BUILD)

test: ## run every test: unit, HTTP, architecture, Redis and browser integration tests
	$(MVN) verify

unit-test: ## run the unit tests only (no Redis needed)
	$(MVN) test

it: ## run the integration tests only (*IT: Redis at REDIS_URI, Chromium); see make redis
	$(MVN) verify -Dtest=NoUnitTest -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true

arch: ## run the architecture rules and the proof that each one bites
	$(MVN) -pl presentation -am test -Dtest='ArchitectureTest,RulesBiteTest' -Dsurefire.failIfNoSpecifiedTests=false

lint: ## formatting, shellcheck on every shell script, flake8 on every Python script
	$(MVN) -q spotless:check
	shellcheck $(SHELL_SCRIPTS)
	flake8 $(PYTHON_SCRIPTS)

redis: ## start a throwaway Redis on 127.0.0.1:6379 for the integration tests (if none answers)
	@redis-cli -p 6379 ping 2>/dev/null | grep -q PONG \
	  || redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
	@for _ in $$(seq 1 50); do redis-cli -p 6379 ping 2>/dev/null | grep -q PONG && break; sleep 0.2; done
	@echo "Redis on 127.0.0.1:6379: run the integration tests with REDIS_URI=redis://127.0.0.1:6379"

validate: jar ## check docker/, docker/k8s/ and .github/ with promtool, yamllint, kubectl and the running jar
	scripts/validate

up: ## start the compose stack: 2 replicas behind nginx, Redis, Prometheus, Grafana, Jaeger (needs Docker)
	docker compose -f docker/compose.yaml up -d --build

down: ## stop the compose stack and remove its containers
	docker compose -f docker/compose.yaml down

format: ## format every module's sources
	$(MVN) -q spotless:apply

format-check: ## fail when a source is not formatted
	$(MVN) -q spotless:check

bench: bench-jmh bench-http bench-redis bench-jobs bench-beyond ## run every benchmark (JMH, wrk against the jar with and without credentials, Redis reads, jobs, F(n) mod m, pages and streams)

bench-jmh: ## JMH: the calculators over n = 10 .. 10^7 and the deflate strategies
	$(MVN) -q -Pbenchmarks -DskipTests -Djacoco.skip=true -pl benchmarks -am package
	scripts/bench-jmh

bench-http: jar ## wrk: the service against an nginx baseline serving the same bytes; credentials beside anonymous
	scripts/bench-http

bench-jobs: jar ## F(10^8) through a job beside GMP, embedded and on Redis (REDIS_URI, default local; needs libgmp-dev, gcc)
	scripts/bench-jobs
	BENCH_JOBS_REDIS_URI=$${REDIS_URI:-redis://127.0.0.1:6379} scripts/bench-jobs

bench-beyond: jar ## wrk: F(n) mod m beside nginx and GMP, a 1,000-value page and a 20,000-row NDJSON stream beside nginx (needs libgmp-dev, gcc)
	scripts/bench-beyond

bench-identity: jar ## wrk: only scenario h of bench-http (API key, bearer key, JWT beside anonymous)
	scripts/bench-identity

bench-redis: ## Redis GET of F(10^6)'s digits and of their gzip form (REDIS_URI, default local)
	scripts/bench-redis-codings

bench-compare: ## the jar of another revision beside the current one under wrk (REV=2b4d5bc)
	scripts/bench-compare $(REV)

clean: ## remove build output
	$(MVN) -q clean
