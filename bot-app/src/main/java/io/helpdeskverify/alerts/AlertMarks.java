package io.helpdeskverify.alerts;

/** Remembers which alerts were raised, shared by every instance. */
public interface AlertMarks {

    /** @return true for exactly one caller per occurrence, across instances */
    boolean claim(String customer, String occurrence);
}
