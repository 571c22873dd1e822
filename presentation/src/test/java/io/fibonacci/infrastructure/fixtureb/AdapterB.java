package io.fibonacci.infrastructure.fixtureb;

/** The adapter {@code AdapterA} wrongly uses. */
public record AdapterB(String name) {}
