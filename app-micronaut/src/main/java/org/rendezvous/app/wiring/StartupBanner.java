package org.rendezvous.app.wiring;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issue 7: a newcomer who ran {@code ./run} is told where to go next, not only that a server listens. */
@Singleton
final class StartupBanner implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final HostSettings host;

    StartupBanner(HostSettings host) {
        this.host = host;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.info(text(host.baseUrl()));
    }

    static String text(String base) {
        return "Rendezvous is ready: open " + base + "/register to sign up as a practitioner (or " + base
                + "/login), then " + base + "/dashboard; the API is described at " + base + "/swagger-ui/index.html";
    }
}
