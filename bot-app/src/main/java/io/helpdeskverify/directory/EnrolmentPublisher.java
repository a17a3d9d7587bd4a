package io.helpdeskverify.directory;

/** Tells the rest of the application about a new device once it is stored. Must not throw. */
@FunctionalInterface
public interface EnrolmentPublisher {

    void enrolled(DeviceEnrolled enrolled);
}
