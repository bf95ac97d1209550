package io.ztpd.sim.fleet;

import io.ztpd.sim.device.DeviceFaults;
import io.ztpd.sim.device.DeviceSpec;

/** One device of a fleet and the faults injected into it. */
public record FleetDevice(DeviceSpec spec, DeviceFaults faults) {}
