package io.ztpd.core.board;

import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.model.Device;

/** A device with its current state: one row of the board, the API and the CLI. */
public record DeviceRow(Device device, DeviceStatus status) {}
