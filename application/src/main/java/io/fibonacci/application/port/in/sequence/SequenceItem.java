package io.fibonacci.application.port.in.sequence;

/**
 * One value of a run: its position and its ASCII decimal digits.
 *
 * @param digits the digits, handed over: the receiver may keep the array
 */
public record SequenceItem(int n, byte[] digits) {}
