package io.fibonacci.infrastructure.fixturea;

import io.fibonacci.infrastructure.fixtureb.AdapterB;

/** Breaks adapter independence: one adapter using another. */
public record AdapterA(AdapterB other) {}
