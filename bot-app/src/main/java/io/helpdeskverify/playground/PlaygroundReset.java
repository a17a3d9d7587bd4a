package io.helpdeskverify.playground;

/**
 * Back to the first minute: the bot's stored state goes and the demo customer is seeded again
 * ({@link DemoReset}), and the panes forget what they showed. Local profile only (docs/playground.md).
 */
class PlaygroundReset {

    private final DemoReset demo;
    private final PlaygroundHub hub;

    PlaygroundReset(DemoReset demo, PlaygroundHub hub) {
        this.demo = demo;
        this.hub = hub;
    }

    void run() {
        demo.reset();
        hub.clear();
    }
}
