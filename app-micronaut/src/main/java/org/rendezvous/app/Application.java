package org.rendezvous.app;

import io.micronaut.runtime.Micronaut;

/** Starts the Rendezvous host. With no configuration at all it runs on its zero-set-up defaults. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
