package io.helpdeskverify.siem;

import java.time.Duration;
import java.util.Optional;

/** Each destination's outbox state and the lease that lets one instance at a time drain it. */
public interface DeliveryStates {

    /** Empty when the destination was deleted. */
    Optional<DeliveryState> load(String destinationId);

    /** Saves it unless the destination was deleted meanwhile. */
    void save(String destinationId, DeliveryState state);

    /** The drain lease of this destination for {@code length}, unless another instance holds it. */
    Optional<Lease> tryLease(String destinationId, Duration length);

    /** True at most once per {@code every} per destination, across instances: whether to tell the admins now. */
    boolean claimNotice(String destinationId, Duration every);

    /** One holder's hold on a destination. */
    interface Lease {
        /** False once the lease ran out or was taken: stop sending. */
        boolean extend();

        void release();
    }
}
