package io.ztpd.core.timeline;

import io.ztpd.core.event.Event;
import io.ztpd.core.lifecycle.DeviceStatus;

/** Told of every event once it is durable, in order, on the timeline's writer thread: be quick. */
@FunctionalInterface
public interface TimelineListener {
  /**
   * @param event the stored event (with its sequence number)
   * @param status the device's state after it, null for events about no device
   */
  void onEvent(Event event, DeviceStatus status);
}
