package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.ChangeProfileCommand;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.ProfilePhoto;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.practitioner.Slug;

/** The profile, the public page by slug and the photo over HTTP (PAGE-1 … PAGE-3, ACC-1, ACC-4). */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class ProfileApiTest {

    static final String PROFILE = "/api/practitioner/profile";
    static final String PAGES = "/api/public/pages/";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Rendezvous engine;

    BlockingHttpClient http;
    String suffix;
    String alice;

    /** Bytes that start like a JPEG file; what follows does not matter to ACC-4's check. */
    static byte[] jpeg(int size) {
        return image(size, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0);
    }

    static byte[] png(int size) {
        return image(size, (byte) 0x89, (byte) 0x50, (byte) 0x4E, (byte) 0x47, (byte) 0x0D, (byte) 0x0A, (byte) 0x1A, (byte) 0x0A);
    }

    private static byte[] image(int size, byte... magic) {
        byte[] bytes = new byte[size];
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        for (int i = magic.length; i < size; i++) {
            bytes[i] = (byte) (i * 13);
        }
        return bytes;
    }

    @BeforeEach
    void alice() {
        http = client.toBlocking();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = AccountsTestSupport.session(http, stores, "alice-" + suffix + "@example.org", "alice's long password");
    }

    Map<?, ?> put(String token, Object body) {
        return http.retrieve(HttpRequest.PUT(PROFILE, body).bearerAuth(token), Map.class);
    }

    Map<?, ?> profile(String token) {
        return http.retrieve(HttpRequest.GET(PROFILE).bearerAuth(token), Map.class);
    }

    MutableHttpRequest<byte[]> upload(String token, byte[] bytes, MediaType declared) {
        return HttpRequest.PUT(PROFILE + "/photo", bytes).contentType(declared).bearerAuth(token);
    }

    @Test
    @DisplayName("PAGE-1, PAGE-2, PAGE-3 a practitioner sets slug, presentation and addresses; the profile gives the page's URL and an embed snippet; the public page shows them with the activities")
    void profileAndPublicPage() {
        Map<?, ?> before = profile(alice);
        assertThat(before.get("slug")).isNull();
        assertThat(before.get("pageEnabled")).isEqualTo(true);
        assertThat(before.get("publicPageUrl")).isNull();
        String slug = "alice-" + suffix;

        Map<?, ?> changed = put(alice, Map.of("name", "Alice Martin", "phone", "06 12 34 56 78", "language", "en",
                "slug", slug.toUpperCase(), "presentation", "Shiatsu practitioner.\nParis 11e.",
                "addresses", List.of(Map.of("label", "Office", "address", "3 rue Oberkampf, 75011 Paris"),
                        Map.of("address", "Video calls too"))));

        assertThat(changed.get("slug")).isEqualTo(slug);
        assertThat(changed.get("name")).isEqualTo("Alice Martin");
        assertThat(changed.get("phone")).isEqualTo("+33612345678");
        assertThat(changed.get("language")).isEqualTo("en");
        assertThat(changed.get("emailVerified")).isEqualTo(true);
        assertThat((String) changed.get("publicPageUrl")).endsWith("/p/" + slug);
        assertThat((String) changed.get("embedSnippet")).startsWith("<iframe src=\"").contains("/p/" + slug + "?embed=1")
                .contains("title=\"Book with Alice Martin\"");
        assertThat(profile(alice)).isEqualTo(changed);
        Map<?, ?> partial = put(alice, Map.of("presentation", "Only this changes."));
        assertThat(partial.get("slug")).isEqualTo(slug);
        assertThat((List<?>) partial.get("addresses")).hasSize(2);

        PractitionerId id = PractitionerId.of((String) changed.get("id"));
        engine.agenda().addActivity(new AddActivityCommand(id, "Shiatsu", Duration.ofMinutes(60), Money.of("60.00", "EUR"),
                Set.of(ConsultationMode.IN_PERSON, ConsultationMode.VIDEO))).orElseThrow();
        Map<?, ?> page = http.retrieve(HttpRequest.GET(PAGES + slug), Map.class);
        assertThat(page.get("practitionerId")).isEqualTo(id.toString());
        assertThat(page.get("name")).isEqualTo("Alice Martin");
        assertThat(page.get("presentation")).isEqualTo("Only this changes.");
        assertThat(page.get("zone")).isEqualTo("Europe/Paris");
        assertThat(page.get("photoUrl")).isNull();
        assertThat(page.toString()).doesNotContain("alice-" + suffix + "@example.org");
        assertThat(((List<?>) page.get("addresses")).stream().map(a -> String.valueOf(((Map<?, ?>) a).get("label"))))
                .containsExactly("Office", "null");
        Map<?, ?> activity = (Map<?, ?>) ((List<?>) page.get("activities")).get(0);
        assertThat(activity.get("name")).isEqualTo("Shiatsu");
        assertThat(activity.get("price")).isEqualTo(Map.of("amount", "60.00", "currency", "EUR"));
        assertThat(activity.get("modes").toString()).contains("IN_PERSON").contains("VIDEO");
    }

    @Test
    @DisplayName("PAGE-2 the public page shows the contact phone only when the practitioner chooses to; the profile says which")
    void phoneOnPublicPage() {
        String slug = "alice-" + suffix;
        Map<?, ?> hidden = put(alice, Map.of("slug", slug, "phone", "06 12 34 56 78"));
        assertThat(hidden.get("phoneOnPage")).isEqualTo(false);
        assertThat(http.retrieve(HttpRequest.GET(PAGES + slug), Map.class).get("phone")).isNull();

        Map<?, ?> shown = put(alice, Map.of("phoneOnPage", true));
        assertThat(shown.get("phoneOnPage")).isEqualTo(true);
        assertThat(shown.get("slug")).isEqualTo(slug);
        assertThat(http.retrieve(HttpRequest.GET(PAGES + slug), Map.class).get("phone")).isEqualTo("+33612345678");

        put(alice, Map.of("phone", ""));
        assertThat(http.retrieve(HttpRequest.GET(PAGES + slug), Map.class).get("phone")).isNull();
        problemBody(failure(http, HttpRequest.PUT(PROFILE, Map.of("phoneOnPage", "yes")).bearerAuth(alice)), 400);
    }

    @Test
    @DisplayName("PAGE-1 a disabled page answers 404 by slug and on the practitioner's public routes; enabled again, it answers")
    void disabledPage() {
        String slug = "alice-" + suffix;
        Map<?, ?> me = put(alice, Map.of("slug", slug, "pageEnabled", false));
        String publicRoute = "/api/public/practitioners/" + me.get("id") + "/activities";

        problemBody(failure(http, HttpRequest.GET(PAGES + slug)), 404);
        problemBody(failure(http, HttpRequest.GET(publicRoute)), 404);

        put(alice, Map.of("pageEnabled", true));
        assertThat(http.retrieve(HttpRequest.GET(PAGES + slug), Map.class).get("slug")).isEqualTo(slug);
        assertThat(http.exchange(HttpRequest.GET(publicRoute)).getStatus().getCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("PAGE-1 unknown or malformed slugs answer 404 problems")
    void unknownSlug() {
        for (String slug : List.of("nobody-" + suffix, "Not%20A%20Slug", "ab", "api")) {
            problemBody(failure(http, HttpRequest.GET(PAGES + slug)), 404);
            problemBody(failure(http, HttpRequest.GET(PAGES + slug + "/photo")), 404);
        }
    }

    @Test
    @DisplayName("PAGE-1 a slug another practitioner has is a 409 naming slug; a malformed or reserved slug a 400 naming slug; nothing changes")
    void slugRules() {
        String bob = AccountsTestSupport.session(http, stores, "bob-" + suffix + "@example.org", "bob's long password");
        String slug = "shared-" + suffix;
        put(bob, Map.of("slug", slug));
        Map<?, ?> before = put(alice, Map.of("slug", "alice-" + suffix, "name", "Alice Before"));

        String taken = problemBody(failure(http, HttpRequest.PUT(PROFILE, Map.of("slug", slug, "name", "Alice After"))
                .bearerAuth(alice)), 409);
        assertThat(taken).contains("problems/slug-taken").contains("\"field\":\"slug\"");
        for (String bad : List.of("-alice", "alice--x", "al", "a".repeat(61), "alice_martin", "admin", "dashboard")) {
            String body = problemBody(failure(http, HttpRequest.PUT(PROFILE, Map.of("slug", bad, "name", "Alice After"))
                    .bearerAuth(alice)), 400);
            assertThat(body).as(bad).contains("\"field\":\"slug\"");
        }
        String tooLong = problemBody(failure(http, HttpRequest.PUT(PROFILE, Map.of("presentation", "x".repeat(4001)))
                .bearerAuth(alice)), 400);
        assertThat(tooLong).contains("\"field\":\"presentation\"");
        String badAddress = problemBody(failure(http, HttpRequest.PUT(PROFILE, Map.of("addresses",
                List.of(Map.of("address", "fine"), Map.of("address", " ")))).bearerAuth(alice)), 400);
        assertThat(badAddress).contains("\"field\":\"addresses[1].address\"");
        String badPhone = problemBody(failure(http, HttpRequest.PUT(PROFILE, Map.of("phone", "not a phone")).bearerAuth(alice)), 400);
        assertThat(badPhone).contains("\"field\":\"phone\"");
        problemBody(failure(http, HttpRequest.PUT(PROFILE, "{not json").contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(alice)), 400);
        problemBody(failure(http, HttpRequest.PUT(PROFILE, Map.of("pageEnabled", Map.of("a", 1))).bearerAuth(alice)), 400);

        assertThat(profile(alice)).isEqualTo(before);
        assertThat(http.retrieve(HttpRequest.GET(PAGES + slug), Map.class).get("name")).isEqualTo("Practitioner bob-" + suffix + "@example.org");
    }

    @Test
    @DisplayName("ACC-4 a JPEG is accepted whatever type was declared, shown on the profile and the public page with its type and a cache header; a PNG replaces it; delete removes it")
    void photo() {
        String slug = "alice-" + suffix;
        put(alice, Map.of("slug", slug));
        byte[] jpeg = jpeg(50_000);

        Map<?, ?> withPhoto = http.retrieve(upload(alice, jpeg, MediaType.APPLICATION_OCTET_STREAM_TYPE), Map.class);

        assertThat((String) withPhoto.get("photoUrl")).endsWith("/api/practitioner/profile/photo");
        HttpResponse<byte[]> own = http.exchange(HttpRequest.GET(PROFILE + "/photo").bearerAuth(alice), byte[].class);
        assertThat(own.getContentType()).map(MediaType::toString).contains("image/jpeg");
        assertThat(own.body()).isEqualTo(jpeg);
        Map<?, ?> page = http.retrieve(HttpRequest.GET(PAGES + slug), Map.class);
        assertThat((String) page.get("photoUrl")).endsWith(PAGES + slug + "/photo");
        HttpResponse<byte[]> shown = http.exchange(HttpRequest.GET(PAGES + slug + "/photo"), byte[].class);
        assertThat(shown.getContentType()).map(MediaType::toString).contains("image/jpeg");
        assertThat(shown.header("Cache-Control")).contains("max-age");
        assertThat(shown.header("ETag")).isNotBlank();
        assertThat(shown.body()).isEqualTo(jpeg);
        // A cache that holds this photo revalidates it without the bytes coming again.
        HttpResponse<byte[]> revalidated = http.exchange(HttpRequest.GET(PAGES + slug + "/photo")
                .header("If-None-Match", shown.header("ETag")), byte[].class);
        assertThat(revalidated.getStatus().getCode()).isEqualTo(304);
        assertThat(revalidated.header("ETag")).isEqualTo(shown.header("ETag"));

        byte[] pngCalledJpeg = png(ProfilePhoto.MAX_BYTES); // a PNG sent as image/jpeg (a renamed file): the bytes decide
        http.exchange(upload(alice, pngCalledJpeg, MediaType.IMAGE_JPEG_TYPE));
        HttpResponse<byte[]> replaced = http.exchange(HttpRequest.GET(PAGES + slug + "/photo"), byte[].class);
        assertThat(replaced.getContentType()).map(MediaType::toString).contains("image/png");
        assertThat(replaced.body()).isEqualTo(pngCalledJpeg);

        Map<?, ?> removed = http.retrieve(HttpRequest.DELETE(PROFILE + "/photo").bearerAuth(alice), Map.class);
        assertThat(removed.get("photoUrl")).isNull();
        problemBody(failure(http, HttpRequest.GET(PAGES + slug + "/photo")), 404);
        problemBody(failure(http, HttpRequest.GET(PROFILE + "/photo").bearerAuth(alice)), 404);
    }

    @Test
    @DisplayName("ACC-4 a GIF, a text file, an empty body and 2 MB + 1 byte are refused as problems naming photo, and the photo in place stays")
    void photoRefused() {
        byte[] kept = jpeg(1_000);
        http.exchange(upload(alice, kept, MediaType.IMAGE_JPEG_TYPE));
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] text = "just text, called photo.jpg".getBytes(StandardCharsets.UTF_8);
        List<MutableHttpRequest<byte[]>> refused = new ArrayList<>(List.of(upload(alice, gif, MediaType.IMAGE_GIF_TYPE),
                upload(alice, gif, MediaType.IMAGE_JPEG_TYPE), upload(alice, text, MediaType.IMAGE_PNG_TYPE),
                upload(alice, text, MediaType.TEXT_PLAIN_TYPE), upload(alice, new byte[0], MediaType.IMAGE_JPEG_TYPE),
                upload(alice, text, MediaType.APPLICATION_JSON_TYPE)));
        for (MutableHttpRequest<byte[]> request : refused) {
            String body = problemBody(failure(http, request), 400);
            assertThat(body).contains("\"field\":\"photo\"");
        }
        HttpClientResponseException e = failure(http, upload(alice, jpeg(ProfilePhoto.MAX_BYTES + 1), MediaType.IMAGE_JPEG_TYPE));
        assertThat(e.getStatus().getCode()).isIn(413, 422);
        assertThat(problemBody(e, e.getStatus().getCode())).contains("\"field\":\"photo\"");

        assertThat(http.exchange(HttpRequest.GET(PROFILE + "/photo").bearerAuth(alice), byte[].class).body()).isEqualTo(kept);
    }

    @Test
    @DisplayName("ACC-1 the page of a practitioner whose e-mail is not verified answers 404 by slug; verified, it answers")
    void unverifiedPageHidden() {
        String email = "carol-" + suffix + "@example.org";
        http.exchange(HttpRequest.POST("/api/auth/register", Map.of("name", "Carol", "email", email,
                "password", "carol's long password", "zone", "Europe/Paris")));
        String token = AccountsTestSupport.tokenFrom(stores, MessageKind.EMAIL_VERIFICATION);
        String carol = (String) http.retrieve(HttpRequest.POST("/api/auth/login", Map.of("email", email,
                "password", "carol's long password")), Map.class).get("accessToken");
        String slug = "carol-" + suffix;
        assertThat(put(carol, Map.of("slug", slug)).get("emailVerified")).isEqualTo(false);

        problemBody(failure(http, HttpRequest.GET(PAGES + slug)), 404);

        http.exchange(HttpRequest.POST("/api/auth/verify-email", Map.of("token", token)));
        assertThat(http.retrieve(HttpRequest.GET(PAGES + slug), Map.class).get("slug")).isEqualTo(slug);
    }

    @Test
    @DisplayName("ACC-1 a practitioner without an account (an embedder's) has a public page as soon as it is enabled")
    void practitionerWithoutAccount() {
        PractitionerId dan = engine.practitioners().register(RegisterPractitionerCommand.of("Dan Embedded",
                "dan-" + suffix + "@example.org", ZoneId.of("Europe/Paris"))).id();
        String slug = "dan-" + suffix;
        engine.practitioners().changeProfile(new ChangeProfileCommand(dan, PersonName.of("Dan Embedded"),
                Optional.empty(), Language.FRENCH, Optional.of(Slug.of(slug)), "", List.of(), true))
                .orElseThrow();

        assertThat(http.retrieve(HttpRequest.GET(PAGES + slug), Map.class).get("practitionerId")).isEqualTo(dan.toString());
    }
}
