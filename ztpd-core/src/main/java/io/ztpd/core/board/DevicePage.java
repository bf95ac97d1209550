package io.ztpd.core.board;

import java.util.List;
import java.util.Map;

/**
 * One page of devices.
 *
 * @param total rows matching the filters (all pages)
 * @param items this page
 * @param counts per column and state, over all devices (not only the filtered ones): {@code
 *     phase.provisioned}, {@code conf_min.LOADED}, {@code serial.MISMATCH}, {@code final.PUSHED}
 *     ...
 */
public record DevicePage(long total, List<DeviceRow> items, Map<String, Long> counts) {}
