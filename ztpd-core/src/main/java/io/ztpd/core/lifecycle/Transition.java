package io.ztpd.core.lifecycle;

/**
 * The result of applying one event.
 *
 * @param status the state after the event
 * @param legal false when the event is not allowed from the state it met; the state then only
 *     records it as the last event, and the timeline keeps the event with a warning
 * @param warning why it was illegal, null when legal
 */
public record Transition(DeviceStatus status, boolean legal, String warning) {}
