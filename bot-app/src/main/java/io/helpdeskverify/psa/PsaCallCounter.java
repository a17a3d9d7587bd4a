package io.helpdeskverify.psa;

/**
 * Our calls to a PSA in the current clock hour, counted across every instance: Autotask's 10,000
 * requests per hour per database are one budget however many bot instances share it.
 */
public interface PsaCallCounter {

    /** Counts one call that is about to go out; returns the hour's count including it. */
    long spend(PsaProvider provider);

    long thisHour(PsaProvider provider);
}
