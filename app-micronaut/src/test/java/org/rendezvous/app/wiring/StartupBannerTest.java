package org.rendezvous.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

    @Test
    @DisplayName("issue 7: at start the host prints the URLs to open, on the public base URL (the port when none is set)")
    void bannerNamesThePagesToOpen() {
        String banner = StartupBanner.text(new HostSettings(org.rendezvous.core.policy.CommercialModel.PLATFORM_COLLECTS,
                "Europe/Paris", null, 8091).baseUrl());
        assertThat(banner).contains("http://localhost:8091/register").contains("http://localhost:8091/dashboard")
                .contains("http://localhost:8091/swagger-ui/index.html");
    }
}
