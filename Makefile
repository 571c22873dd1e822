# Every target the README and .ci/run use. A JDK 21+ is found automatically (scripts/find-jdk).
SHELL := /usr/bin/env bash
JAVA_HOME := $(shell scripts/find-jdk)
export JAVA_HOME
MVN := ./mvnw -B -ntp
JAR := presentation/target/fibonacci-api.jar
# Memory settings recommended for one instance (see README, "Performance").
JAVA_OPTS ?= -Xms64m -Xmx384m -XX:+UseG1GC -XX:MaxDirectMemorySize=64m -XX:ReservedCodeCacheSize=64m

.PHONY: help run jar test unit-test format format-check bench bench-jmh bench-http clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

run: jar ## build and run the service on its embedded defaults (http://localhost:8080)
	$(JAVA_HOME)/bin/java $(JAVA_OPTS) $$(scripts/startup-cache $(JAR)) -jar $(JAR)

jar: ## build the runnable jar, skipping tests
	$(MVN) -q -DskipTests -Djacoco.skip=true package

test: ## run every test: unit, HTTP, architecture and Redis integration tests
	$(MVN) verify

unit-test: ## run the unit tests only (no Redis needed)
	$(MVN) test

format: ## format every module's sources
	$(MVN) -q spotless:apply

format-check: ## fail when a source is not formatted
	$(MVN) -q spotless:check

bench: bench-jmh bench-http ## run every benchmark (JMH calculators, wrk against the jar)

bench-jmh: jar ## JMH: the calculators over n = 10 .. 10^7
	scripts/bench-jmh

bench-http: jar ## wrk: the service against an nginx baseline serving the same bytes
	scripts/bench-http

clean: ## remove build output
	$(MVN) -q clean
