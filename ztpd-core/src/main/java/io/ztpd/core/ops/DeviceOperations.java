package io.ztpd.core.ops;

import io.ztpd.core.account.LocalAccounts;
import io.ztpd.core.push.Pushes;
import io.ztpd.core.verify.SerialChecks;

/**
 * What operators do to devices beyond the inventory: check serials, push final configurations, look
 * up generated accounts. Built by the app's wiring and handed to the API.
 */
public record DeviceOperations(SerialChecks serialChecks, Pushes pushes, LocalAccounts accounts) {}
