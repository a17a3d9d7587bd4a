package io.helpdeskverify.verification.store;

import java.time.Duration;

/** @param keepFinal how long a final verification stays readable by id (its events stay longer) */
record StoreSettings(Duration keepFinal) {}
