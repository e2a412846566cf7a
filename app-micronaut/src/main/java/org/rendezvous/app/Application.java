package org.rendezvous.app;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.servers.Server;

/** Starts the Rendezvous host. With no configuration at all it runs on its zero-set-up defaults. */
@OpenAPIDefinition(info = @Info(title = "Rendezvous", version = "0.1",
        description = "Booking engine for independent practitioners: public booking, practitioner dashboard, payment webhooks. "
                + "Every error is application/problem+json with a stable type per error code.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "the host that serves this document"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
