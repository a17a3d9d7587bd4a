package io.helpdeskverify.directory;

/** A phone was just enrolled for {@code user}: the user hears about it on another channel. */
public record DeviceEnrolled(Device device, EndUser user) {}
